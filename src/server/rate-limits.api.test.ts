import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { testEngines } from '../../tests/helpers/db.ts';
import { makeUser, SAME_ORIGIN, signInAs } from '../../tests/helpers/identity.ts';
import { loadConfig } from '../config.ts';
import { rows } from '../db/database.ts';
import { defaultIdentityOptions } from '../modules/identity/identity-options.ts';
import { rateLimitRepository } from '../modules/system/rate-limit.repository.ts';
import { buildApp } from './app.ts';

// The limits are counted in the database (decision 095): they hold across server processes, which a
// second app on the same database stands in for here (the real two-process test is in tests/reliability).
describe.each(testEngines())('request rate limits on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { identity: { rateLimits: { signIn: 3, writes: 4 } } });
    await makeUser(t.app.identity, 'busy@most.gov.vn', 'BKHCN');
  });
  afterAll(() => t?.close());

  it('limits sign-in attempts per address', async () => {
    const attempt = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'x@y.vn', password: 'whatever' },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await attempt('10.9.0.1')).statusCode).toBe(401);
    const limited = await attempt('10.9.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await attempt('10.9.0.2')).statusCode).toBe(401);
  });

  it('limits writes per person, not reads', async () => {
    const c = await signInAs(t.app, 'busy@most.gov.vn');
    const write = () => c.request({ method: 'POST', url: '/api/auth/password', payload: {} });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await write()).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    for (let i = 0; i < 6; i++)
      expect((await c.request({ method: 'GET', url: '/api/me' })).json().user).not.toBeNull();
  });

  it('counts failures per client address behind a trusted proxy (TRUST_PROXY)', async () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    const behindProxy = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions(),
      trustProxy: loadConfig({ TRUST_PROXY: 'true' }).trustProxy,
    });
    try {
      await behindProxy.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'busy@most.gov.vn', password: 'wrong password' },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      const found = await rows(t.database.db, sql`SELECT 1 FROM login_throttle WHERE ip = '203.0.113.7'`);
      expect(found).toHaveLength(1);
    } finally {
      await behindProxy.close();
    }
  });

  it('counts one person’s writes and one address’s sign-ins across two processes on one database', async () => {
    const other = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions({ rateLimits: { signIn: 3, writes: 4 } }),
    });
    try {
      const attempt = (app: typeof other, remoteAddress: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'x@y.vn', password: 'whatever' },
          remoteAddress,
        });
      const signIns = [];
      for (const app of [t.app, other, t.app, other])
        signIns.push((await attempt(app, '10.9.1.1')).statusCode);
      expect(signIns).toEqual([401, 401, 401, 429]);

      await makeUser(t.app.identity, 'busy2@most.gov.vn', 'BKHCN');
      const { cookie } = await signInAs(t.app, 'busy2@most.gov.vn');
      const write = (app: typeof other) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/password',
          payload: {},
          headers: { ...SAME_ORIGIN, cookie: `sid=${cookie}` },
        });
      const writes = [];
      for (const app of [t.app, other, t.app, other, t.app]) writes.push((await write(app)).statusCode);
      expect(writes).toEqual([400, 400, 400, 400, 429]);
      const limited = await write(other);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('counts atomically and starts a new window when one ends', async () => {
    const repo = rateLimitRepository(t.database.db);
    const hits = await Promise.all(Array.from({ length: 20 }, () => repo.hit('test:atomic', 60_000)));
    expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(Math.min(...hits.map((h) => h.ttlMs))).toBeGreaterThan(50_000);
    expect(await repo.peek('test:atomic')).toMatchObject({ hits: 20 });

    expect((await repo.hit('test:short', 200)).hits).toBe(1);
    expect((await repo.hit('test:short', 200)).hits).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(await repo.peek('test:short')).toEqual({ hits: 0, ttlMs: 0 });
    expect(await repo.deleteEnded()).toBeGreaterThanOrEqual(1);
    expect((await repo.hit('test:short', 200)).hits).toBe(1);
  });
});
