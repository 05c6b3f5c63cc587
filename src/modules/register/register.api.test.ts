import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';
import { deadlinesOf } from './extensions.repository.ts';

describe.each(testEngines())('task register on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in with the roles these routes need (docs/roles.md).
    await makeUser(t.app.identity, 'staff@most.gov.vn', 'BKHCN', [
      { role: 'coordinator' },
      { role: 'focal_officer' },
    ]);
    client = await signInAs(t.app, 'staff@most.gov.vn');
  });
  afterAll(() => t?.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await client.request({ method, url: `/api${url}`, payload: payload as object });
    return { status: res.statusCode, body: res.json() };
  };
  const versionCount = async (taskId: number) =>
    (
      await rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM task_version WHERE task_id = ${taskId}`,
      )
    )[0]!.n;

  /** A task led by the Ministry of Science and Technology alone. */
  async function mostTask() {
    const { body } = await call('GET', '/register/tasks?lead=BKHCN');
    return body.items.find(
      (i: { leads: unknown[]; registerState: string }) => i.leads.length === 1 && i.registerState === 'draft',
    );
  }

  it('lets the coordinator edit and assign a task; the original deadline is fixed at assignment', async () => {
    const task = await mostTask();
    const [target] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM target ORDER BY id LIMIT 1`,
    );
    const edit = await call('PATCH', `/register/tasks/${task.id}`, {
      contentVi: 'Xây dựng nền tảng số đo lường mức độ hoàn thành nhiệm vụ thử nghiệm',
      sourceDocument: '71/NQ-CP',
      sourceItem: 'mục II.1.đ',
      partners: ['BTC', 'all_provinces'],
      accountableHead: { name: 'Bộ trưởng Bộ Khoa học và Công nghệ' },
      focalOfficer: { name: 'Nguyễn Văn A, Vụ Kế hoạch - Tài chính' },
      productType: 'platform',
      productDescription: 'Nền tảng số đưa vào vận hành',
      dueDate: '2025-12-31',
      targetIds: [target!.id],
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      sourceItem: 'mục II.1.đ',
      partners: [{ code: 'BTC' }, { collective: 'all_provinces' }],
      accountableHead: { userId: null, name: 'Bộ trưởng Bộ Khoa học và Công nghệ' },
      productType: 'platform',
      dueDate: '2025-12-31',
      targetIds: [target!.id],
      missing: [],
      registerState: 'draft',
    });
    // search_text follows the edit, so the public search finds the new words without accents.
    const found = await call(
      'GET',
      '/public/tasks?q=do%20luong%20muc%20do%20hoan%20thanh%20nhiem%20vu%20thu%20nghiem',
    );
    expect(found.body.items.map((i: { id: number }) => i.id)).toEqual([task.id]);
    const [flags] = await rows<{ editedLocally: boolean }>(
      t.database.db,
      sql`SELECT edited_locally AS "editedLocally" FROM task WHERE id = ${task.id}`,
    );
    expect(flags!.editedLocally).toBe(true);

    const assigned = await call('POST', `/register/tasks/${task.id}/assign`, { assignedOn: '2025-04-01' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      registerState: 'assigned',
      assignedOn: '2025-04-01',
      originalDueDate: '2025-12-31',
    });

    // An assigned task's deadline moves only through an extension.
    const moved = await call('PATCH', `/register/tasks/${task.id}`, { dueDate: '2026-06-30' });
    expect(moved.status).toBe(409);
    const audit = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'task' AND entity_id = ${String(task.id)}`,
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('refuses to assign a task lacking parts of 5 rõ and lists them; the register counts it', async () => {
    const created = await call('POST', '/register/tasks', {
      groupNo: 1,
      code: 'T-5R',
      contentVi: 'Nhiệm vụ chưa đủ 5 rõ',
    });
    expect(created.status).toBe(201);
    expect(created.body.missing).toEqual(['who', 'responsibility', 'when', 'result']);
    const refused = await call('POST', `/register/tasks/${created.body.id}/assign`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
      'who',
      'responsibility',
      'when',
      'result',
    ]);
    expect((await call('GET', `/register/tasks/${created.body.id}`)).body.registerState).toBe('draft');

    const incomplete = await call('GET', '/register/tasks?incomplete=true');
    expect(incomplete.body.items.map((i: { code: string }) => i.code)).toContain('T-5R');
    const perAgency = (await call('GET', '/register/incomplete-by-agency')).body.items;
    expect(perAgency.find((r: { lead: string }) => r.lead === '(none)')).toMatchObject({
      tasks: 1,
      incomplete: 1,
    });
    const total = perAgency.reduce((n: number, r: { incomplete: number }) => n + r.incomplete, 0);
    expect(total).toBeGreaterThan(1);
  });

  it("searches the register without accents and lists a recurring task's occurrences", async () => {
    const found = (await call('GET', '/register/tasks?q=CHUYEN%20DOI%20SO')).body.items;
    const accented = (await call('GET', `/register/tasks?q=${encodeURIComponent('chuyển đổi số')}`)).body
      .items;
    const yearly = (await call('GET', '/register/tasks')).body.items.find(
      (i: { recurrence: string | null }) => i.recurrence === 'yearly',
    );
    expect(yearly).toBeDefined();
    const res = await call('GET', `/register/tasks/${yearly.id}/occurrences?from=2025-01-01&to=2026-12-31`);
    expect(res.status).toBe(200);
    expect(res.body.occurrences.map((o: { dueDate: string }) => o.dueDate)).toContain('2026-12-31');
    expect(found.length).toBeGreaterThan(10);
    expect(found.map((i: { id: number }) => i.id)).toEqual(accented.map((i: { id: number }) => i.id));
    const openapi = (await call('GET', '/openapi.json')).body;
    expect(openapi.paths['/api/register/tasks'].get.tags).toEqual(['register']);
    expect(openapi.paths['/api/plans/{agency}/copy-down'].post.tags).toEqual(['plans']);
  });

  it('cancels a task with a reason; it leaves the counts but keeps its history', async () => {
    const created = (
      await call('POST', '/register/tasks', { groupNo: 4, code: 'CANCEL-1', contentVi: 'Nhiệm vụ sẽ hủy' })
    ).body;
    expect((await call('POST', `/register/tasks/${created.id}/cancel`, { reason: ' ' })).status).toBe(400);
    const cancelled = await call('POST', `/register/tasks/${created.id}/cancel`, {
      reason: 'Trùng với nhiệm vụ 1.a',
    });
    expect(cancelled.body).toMatchObject({
      registerState: 'cancelled',
      cancelReason: 'Trùng với nhiệm vụ 1.a',
    });
    const none = (await call('GET', '/register/incomplete-by-agency')).body.items.find(
      (r: { lead: string }) => r.lead === '(none)',
    );
    expect(none).toMatchObject({ tasks: 1, incomplete: 1 }); // T-5R only
    const history = (await call('GET', `/register/tasks/${created.id}/history`)).body.versions;
    expect(history.map((v: { change: string }) => v.change)).toEqual(['created', 'cancelled']);
    expect(history[0].validTo).toBe(history[1].validFrom);
  });

  it('keeps the original deadline frozen in the database itself', async () => {
    const [assigned] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM task WHERE original_due_date IS NOT NULL LIMIT 1`,
    );
    await expect(
      rows(t.database.db, sql`UPDATE task SET original_due_date = '2030-01-01' WHERE id = ${assigned!.id}`),
    ).rejects.toThrow();
  });

  it.each([
    ['lead also a partner', { lead: 'BKHCN', partners: ['BKHCN'] }, 'partners.0'],
    ['unknown agency', { lead: 'NOPE' }, 'lead'],
    ['product type not in the list', { productType: 'novel' }, 'productType'],
    ['unreadable deadline', { deadlineAsWritten: 'khi nào xong' }, 'deadlineAsWritten'],
  ])('refuses %s with a clear 400 and changes nothing', async (_, patch, field) => {
    const created = await call('POST', '/register/tasks', {
      groupNo: 2,
      code: `BAD-${field}-${Math.random().toString(36).slice(2, 7)}`,
      contentVi: 'Nhiệm vụ kiểm tra dữ liệu sai',
      lead: 'BTC',
    });
    const before = await versionCount(created.body.id);
    const res = await call('PATCH', `/register/tasks/${created.body.id}`, patch);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await versionCount(created.body.id)).toBe(before);
    expect((await call('GET', `/register/tasks/${created.body.id}`)).body.leads[0].code).toBe('BTC');
  });

  it('refuses a deadline before the assignment date and a cycle between tasks', async () => {
    const base = {
      groupNo: 3,
      contentVi: 'Nhiệm vụ có thời hạn',
      lead: 'BTC',
      productDescription: 'Báo cáo',
    };
    const a = (await call('POST', '/register/tasks', { ...base, code: 'CYC-A', dueDate: '2025-03-31' })).body;
    const early = await call('POST', `/register/tasks/${a.id}/assign`, { assignedOn: '2025-04-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain(
      'dueDate: the deadline 2025-03-31 is before the assignment date 2025-04-01',
    );
    expect((await call('GET', `/register/tasks/${a.id}`)).body.registerState).toBe('draft');

    const b = (await call('POST', '/register/tasks', { ...base, code: 'CYC-B', parentTaskId: a.id })).body;
    const c = (await call('POST', '/register/tasks', { ...base, code: 'CYC-C', parentTaskId: b.id })).body;
    const cycle = await call('PATCH', `/register/tasks/${a.id}`, { parentTaskId: c.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.issues[0]).toMatchObject({ field: 'parentTaskId' });
    expect((await call('GET', `/register/tasks/${a.id}`)).body.parentTaskId).toBeNull();
  });

  it('gives an agency an extension: original kept, current moved, history shown', async () => {
    const task = await mostTask();
    await call('PATCH', `/register/tasks/${task.id}`, { dueDate: '2025-09-30', productDescription: 'Đề án' });
    expect(
      (await call('POST', `/register/tasks/${task.id}/assign`, { assignedOn: '2025-04-01' })).status,
    ).toBe(200);

    // A focal officer of another agency may not ask in the lead's name.
    await makeUser(t.app.identity, 'focal@mof.gov.vn', 'BTC', [{ role: 'focal_officer' }]);
    const other = await signInAs(t.app, 'focal@mof.gov.vn');
    const inOthersName = await other.request({
      method: 'POST',
      url: `/api/register/tasks/${task.id}/extensions`,
      payload: { agency: 'BKHCN', reason: 'Hộ', requestedDueDate: '2025-12-31' },
    });
    expect(inOthersName.statusCode).toBe(403);
    const ownNameNotLead = await other.request({
      method: 'POST',
      url: `/api/register/tasks/${task.id}/extensions`,
      payload: { agency: 'BTC', reason: 'Không chủ trì', requestedDueDate: '2025-12-31' },
    });
    expect(ownNameNotLead.statusCode).toBe(403);
    expect(ownNameNotLead.json().error.message).toContain('does not lead');

    const notLead = await call('POST', `/register/tasks/${task.id}/extensions`, {
      agency: 'BTC',
      reason: 'Cần thêm thời gian',
      requestedDueDate: '2025-12-31',
    });
    expect(notLead.status).toBe(403);
    const tooEarly = await call('POST', `/register/tasks/${task.id}/extensions`, {
      agency: 'BKHCN',
      reason: 'Cần thêm thời gian',
      requestedDueDate: '2025-09-01',
    });
    expect(tooEarly.status).toBe(400);

    const asked = await call('POST', `/register/tasks/${task.id}/extensions`, {
      agency: 'BKHCN',
      reason: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
      requestedDueDate: '2025-12-31',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      state: 'pending',
      previousDueDate: '2025-09-30',
      requestingOrgCode: 'BKHCN',
    });
    const twice = await call('POST', `/register/tasks/${task.id}/extensions`, {
      agency: 'BKHCN',
      reason: 'Lần nữa',
      requestedDueDate: '2026-03-31',
    });
    expect(twice.status).toBe(409);
    const queue = (await call('GET', '/register/extensions')).body.items;
    expect(queue.find((e: { id: number }) => e.id === asked.body.id)).toMatchObject({
      taskCode: task.code,
      taskContentVi: task.contentVi,
      requestingOrgNameVi: 'Bộ Khoa học và Công nghệ',
    });

    const decided = await call('POST', `/register/extensions/${asked.body.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ originalDueDate: '2025-09-30', currentDueDate: '2025-12-31' });
    expect(decided.body.extensions).toHaveLength(1);
    expect(decided.body.extensions[0]).toMatchObject({
      state: 'approved',
      reason: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
    });

    const current = (await call('GET', `/register/tasks/${task.id}`)).body;
    expect(current).toMatchObject({ originalDueDate: '2025-09-30', dueDate: '2025-12-31' });
    const history = (await call('GET', `/register/tasks/${task.id}/history`)).body;
    expect(history.versions.map((v: { change: string }) => v.change)).toEqual([
      'baseline',
      'updated',
      'assigned',
      'extension_approved',
    ]);
    expect(history.versions.at(-2).snapshot.dueDate).toBe('2025-09-30');

    // On-time is judged against the original; before the approval the current deadline was the original.
    const [yesterday] = await deadlinesOf(t.database.db, [task.id], '2020-01-01');
    expect(yesterday).toMatchObject({ originalDueDate: '2025-09-30', currentDueDate: '2025-09-30' });
    const refuse = await call('POST', `/register/extensions/${asked.body.id}/decision`, {
      decision: 'refuse',
      note: 'x',
    });
    expect(refuse.status).toBe(409);
  });

  it('shows the register as of a past instant with the old values', async () => {
    const task = (await call('GET', '/register/tasks?lead=BGDDT')).body.items[0];
    const oldContent = task.contentVi;
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const edited = await call('PATCH', `/register/tasks/${task.id}`, {
      contentVi: 'Nội dung đã sửa',
      lead: 'BNV',
    });
    expect(edited.status).toBe(200);
    await call('POST', '/register/tasks', { groupNo: 1, code: 'LATER', contentVi: 'Nhiệm vụ thêm sau' });

    const then = (await call('GET', `/register/as-of?at=${encodeURIComponent(before)}`)).body;
    const thenTask = then.items.find((i: { id: number }) => i.id === task.id);
    expect(thenTask.contentVi).toBe(oldContent);
    expect(thenTask.leads[0].code).toBe('BGDDT');
    expect(then.items.some((i: { code: string }) => i.code === 'T-5R')).toBe(true);
    expect(then.items.some((i: { code: string }) => i.code === 'LATER')).toBe(false);

    const now = (await call('GET', `/register/as-of?at=${encodeURIComponent(new Date().toISOString())}`))
      .body;
    expect(now.items.find((i: { id: number }) => i.id === task.id)).toMatchObject({
      contentVi: 'Nội dung đã sửa',
      leads: [{ code: 'BNV' }],
    });
    expect(now.total).toBe((await call('GET', '/register/tasks')).body.total);
    expect((await call('GET', '/register/as-of?at=2020-01-01')).body.total).toBe(0);
    expect((await call('GET', '/register/as-of?at=yesterday')).status).toBe(400);
  });
});
