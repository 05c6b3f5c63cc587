import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';
import { cliActor } from '../audit/actor.ts';
import { publishEvaluation } from '../evaluation/evaluation.service.ts';
import { syntheticPlan } from '../synthetic/synthetic.plan.ts';
import { generateSynthetic } from '../synthetic/synthetic.service.ts';
import { applyIllustrativeReports, ILLUSTRATIVE_STORIES } from './illustrative-reports.service.ts';

const TOLD = ILLUSTRATIVE_STORIES.filter((s) => s.submitted).length;

describe.each(testEngines())('demo mode’s illustrative reports on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let coordinator: Client;
  const db = () => t.database.db;
  /** What must not move: published snapshots and the synthetic program's reports. */
  const untouched = async () => ({
    snapshots: await rows(db(), sql`SELECT id, content_hash AS hash FROM evaluation_snapshot ORDER BY id`),
    synthetic: await rows(
      db(),
      sql`SELECT r.id, r.status, r.submitted_at AS "submittedAt", r.accepted_at AS "acceptedAt"
          FROM report r JOIN reporting_obligation ob ON ob.id = r.obligation_id
          JOIN program p ON p.id = ob.program_id WHERE p.code = 'SYN-NQ57' ORDER BY r.id`,
    ),
  });
  let before: Awaited<ReturnType<typeof untouched>>;
  const counts = async () =>
    (
      await rows<{ reports: number; obligations: number; statuses: number; bottlenecks: number }>(
        db(),
        sql`SELECT (SELECT count(*)::int FROM report WHERE illustrative) AS reports,
                   (SELECT count(*)::int FROM reporting_obligation WHERE illustrative) AS obligations,
                   (SELECT count(*)::int FROM task_current_status s JOIN report r ON r.id = s.report_id
                     WHERE r.illustrative) AS statuses,
                   (SELECT count(*)::int FROM bottleneck b JOIN report r ON r.id = b.report_id
                     WHERE r.illustrative) AS bottlenecks`,
      )
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
    await generateSynthetic(t.database, syntheticPlan(0.0005, 57));
    await publishEvaluation(db(), cliActor(), { programCode: 'NQ57', period: '2025-H1' });
    await makeUser(app.identity, 'coordinator@most.gov.vn', 'BNV', [{ role: 'coordinator' }]);
    coordinator = await signInAs(app, 'coordinator@most.gov.vn');
    before = await untouched();
  });
  afterAll(() => t?.close());

  it('creates the 2025 stories through the reports service in demo mode, audited and in the current state', async () => {
    expect(await applyIllustrativeReports(db(), { demo: true })).toEqual({ created: TOLD, removed: 0 });
    const c = await counts();
    expect(c.reports).toBe(TOLD);
    expect(c.statuses).toBeGreaterThan(0);
    expect(c.bottlenecks).toBe(3);
    const audited = await rows<{ action: string; n: number }>(
      db(),
      sql`SELECT action, count(*)::int AS n FROM audit_event WHERE actor_label = 'system:demo-reports'
          GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(audited.map((a) => [a.action, a.n]))).toMatchObject({
      'report.create': TOLD,
      'report.submit': TOLD + 2,
      'report.return': 2,
      'report.accept': TOLD - 1,
    });
    // Rates over 2025: some late, some on time, one owed and never sent, one waiting for review.
    const rates = (
      await coordinator.request({ url: '/api/reports/rates?dueFrom=2025-01-01&dueTo=2025-12-31' })
    ).json() as {
      expected: number;
      submitted: number;
      onTime: number;
      accepted: number;
      illustrative: number;
    }[];
    const sum = (k: 'expected' | 'submitted' | 'onTime' | 'accepted' | 'illustrative') =>
      rates.reduce((n, r) => n + r[k], 0);
    expect(sum('illustrative')).toBe(ILLUSTRATIVE_STORIES.length);
    expect(sum('submitted')).toBe(TOLD);
    // Six first submissions were on time; the returned BKHCN 2025-H2 report, resubmitted after its due
    // day, still counts by its first submission (report.first_submitted_at): six.
    expect(sum('onTime')).toBe(6);
    expect(sum('accepted')).toBe(TOLD - 1);
  });

  it('labels the data wherever it shows: report, list, obligations, public task status', async () => {
    const list = (await coordinator.request({ url: '/api/reports?pageSize=100' })).json();
    expect(list.items.length).toBe(TOLD);
    expect(list.items.every((r: { illustrative: boolean }) => r.illustrative)).toBe(true);
    const returned = list.items.find(
      (r: { agencyCode: string; period: string }) => r.agencyCode === 'BKHCN' && r.period === '2025-H2',
    );
    const report = (await coordinator.request({ url: `/api/reports/${returned.id}` })).json();
    expect(report).toMatchObject({
      illustrative: true,
      status: 'accepted',
      submittedAt: expect.stringMatching(/^2025-12-04/),
    });
    const obligations = (
      await coordinator.request({ url: '/api/reports/obligations?period=2025-H2' })
    ).json();
    expect(obligations.filter((o: { illustrative: boolean }) => o.illustrative).length).toBe(5);
    const taskId = report.items[0].taskId;
    const status = (
      await app.inject({ url: `/api/public/task-status?task=${taskId}&asOf=2025-12-31` })
    ).json();
    expect(status[0].judgement).toMatchObject({ illustrative: true, basisReportId: expect.any(Number) });
  });

  it('is idempotent across restarts', async () => {
    const first = await counts();
    expect(await applyIllustrativeReports(db(), { demo: true })).toEqual({ created: 0, removed: 0 });
    expect(await counts()).toEqual(first);
  });

  it('removes everything it made when demo mode is off, and leaves snapshots and synthetic data alone', async () => {
    expect(await applyIllustrativeReports(db(), { demo: false })).toEqual({ created: 0, removed: TOLD });
    expect(await counts()).toEqual({ reports: 0, obligations: 0, statuses: 0, bottlenecks: 0 });
    expect(await untouched()).toEqual(before);
    expect((await coordinator.request({ url: '/api/reports?pageSize=100' })).json().items).toEqual([]);
    expect(await applyIllustrativeReports(db(), { demo: false })).toEqual({ created: 0, removed: 0 });
  });
});
