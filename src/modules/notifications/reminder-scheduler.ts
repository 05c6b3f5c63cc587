import PgBoss from 'pg-boss';
import type { Database } from '../../db/database.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { programIdOf } from '../reports/obligations.service.ts';
import { vietnamToday } from '../task-status/dates.ts';
import type { Senders } from './channels.ts';
import { runReminders } from './reminders.service.ts';

export const REMINDER_QUEUE = 'reminders-run';

export interface ReminderJob {
  program: string;
  /** The day to judge; a scheduled run judges the day it runs. */
  today?: string;
}

/**
 * pg-boss sends its schema migrations and some commands as several statements in one string, which
 * PGlite's parameterised query() refuses ("cannot insert multiple commands into a prepared statement").
 * Those come without parameters and their results are not read, so they go through the simple protocol.
 */
function executeSql(database: Database, text: string, values: unknown[] | undefined) {
  const multi = !values?.length && text.trim().replace(/;\s*$/, '').includes(';');
  return multi ? database.maintenance(text).then(() => ({ rows: [] })) : database.query(text, values);
}

/**
 * pg-boss on the platform's own database (its tables live in the `pgboss` schema), through
 * Database.query so it works on PGlite too. Jobs are rows: a job scheduled before a restart runs after it.
 */
export async function startReminderScheduler(
  database: Database,
  deps: {
    senders: Senders;
    cron?: string | null;
    program?: string;
    pollingSeconds?: number;
  },
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => executeSql(database, text, values) },
    // PGlite has one connection: keep pg-boss's own housekeeping light.
    supervise: true,
    schedule: deps.cron !== null,
    migrate: true,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: 'standard' });
  await boss.work<ReminderJob>(
    REMINDER_QUEUE,
    { pollingIntervalSeconds: deps.pollingSeconds ?? 2, batchSize: 1 },
    async ([job]) => {
      if (!job) return;
      const programId = await programIdOf(database.db, job.data.program);
      // Loaded per run (cached per database): a day added to the calendar counts from the next run.
      return runReminders(database.db, await loadWorkingCalendar(database.db), deps.senders, {
        programId,
        today: job.data.today ?? vietnamToday(),
      });
    },
  );
  // Every morning at 07:00 Viet Nam time, unless the caller schedules otherwise (null: no cron).
  if (deps.cron !== null)
    await boss.schedule(
      REMINDER_QUEUE,
      deps.cron ?? '0 7 * * *',
      { program: deps.program ?? 'NQ57' },
      {
        tz: 'Asia/Ho_Chi_Minh',
      },
    );
  return boss;
}
