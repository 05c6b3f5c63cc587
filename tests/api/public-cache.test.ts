import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';

describe.each(testEngines())('public answers cache on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('reuses an answer while the data is unchanged', async () => {
    const first = await get('/api/public/tasks?pageSize=3');
    const second = await get('/api/public/tasks?pageSize=3');
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toMatch(/application\/json/);
  });

  it('never serves a stale answer after a change', async () => {
    const before = (await get('/api/public/tasks?q=cache-probe')).json();
    expect(before.total).toBe(0);
    await t.database.db.execute(
      sql`UPDATE task SET search_text = search_text || ' cache-probe' WHERE code = '7'`,
    );
    const after = await get('/api/public/tasks?q=cache-probe');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().total).toBe(1);
  });

  it('answers 304 to a browser that has the current version', async () => {
    const first = await get('/api/public/overview');
    const again = await get('/api/public/overview', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('does not cache errors', async () => {
    expect((await get('/api/public/tasks/999999')).statusCode).toBe(404);
    const again = await get('/api/public/tasks/999999');
    expect(again.statusCode).toBe(404);
    expect(again.headers['x-cache']).toBeUndefined();
  });
});
