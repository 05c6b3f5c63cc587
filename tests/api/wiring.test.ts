import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, rows } from '../../src/db/database.ts';
import type { Role } from '../../src/modules/access/roles.ts';
import { createTestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';
import { type Client, makeUser, signInAs } from '../helpers/identity.ts';

/** A person the scenario signs in as: created with one role at one unit, on first use. */
interface TestUser {
  email: string;
  unit: string;
  role: Role;
  subUnits?: boolean;
}
const user = (email: string, unit: string, role: Role, subUnits = false): TestUser => ({
  email,
  unit,
  role,
  subUnits,
});

/**
 * End to end over the real modules: register (assignment, extension), reports (obligations, review),
 * bottlenecks, orgs (a merge), task status, evaluation and its published snapshot. A program of its own
 * ("E2E") keeps the bundled Program's tasks out of the counts, so every figure below is counted by hand.
 *
 * The services stamp their writes with the clock (`new Date()`), so the test moves the clock through
 * 2025 (only Date is faked; timers run). Two stamps come from the database's now() instead (an
 * extension's decision, a bottleneck's creation); the test back-dates those rows to the day they happen.
 *
 * Working days (calendar_day 2025: 7/4 Hùng Kings, 30/4, 1/5, 2/5 off with Saturday 26/4 worked, 1–2/9):
 * - T1 due 30/6, done 15/8: July 23 + 1–15 August 11 = 34 days late;
 * - T2 due 31/3, done 10/4: 1–4/4 and 8–10/4 (7/4 a holiday) = 7; open as of 15/5: April 22 weekdays
 *   − 7/4 − 30/4 + Saturday 26/4 = 21, 1–15 May 11 weekdays − 1/5 − 2/5 = 9, so 30;
 * - T4 due 31/5, never done: June 21; by 31/12: + July 23, August 21, September 22 − 2 = 20,
 *   October 23, November 20, December 23 = 151.
 */
describe.each(testEngines())('figures end to end on %s', (engine) => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;
  const coordinator = user('dieuphoi@e2e.test', 'BKHCN', 'coordinator');
  const admin = user('quantri@e2e.test', 'CP', 'system_admin', true);
  const clients = new Map<string, Client>();
  let btc: number;
  let bnv: number;
  let btcOfficer: TestUser;
  let btcHead: TestUser;
  let bnvOfficer: TestUser;
  let bnvHead: TestUser;
  const task: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5', number> = { T1: 0, T2: 0, T3: 0, T4: 0, T5: 0 };

  const at = (instant: string) => vi.setSystemTime(new Date(instant));
  const call = async (
    who: TestUser | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ) => {
    let client: Client | undefined;
    if (who) {
      client = clients.get(who.email);
      if (!client) {
        await makeUser(app.identity, who.email, who.unit, [{ role: who.role, subUnits: who.subUnits }]);
        client = await signInAs(app, who.email);
        clients.set(who.email, client);
      }
    }
    const options = { method, url: `/api${url}`, payload: payload as never };
    const res = await (client ? client.request(options) : app.inject(options));
    return { status: res.statusCode, body: res.json() };
  };
  const ok = async (who: TestUser | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const evidence = (number: string, date: string) => [
    { kind: 'document', number, date, issuer: 'Bộ Tài chính' },
  ];

  /** Drafts, fills and submits a report on the obligation; returns its id. */
  async function submitReport(officer: TestUser, head: TestUser, obligationId: number, items: unknown[]) {
    const draft = await ok(officer, 'POST', '/reports', { obligationId });
    const saved = await ok(officer, 'PUT', `/reports/${draft.id}`, {
      lockVersion: draft.lockVersion,
      summary: 'Báo cáo kết quả thực hiện.',
      items,
    });
    await ok(head, 'POST', `/reports/${draft.id}/submit`, { lockVersion: saved.lockVersion });
    return draft.id as number;
  }
  const obligation = async (agencyId: number, period: string) =>
    (
      (await ok(coordinator, 'GET', `/reports/obligations?program=E2E&agency=${agencyId}`)) as {
        id: number;
        period: string;
      }[]
    ).find((o) => o.period === period)!.id;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2025-02-01T02:00:00Z');
    // The scenario moves the clock through 2025 and into 2026: sessions must outlive it, and the many
    // writes of one afternoon's test must not trip the per-person write limit.
    ({ app, database, close } = await createTestApp(engine, {
      identity: {
        session: { idleHours: 24 * 1000, maxHours: 24 * 1000 },
        rateLimits: { signIn: 1000, writes: 100_000 },
      },
    }));
    // A second program: the platform holds many (DOMAIN §1); creating one is not an API yet.
    await database.db.execute(sql`INSERT INTO program (code, name_vi, document_no, document_date)
      VALUES ('E2E', 'Chương trình kiểm thử', '01/NQ-CP', '2025-01-15')`);
    await database.db.execute(sql`INSERT INTO task_group (program_id, no, title_vi)
      SELECT id, 1, 'Nhóm 1' FROM program WHERE code = 'E2E'`);
    const ids = await rows<{ id: number; code: string }>(
      database.db,
      sql`SELECT id, code FROM org_unit WHERE code IN ('BTC', 'BNV')`,
    );
    btc = ids.find((r) => r.code === 'BTC')!.id;
    bnv = ids.find((r) => r.code === 'BNV')!.id;
    btcOfficer = user('daumoi@btc.e2e.test', 'BTC', 'focal_officer');
    btcHead = user('lanhdao@btc.e2e.test', 'BTC', 'agency_head');
    bnvOfficer = user('daumoi@bnv.e2e.test', 'BNV', 'focal_officer');
    bnvHead = user('lanhdao@bnv.e2e.test', 'BNV', 'agency_head');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await close?.();
  });

  it('registers and assigns five tasks with all of 5 rõ', async () => {
    const spec = [
      ['T1', 'BTC', { dueDate: '2025-06-30' }],
      ['T2', 'BTC', { dueDate: '2025-03-31' }],
      ['T3', 'BTC', { deadlineAsWritten: 'Hằng năm', recurrence: 'yearly', dueDate: '2025-12-31' }],
      ['T4', 'BNV', { dueDate: '2025-05-31' }],
      ['T5', 'BNV', { dueDate: '2025-12-31' }],
    ] as const;
    for (const [code, lead, when] of spec) {
      const created = await ok(coordinator, 'POST', '/register/tasks?program=E2E', {
        groupNo: 1,
        code,
        contentVi: `Nhiệm vụ kiểm thử ${code}`,
        sourceDocument: '01/NQ-CP',
        lead,
        accountableHead: { name: `Bộ trưởng ${lead}` },
        focalOfficer: { name: `Đầu mối ${lead}` },
        productType: 'report',
        productDescription: 'Báo cáo',
        ...when,
      });
      task[code] = created.id;
      await ok(coordinator, 'POST', `/register/tasks/${created.id}/assign?program=E2E`, {
        assignedOn: '2025-02-01',
      });
    }
    const gen = await ok(coordinator, 'POST', '/reports/obligations/generate', {
      program: 'E2E',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(gen).toMatchObject({ periods: 2, agencies: 2, created: 4 });
  });

  it('runs 2025: reports returned and accepted, an extension, a bottleneck, a merge', async () => {
    // H1, Bộ Tài chính: submitted 10/6 (on time), returned, resubmitted, accepted 16/6.
    at('2025-06-10T03:00:00Z');
    const btcH1 = await submitReport(btcOfficer, btcHead, await obligation(btc, '2025-H1'), [
      {
        taskId: task.T1,
        status: 'in_progress',
        progress: 50,
        bottlenecks: [{ type: 'finance', description: 'Chưa bố trí kinh phí' }],
      },
      {
        taskId: task.T2,
        status: 'completed',
        progress: 100,
        completedOn: '2025-04-10',
        evidence: evidence('12/2025/TT-BTC', '2025-04-10'),
      },
      { taskId: task.T3, status: 'in_progress', progress: 30 },
    ]);
    at('2025-06-12T03:00:00Z');
    await ok(coordinator, 'POST', `/reports/${btcH1}/return`, { reason: 'Thiếu số liệu chi tiết' });
    at('2025-06-13T03:00:00Z');
    const report = await ok(btcHead, 'GET', `/reports/${btcH1}`);
    await ok(btcHead, 'POST', `/reports/${btcH1}/submit`, { lockVersion: report.lockVersion });
    await database.db.execute(
      sql`UPDATE bottleneck SET created_at = '2025-06-13T03:00:00Z' WHERE report_id = ${btcH1}`,
    );
    at('2025-06-16T03:00:00Z');
    await ok(coordinator, 'POST', `/reports/${btcH1}/accept`, {});

    // T1's deadline is extended from 30/6 to 30/9, approved on 20/6.
    at('2025-06-18T03:00:00Z');
    const asked = await ok(btcOfficer, 'POST', `/register/tasks/${task.T1}/extensions?program=E2E`, {
      agency: 'BTC',
      reason: 'Chờ bố trí kinh phí',
      requestedDueDate: '2025-09-30',
    });
    at('2025-06-20T03:00:00Z');
    await ok(coordinator, 'POST', `/register/extensions/${asked.id}/decision?program=E2E`, {
      decision: 'approve',
    });
    await database.db.execute(
      sql`UPDATE deadline_extension SET decided_at = '2025-06-20T03:00:00Z' WHERE id = ${asked.id}`,
    );

    // H1, Bộ Nội vụ: submitted 20/6 (late), accepted 25/6 at first review.
    const bnvH1 = await submitReport(bnvOfficer, bnvHead, await obligation(bnv, '2025-H1'), [
      { taskId: task.T4, status: 'in_progress', progress: 20 },
      {
        taskId: task.T5,
        status: 'completed',
        progress: 100,
        completedOn: '2025-06-10',
        evidence: evidence('34/QĐ-BNV', '2025-06-10'),
      },
    ]);
    at('2025-06-25T03:00:00Z');
    await ok(coordinator, 'POST', `/reports/${bnvH1}/accept`, {});

    // The bottleneck is cleared on 1/9; Bộ Nội vụ merges into Bộ Tài chính from 1/10 (a test merge).
    at('2025-09-01T03:00:00Z');
    const [raised] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id FROM bottleneck WHERE report_id = ${btcH1}`,
    );
    await ok(coordinator, 'POST', `/bottlenecks/${raised!.id}/clear`, {});
    at('2025-10-01T03:00:00Z');
    await ok(admin, 'POST', '/orgs/merge', {
      sources: ['BNV'],
      into: { code: 'BTC' },
      effectiveDate: '2025-10-01',
      legalBasis: 'Quyết định kiểm thử',
    });

    // H2, Bộ Tài chính: submitted 25/11 (on time), accepted 28/11 at first review. Bộ Nội vụ owes H2.
    at('2025-11-25T03:00:00Z');
    const btcH2 = await submitReport(btcOfficer, btcHead, await obligation(btc, '2025-H2'), [
      {
        taskId: task.T1,
        status: 'completed',
        progress: 100,
        completedOn: '2025-08-15',
        evidence: evidence('88/2025/NĐ-CP', '2025-08-15'),
      },
      {
        taskId: task.T3,
        status: 'completed',
        progress: 100,
        completedOn: '2025-11-20',
        evidence: [{ kind: 'link', url: 'https://mof.gov.vn/bao-cao-2025' }],
      },
    ]);
    at('2025-11-28T03:00:00Z');
    await ok(coordinator, 'POST', `/reports/${btcH2}/accept`, {});
  });

  const statuses = async (asOf: string) => {
    const items = (await ok(coordinator, 'GET', `/task-status?program=E2E&asOf=${asOf}`)) as {
      taskId: number;
      status: string;
      originalDueDate: string | null;
      currentDueDate: string | null;
      judgement: { status: string; lateDays: number; againstCurrent: { status: string } | null } | null;
      occurrences: { period: string; status: string }[];
    }[];
    const by = (id: number) => items.find((i) => i.taskId === id)!;
    return Object.fromEntries(
      (Object.keys(task) as (keyof typeof task)[]).map((k) => {
        const s = by(task[k]);
        return [
          k,
          [
            s.status,
            s.judgement?.lateDays ?? null,
            s.originalDueDate,
            s.currentDueDate,
            s.judgement?.againstCurrent?.status ?? null,
          ],
        ];
      }),
    );
  };

  it('gives each task its status as of several dates, against the original deadline', async () => {
    at('2026-01-10T03:00:00Z');
    expect(await statuses('2025-05-15')).toEqual({
      T1: ['open_within_deadline', 0, '2025-06-30', '2025-06-30', null],
      T2: ['open_overdue', 30, '2025-03-31', '2025-03-31', null],
      T3: ['recurring', 0, '2025-12-31', '2025-12-31', null],
      T4: ['open_within_deadline', 0, '2025-05-31', '2025-05-31', null],
      T5: ['open_within_deadline', 0, '2025-12-31', '2025-12-31', null],
    });
    expect(await statuses('2025-06-30')).toEqual({
      T1: ['open_within_deadline', 0, '2025-06-30', '2025-09-30', 'open_within_deadline'],
      T2: ['completed_late', 7, '2025-03-31', '2025-03-31', null],
      T3: ['recurring', 0, '2025-12-31', '2025-12-31', null],
      T4: ['open_overdue', 21, '2025-05-31', '2025-05-31', null],
      T5: ['completed_on_time', 0, '2025-12-31', '2025-12-31', null],
    });
    const yearEnd = await statuses('2025-12-31');
    expect(yearEnd).toEqual({
      T1: ['completed_late', 34, '2025-06-30', '2025-09-30', 'completed_on_time'],
      T2: ['completed_late', 7, '2025-03-31', '2025-03-31', null],
      T3: ['recurring', 0, '2025-12-31', '2025-12-31', null],
      T4: ['open_overdue', 151, '2025-05-31', '2025-05-31', null],
      T5: ['completed_on_time', 0, '2025-12-31', '2025-12-31', null],
    });
    const t3 = (await ok(coordinator, 'GET', `/task-status?program=E2E&asOf=2025-12-31&task=${task.T3}`))[0];
    expect(t3.occurrences.map((o: { period: string; status: string }) => [o.period, o.status])).toEqual([
      ['2025', 'completed_on_time'],
    ]);
  });

  it('measures reporting: expected, submitted, on time', async () => {
    const rates = (await ok(
      coordinator,
      'GET',
      '/reports/rates?program=E2E&dueFrom=2025-01-01&dueTo=2025-12-31',
    )) as {
      agencyCode: string;
      period: string;
      expected: number;
      submitted: number;
      onTime: number;
    }[];
    expect(rates.map((r) => [r.agencyCode, r.period, r.expected, r.submitted, r.onTime])).toEqual([
      ['BNV', '2025-H1', 1, 1, 0],
      ['BTC', '2025-H1', 1, 1, 1],
      ['BNV', '2025-H2', 1, 0, 0],
      ['BTC', '2025-H2', 1, 1, 1],
    ]);
  });

  const figuresOf = (evaluation: {
    figures: { agencies: { code: string; lead: object; reporting: object; bottlenecks: object }[] };
    scores: { code: string; explanation: { score: number | null } }[];
  }) => {
    const f = evaluation.figures.agencies.find((a) => a.code === 'BTC')!;
    return {
      lead: f.lead,
      reporting: f.reporting,
      bottlenecks: f.bottlenecks,
      score: evaluation.scores.find((s) => s.code === 'BTC')!.explanation.score,
      bnvListed: evaluation.figures.agencies.some((a) => a.code === 'BNV'),
    };
  };

  it('evaluates the merged agency: four counts, rates and score by hand', async () => {
    // 2025 as of 31/12: on time T3 (2025), T5; late T1 (34), T2 (7); overdue T4 (151), under Bộ Tài chính.
    // Score: 40×2/5 + 10×2/5 + 15×3/4 (T2's report was returned) + 25×2/4 + 10×1/1 − 20×1/5 = 49.75.
    const year = await ok(coordinator, 'GET', '/evaluations/live?program=E2E&period=2025');
    expect(figuresOf(year)).toEqual({
      lead: {
        assignments: 5,
        completedOnTime: 2,
        completedLate: 2,
        openWithinDeadline: 0,
        openOverdue: 1,
        notYetDue: 0,
        recurring: 0,
        noDeadline: 0,
        completionRate: 0.8,
        onTimeRate: 0.5,
        averageLatenessWorkingDays: 64,
      },
      reporting: { expected: 4, submitted: 3, onTime: 2, reportingRate: 0.75, onTimeReportingRate: 0.5 },
      bottlenecks: { raised: 1, cleared: 1 },
      score: 49.75,
      bnvListed: false,
    });
    // H1 as of 30/6: on time T5; late T2 (7); within deadline T1; overdue T4 (21); T3's 2025 occurrence
    // still running. Score: 40×1/3 + 10×1/3 + 15×1/2 + 25×1/2 + 10×0/1 − 20×1/3 = 30.
    const h1 = await ok(coordinator, 'GET', '/evaluations/live?program=E2E&period=2025-H1');
    expect(figuresOf(h1)).toMatchObject({
      lead: {
        completedOnTime: 1,
        completedLate: 1,
        openWithinDeadline: 1,
        openOverdue: 1,
        recurring: 1,
        completionRate: 0.6667,
        onTimeRate: 0.5,
        averageLatenessWorkingDays: 14,
      },
      reporting: { expected: 2, submitted: 2, onTime: 1 },
      bottlenecks: { raised: 1, cleared: 0 },
      score: 30,
    });
  });

  it("reads today's state from task_current_status with the same answer as the history", async () => {
    at('2025-12-31T10:00:00Z');
    const today = await ok(coordinator, 'GET', '/evaluations/live?program=E2E&period=2025&asOf=2025-12-31');
    at('2026-01-10T03:00:00Z');
    const history = await ok(coordinator, 'GET', '/evaluations/live?program=E2E&period=2025&asOf=2025-12-31');
    expect(today).toEqual(history);
  });

  it('rolls a task up from its accepted report', async () => {
    const rolled = await ok(coordinator, 'POST', '/plans/rollup?program=E2E', { taskId: task.T1 });
    expect(rolled).toMatchObject({ progress: 100, completed: true, source: 'reported' });
  });

  it('keeps a published snapshot unchanged after a later accepted report', async () => {
    at('2026-01-10T03:00:00Z');
    const published = await ok(coordinator, 'POST', '/evaluations/snapshots', {
      program: 'E2E',
      period: '2025',
    });
    expect(figuresOf(published.content).score).toBe(49.75);

    // 2026: Bộ Tài chính reports T4 done (the task it inherited is still Bộ Nội vụ's in the register, so
    // it reports its own T3 for 2026 H1), accepted on 20/1/2026.
    await ok(coordinator, 'POST', '/reports/obligations/generate', {
      program: 'E2E',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    at('2026-01-15T03:00:00Z');
    const later = await submitReport(btcOfficer, btcHead, await obligation(btc, '2026-H1'), [
      {
        taskId: task.T3,
        status: 'completed',
        progress: 100,
        completedOn: '2026-01-14',
        evidence: evidence('5/2026/TT-BTC', '2026-01-14'),
      },
    ]);
    at('2026-01-20T03:00:00Z');
    await ok(coordinator, 'POST', `/reports/${later}/accept`, {});
    const t3 = (await ok(coordinator, 'GET', `/task-status?program=E2E&asOf=2026-01-20&task=${task.T3}`))[0];
    expect(t3.occurrences.map((o: { period: string; status: string }) => [o.period, o.status])).toEqual([
      ['2025', 'completed_on_time'],
      ['2026', 'completed_on_time'],
    ]);

    const stored = await ok(coordinator, 'GET', `/evaluations/snapshots/${published.id}`);
    expect(stored.content).toEqual(published.content);
    expect(stored.contentHash).toBe(published.contentHash);
    expect(stored.hashVerified).toBe(true);
  });
});
