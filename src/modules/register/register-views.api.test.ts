import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';
import { MAX_VIEWS_PER_PERSON } from './register-views.inputs.ts';

const LATE_MOST = {
  filters: { lead: 'BKHCN', missing: 'any', dueTo: '2025-12-31', q: 'chuyen doi so' },
  sort: { by: 'dueDate', dir: 'asc' },
  columns: ['code', 'content', 'dueDate', 'missing'],
};

describe.each(testEngines())('saved register views on %s', (engine) => {
  let t: TestApp;
  let coordinator: Client;
  let officer: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await makeUser(t.app.identity, 'coord@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    await makeUser(t.app.identity, 'focal@btc.gov.vn', 'BTC', [{ role: 'focal_officer' }]);
    coordinator = await signInAs(t.app, 'coord@most.gov.vn');
    officer = await signInAs(t.app, 'focal@btc.gov.vn');
  });
  afterAll(() => t?.close());

  const call = async (
    client: Client,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => {
    const res = await client.request({ method, url: `/api${url}`, payload: payload as object });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const auditCount = async (action: string) =>
    (
      await rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM audit_event WHERE action = ${action}`,
      )
    )[0]!.n;

  it('saves a view for its owner only, lists it by name, and audits each change', async () => {
    const created = await call(coordinator, 'POST', '/register/views', {
      name: ' Trễ hạn  BKHCN ',
      settings: LATE_MOST,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Trễ hạn BKHCN', settings: LATE_MOST });
    expect(await auditCount('register_view.create')).toBe(1);

    const mine = await call(coordinator, 'GET', '/register/views');
    expect(mine.body.items.map((v: { name: string }) => v.name)).toEqual(['Trễ hạn BKHCN']);
    // Another person neither sees it nor can change or delete it: their answer is "not found".
    expect((await call(officer, 'GET', '/register/views')).body.items).toEqual([]);
    const id = created.body.id;
    expect(
      (await call(officer, 'PUT', `/register/views/${id}`, { name: 'x', settings: LATE_MOST })).status,
    ).toBe(404);
    expect((await call(officer, 'DELETE', `/register/views/${id}`)).status).toBe(404);
    expect(await auditCount('register_view.update')).toBe(0);

    const renamed = await call(coordinator, 'PUT', `/register/views/${id}`, {
      name: 'Thiếu 5 rõ',
      settings: { ...LATE_MOST, sort: null, columns: ['code', 'missing'] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Thiếu 5 rõ',
      settings: { sort: null, columns: ['code', 'missing'] },
    });
    expect(await auditCount('register_view.update')).toBe(1);

    expect((await call(coordinator, 'DELETE', `/register/views/${id}`)).status).toBe(204);
    expect((await call(coordinator, 'GET', '/register/views')).body.items).toEqual([]);
    expect(await auditCount('register_view.delete')).toBe(1);
  });

  it('refuses a second view of the same name with 409, and bad settings with 400 naming the field', async () => {
    const settings = { filters: {}, sort: null, columns: ['code'] };
    expect((await call(officer, 'POST', '/register/views', { name: 'Mine', settings })).status).toBe(201);
    const again = await call(officer, 'POST', '/register/views', { name: 'Mine', settings });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Mine');
    // The same name is free for another person.
    expect((await call(coordinator, 'POST', '/register/views', { name: 'Mine', settings })).status).toBe(201);

    const bad = [
      [{ name: '', settings }, 'name'],
      [{ name: 'a', settings: { ...settings, columns: [] } }, 'settings.columns'],
      [{ name: 'a', settings: { ...settings, columns: ['code', 'code'] } }, 'settings.columns'],
      [{ name: 'a', settings: { ...settings, columns: ['salary'] } }, 'settings.columns'],
      [
        { name: 'a', settings: { ...settings, filters: { missing: 'everything' } } },
        'settings.filters.missing',
      ],
      [{ name: 'a', settings: { ...settings, filters: { colour: 'red' } } }, 'settings.filters'],
      [
        { name: 'a', settings: { ...settings, filters: { dueFrom: '2026-01-01', dueTo: '2025-01-01' } } },
        'settings.filters.dueTo',
      ],
      [{ name: 'a', settings: { ...settings, sort: { by: 'code', dir: 'sideways' } } }, 'settings.sort.dir'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call(officer, 'POST', '/register/views', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect((await call(officer, 'GET', '/register/views')).body.items).toHaveLength(1);
  });

  it(`keeps at most ${MAX_VIEWS_PER_PERSON} views per person`, async () => {
    const settings = { filters: {}, sort: null, columns: ['code'] };
    await makeUser(t.app.identity, 'many@most.gov.vn', 'BKHCN', [{ role: 'steering_viewer' }]);
    const many = await signInAs(t.app, 'many@most.gov.vn');
    for (let i = 0; i < MAX_VIEWS_PER_PERSON; i++)
      expect((await call(many, 'POST', '/register/views', { name: `v${i}`, settings })).status).toBe(201);
    const over = await call(many, 'POST', '/register/views', { name: 'one more', settings });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('delete one first');
  });

  it('answers 401 to a visitor who is not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/register/views' });
    expect(res.statusCode).toBe(401);
  });
});
