import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import { reportsRepository } from '../../src/modules/reports/reports.repository.ts';
import { syntheticPlan } from '../../src/modules/synthetic/synthetic.plan.ts';
import { SYN_PROGRAM_CODE } from '../../src/modules/synthetic/synthetic.repository.ts';
import { generateSynthetic } from '../../src/modules/synthetic/synthetic.service.ts';
import { dataEpochRepository } from '../../src/modules/system/data-epoch.repository.ts';
import { vietnamToday } from '../../src/modules/task-status/dates.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';

/**
 * Decision 076: drafts and submissions do not move the public-data epoch (public pages show accepted
 * reports only), so report writers do not queue on its row; anything that touches an accepted report does,
 * and the public statuses are never stale.
 */
describe.each(testEngines())('public-data epoch and reports on %s', (engine) => {
  let t: TestApp;
  let obligation: { id: number; agencyId: number; taskId: number };
  beforeAll(async () => {
    t = await createTestApp(engine);
    await generateSynthetic(t.database, syntheticPlan(0.0005, 57));
    // An obligation of a new month, with a task its agency leads.
    const [found] = await rows<{ id: number; agencyId: number; taskId: number }>(
      t.database.db,
      sql`INSERT INTO reporting_obligation (schedule_id, program_id, agency_id, period, period_start, period_end, due_date)
          SELECT ob.schedule_id, ob.program_id, ob.agency_id, '2031-01', '2031-01-01', '2031-01-31', '2031-02-05'
            FROM reporting_obligation ob JOIN program p ON p.id = ob.program_id AND p.code = ${SYN_PROGRAM_CODE}
           ORDER BY ob.id LIMIT 1
          RETURNING id, agency_id AS "agencyId",
            (SELECT ta.task_id FROM task_agency ta WHERE ta.org_unit_id = reporting_obligation.agency_id
              AND ta.role = 'lead' ORDER BY ta.task_id LIMIT 1) AS "taskId"`,
    );
    obligation = found!;
  }, 240_000);
  afterAll(async () => t?.close());

  const epoch = () => dataEpochRepository(t.database.db).current();

  it('stays put through a draft and a submission, moves on acceptance, supersession and deletion', async () => {
    const db = t.database.db;
    const e0 = await epoch();
    const [report] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO report (obligation_id, agency_id, status, summary)
          VALUES (${obligation.id}, ${obligation.agencyId}, 'draft', 'd') RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO report_item (report_id, task_id, status, progress)
          VALUES (${report!.id}, ${obligation.taskId}, 'in_progress', 10)`,
    );
    await db.execute(sql`UPDATE report_item SET progress = 20 WHERE report_id = ${report!.id}`);
    await db.execute(
      sql`UPDATE report SET status = 'submitted', submitted_at = now() WHERE id = ${report!.id}`,
    );
    expect(await epoch()).toBe(e0);

    await db.execute(
      sql`UPDATE report SET status = 'accepted', accepted_at = now() WHERE id = ${report!.id}`,
    );
    const e1 = await epoch();
    expect(e1).not.toBe(e0);
    await db.execute(sql`UPDATE report_item SET reviewer_note = 'seen' WHERE report_id = ${report!.id}`);
    const e2 = await epoch();
    expect(e2).not.toBe(e1);
    await db.execute(sql`UPDATE report SET superseded_at = now() WHERE id = ${report!.id}`);
    const e3 = await epoch();
    expect(e3).not.toBe(e2);
    await db.execute(sql`DELETE FROM report_item WHERE report_id = ${report!.id}`);
    const e4 = await epoch();
    expect(e4).not.toBe(e3);
    await db.execute(sql`DELETE FROM report WHERE id = ${report!.id}`);
    expect(await epoch()).not.toBe(e4);
  });

  it('answers the public statuses afresh once a report is accepted', async () => {
    const db = t.database.db;
    const url = `/api/public/task-status?program=${SYN_PROGRAM_CODE}&agency=${obligation.agencyId}&task=${obligation.taskId}&asOf=${vietnamToday()}`;
    const statusOf = async () => {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      return { cache: res.headers['x-cache'], body: res.json() as { taskId: number; judgement: unknown }[] };
    };
    const before = await statusOf();
    expect((await statusOf()).cache).toBe('hit');
    const [report] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO report (obligation_id, agency_id, status, summary, submitted_at)
          VALUES (${obligation.id}, ${obligation.agencyId}, 'submitted', 's', now()) RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO report_item (report_id, task_id, status, progress)
          VALUES (${report!.id}, ${obligation.taskId}, 'in_progress', 77)`,
    );
    expect((await statusOf()).cache).toBe('hit'); // a submission is not public
    // Accepted as acceptReport does it: the status, and the current-state summary in the same transaction.
    await db.transaction(async (tx) => {
      const acceptedAt = new Date().toISOString();
      await tx.execute(
        sql`UPDATE report SET status = 'accepted', accepted_at = ${acceptedAt} WHERE id = ${report!.id}`,
      );
      await reportsRepository(tx).refreshCurrentStatus(report!.id, obligation.agencyId, acceptedAt);
    });
    const after = await statusOf();
    expect(after.cache).toBe('miss');
    expect(after.body).toHaveLength(1);
    expect(JSON.stringify(after.body)).not.toBe(JSON.stringify(before.body));
  });
});
