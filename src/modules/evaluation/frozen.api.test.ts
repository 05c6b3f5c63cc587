import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs, unitId } from '../../../tests/helpers/identity.ts';
import type { Database } from '../../db/database.ts';

/**
 * The guarantee, over every endpoint that shows a snapshot: a published evaluation is unchanged
 * after new reports. The coordinator publishes the first half of 2025 on 20/6, mid-period, when T1 (due
 * 10/6) is overdue; on 26/6 a report saying T1 was done on 15/6 is accepted. The live evaluation of the
 * half moves; the snapshot, its agency page and its head's scorecard do not. A program of its own ("FZ")
 * keeps the bundled Program out; only Date is faked.
 */
describe.each(testEngines())('a published snapshot after new reports on %s', (engine) => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;
  let btc: number;
  let taskId: number;
  const clients: Record<string, Client> = {};
  const at = (instant: string) => vi.setSystemTime(new Date(instant));
  const ok = async (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const options = { method, url: `/api${url}`, payload: payload as never };
    const res = await (who ? clients[who]!.request(options) : app.inject(options));
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const btcOf = (evaluation: {
    figures: { agencies: { code: string; lead: { openOverdue: number; completedLate: number } }[] };
    scores: { code: string; explanation: { score: number | null } }[];
  }) => ({
    lead: evaluation.figures.agencies.find((a) => a.code === 'BTC')!.lead,
    score: evaluation.scores.find((s) => s.code === 'BTC')!.explanation.score,
  });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2025-01-02T02:00:00Z');
    ({ app, database, close } = await createTestApp(engine, {
      identity: {
        session: { idleHours: 24 * 1000, maxHours: 24 * 1000 },
        rateLimits: { signIn: 1000, writes: 100_000 },
      },
    }));
    await database.db.execute(sql`INSERT INTO program (code, name_vi, document_no, document_date)
      VALUES ('FZ', 'Chương trình kiểm thử bản chốt', '03/NQ-CP', '2025-01-02')`);
    await database.db.execute(sql`INSERT INTO task_group (program_id, no, title_vi)
      SELECT id, 1, 'Nhóm 1' FROM program WHERE code = 'FZ'`);
    btc = await unitId(database.db, 'BTC');
    for (const [key, email, unit, role] of [
      ['coordinator', 'dieuphoi@fz.test', 'BKHCN', 'coordinator'],
      ['officer', 'daumoi@btc.fz.test', 'BTC', 'focal_officer'],
      ['head', 'lanhdao@btc.fz.test', 'BTC', 'agency_head'],
    ] as const) {
      await makeUser(app.identity, email, unit, [{ role }]);
      clients[key] = await signInAs(app, email);
    }
    const created = await ok('coordinator', 'POST', '/register/tasks?program=FZ', {
      groupNo: 1,
      code: 'T1',
      contentVi: 'Nhiệm vụ T1',
      sourceDocument: '03/NQ-CP',
      lead: 'BTC',
      accountableHead: { name: 'Bộ trưởng Bộ Tài chính' },
      focalOfficer: { name: 'Đầu mối' },
      productType: 'report',
      productDescription: 'Báo cáo',
      dueDate: '2025-06-10',
    });
    taskId = created.id;
    await ok('coordinator', 'POST', `/register/tasks/${taskId}/assign?program=FZ`, {
      assignedOn: '2025-01-02',
    });
    await ok('coordinator', 'POST', '/reports/obligations/generate', {
      program: 'FZ',
      from: '2025-01-01',
      to: '2025-06-30',
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await close?.();
  });

  it('keeps the snapshot, its agency page and its head scorecard as published', async () => {
    at('2025-06-20T03:00:00Z');
    const published = await ok('coordinator', 'POST', '/evaluations/snapshots', {
      program: 'FZ',
      period: '2025-H1',
    });
    expect(published.asOf).toBe('2025-06-20');
    expect(btcOf(published.content).lead).toMatchObject({ openOverdue: 1, completedLate: 0 });
    const before = {
      snapshot: await ok(null, 'GET', `/public/evaluations/${published.id}`),
      agency: await ok(null, 'GET', `/public/evaluations/${published.id}/agencies/${btc}`),
      head: await ok(null, 'GET', `/public/evaluations/${published.id}/heads/1`),
    };
    expect(before.head.scorecard.agencies[0].lead.openOverdue).toBe(1);

    // A report, approved by the head and accepted by the coordinator: T1 was done on 15/6, late.
    at('2025-06-25T03:00:00Z');
    const [obligation] = await ok('coordinator', 'GET', `/reports/obligations?program=FZ&agency=${btc}`);
    const draft = await ok('officer', 'POST', '/reports', { obligationId: obligation.id });
    const saved = await ok('officer', 'PUT', `/reports/${draft.id}`, {
      lockVersion: draft.lockVersion,
      summary: 'Đã hoàn thành.',
      items: [
        {
          taskId,
          status: 'completed',
          progress: 100,
          completedOn: '2025-06-15',
          evidence: [
            { kind: 'document', number: '7/2025/TT-BTC', date: '2025-06-15', issuer: 'Bộ Tài chính' },
          ],
        },
      ],
    });
    await ok('head', 'POST', `/reports/${draft.id}/submit`, { lockVersion: saved.lockVersion });
    at('2025-06-26T03:00:00Z');
    await ok('coordinator', 'POST', `/reports/${draft.id}/accept`, {});

    // The live evaluation of the half sees the report; as of the published date it still does not.
    at('2025-07-10T03:00:00Z');
    const live = await ok('coordinator', 'GET', '/evaluations/live?program=FZ&period=2025-H1');
    expect(btcOf(live).lead).toMatchObject({ openOverdue: 0, completedLate: 1 });
    expect(btcOf(live).score).not.toBe(btcOf(published.content).score);
    const asPublished = await ok(
      'coordinator',
      'GET',
      '/evaluations/live?program=FZ&period=2025-H1&asOf=2025-06-20',
    );
    const { changes: _, programCode: __, ...content } = published.content;
    const { changes: ___, ...same } = asPublished;
    expect(same).toEqual(content);

    // Every page of the snapshot answers as it did.
    expect(await ok(null, 'GET', `/public/evaluations/${published.id}`)).toEqual(before.snapshot);
    expect(await ok(null, 'GET', `/public/evaluations/${published.id}/agencies/${btc}`)).toEqual(
      before.agency,
    );
    expect(await ok(null, 'GET', `/public/evaluations/${published.id}/heads/1`)).toEqual(before.head);
    const stored = await ok('coordinator', 'GET', `/evaluations/snapshots/${published.id}`);
    expect(stored.contentHash).toBe(published.contentHash);
    expect(stored.hashVerified).toBe(true);

    // Publishing the half again is a new edition, which shows what moved since the first.
    const again = await ok('coordinator', 'POST', '/evaluations/snapshots', {
      program: 'FZ',
      period: '2025-H1',
    });
    const moved = again.content.changes.agencies.find((a: { code: string }) => a.code === 'BTC');
    expect(again.content.changes.previousSnapshotId).toBe(published.id);
    expect(moved.scoreDelta).toBe(
      Math.round((btcOf(live).score! - btcOf(published.content).score!) * 100) / 100,
    );
  });
});
