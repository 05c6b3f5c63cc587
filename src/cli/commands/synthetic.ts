import type { Command } from 'commander';
import { ConfigError } from '../../config.ts';
import { parseScale, syntheticPlan } from '../../modules/synthetic/synthetic.plan.ts';
import { generateSynthetic } from '../../modules/synthetic/synthetic.service.ts';
import { openConfiguredDatabase, runAction } from '../context.ts';

export function registerSyntheticCommands(program: Command): void {
  program
    .command('synthetic')
    .description('Synthetic data for benchmarks (program SYN-NQ57, units coded SYN_; never the real program)')
    .command('generate')
    .description('Replace the synthetic dataset with a deterministic one of the given size')
    .option(
      '--scale <scale>',
      'national (500,000 tasks, 5,000,000 report items), small (1/100) or a fraction',
      'small',
    )
    .option('--seed <n>', 'seed of the pseudo-random choices', '57')
    .option('--json', 'print the result as JSON')
    .action((options: { scale: string; seed: string; json?: boolean }) =>
      runAction(async (config) => {
        const scale = parseScale(options.scale);
        if (scale === undefined) throw new ConfigError('--scale: national, small or a fraction in (0, 1]');
        const seed = Number(options.seed);
        if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000_000)
          throw new ConfigError('--seed: an integer 0..1000000000');
        const database = await openConfiguredDatabase(config, { thread: 'main' });
        try {
          await database.migrate();
          const t0 = performance.now();
          const result = await generateSynthetic(database, syntheticPlan(scale, seed), (line) => {
            if (!options.json) console.log(line);
          });
          const total = Math.round(performance.now() - t0) / 1000;
          if (options.json) console.log(JSON.stringify({ ...result, totalSeconds: total }, null, 2));
          else
            console.log(
              `Synthetic dataset (${database.engine}, scale ${scale}, seed ${seed}) in ${total} s: ` +
                `${result.counts.orgUnits} org units, ${result.counts.tasks} tasks, ${result.counts.reports} reports, ` +
                `${result.counts.reportItems} report items, ${result.counts.bottlenecks} bottlenecks; checksum ${result.counts.checksum}`,
            );
        } finally {
          await database.close();
        }
      }),
    );
}
