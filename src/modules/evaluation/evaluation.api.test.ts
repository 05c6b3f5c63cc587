import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { makeUser, SAME_ORIGIN, signInAs } from '../../../tests/helpers/identity.ts';
import { type Database, rows } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import type { Role } from '../access/roles.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { defaultIdentityOptions } from '../identity/identity-options.ts';
import { evaluationRepository } from './evaluation.repository.ts';
import { toScoringMethod } from './evaluation.service.ts';
import { DEFAULT_RULES } from './scoring-method.ts';
import { taskFactsRepository } from './task-facts.repository.ts';

/** The real app with real sessions: people sign in, requests carry their cookie from our own origin. */
async function signedInHeaders(app: FastifyInstance, email: string, unit: string, role: Role) {
  await makeUser(app.identity, email, unit, [{ role }]);
  return { cookie: `sid=${(await signInAs(app, email)).cookie}`, ...SAME_ORIGIN };
}

describe.each(testEngines())('evaluation API on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let first: { id: number; contentHash: string; content: Record<string, unknown> };
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildApp({
      database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions({ rateLimits: { signIn: 1000, writes: 10000 } }),
    });
    await app.ready();
    coordinator = await signedInHeaders(app, 'user1@example.vn', 'BKHCN', 'coordinator');
    officer = await signedInHeaders(app, 'user7@example.vn', 'BKHCN', 'focal_officer');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  let coordinator: Record<string, string> = {};
  let officer: Record<string, string> = {};
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = coordinator,
  ) => app.inject({ method, url, payload, headers });
  const count = async (table: string) =>
    (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!
      .n;

  it('has the default method, version 1, public', async () => {
    const res = await call('GET', '/api/evaluations/methods');
    expect(res.statusCode).toBe(200);
    const [method] = res.json().items;
    expect(method).toMatchObject({
      code: 'default',
      version: 1,
      weights: {
        on_time_completion: 40,
        late_completion: 10,
        evidence_first_review: 15,
        reporting_on_time: 25,
        bottlenecks_cleared: 10,
      },
      penalties: { overdue: 20 },
      partnerShare: 0.5,
    });
    expect((await call('GET', `/api/public/evaluations/methods/${method.id}`)).json()).toEqual(method);
    const [row] = await evaluationRepository(database.db).methods();
    expect(toScoringMethod(row!)).toMatchObject(DEFAULT_RULES);
  });

  it('reads the facts of every unit a collective assignment names', async () => {
    const [program] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM program WHERE code = 'NQ57'`,
    );
    const [collective] = await rows<{ taskId: number; n: number }>(
      database.db,
      sql`SELECT task_id AS "taskId", count(*)::int AS n FROM task_agency
          WHERE collective = 'all_provinces' AND role = 'lead' GROUP BY task_id ORDER BY task_id LIMIT 1`,
    );
    const facts = await taskFactsRepository(database.db).load(program!.id, '2025-06-30', {
      calendar: await loadWorkingCalendar(database.db),
    });
    const provinces = facts.agencies.filter((a) => a.agencyClass === 'province');
    expect(provinces).toHaveLength(34);
    const carriers = facts.tasks.filter((t) => t.taskId === collective!.taskId && t.role === 'lead');
    expect(new Set(carriers.map((t) => t.agencyId)).size).toBeGreaterThanOrEqual(34);
  });

  it('refuses a weight set that does not sum to 100, with the reason, and writes nothing', async () => {
    const before = await count('scoring_method');
    const res = await call('POST', '/api/evaluations/methods', {
      nameVi: 'Thử',
      weights: {
        on_time_completion: 35,
        late_completion: 10,
        evidence_first_review: 15,
        reporting_on_time: 25,
        bottlenecks_cleared: 10,
      },
      penalties: { overdue: 20 },
      partnerShare: 0.5,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'weights: must sum to 100 (they sum to 95)',
    });
    expect(await count('scoring_method')).toBe(before);
  });

  it('changes weights only by a new version; a published version never changes', async () => {
    const res = await call('POST', '/api/evaluations/methods', {
      nameVi: 'Phương pháp 2025',
      note: 'More weight on reporting',
      weights: {
        on_time_completion: 35,
        late_completion: 10,
        evidence_first_review: 15,
        reporting_on_time: 30,
        bottlenecks_cleared: 10,
      },
      penalties: { overdue: 25 },
      partnerShare: 0.25,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'default',
      version: 2,
      partnerShare: 0.25,
      createdBy: 'user1@example.vn',
    });
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const refused = await call(method, '/api/evaluations/methods/1', {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toMatch(/create a new version/);
    }
    await expect(database.db.execute(sql`UPDATE scoring_method SET partner_share_pct = 0`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM scoring_method`)).rejects.toThrow();
  });

  it('refuses to publish anonymously, an unknown period, or a date outside it', async () => {
    expect((await call('POST', '/api/evaluations/snapshots', { period: '2025-H1' }, {})).statusCode).toBe(
      401,
    );
    const bad = await call('POST', '/api/evaluations/snapshots', { period: '2025-H3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^period: must be a year, half, quarter or month/);
    const outside = await call('POST', '/api/evaluations/snapshots', {
      period: '2025-H1',
      asOf: '2025-07-01',
    });
    expect(outside.json().error.message).toBe(
      'asOf: must fall within the period 2025-H1 (2025-01-01 to 2025-06-30)',
    );
  });

  it('refuses to publish an empty period', async () => {
    const res = await call('POST', '/api/evaluations/snapshots', { period: '2024-H1', methodId: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'period: has no task due or completed and no report owed by 2024-06-30: nothing to publish',
    );
    expect(await count('evaluation_snapshot')).toBe(0);
  });

  it('publishes a period as a snapshot with method, figures, rankings and a hash', async () => {
    const res = await call('POST', '/api/evaluations/snapshots', { period: '2025-H1', methodId: 1 });
    expect(res.statusCode).toBe(201);
    first = res.json();
    const content = first.content as {
      asOf: string;
      method: { version: number };
      basis: { tasksDue: number };
      rankings: { agencyClass: string; ranked: { code: string; rank: number }[] }[];
      changes: { previousSnapshotId: number | null };
      scores: { code: string; explanation: { components: { criterion: string; tasks?: unknown[] }[] } }[];
    };
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(content.asOf).toBe('2025-06-30');
    expect(content.method.version).toBe(1);
    expect(content.basis.tasksDue).toBeGreaterThan(0);
    expect(content.rankings.map((r) => r.agencyClass)).toEqual(['ministry', 'province']);
    expect(content.rankings[0]!.ranked.length).toBeGreaterThan(0);
    expect(content.changes.previousSnapshotId).toBeNull();
    const most = content.scores.find((s) => s.code === 'BKHCN')!;
    expect(most.explanation.components.find((c) => c.criterion === 'overdue')!.tasks!.length).toBeGreaterThan(
      0,
    );
    const audit = await rows<{ action: string }>(
      database.db,
      sql`SELECT action FROM audit_event WHERE action LIKE 'evaluation.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['evaluation.method.create', 'evaluation.publish']);
  });

  it('keeps a published snapshot unchanged after the data changes', async () => {
    const liveBefore = (await call('GET', '/api/evaluations/live?period=2025-H1&methodId=1')).json();
    const again = (await call('GET', '/api/evaluations/live?period=2025-H1&methodId=1')).json();
    expect(again).toEqual(liveBefore);
    const { changes: _, programCode: __, ...published } = first.content;
    const { changes: sincePublished, ...live } = liveBefore;
    expect(live).toEqual(published);
    // The live view says what publishing it now would change: nothing, against the snapshot just taken.
    expect(sincePublished).toMatchObject({ previousSnapshotId: first.id, methodChanged: false });
    expect(
      sincePublished.agencies.filter(
        (a: { move: number | null; scoreDelta: number | null }) => a.move || a.scoreDelta,
      ),
    ).toEqual([]);
    // New facts: deadlines extended past the period, a new lead agency on a task.
    await database.db.execute(sql`UPDATE task SET due_date = '2025-12-31' WHERE due_date <= '2025-06-30'
      AND id IN (SELECT id FROM task ORDER BY id LIMIT 5)`);
    const liveAfter = (await call('GET', '/api/evaluations/live?period=2025-H1&methodId=1')).json();
    expect(liveAfter.basis.tasksDue).toBeLessThan(liveBefore.basis.tasksDue);

    const stored = (await call('GET', `/api/evaluations/snapshots/${first.id}`)).json();
    expect(stored.content).toEqual(first.content);
    expect(stored.contentHash).toBe(first.contentHash);
    expect(stored.hashVerified).toBe(true);
    expect(stored.content.basis.tasksDue).toBe(liveBefore.basis.tasksDue);
  });

  it('refuses every change to a published snapshot, through any endpoint and in the database', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/evaluations/snapshots/${first.id}`, `/api/public/evaluations/${first.id}`]) {
        const res = await call(method, url, { period: '2025' });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.message).toMatch(/never changes/);
      }
    }
    await expect(
      database.db.execute(sql`UPDATE evaluation_snapshot SET as_of = period_start`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM evaluation_snapshot`)).rejects.toThrow();
  });

  it('shows what changed since the previous snapshot', async () => {
    const res = await call('POST', '/api/evaluations/snapshots', { period: '2025' });
    expect(res.statusCode).toBe(201);
    const { content, previousSnapshotId } = res.json();
    expect(previousSnapshotId).toBe(first.id);
    expect(content.method.version).toBe(2);
    expect(content.changes).toMatchObject({
      previousSnapshotId: first.id,
      previousPeriod: '2025-H1',
      methodChanged: true,
    });
    const bkhcn = content.changes.agencies.find((a: { code: string }) => a.code === 'BKHCN');
    expect(bkhcn).toMatchObject({ agencyClass: 'ministry' });
    expect(bkhcn.previousRank).not.toBeUndefined();
  });

  it('takes a recheck only from the agency itself, answers it once, and shows both with the snapshot', async () => {
    const [bkhcn] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM org_unit WHERE code = 'BKHCN'`,
    );
    const [other] = await rows<{ id: number }>(database.db, sql`SELECT id FROM org_unit WHERE code = 'BTC'`);
    const url = `/api/evaluations/snapshots/${first.id}/rechecks`;
    const refused = await call('POST', url, { agencyId: other!.id, reason: 'Số liệu chưa đúng' }, officer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("You may ask for a recheck of your own agency's figures only");
    const empty = await call('POST', url, { agencyId: bkhcn!.id, reason: '   ' }, officer);
    expect(empty.statusCode).toBe(400);

    const asked = await call(
      'POST',
      url,
      { agencyId: bkhcn!.id, reason: 'Nhiệm vụ 5 đã được gia hạn' },
      officer,
    );
    expect(asked.statusCode).toBe(201);
    const recheck = asked.json();
    const answered = await call('POST', `/api/evaluations/rechecks/${recheck.id}/answer`, {
      answer: 'Gia hạn được ghi nhận sau ngày chốt; giữ nguyên',
      outcome: 'upheld',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ outcome: 'upheld', answeredBy: 'user1@example.vn' });
    const again = await call('POST', `/api/evaluations/rechecks/${recheck.id}/answer`, {
      answer: 'Khác',
      outcome: 'corrected_in_next',
    });
    expect(again.statusCode).toBe(409);

    const published = (await call('GET', `/api/public/evaluations/${first.id}`, undefined, {})).json();
    expect(published.rechecks).toEqual([
      expect.objectContaining({
        agencyId: bkhcn!.id,
        reason: 'Nhiệm vụ 5 đã được gia hạn',
        answer: 'Gia hạn được ghi nhận sau ngày chốt; giữ nguyên',
        requestedBy: null,
        answeredBy: null,
      }),
    ]);
    expect(published.publishedBy).toBeNull();
    const one = (
      await call('GET', `/api/public/evaluations/${first.id}/agencies/${bkhcn!.id}`, undefined, {})
    ).json();
    expect(one).toMatchObject({
      snapshotId: first.id,
      period: '2025-H1',
      figures: { code: 'BKHCN' },
      rank: { agencyClass: 'ministry' },
    });
    expect(one.explanation.components.map((c: { criterion: string }) => c.criterion)).toContain('overdue');
    expect(one.rechecks).toHaveLength(1);
    expect(
      (await call('GET', `/api/public/evaluations/${first.id}/agencies/999999`, undefined, {})).statusCode,
    ).toBe(404);
    expect(published.contentHash).toBe(first.contentHash);
  });

  it('gives the rankings alone: the same parts as the whole snapshot', async () => {
    const whole = (await call('GET', `/api/public/evaluations/${first.id}`, undefined, {})).json();
    const res = await call('GET', `/api/public/evaluations/${first.id}/rankings`, undefined, {});
    expect(res.statusCode).toBe(200);
    const rankings = res.json();
    const { programCode, period, asOf, method, basis, rankings: ranked, changes } = whole.content;
    expect(rankings.content).toEqual({ programCode, period, asOf, method, basis, rankings: ranked, changes });
    const { content: _, ...summary } = whole;
    const { content: __, ...rankingsSummary } = rankings;
    expect(rankingsSummary).toEqual(summary);
    expect(rankings.hashVerified).toBe(true);
    expect((await call('GET', '/api/public/evaluations/999999/rankings', undefined, {})).statusCode).toBe(
      404,
    );
  });

  it('says when a stored snapshot no longer matches its hash', async () => {
    await database.maintenance(
      'ALTER TABLE evaluation_snapshot DISABLE TRIGGER evaluation_snapshot_immutable',
    );
    await database.db.execute(
      sql`UPDATE evaluation_snapshot SET content = jsonb_set(content, '{asOf}', '"2025-06-29"') WHERE id = ${first.id}`,
    );
    await database.maintenance(
      'ALTER TABLE evaluation_snapshot ENABLE TRIGGER evaluation_snapshot_immutable',
    );
    const tampered = (await call('GET', `/api/public/evaluations/${first.id}`, undefined, {})).json();
    expect(tampered.hashVerified).toBe(false);
    expect(tampered.contentHash).toBe(first.contentHash);
    const rankings = (
      await call('GET', `/api/public/evaluations/${first.id}/rankings`, undefined, {})
    ).json();
    expect(rankings.hashVerified).toBe(false);
    expect(rankings.content.asOf).toBe('2025-06-29');
  });

  it('lists only published snapshots to the public, newest first', async () => {
    const res = await call('GET', '/api/public/evaluations', undefined, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { period: string }) => s.period)).toEqual(['2025', '2025-H1']);
    expect((await call('GET', '/api/public/evaluations/9999', undefined, {})).statusCode).toBe(404);
  });
});
