import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import { isoDate } from '../../lib/http.ts';
import { cliActor } from '../../modules/audit/actor.ts';
import { loadWorkingCalendar } from '../../modules/calendar/calendar.service.ts';
import { sendersFromEnv } from '../../modules/notifications/channels.ts';
import { runReminders } from '../../modules/notifications/reminders.service.ts';
import { filesDir, moveDiskFilesIntoDatabase } from '../../modules/reports/files.service.ts';
import { generateObligations, programIdOf } from '../../modules/reports/obligations.service.ts';
import { vietnamToday } from '../../modules/task-status/dates.ts';
import { AppError } from '../../server/errors.ts';
import { openConfiguredDatabase, runAction } from '../context.ts';

/** A refusal from a service (unknown program, bad range) ends the command with its message, not a trace. */
function asConfigError(error: unknown): never {
  throw error instanceof AppError ? new ConfigError(error.message) : error;
}

export function registerReportCommands(program: Command): void {
  const reportsCommand = program.command('reports').description('Progress reports and reporting obligations');
  reportsCommand
    .command('obligations')
    .description('Reporting obligations (agency × period × due date)')
    .command('generate')
    .description("Create the obligations of the program's active schedules for a date range (idempotent)")
    .option('--program <code>', 'program code', 'NQ57')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .action((options: { program: string; from: string; to: string }) =>
      runAction(async (config) => {
        const range = z.object({ from: isoDate, to: isoDate }).safeParse(options);
        if (!range.success) throw new ConfigError(`--from/--to: ${range.error.issues[0]?.message}`);
        const database = await openConfiguredDatabase(config);
        try {
          await database.migrate();
          const result = await generateObligations(database.db, cliActor(), {
            programId: await programIdOf(database.db, options.program),
            ...range.data,
          }).catch(asConfigError);
          console.log(
            `Obligations ${range.data.from}..${range.data.to}: ${result.created} created, ${result.existing} already there ` +
              `(${result.agencies} agencies × ${result.periods} periods).`,
          );
        } finally {
          await database.close();
        }
      }),
    );

  reportsCommand
    .command('files-into-database')
    .description(
      'Move evidence files stored on disk (FILES_DIR, before decision 096) into the database, checked by SHA-256',
    )
    .action(() =>
      runAction(async (config) => {
        const database = await openConfiguredDatabase(config);
        try {
          await database.migrate();
          const dir = filesDir();
          const r = await moveDiskFilesIntoDatabase(database.db, cliActor(), dir);
          console.log(
            `Evidence files from ${dir}: ${r.moved} moved into the database` +
              (r.missing.length ? `; not on disk: ${r.missing.join(', ')}` : '') +
              (r.damaged.length
                ? `; content does not match its SHA-256, left as is: ${r.damaged.join(', ')}`
                : '') +
              '. The files on disk can be removed once a backup holds them.',
          );
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('reminders')
    .description('Reminders before and after deadlines')
    .command('run-once')
    .description('Send the reminders due on a day (default today in Viet Nam); each is sent at most once')
    .option('--program <code>', 'program code', 'NQ57')
    .option('--date <date>', 'the day to judge, YYYY-MM-DD')
    .action((options: { program: string; date?: string }) =>
      runAction(async (config) => {
        const date = isoDate.optional().safeParse(options.date);
        if (!date.success) throw new ConfigError(`--date: ${date.error.issues[0]?.message}`);
        const database = await openConfiguredDatabase(config);
        try {
          await database.migrate();
          const run = await runReminders(
            database.db,
            await loadWorkingCalendar(database.db),
            sendersFromEnv(),
            {
              programId: await programIdOf(database.db, options.program).catch(asConfigError),
              today: date.data ?? vietnamToday(),
            },
          );
          console.log(
            `Reminders: ${run.sent} sent, ${run.alreadySent} already sent before, ${run.failed} failed (${run.planned} planned).`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
