/**
 * Times each benchmarked endpoint's service call in-process against an existing synthetic database and
 * marks each in the server log, so auto_explain's plans can be matched to the call. By hand:
 *   DATABASE_URL=postgres://…/db npx tsx bench/profile.ts [name…]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../src/db/database.ts';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { getSnapshot, liveEvaluation } from '../src/modules/evaluation/evaluation.service.ts';
import { getAgency } from '../src/modules/orgs/orgs.service.ts';
import { programOverview } from '../src/modules/program/program.service.ts';
import { SYN_PROGRAM_CODE as P, syntheticIds } from '../src/modules/synthetic/synthetic.repository.ts';
import { taskStatusesAsOf } from '../src/modules/task-status/task-status.service.ts';
import { listTasks } from '../src/modules/tasks/tasks.service.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL');
const database = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
const db = database.db;
// One connection, so the session's auto_explain settings hold for every query (superuser: LOAD).
if (process.env.EXPLAIN)
  for (const s of [
    "LOAD 'auto_explain'",
    `SET auto_explain.log_min_duration = '${process.env.EXPLAIN}ms'`,
    'SET auto_explain.log_analyze = on',
    'SET auto_explain.log_buffers = on',
  ])
    await database.query(s);
const ids = await syntheticIds(db);
const calls: Record<string, () => Promise<unknown>> = {
  national_dashboard: () => programOverview(db, P),
  province_dashboard: () => getAgency(db, P, 'SYN_T01'),
  task_search: () =>
    listTasks(db, P, { q: 'chuyen doi so', page: 1, pageSize: 50, sort: 'relevance' } as never),
  province_status_asof: async () =>
    taskStatusesAsOf(db, await loadWorkingCalendar(db), {
      programId: ids.programId,
      asOf: '2025-06-30',
      agencyId: ids.province,
    }),
  rankings: () => (ids.snapshot ? getSnapshot(db, ids.snapshot) : Promise.resolve()),
  evaluation_current: () => liveEvaluation(db, { programCode: P, period: '2025' }),
  evaluation_asof: () => liveEvaluation(db, { programCode: P, period: '2025', asOf: '2025-06-30' }),
};
const only = process.argv.slice(2);
for (const [name, call] of Object.entries(calls)) {
  if (only.length && !only.includes(name)) continue;
  await call();
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    await rows(db, sql.raw(`SELECT pg_sleep(0.004), 'MARK ${name} ${i}'`));
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(24)} median ${ms[2]!.toFixed(1)} ms  [${ms.map((m) => m.toFixed(1)).join(', ')}]`,
  );
}
await database.close();
