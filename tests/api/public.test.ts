import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';
import { makeUser, signInAs } from '../helpers/identity.ts';

describe.each(testEngines())('public API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('reports health and the engine', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: engine });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nope' } });
  });

  it('lists tasks paginated, 140 in all', async () => {
    const res = await get('/api/public/tasks?pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(140);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({ code: '1', groupNo: 1 });
  });

  it.each([
    ['chuyen doi so', 'Chuyển đổi số'],
    ['CHUYỂN ĐỔI SỐ', 'Chuyển đổi số'],
    ['chuyển đổi số'.normalize('NFD'), 'Chuyển đổi số'],
  ])('finds "%s" whatever the accents and case', async (q) => {
    const res = await get(`/api/public/tasks?q=${encodeURIComponent(q)}&pageSize=200`);
    const body = res.json();
    expect(body.total).toBeGreaterThan(10);
    for (const item of body.items) {
      expect(
        item.contentVi.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase() +
          JSON.stringify(item.leads),
      ).toBeTruthy();
    }
    const plain = (await get(`/api/public/tasks?q=${encodeURIComponent('chuyển đổi số')}&pageSize=1`)).json();
    expect(body.total).toBe(plain.total);
  });

  it('finds Đà Nẵng by "da nang" among agencies', async () => {
    const res = await get('/api/public/agencies?q=da%20nang');
    expect(res.json().items.map((a: { code: string }) => a.code)).toEqual(['48']);
  });

  it('finds a province by a former name merged into it', async () => {
    const res = await get(`/api/public/agencies?q=${encodeURIComponent('Quảng Nam')}`);
    expect(res.json().items.map((a: { code: string }) => a.code)).toContain('48');
  });

  it('filters by group, lead agency, product type and deadline range', async () => {
    const res = await get(
      '/api/public/tasks?group=2&lead=BKHCN&productType=pm_decision&dueFrom=2025-01-01&dueTo=2025-12-31&pageSize=200',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.groupNo).toBe(2);
      expect(item.productType).toBe('pm_decision');
      expect(item.dueDate >= '2025-01-01' && item.dueDate <= '2025-12-31').toBe(true);
      expect(item.leads.some((l: { code: string }) => l.code === 'BKHCN')).toBe(true);
    }
  });

  it('shows a task with its 5 rõ, the lead as written and as mapped today, and its source', async () => {
    const list = (await get('/api/public/tasks?q=tuyen%20truyen&pageSize=1')).json();
    const res = await get(`/api/public/tasks/${list.items[0].id}`);
    expect(res.statusCode).toBe(200);
    const task = res.json();
    expect(task.code).toBe('1');
    expect(task.fiveR).toEqual({ who: true, what: true, responsibility: true, when: true, result: true });
    expect(task.leads[0]).toMatchObject({
      code: 'BKHCN',
      nameAsWritten: 'Bộ Thông tin và Truyền thông',
      mapped: true,
    });
    expect(task.source.document).toBe('03/NQ-CP, Phụ lục II, dòng 1');
    expect(task.dueDate).toBe('2025-06-30');
  });

  it('answers bad query parameters with 400 "field: problem"', async () => {
    const res = await get('/api/public/tasks?dueFrom=31/02/2025&pageSize=9999');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/dueFrom: /);
    expect(body.error.message).toMatch(/pageSize: /);
  });

  it('refuses an impossible date and an inverted range', async () => {
    expect((await get('/api/public/tasks?dueFrom=2025-02-31')).statusCode).toBe(400);
    const res = await get('/api/public/tasks?dueFrom=2026-01-01&dueTo=2025-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('dueTo: must not be before dueFrom');
  });

  it('answers 404 for a task or agency that does not exist', async () => {
    expect((await get('/api/public/tasks/999999')).statusCode).toBe(404);
    expect((await get('/api/public/agencies/NOPE')).statusCode).toBe(404);
    expect((await get('/api/public/tasks/abc')).statusCode).toBe(400);
  });

  it('lists the 67 targets with values and years', async () => {
    const body = (await get('/api/public/targets')).json();
    expect(body.total).toBe(67);
    expect(body.items.find((t: { code: string }) => t.code === 'T2030-10')).toMatchObject({
      targetValue: 30,
      comparison: '>=',
      targetYear: 2030,
      indicatorGroup: { no: 10 },
    });
  });

  it('shows an agency with its tasks, former names and collective tasks', async () => {
    const body = (await get('/api/public/agencies/BKHCN')).json();
    expect(body.nameVi).toBe('Bộ Khoa học và Công nghệ');
    expect(body.formerNames.map((f: { name: string }) => f.name)).toContain('Bộ Thông tin và Truyền thông');
    expect(body.leadTasks.length).toBeGreaterThan(40);
    expect(body.collectiveTasks.length).toBeGreaterThan(0);
  });

  it('gives the overview: 7 groups with counts, deadlines by quarter, top agencies', async () => {
    const body = (await get('/api/public/overview')).json();
    expect(body.groups.map((g: { taskCount: number }) => g.taskCount)).toEqual([13, 29, 34, 12, 28, 15, 9]);
    expect(body.totals.tasks).toBe(140);
    expect(body.topAgencies[0].code).toBe('BKHCN');
    const dated = body.deadlinesByQuarter.reduce((s: number, q: { count: number }) => s + q.count, 0);
    expect(dated + body.deadlineKinds.yearly + body.deadlineKinds.ongoing + body.deadlineKinds.undated).toBe(
      140,
    );
  });

  it('describes itself with OpenAPI', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/public/tasks',
        '/api/public/targets',
        '/api/public/agencies',
      ]),
    );
  });

  it('counts only Program tasks for an agency, not the items of its own plan', async () => {
    const listed = async () =>
      (await get('/api/public/agencies')).json().items.find((a: { code: string }) => a.code === 'BKHCN');
    const page = async () => (await get('/api/public/agencies/BKHCN')).json();
    const [beforeList, beforePage] = [await listed(), await page()];
    // The ministry's focal officer builds its plan (plans.manage is theirs, in scope).
    await makeUser(t.app.identity, 'daumoi.plan@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
    const officer = await signInAs(t.app, 'daumoi.plan@most.gov.vn');
    const copied = await officer.request({ method: 'POST', url: '/api/plans/BKHCN/copy-down' });
    expect(copied.statusCode).toBe(200);
    expect(copied.json().created.length).toBeGreaterThan(40);
    expect(await listed()).toEqual(beforeList);
    const after = await page();
    expect(after.leadTasks.length).toBe(beforePage.leadTasks.length);
    expect(after.partnerTasks?.length).toBe(beforePage.partnerTasks?.length);
    expect(after.collectiveTasks.length).toBe(beforePage.collectiveTasks.length);
  });
});
