import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';

// AP2030-23.3: submarine-cable capacity ≥ 350 Tbps by 2030, monitored by Bộ KH&CN.
const CABLE = 'AP2030-23.3';
// Long after every deadline of the Program: an open task is overdue then.
const LATER = '2031-01-05';

/**
 * Tasks serve targets (issue 7): the links both ways with status and progress, the two warnings, and
 * the officer's own values over HTTP, where the access rules decide which targets the person monitors.
 */
describe.each(testEngines())('targets and the tasks that serve them on %s', (engine) => {
  let t: TestApp;
  let coordinator: Client;
  let officer: Client;
  let hanoiOfficer: Client;
  let btcOfficer: Client;
  let btcHead: Client;
  let tasks: { id: number; code: string }[];
  const call = async (
    who: Client | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
  ) => {
    const options = { method, url, payload: payload as never };
    const res = await (who ? who.request(options) : t.app.inject(options));
    return { status: res.statusCode, body: res.json() };
  };
  const ok = async (
    who: Client | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
  ) => {
    const res = await call(who, method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const id = t.app.identity;
    await makeUser(id, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    await makeUser(id, 'officer@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
    await makeUser(id, 'officer@hanoi.gov.vn', '01', [{ role: 'focal_officer' }]);
    await makeUser(id, 'officer@mof.gov.vn', 'BTC', [{ role: 'focal_officer' }]);
    await makeUser(id, 'head@mof.gov.vn', 'BTC', [{ role: 'agency_head' }]);
    coordinator = await signInAs(t.app, 'coordinator@most.gov.vn');
    officer = await signInAs(t.app, 'officer@most.gov.vn');
    hanoiOfficer = await signInAs(t.app, 'officer@hanoi.gov.vn');
    btcOfficer = await signInAs(t.app, 'officer@mof.gov.vn');
    btcHead = await signInAs(t.app, 'head@mof.gov.vn');
    // Two one-off tasks Bộ Tài chính leads alone, due in 2025.
    tasks = await rows<{ id: number; code: string }>(
      t.database.db,
      sql`SELECT t.id, t.code FROM task t JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead'
            JOIN org_unit o ON o.id = ta.org_unit_id AND o.code = 'BTC'
           WHERE t.plan_id IS NULL AND t.recurrence IS NULL AND t.due_date BETWEEN '2025-01-01' AND '2025-12-31'
             AND (SELECT count(*) FROM task_agency l WHERE l.task_id = t.id AND l.role = 'lead') = 1
           ORDER BY t.id LIMIT 2`,
    );
    expect(tasks).toHaveLength(2);
  });
  afterAll(() => t?.close());

  it("lists only the officer's own targets and values, and refuses another agency's target over HTTP", async () => {
    const refused = await call(hanoiOfficer, 'POST', `/api/targets/${CABLE}/values`, {
      year: 2026,
      value: 100,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(`does not monitor target ${CABLE}`);
    expect((await call(hanoiOfficer, 'GET', `/api/targets/${CABLE}/values`)).status).toBe(403);
    const none = await ok(hanoiOfficer, 'GET', '/api/target-values/mine');
    expect(none).toEqual({ targets: [], items: [] });

    await ok(coordinator, 'PATCH', `/api/targets/${CABLE}`, {
      baselineValue: 52,
      baselineYear: 2025,
      baselineSource: 'Báo cáo tháng 5/2025',
      reason: 'Đặt giá trị cơ sở',
    });
    const entered = await ok(officer, 'POST', `/api/targets/${CABLE}/values`, {
      year: 2026,
      value: 120.5,
      unit: 'Tbps',
      source: 'Bộ KH&CN',
    });
    const mine = await ok(officer, 'GET', '/api/target-values/mine');
    expect(mine.targets.map((x: { code: string }) => x.code)).toContain(CABLE);
    expect(
      mine.targets.every((x: { monitoringAgencyCode: string }) => x.monitoringAgencyCode === 'BKHCN'),
    ).toBe(true);
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: entered.id,
        status: 'draft',
        target: expect.objectContaining({ code: CABLE, unit: 'Tbps' }),
      }),
    ]);
    expect((await ok(officer, 'GET', '/api/target-values/mine?status=submitted')).items).toEqual([]);

    await ok(officer, 'POST', `/api/target-values/${entered.id}/submit`);
    const queue = await ok(coordinator, 'GET', '/api/target-values');
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: entered.id,
        previous: null,
        target: expect.objectContaining({ code: CABLE }),
      }),
    ]);
    await ok(coordinator, 'POST', `/api/target-values/${entered.id}/accept`);
  });

  it('lists a target’s tasks with their status, and warns when it is on track while they are overdue', async () => {
    const [target] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM target WHERE code = ${CABLE}`,
    );
    for (const task of tasks)
      await ok(coordinator, 'PATCH', `/api/register/tasks/${task.id}?program=NQ57`, {
        targetIds: [target!.id],
      });

    const ofTarget = await ok(null, 'GET', `/api/public/targets/${CABLE}/tasks?asOf=${LATER}`);
    expect(ofTarget.progressStatus).toBe('substantial_progress');
    expect(ofTarget.tasks.map((x: { code: string; status: string }) => [x.code, x.status])).toEqual(
      tasks.map((x) => [x.code, 'open_overdue']),
    );
    expect(ofTarget.tasks[0].lateDays).toBeGreaterThan(0);
    expect(ofTarget.warnings).toEqual([
      {
        kind: 'target_on_track_tasks_overdue',
        targetCode: CABLE,
        progressStatus: 'substantial_progress',
        taskCodes: tasks.map((x) => x.code),
      },
    ]);
    const ofTask = await ok(null, 'GET', `/api/public/tasks/${tasks[0]!.id}/targets?asOf=${LATER}`);
    expect(ofTask.taskStatus).toBe('open_overdue');
    expect(
      ofTask.targets.map((x: { code: string; progressStatus: string }) => [x.code, x.progressStatus]),
    ).toEqual([[CABLE, 'substantial_progress']]);
    expect(ofTask.warnings.map((w: { kind: string }) => w.kind)).toEqual(['target_on_track_tasks_overdue']);
    // Before the deadlines nothing is overdue, so nothing to warn about.
    const early = await ok(null, 'GET', `/api/public/targets/${CABLE}/tasks?asOf=2025-01-02`);
    expect(early.warnings).toEqual([]);
    expect((await call(null, 'GET', `/api/public/targets/${CABLE}/tasks`)).status).toBe(400);
  });

  it('warns when every task is done (accepted with evidence) but the target is off track', async () => {
    await ok(coordinator, 'POST', '/api/reports/obligations/generate', {
      program: 'NQ57',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const [btc] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM org_unit WHERE code = 'BTC'`);
    const obligations = await ok(
      coordinator,
      'GET',
      `/api/reports/obligations?program=NQ57&agency=${btc!.id}`,
    );
    const draft = await ok(btcOfficer, 'POST', '/api/reports', { obligationId: obligations[0].id });
    const saved = await ok(btcOfficer, 'PUT', `/api/reports/${draft.id}`, {
      lockVersion: draft.lockVersion,
      summary: 'Báo cáo kết quả thực hiện.',
      items: tasks.map((task) => ({
        taskId: task.id,
        status: 'completed',
        progress: 100,
        completedOn: '2025-06-01',
        evidence: [
          { kind: 'document', number: '12/2025/TT-BTC', date: '2025-06-01', issuer: 'Bộ Tài chính' },
        ],
      })),
    });
    await ok(btcHead, 'POST', `/api/reports/${draft.id}/submit`, { lockVersion: saved.lockVersion });
    await ok(coordinator, 'POST', `/api/reports/${draft.id}/accept`, {});
    // A corrected baseline above the latest value: the series moves away from the target.
    await ok(coordinator, 'PATCH', `/api/targets/${CABLE}`, {
      baselineValue: 200,
      reason: 'Sửa số liệu cơ sở',
    });

    const ofTarget = await ok(null, 'GET', `/api/public/targets/${CABLE}/tasks?asOf=${LATER}`);
    expect(ofTarget.progressStatus).toBe('deterioration');
    expect(ofTarget.tasks.every((x: { status: string }) => x.status.startsWith('completed_'))).toBe(true);
    expect(ofTarget.warnings).toEqual([
      {
        kind: 'tasks_done_target_off_track',
        targetCode: CABLE,
        progressStatus: 'deterioration',
        taskCodes: tasks.map((x) => x.code),
      },
    ]);
    const ofTask = await ok(null, 'GET', `/api/public/tasks/${tasks[1]!.id}/targets?asOf=${LATER}`);
    expect(ofTask.taskStatus).toMatch(/^completed_/);
    expect(ofTask.warnings.map((w: { kind: string }) => w.kind)).toEqual(['tasks_done_target_off_track']);
  });
});
