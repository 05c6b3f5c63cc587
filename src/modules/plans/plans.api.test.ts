import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';

interface Item {
  id: number;
  code: string;
  parentTaskId: number | null;
  contentVi: string;
  dueDate: string | null;
  leads: { code: string | null }[];
}

describe.each(testEngines())('agency plans on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  const PROVINCE = '48'; // Đà Nẵng
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in with the roles these routes need (docs/roles.md).
    await makeUser(t.app.identity, 'staff@most.gov.vn', 'BKHCN', [
      { role: 'coordinator' },
      { role: 'focal_officer', unit: '48', subUnits: true },
      { role: 'focal_officer', unit: 'BYT' },
    ]);
    client = await signInAs(t.app, 'staff@most.gov.vn');
    // Communes arrive with the organisations import; these two stand in for it.
    await rows(
      t.database.db,
      sql`INSERT INTO org_unit (code, kind, name_vi, parent_id)
          SELECT c.code, 'commune', c.name, o.id FROM org_unit o,
                 (VALUES ('20194', 'Phường Hải Châu'), ('20200', 'Xã Hòa Vang')) AS c(code, name)
           WHERE o.code = ${PROVINCE} RETURNING id`,
    );
  });
  afterAll(() => t?.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await client.request({ method, url: `/api${url}`, payload: payload as object });
    return { status: res.statusCode, body: res.json() };
  };

  it('shows the gap of a collective task for every province until it plans for it', async () => {
    const byTask = (await call('GET', '/plans/gaps/by-task')).body.items;
    const collective = byTask.find(
      (g: { collective: string }) => g.collective === 'all_ministries_and_provinces',
    );
    const [counts] = await rows<{ central: number; provinces: number }>(
      t.database.db,
      sql`SELECT count(*) FILTER (WHERE kind IN ('ministry','ministerial_agency','government_agency'))::int AS central,
                 count(*) FILTER (WHERE kind IN ('province','city'))::int AS provinces
            FROM org_unit WHERE valid_to IS NULL`,
    );
    expect(counts!.provinces).toBe(34);
    expect(collective.agencies).toHaveLength(counts!.central + counts!.provinces);
    expect(collective.agencies.map((a: { agencyCode: string }) => a.agencyCode)).toContain(PROVINCE);

    const forProvince = (await call('GET', `/plans/gaps/by-agency?agency=${PROVINCE}`)).body.items;
    expect(forProvince).toHaveLength(1);
    expect(forProvince[0].tasks.map((x: { taskId: number }) => x.taskId)).toContain(collective.taskId);
    // Tasks for all ministries only are not the province's gap.
    const ministriesOnly = byTask.find((g: { collective: string }) => g.collective === 'all_ministries');
    expect(forProvince[0].tasks.map((x: { taskId: number }) => x.taskId)).not.toContain(
      ministriesOnly.taskId,
    );
  });

  it('lets a province copy its part down into a plan, then hand one item to two communes', async () => {
    const copied = await call('POST', `/plans/${PROVINCE}/copy-down`);
    expect(copied.status).toBe(200);
    const items: Item[] = copied.body.items;
    expect(items.length).toBeGreaterThan(10);
    expect(copied.body.created).toHaveLength(items.length);
    const parents = new Map(
      (await call('GET', '/register/tasks')).body.items.map((p: Item) => [p.id, p] as const),
    );
    for (const item of items) {
      const parent = parents.get(item.parentTaskId!) as Item;
      expect(item.contentVi).toBe(parent.contentVi);
      expect(item.dueDate).toBe(parent.dueDate);
      expect(item.leads.map((l) => l.code)).toEqual([PROVINCE]);
    }
    // Plan items are tasks, but the public Program pages still count the Program's own 140.
    expect((await call('GET', '/public/tasks?pageSize=1')).body.total).toBe(140);
    expect((await call('GET', '/public/overview')).body.totals.tasks).toBe(140);
    // Copy-down again copies nothing twice.
    expect((await call('POST', `/plans/${PROVINCE}/copy-down`)).body.created).toEqual([]);

    // The gap closes for this province only.
    const gaps = (await call('GET', '/plans/gaps/by-task')).body.items;
    const parentId = items[0]!.parentTaskId;
    const stillMissing = gaps.find((g: { taskId: number }) => g.taskId === parentId)?.agencies ?? [];
    expect(stillMissing.map((a: { agencyCode: string }) => a.agencyCode)).not.toContain(PROVINCE);
    expect((await call('GET', `/plans/gaps/by-agency?agency=${PROVINCE}`)).body.items).toEqual([]);

    const item = items.find(
      (i) =>
        i.dueDate !== null &&
        (parents.get(i.parentTaskId!) as { leads: { collective: string | null }[] }).leads.some(
          (l) => l.collective,
        ),
    )!;
    const children: Item[] = [];
    for (const commune of ['20194', '20200']) {
      const res = await call('POST', `/plans/${PROVINCE}/items`, {
        parentTaskId: item.id,
        contentVi: `Triển khai tại ${commune}`,
        lead: commune,
        productDescription: 'Báo cáo kết quả',
        dueDate: item.dueDate,
      });
      expect(res.status).toBe(201);
      children.push(res.body);
    }
    expect(children.map((c) => c.code)).toEqual([`${item.code}.1`, `${item.code}.2`]);
    const assigned = await call('POST', `/plans/${PROVINCE}/items/${children[0]!.id}/assign`, {
      assignedOn: '2025-05-01',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.registerState).toBe('assigned');

    // Progress rolls up: the item is the mean of its communes; the Program task also counts the
    // provinces and ministries that have no plan item yet as 0.
    const rolled = await call('POST', '/plans/rollup', {
      taskId: item.id,
      progress: [
        { taskId: children[0]!.id, progress: 100, completed: true },
        { taskId: children[1]!.id, progress: 50, completed: false },
      ],
    });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ progress: 75, completed: false, source: 'children' });
    const top = (
      await call('POST', '/plans/rollup', {
        taskId: item.parentTaskId,
        progress: [
          { taskId: children[0]!.id, progress: 100, completed: true },
          { taskId: children[1]!.id, progress: 100, completed: true },
        ],
      })
    ).body;
    expect(top.children[0]).toMatchObject({ taskId: item.id, progress: 100, completed: true });
    expect(top.completed).toBe(false);
    expect(top.children.filter((c: { key: string }) => c.key.startsWith('gap:')).length).toBeGreaterThan(30);
  });

  it("refuses a plan item under another agency's task or led by a unit that is not the agency's", async () => {
    const program = (await call('GET', '/register/tasks?lead=BKHCN')).body.items[0];
    const foreign = await call('POST', `/plans/${PROVINCE}/items`, {
      parentTaskId: program.id,
      contentVi: 'Không được phép',
      lead: PROVINCE,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0]).toMatchObject({ field: 'parentTaskId' });

    const plan = (await call('GET', `/plans/${PROVINCE}`)).body;
    const otherProvince = await call('POST', `/plans/${PROVINCE}/items`, {
      parentTaskId: plan.items[0].id,
      contentVi: 'Giao cho tỉnh khác',
      lead: '01',
    });
    expect(otherProvince.status).toBe(400);
    expect(otherProvince.body.error.issues[0]).toMatchObject({ field: 'lead' });
    expect((await call('GET', `/plans/${PROVINCE}`)).body.items).toHaveLength(plan.items.length);

    expect((await call('POST', '/plans/NOPE/copy-down')).status).toBe(404);
    expect((await call('POST', '/plans', { agency: PROVINCE })).status).toBe(409);
  });

  it("shows the plan's tree and its rolled-up progress, with the Program tasks it answers to", async () => {
    const view = (await call('GET', `/plans/${PROVINCE}`)).body;
    const programIds = new Set(view.programTasks.map((p: { id: number }) => p.id));
    expect(view.programTasks.every((p: { planId: number | null }) => p.planId === null)).toBe(true);
    // Every top-level item's parent is among them, and every assigned collective task too.
    for (const item of view.items as Item[])
      if (!view.items.some((i: Item) => i.id === item.parentTaskId))
        expect(programIds.has(item.parentTaskId)).toBe(true);
    const gaps = (await call('GET', '/plans/gaps/by-task')).body.items;
    const provinceTask = gaps.find((g: { collective: string }) => g.collective === 'all_provinces');
    expect(programIds.has(provinceTask.taskId)).toBe(true);

    const progress = (await call('GET', `/plans/${PROVINCE}/progress`)).body.items as {
      taskId: number;
      progress: number;
      source: string;
      gaps: number;
    }[];
    const byId = new Map(progress.map((p) => [p.taskId, p]));
    for (const t of [...view.programTasks, ...view.items]) expect(byId.has(t.id)).toBe(true);
    // The item handed to two communes is their mean (nothing reported: 0) and the Program task above
    // it counts the other provinces without an item as gaps.
    const parent = view.items.find((i: Item) => view.items.some((c: Item) => c.parentTaskId === i.id));
    expect(byId.get(parent.id)).toMatchObject({ progress: 0, source: 'children' });
    expect(byId.get(parent.parentTaskId)!.gaps).toBeGreaterThan(0);
  });

  it("refuses a focal officer another agency's plan (403), whatever the plan", async () => {
    await makeUser(t.app.identity, 'focal@hanoi.gov.vn', '01', [{ role: 'focal_officer' }]);
    const hanoi = await signInAs(t.app, 'focal@hanoi.gov.vn');
    const as = async (method: 'GET' | 'POST', url: string, payload?: object) =>
      (await hanoi.request({ method, url: `/api${url}`, payload })).statusCode;
    const before = (await call('GET', `/plans/${PROVINCE}`)).body.items.length;
    expect(await as('POST', `/plans/${PROVINCE}/copy-down`)).toBe(403);
    expect(
      await as('POST', `/plans/${PROVINCE}/items`, { parentTaskId: 1, contentVi: 'x', lead: PROVINCE }),
    ).toBe(403);
    expect(await as('POST', '/plans', { agency: PROVINCE })).toBe(403);
    expect((await call('GET', `/plans/${PROVINCE}`)).body.items).toHaveLength(before);
    // Reading is open to every signed-in person; its own plan is its own to build.
    expect(await as('GET', `/plans/${PROVINCE}`)).toBe(200);
    expect(await as('POST', '/plans/01/copy-down')).toBe(200);
  });

  it('answers two simultaneous plan creations for one agency with 201 and 409, never 500', async () => {
    const results = await Promise.all([
      call('POST', '/plans', { agency: 'BYT' }),
      call('POST', '/plans', { agency: 'BYT' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
