import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs, TEST_PASSWORD, unitId } from '../../../tests/helpers/identity.ts';
import { type Database, rows } from '../../db/database.ts';
import { cliActor } from '../audit/actor.ts';
import { headsRepository } from '../identity/heads.repository.ts';
import { createUser, revokeRole, updateUser } from '../identity/users.service.ts';

/**
 * Heads of agencies come from the identity module: who held the agency_head role at an agency, and on
 * which days. A program of its own ("HD") keeps the bundled Program out of the counts. The clock is moved
 * through 2025 (only Date is faked): grants, revocations and reports are stamped on the days they happen.
 *
 * Bộ Tài chính (BTC): head A from 2/1 until 1/4, head B from 1/4. T1 (due 31/3) is done on 20/3 under A;
 * T2 (due 31/5) is never done. The H1 report is submitted by A on 20/3 and accepted on 21/3.
 */
describe.each(testEngines())('heads of agencies on %s', (engine) => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;
  let btc: number;
  const people: Record<'A' | 'B', number> = { A: 0, B: 0 };
  const clients: Record<string, Client> = {};
  const at = (instant: string) => vi.setSystemTime(new Date(instant));
  const call = async (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const options = { method, url: `/api${url}`, payload: payload as never };
    const res = await (who ? clients[who]!.request(options) : app.inject(options));
    return { status: res.statusCode, body: res.json() };
  };
  const ok = async (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const head = async (key: 'A' | 'B', name: string, title: string) => {
    const user = await createUser(
      app.identity,
      null,
      {
        name,
        email: `head.${key.toLowerCase()}@btc.test`,
        title,
        orgUnitId: btc,
        password: TEST_PASSWORD,
        roles: [{ role: 'agency_head', orgUnitId: btc, includeSubUnits: false }],
      },
      cliActor(),
    );
    people[key] = user.id;
    clients[key] = await signInAs(app, user.email);
  };

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
      VALUES ('HD', 'Chương trình kiểm thử người đứng đầu', '02/NQ-CP', '2025-01-02')`);
    await database.db.execute(sql`INSERT INTO task_group (program_id, no, title_vi)
      SELECT id, 1, 'Nhóm 1' FROM program WHERE code = 'HD'`);
    btc = await unitId(database.db, 'BTC');
    await makeUser(app.identity, 'dieuphoi@hd.test', 'BKHCN', [{ role: 'coordinator' }]);
    await makeUser(app.identity, 'daumoi@btc.test', 'BTC', [{ role: 'focal_officer' }]);
    clients.coordinator = await signInAs(app, 'dieuphoi@hd.test');
    clients.officer = await signInAs(app, 'daumoi@btc.test');
    await head('A', 'Nguyễn Văn An', 'Bộ trưởng');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await close?.();
  });

  it('runs the first half of 2025 with a change of head on 1/4', async () => {
    const task: Record<string, number> = {};
    for (const [code, dueDate] of [
      ['T1', '2025-03-31'],
      ['T2', '2025-05-31'],
    ] as const) {
      const created = await ok('coordinator', 'POST', '/register/tasks?program=HD', {
        groupNo: 1,
        code,
        contentVi: `Nhiệm vụ ${code}`,
        sourceDocument: '02/NQ-CP',
        lead: 'BTC',
        accountableHead: { name: 'Bộ trưởng Bộ Tài chính' },
        focalOfficer: { name: 'Đầu mối' },
        productType: 'report',
        productDescription: 'Báo cáo',
        dueDate,
      });
      task[code] = created.id;
      await ok('coordinator', 'POST', `/register/tasks/${created.id}/assign?program=HD`, {
        assignedOn: '2025-01-02',
      });
    }
    await ok('coordinator', 'POST', '/reports/obligations/generate', {
      program: 'HD',
      from: '2025-01-01',
      to: '2025-06-30',
    });
    const [obligation] = (await ok(
      'coordinator',
      'GET',
      `/reports/obligations?program=HD&agency=${btc}`,
    )) as {
      id: number;
    }[];
    at('2025-03-20T03:00:00Z');
    const draft = await ok('officer', 'POST', '/reports', { obligationId: obligation!.id });
    const saved = await ok('officer', 'PUT', `/reports/${draft.id}`, {
      lockVersion: draft.lockVersion,
      summary: 'Báo cáo kết quả.',
      items: [
        {
          taskId: task.T1,
          status: 'completed',
          progress: 100,
          completedOn: '2025-03-20',
          evidence: [
            { kind: 'document', number: '9/2025/TT-BTC', date: '2025-03-20', issuer: 'Bộ Tài chính' },
          ],
        },
        { taskId: task.T2, status: 'in_progress', progress: 10 },
      ],
    });
    await ok('A', 'POST', `/reports/${draft.id}/submit`, { lockVersion: saved.lockVersion });
    at('2025-03-21T03:00:00Z');
    await ok('coordinator', 'POST', `/reports/${draft.id}/accept`, {});

    // 1/4: A's role is revoked, B takes it the same day.
    at('2025-04-01T03:00:00Z');
    const [grant] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM role_assignment WHERE user_id = ${people.A} AND role = 'agency_head'`,
    );
    await revokeRole(app.identity, null, people.A, grant!.id, cliActor());
    await head('B', 'Trần Thị Bình', 'Thứ trưởng');
  });

  it('reads who held the role and when from the identity module, name and title only', async () => {
    const terms = await headsRepository(database.db).agencyHeadTerms(
      '2025-01-01T00:00:00+07:00',
      '2025-07-01T00:00:00+07:00',
    );
    expect(
      terms.map((t) => [t.name, t.title, t.orgUnitId, t.grantedAt.slice(0, 10), t.revokedAt?.slice(0, 10)]),
    ).toEqual([
      ['Nguyễn Văn An', 'Bộ trưởng', btc, '2025-01-02', '2025-04-01'],
      ['Trần Thị Bình', 'Thứ trưởng', btc, '2025-04-01', undefined],
    ]);
    // A term that ended before the window, or began after it, is not a head of that window.
    expect(
      await headsRepository(database.db).agencyHeadTerms(
        '2025-04-02T00:00:00+07:00',
        '2025-05-01T00:00:00+07:00',
      ),
    ).toHaveLength(1);
    expect(
      await headsRepository(database.db).agencyHeadTerms(
        '2024-01-01T00:00:00+07:00',
        '2025-01-01T00:00:00+07:00',
      ),
    ).toEqual([]);
  });

  let published: { id: number; contentHash: string; content: { scorecards: unknown[] } };

  it("gives each head the agency's figures over the days they held the role, live and published", async () => {
    at('2026-01-10T03:00:00Z');
    const live = await ok('coordinator', 'GET', '/evaluations/live?program=HD&period=2025-H1');
    const cards = live.scorecards as {
      head: Record<string, unknown>;
      agencies: {
        code: string;
        from: string;
        to: string;
        wholePeriod: boolean;
        score: number | null;
        rank: number | null;
        lead: Record<string, number | null>;
      }[];
    }[];
    expect(cards.map((c) => c.head)).toEqual([
      { name: 'Nguyễn Văn An', title: 'Bộ trưởng' },
      { name: 'Trần Thị Bình', title: 'Thứ trưởng' },
    ]);
    const [a, b] = cards.map((c) => c.agencies[0]!);
    // A, 2/1–1/4: T1 done on time with its evidence accepted at once, T2 open within its deadline, no report owed yet.
    expect(a).toMatchObject({
      code: 'BTC',
      from: '2025-01-02',
      to: '2025-04-01',
      wholePeriod: false,
      rank: null,
    });
    expect(a!.lead).toMatchObject({ completedOnTime: 1, openWithinDeadline: 1, openOverdue: 0 });
    expect(a!.score).toBe(84.62); // 100 × (40 + 15) / 65: on time and first-review evidence; none late
    // B, 1/4–30/6: T1 was done before B; T2 overdue. The H1 report (due 15/6) came on time, under A.
    expect(b).toMatchObject({ from: '2025-04-01', to: '2025-06-30', wholePeriod: false, rank: null });
    expect(b!.lead).toMatchObject({ assignments: 1, completedOnTime: 0, openOverdue: 1 });
    expect(b!.score).toBe(13.33); // 100 × 25 / 75 (the report) − 20 (T2 overdue)

    const res = await call('coordinator', 'POST', '/evaluations/snapshots', {
      program: 'HD',
      period: '2025-H1',
    });
    expect(res.status).toBe(201);
    published = res.body;
    expect(published.content.scorecards).toEqual(live.scorecards);
    // What the public gets names heads by name and title: no account id, no email.
    const text = JSON.stringify(published.content);
    expect(text).not.toContain('@btc.test');
    expect(text).not.toContain('userId');
  });

  it('shows a head scorecard publicly, and the heads on the agency page', async () => {
    const card = await ok(null, 'GET', `/public/evaluations/${published.id}/heads/2`);
    expect(card).toMatchObject({
      snapshotId: published.id,
      number: 2,
      scorecard: { head: { name: 'Trần Thị Bình', title: 'Thứ trưởng' } },
    });
    expect((await call(null, 'GET', `/public/evaluations/${published.id}/heads/3`)).status).toBe(404);
    const agency = await ok(null, 'GET', `/public/evaluations/${published.id}/agencies/${btc}`);
    expect(agency.heads).toEqual([
      {
        scorecard: 1,
        name: 'Nguyễn Văn An',
        title: 'Bộ trưởng',
        from: '2025-01-02',
        to: '2025-04-01',
        wholePeriod: false,
      },
      {
        scorecard: 2,
        name: 'Trần Thị Bình',
        title: 'Thứ trưởng',
        from: '2025-04-01',
        to: '2025-06-30',
        wholePeriod: false,
      },
    ]);
  });

  it('keeps the published scorecards as they were when a head leaves or is renamed later', async () => {
    at('2026-01-12T03:00:00Z');
    await updateUser(app.identity, null, people.B, { name: 'Trần Thị Bình An' }, cliActor());
    const [grant] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM role_assignment WHERE user_id = ${people.B} AND role = 'agency_head'`,
    );
    await revokeRole(app.identity, null, people.B, grant!.id, cliActor());
    const stored = await ok(null, 'GET', `/public/evaluations/${published.id}`);
    expect(stored.content.scorecards).toEqual(published.content.scorecards);
    expect(stored.contentHash).toBe(published.contentHash);
    expect(stored.hashVerified).toBe(true);
    // The live evaluation of the same half still names B (she held the role then), under her new name.
    const live = await ok('coordinator', 'GET', '/evaluations/live?program=HD&period=2025-H1');
    expect(live.scorecards.map((c: { head: { name: string } }) => c.head.name)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình An',
    ]);
  });

  it("lists the program's rechecks for the coordinator's queue, pending then answered", async () => {
    const asked = await ok('officer', 'POST', `/evaluations/snapshots/${published.id}/rechecks`, {
      agencyId: btc,
      reason: 'Đề nghị rà soát thời điểm giao nhiệm vụ.',
    });
    const pending = await ok('coordinator', 'GET', '/evaluations/rechecks?program=HD');
    expect(pending.items).toEqual([
      expect.objectContaining({
        id: asked.id,
        period: '2025-H1',
        agencyCode: 'BTC',
        agencyName: 'Bộ Tài chính',
        requestedBy: 'daumoi@btc.test',
        answer: null,
      }),
    ]);
    await ok('coordinator', 'POST', `/evaluations/rechecks/${asked.id}/answer`, {
      answer: 'Giữ nguyên.',
      outcome: 'upheld',
    });
    expect((await ok('coordinator', 'GET', '/evaluations/rechecks?program=HD')).items).toEqual([]);
    const answered = await ok(
      'coordinator',
      'GET',
      `/evaluations/rechecks?program=HD&state=answered&agencyId=${btc}`,
    );
    expect(answered.items.map((r: { outcome: string }) => r.outcome)).toEqual(['upheld']);
    expect((await call('coordinator', 'GET', '/evaluations/rechecks?program=HD&state=late')).status).toBe(
      400,
    );
  });
});
