import type { Command } from 'commander';
import { cliActor } from '../../modules/audit/actor.ts';
import {
  listMethods,
  liveEvaluation,
  publishEvaluation,
} from '../../modules/evaluation/evaluation.service.ts';
import { AppError } from '../../server/errors.ts';
import { openConfiguredDatabase, runAction } from '../context.ts';
import { formatEvaluation } from '../format.ts';

export function registerEvaluationCommands(program: Command): void {
  const evaluation = program
    .command('evaluation')
    .description(
      'Evaluate agencies for a period: scoring methods, the live view, publication of frozen snapshots',
    );

  interface EvaluationOptions {
    period: string;
    asOf?: string;
    methodId?: string;
    program: string;
    json?: boolean;
  }

  /** Runs an evaluation command; a refusal (bad period, empty period) ends with its reason and exit code 1. */
  function evaluationAction(
    run: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<void>,
  ) {
    return runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        await run(database);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(`Error: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  }

  const evaluationRequest = (o: EvaluationOptions) => ({
    programCode: o.program,
    period: o.period,
    asOf: o.asOf,
    methodId: o.methodId === undefined ? undefined : Number(o.methodId),
  });

  evaluation
    .command('show')
    .description('Compute the evaluation of a period as of a date, without publishing it')
    .requiredOption('--period <period>', '2025, 2025-H1, 2025-Q2 or 2025-06')
    .option('--as-of <date>', 'a date within the period (YYYY-MM-DD); default its last day or today')
    .option('--method-id <id>', 'scoring method version; default the latest "default"')
    .option('--program <code>', 'program code', 'NQ57')
    .option('--json', 'print the whole evaluation as JSON')
    .action((o: EvaluationOptions) =>
      evaluationAction(async (database) => {
        const result = await liveEvaluation(database.db, evaluationRequest(o));
        console.log(o.json ? JSON.stringify(result, null, 2) : formatEvaluation(result));
      }),
    );

  evaluation
    .command('publish')
    .description('Publish the evaluation of a period as a snapshot that never changes afterwards')
    .requiredOption('--period <period>', '2025, 2025-H1, 2025-Q2 or 2025-06')
    .option('--as-of <date>', 'a date within the period (YYYY-MM-DD); default its last day or today')
    .option('--method-id <id>', 'scoring method version; default the latest "default"')
    .option('--program <code>', 'program code', 'NQ57')
    .option('--json', 'print the whole snapshot as JSON')
    .action((o: EvaluationOptions) =>
      evaluationAction(async (database) => {
        const snapshot = await publishEvaluation(database.db, cliActor(), evaluationRequest(o));
        if (o.json) console.log(JSON.stringify(snapshot, null, 2));
        else {
          console.log(
            `Published snapshot ${snapshot.id}: ${snapshot.period} as of ${snapshot.asOf}, sha256 ${snapshot.contentHash}`,
          );
          console.log(formatEvaluation(snapshot.content as Parameters<typeof formatEvaluation>[0]));
        }
      }),
    );

  evaluation
    .command('methods')
    .description('List every version of every scoring method')
    .action(() =>
      evaluationAction(async (database) => {
        for (const m of await listMethods(database.db)) {
          const weights = Object.entries(m.weights)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
          console.log(
            `#${m.id} ${m.code} v${m.version} — ${weights}; overdue −${m.penalties.overdue}; partner ×${m.partnerShare}`,
          );
        }
      }),
    );
}
