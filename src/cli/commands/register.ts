import type { Command } from 'commander';
import { cliActor } from '../../modules/audit/actor.ts';
import { copyDown, gapsByAgency, gapsByTask } from '../../modules/plans/plans.service.ts';
import { AppError } from '../../server/errors.ts';
import { openConfiguredDatabase, runAction } from '../context.ts';

/** `nq57 plans copy-down` and `nq57 register gaps`: the same services the API calls. */
export function registerPlanCommands(program: Command): void {
  const plans = program.command('plans').description("Agencies' plans for the program");
  plans
    .command('copy-down')
    .description('Copy the Program tasks assigned to an agency into its plan (creates the plan if needed)')
    .requiredOption('--agency <code>', 'agency code, e.g. BKHCN or 48')
    .option('--program <code>', 'program code', 'NQ57')
    .action((options: { agency: string; program: string }) =>
      runAction(async (config) => {
        const database = await openConfiguredDatabase(config);
        try {
          const result = await copyDown(database.db, cliActor(), options.program, options.agency);
          console.log(
            `${result.plan.titleVi}: ${result.created.length} item(s) copied, ${result.items.length} in the plan.`,
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          console.error(`Error: ${error.message}`);
          process.exitCode = 1;
        } finally {
          await database.close();
        }
      }),
    );

  // `register export|import` are defined beside the other register commands; add to that group.
  const register =
    program.commands.find((c) => c.name() === 'register') ??
    program.command('register').description('The task register');
  register
    .command('gaps')
    .description('Tasks given to all ministries or all provinces that an agency has no plan item for')
    .option('--agency <code>', 'only this agency')
    .option('--by-task', 'group by task instead of by agency')
    .option('--program <code>', 'program code', 'NQ57')
    .option('--json', 'print JSON')
    .action((options: { agency?: string; byTask?: boolean; program: string; json?: boolean }) =>
      runAction(async (config) => {
        const database = await openConfiguredDatabase(config);
        try {
          if (options.byTask) {
            const rows = await gapsByTask(database.db, options.program);
            if (options.json) console.log(JSON.stringify(rows, null, 2));
            else
              for (const r of rows)
                console.log(
                  `task ${r.taskCode} (${r.collective}): ${r.agencies.length} agencies without a plan item — ${r.agencies.map((a) => a.agencyCode).join(', ')}`,
                );
          } else {
            const rows = await gapsByAgency(database.db, options.program, options.agency);
            if (!options.json && rows.length === 0)
              console.log('No gaps: every agency has a plan item for each task given to it collectively.');
            else if (options.json) console.log(JSON.stringify(rows, null, 2));
            else
              for (const r of rows)
                console.log(
                  `${r.agencyCode} ${r.agencyNameVi}: ${r.tasks.length} task(s) — ${r.tasks.map((t) => t.taskCode).join(', ')}`,
                );
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          console.error(`Error: ${error.message}`);
          process.exitCode = 1;
        } finally {
          await database.close();
        }
      }),
    );
}
