import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import {
  makeUser,
  SAME_ORIGIN,
  sessionCookie,
  signInAs,
  TEST_PASSWORD,
} from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { defaultIdentityOptions } from './identity-options.ts';

const NEUTRAL = {
  code: 'invalid_credentials',
  message: 'Email or password is incorrect, or the link is no longer valid',
};

describe.each(testEngines())('sign-in and sessions on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
    const ctx = app.identity;
    await makeUser(ctx, 'officer@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
    await makeUser(ctx, 'locked@most.gov.vn', 'BKHCN');
    await makeUser(ctx, 'everywhere@most.gov.vn', 'BKHCN');
    await makeUser(ctx, 'changer@most.gov.vn', 'BKHCN');
    await makeUser(ctx, 'forgetful@most.gov.vn', 'BKHCN');
    await makeUser(ctx, 'Mixed.Case@Most.gov.vn', 'BKHCN');
  });
  afterAll(() => t?.close());

  const signIn = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

  it('signs in, sets a safe session cookie, and tells who and what they may do', async () => {
    const res = await signIn('OFFICER@most.gov.vn ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await app.inject({ method: 'GET', url: '/api/me', cookies: { sid: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: {
        email: 'officer@most.gov.vn',
        orgUnit: {
          code: 'BKHCN',
          nameVi: 'Bộ Khoa học và Công nghệ',
          nameEn: 'Ministry of Science and Technology (MOST)',
        },
      },
      roles: [
        {
          role: 'focal_officer',
          includeSubUnits: false,
          orgUnit: { code: 'BKHCN', nameVi: 'Bộ Khoa học và Công nghệ' },
        },
      ],
      can: { 'reports.draft': true, 'users.manage': false, 'audit.read': false },
    });
    // Only the hash is stored: the cookie value appears nowhere in the table.
    const stored = await rows<{ id_hash: string }>(t.database.db, sql`SELECT id_hash FROM session`);
    expect(stored.map((s) => s.id_hash)).not.toContain(cookie.value);
  });

  it('answers a visitor with no session 200 and nobody, so public pages log no error', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body).toMatchObject({ user: null, roles: [] });
    expect(Object.keys(body.can)).toContain('users.manage');
    expect(Object.values(body.can).every((v) => v === false)).toBe(true);
    const forged = await app.inject({ method: 'GET', url: '/api/me', cookies: { sid: 'x'.repeat(43) } });
    expect(forged.json().user).toBeNull();
  });

  it('matches the email case-insensitively', async () => {
    expect((await signIn('mixed.case@most.gov.vn', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same for a wrong password, an unknown user, and an expired or used link', async () => {
    const wrong = await signIn('officer@most.gov.vn', 'not the password', '10.0.1.1');
    const unknown = await signIn('nobody@most.gov.vn', 'not the password', '10.0.1.2');
    const badLink = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), newPassword: 'a brand new password' },
    });
    for (const res of [wrong, unknown, badLink]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: NEUTRAL });
    }
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'officer@most.gov.vn', password: TEST_PASSWORD },
    });
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signIn('locked@most.gov.vn', `wrong ${i}`, `10.0.2.${i}`)).statusCode).toBe(401);
    }
    const right = await signIn('locked@most.gov.vn', TEST_PASSWORD, '10.0.2.9');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual({ error: NEUTRAL });
    const [row] = await rows<{ minutes: number }>(
      t.database.db,
      sql`SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM app_user WHERE email = 'locked@most.gov.vn'`,
    );
    expect(row!.minutes).toBe(15);
    const reasons = await rows<{ reason: string }>(
      t.database.db,
      sql`SELECT after->>'reason' AS reason FROM audit_event WHERE action = 'auth.sign_in_failed'
            AND entity_id = (SELECT id::text FROM app_user WHERE email = 'locked@most.gov.vn') ORDER BY id`,
    );
    expect(reasons.map((r) => r.reason)).toEqual([...Array(5).fill('wrong_password'), 'locked']);
    // An administrator's unlock is a password reset; time does it too.
    await t.database.db.execute(
      sql`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE email = 'locked@most.gov.vn'`,
    );
    expect((await signIn('locked@most.gov.vn', TEST_PASSWORD, '10.0.2.9')).statusCode).toBe(200);
  });

  it('locks an address after 20 failures, whichever accounts it tries', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signIn(`guess${i}@most.gov.vn`, 'password?', '10.0.3.1')).statusCode).toBe(401);
    }
    const next = await signIn('officer@most.gov.vn', TEST_PASSWORD, '10.0.3.1');
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('rate_limited');
    expect((await signIn('officer@most.gov.vn', TEST_PASSWORD, '10.0.3.2')).statusCode).toBe(200);
  });

  it('signs out: the cookie stops working', async () => {
    const c = await signInAs(app, 'officer@most.gov.vn');
    expect((await c.request({ method: 'GET', url: '/api/me' })).json().user).not.toBeNull();
    const out = await c.request({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    // Signed out, /api/me still answers 200 (no console error on public pages), with nobody in it.
    const me = await c.request({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toBeNull();
    expect(me.json().roles).toEqual([]);
    expect(Object.values(me.json().can).every((v) => v === false)).toBe(true);
    // A route that needs a session still answers 401 to the same cookie.
    const out2 = await c.request({ method: 'POST', url: '/api/auth/sign-out-everywhere' });
    expect(out2.statusCode).toBe(401);
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const a = await signInAs(app, 'everywhere@most.gov.vn');
    const b = await signInAs(app, 'everywhere@most.gov.vn');
    const other = await signInAs(app, 'officer@most.gov.vn');
    const res = await a.request({ method: 'POST', url: '/api/auth/sign-out-everywhere' });
    expect(res.json()).toEqual({ revokedSessions: 2 });
    for (const c of [a, b])
      expect((await c.request({ method: 'GET', url: '/api/me' })).json().user).toBeNull();
    expect((await other.request({ method: 'GET', url: '/api/me' })).json().user).not.toBeNull();
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const here = await signInAs(app, 'changer@most.gov.vn');
    const elsewhere = await signInAs(app, 'changer@most.gov.vn');
    const change = (currentPassword: string, newPassword: string) =>
      here.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });
    const wrong = await change('not it at all', 'a much better password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('currentPassword: does not match your current password');
    const short = await change(TEST_PASSWORD, 'short');
    expect(short.json().error.message).toBe('newPassword: must be at least 10 characters');
    expect((await change(TEST_PASSWORD, 'a much better password')).statusCode).toBe(204);
    expect((await here.request({ method: 'GET', url: '/api/me' })).json().user).not.toBeNull();
    expect((await elsewhere.request({ method: 'GET', url: '/api/me' })).json().user).toBeNull();
    expect((await signIn('changer@most.gov.vn', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('changer@most.gov.vn', 'a much better password')).statusCode).toBe(200);
  });

  it('resets a password by an emailed single-use link; an unknown address gets the same answer', async () => {
    const before = await signInAs(app, 'forgetful@most.gov.vn');
    const ask = (email: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
    const known = await ask('forgetful@most.gov.vn');
    const unknown = await ask('nobody@most.gov.vn');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.json()).toEqual(unknown.json());
    const mail = await rows<{ to_address: string; body_text: string }>(
      t.database.db,
      sql`SELECT to_address, body_text FROM dev_mail ORDER BY id`,
    );
    expect(mail.map((m) => m.to_address)).toEqual(['forgetful@most.gov.vn']);
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail[0]!.body_text)![1]!;
    const confirm = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, newPassword: 'remembered at last' },
      });
    expect((await confirm()).statusCode).toBe(204);
    expect((await before.request({ method: 'GET', url: '/api/me' })).json().user).toBeNull();
    expect((await signIn('forgetful@most.gov.vn', 'remembered at last')).statusCode).toBe(200);
    const reused = await confirm();
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toEqual({ error: NEUTRAL });

    await ask('forgetful@most.gov.vn');
    const [latest] = await rows<{ body_text: string }>(
      t.database.db,
      sql`SELECT body_text FROM dev_mail ORDER BY id DESC LIMIT 1`,
    );
    const expiring = /token=([A-Za-z0-9_-]+)/.exec(latest!.body_text)![1]!;
    await t.database.db.execute(
      sql`UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`,
    );
    const expired = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: expiring, newPassword: 'another new password' },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: NEUTRAL });
  });

  it('refuses cross-site writes with a session cookie (CSRF) and accepts same-origin ones', async () => {
    const c = await signInAs(app, 'officer@most.gov.vn');
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { ...headers, cookie: `sid=${c.cookie}` },
      });
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      {},
    ];
    for (const headers of crossSite) {
      const res = await post(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_rejected');
    }
    expect((await c.request({ method: 'GET', url: '/api/me' })).json().user).not.toBeNull();
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(204);
  });

  it('records sign-ins, failures, sign-outs and password changes, never a password or token', async () => {
    const events = await rows<{ action: string; row: string }>(
      t.database.db,
      sql`SELECT action, row_to_json(a)::text AS row FROM audit_event a WHERE action LIKE 'auth.%'`,
    );
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_out',
      'auth.sign_out_everywhere',
      'auth.password_changed',
      'auth.password_reset_requested',
      'auth.password_reset',
    ]) {
      expect(actions).toContain(a);
    }
    const all = events.map((e) => e.row).join('\n');
    for (const secret of [
      TEST_PASSWORD,
      'a much better password',
      'remembered at last',
      'not the password',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(events.find((e) => e.action === 'auth.sign_in')!.row).toContain('"via":"api"');
  });

  it('shares sessions between server processes on one database', async () => {
    const other = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      // The limits count in the shared database (decision 095): this file's sign-ins count here too.
      identity: defaultIdentityOptions({ cookieSecure: true, rateLimits: { signIn: 1000, writes: 10000 } }),
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'officer@most.gov.vn', password: TEST_PASSWORD },
      });
      const me = await other.inject({ method: 'GET', url: '/api/me', cookies: { sid: sessionCookie(res) } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe('officer@most.gov.vn');
      // The other instance signs out; the first no longer accepts the cookie.
      await other.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: SAME_ORIGIN,
        cookies: { sid: sessionCookie(res) },
      });
      expect(
        (await app.inject({ method: 'GET', url: '/api/me', cookies: { sid: sessionCookie(res) } })).json()
          .user,
      ).toBeNull();
      // COOKIE_SECURE=true marks the cookie Secure even on plain http.
      const secure = await other.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'officer@most.gov.vn', password: TEST_PASSWORD },
      });
      expect(secure.cookies.find((c) => c.name === 'sid')!.secure).toBe(true);
    } finally {
      await other.close();
    }
  });
});
