import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { makeUser, signInAs } from '../../tests/helpers/identity.ts';
import { loadConfig } from '../config.ts';
import { rows } from '../db/database.ts';
import { defaultIdentityOptions } from '../modules/identity/identity-options.ts';
import { buildApp } from './app.ts';

// The limits are per process (in memory); the lockout that must hold across processes lives in the
// database and has its own tests. One engine is enough here.
describe('request rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { identity: { rateLimits: { signIn: 3, writes: 4 } } });
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
});
