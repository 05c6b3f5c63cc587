import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { evaluationRepository } from '../../src/modules/evaluation/evaluation.repository.ts';
import { toScoringMethod } from '../../src/modules/evaluation/evaluation.service.ts';
import { evaluate } from '../../src/modules/evaluation/evaluation.ts';
import { requirePeriod } from '../../src/modules/evaluation/periods.ts';
import { taskFactsRepository } from '../../src/modules/evaluation/task-facts.repository.ts';
import { agencyCarries } from '../../src/modules/reports/reports.repository.ts';
import { syntheticPlan } from '../../src/modules/synthetic/synthetic.plan.ts';
import { SYN_PROGRAM_CODE } from '../../src/modules/synthetic/synthetic.repository.ts';
import { generateSynthetic } from '../../src/modules/synthetic/synthetic.service.ts';
import { vietnamToday } from '../../src/modules/task-status/dates.ts';
import { taskStatusRepository } from '../../src/modules/task-status/task-status.repository.ts';
import { taskStatusesAsOf } from '../../src/modules/task-status/task-status.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';

/**
 * The read paths rewritten for speed (docs/benchmarks.md) give the same answers as the plain ones, on a
 * small synthetic dataset with reports over five years, returns, bottlenecks and communes.
 */
describe.each(testEngines())('fast read paths give the same answers on %s', (engine) => {
  let t: TestApp;
  let programId: number;
  let provinces: number[];
  beforeAll(async () => {
    t = await createTestApp(engine);
    await generateSynthetic(t.database, syntheticPlan(0.001, 57));
    const [p] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM program WHERE code = ${SYN_PROGRAM_CODE}`,
    );
    programId = p!.id;
    provinces = (
      await rows<{ id: number }>(
        t.database.db,
        sql`SELECT id FROM org_unit WHERE code LIKE 'SYN_T%' AND kind = 'province' ORDER BY code`,
      )
    ).map((r) => r.id);
  }, 240_000);
  afterAll(async () => t?.close());

  it('an evaluation from period-scoped facts equals the one from every fact', async () => {
    const db = t.database.db;
    const calendar = await loadWorkingCalendar(db);
    const [methodRow] = await evaluationRepository(db).methods();
    const method = toScoringMethod(methodRow!);
    // A merge too: the second province folded into the first (its history must follow it).
    const merged = { [provinces[1]!]: provinces[0]! };
    const cases = [
      { period: '2025', asOf: '2025-06-30' },
      { period: '2025', asOf: '2025-12-31' },
      { period: '2024-H2', asOf: '2024-12-31' },
      { period: '2026-Q1', asOf: '2026-03-31' },
    ];
    for (const c of cases) {
      for (const successorOf of [undefined, merged]) {
        const period = requirePeriod(c.period);
        const repo = taskFactsRepository(db);
        const every = await repo.load(programId, c.asOf, { calendar, successorOf });
        const scoped = await repo.load(programId, c.asOf, {
          calendar,
          successorOf,
          periodStart: period.start,
        });
        expect(scoped.reporting.length).toBeLessThan(every.reporting.length);
        const a = evaluate(every, period, method);
        const b = evaluate(scoped, period, method);
        expect(b, `${c.period} as of ${c.asOf}${successorOf ? ', merged' : ''}`).toEqual(a);
        expect(a.basis.reportsExpected).toBeGreaterThan(0);
      }
    }
  });

  it("today's statuses from the current-state summary equal those from the accepted history", async () => {
    const db = t.database.db;
    const calendar = await loadWorkingCalendar(db);
    const today = vietnamToday();
    for (const agencyId of [undefined, ...provinces.slice(0, 3)]) {
      const input = { programId, asOf: today, agencyId };
      // As the API shows them: the fact a judgement rests on is named by its report (the summary keeps the
      // counted status, the history the agency's and the reviewer's apart).
      const shown = (list: Awaited<ReturnType<typeof taskStatusesAsOf>>) =>
        JSON.parse(
          JSON.stringify(list, (key, value) => (key === 'basis' ? (value?.reportId ?? null) : value)),
        );
      const fromSummary = shown(await taskStatusesAsOf(db, calendar, input));
      const fromHistory = shown(await taskStatusesAsOf(db, calendar, { ...input, fromHistory: true }));
      expect(fromSummary, `agency ${agencyId ?? 'leads'}`).toEqual(fromHistory);
      expect(
        fromSummary.some((s: { judgement: { basis: number | null } | null }) => s.judgement?.basis),
      ).toBe(true);
    }
  });

  it("a province's tasks (two indexed branches) are those it carries as lead (one join with OR)", async () => {
    const db = t.database.db;
    for (const agencyId of provinces.slice(0, 5)) {
      const fast = (await taskStatusRepository(db).tasks({ programId, agencyId })).map((r) => r.id);
      const plain = (
        await rows<{ id: number }>(
          db,
          sql`SELECT t.id FROM task t WHERE t.program_id = ${programId}
                AND EXISTS (SELECT 1 FROM task_agency ta JOIN org_unit o ON o.id = ${agencyId}
                            AND ${agencyCarries('ta', 'o', sql`'lead'`)} WHERE ta.task_id = t.id)
              ORDER BY t.id`,
        )
      ).map((r) => r.id);
      expect(fast).toEqual(plain);
      expect(fast.length).toBeGreaterThan(0);
    }
  });
});
