import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { sessionCookie } from '../../../tests/helpers/identity.ts';
import { loadConfig } from '../../config.ts';
import { type Database, rows } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { applyDemoMode, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.service.ts';
import { defaultIdentityOptions } from './identity-options.ts';

const appWith = (database: Database, demo: boolean) =>
  buildApp({ database, logLevel: 'silent', serveWeb: false, identity: defaultIdentityOptions({ demo }) });

describe('demo mode follows the configuration', () => {
  it('is on only for the embedded database unless DEMO_MODE=false', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'false' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', DEMO_MODE: 'true' }).demo).toBe(false);
  });
});

describe.each(testEngines())('demo accounts on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('seeds one account per demo role idempotently, says so in /api/meta, and removes them when off', async () => {
    const on = await appWith(database, true);
    expect(await applyDemoMode(on.identity)).toEqual({ created: DEMO_ACCOUNTS.length, removed: 0 });
    expect(await applyDemoMode(on.identity)).toEqual({ created: 0, removed: 0 });
    expect((await on.inject({ method: 'GET', url: '/api/meta' })).json()).toEqual({
      demo: true,
      oidc: false,
      version: '0.1.0',
    });
    const roles = await rows<{ role: string }>(
      database.db,
      sql`SELECT DISTINCT role FROM role_assignment ORDER BY role`,
    );
    expect(roles.map((r) => r.role)).toEqual([
      'agency_head',
      'auditor',
      'coordinator',
      'focal_officer',
      'steering_viewer',
      'system_admin',
    ]);
    const signIn = await on.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'focal.hanoi@nq57.example', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user.demo).toBe(true);
    const sid = sessionCookie(signIn);
    await on.close();

    // Restarted with demo mode off: the open session no longer works, and the accounts are gone.
    const off = await appWith(database, false);
    expect((await off.inject({ method: 'GET', url: '/api/me', cookies: { sid } })).json().user).toBeNull();
    expect((await applyDemoMode(off.identity)).removed).toBe(DEMO_ACCOUNTS.length);
    expect((await off.inject({ method: 'GET', url: '/api/meta' })).json().demo).toBe(false);
    const left = await rows(
      database.db,
      sql`SELECT 1 FROM app_user WHERE is_demo OR email LIKE '%@nq57.example'`,
    );
    expect(left).toHaveLength(0);
    const denied = await off.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@nq57.example', password: DEMO_PASSWORD },
    });
    expect(denied.statusCode).toBe(401);
    await off.close();
  });
});
