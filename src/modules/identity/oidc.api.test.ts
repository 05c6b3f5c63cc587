import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { makeUser } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';

const REDIRECT = 'http://nq57.test/api/auth/oidc/callback';

/** The issuer's storage, in memory: one test process. */
class MemoryStore {
  static readonly items = new Map<
    string,
    { payload: Record<string, unknown>; uid?: string; userCode?: string }
  >();
  constructor(readonly model: string) {}
  key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>) {
    MemoryStore.items.set(this.key(id), { payload, uid: payload.uid as string | undefined });
  }
  async find(id: string) {
    return MemoryStore.items.get(this.key(id))?.payload;
  }
  async findByUid(uid: string) {
    for (const [k, v] of MemoryStore.items)
      if (k.startsWith(`${this.model}:`) && v.uid === uid) return v.payload;
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id: string) {
    const item = MemoryStore.items.get(this.key(id));
    if (item) item.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryStore.items.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [k, v] of MemoryStore.items) if (v.payload.grantId === grantId) MemoryStore.items.delete(k);
  }
}

/**
 * A real OpenID Connect issuer (oidc-provider) on 127.0.0.1, with its development login form: any login
 * name is accepted and becomes the account id; the account's email is that name, verified unless the
 * name starts with "unverified.".
 */
async function startIssuer(): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'nq57',
        client_secret: 'nq57-test-secret',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    // Explicit lifetimes and store keep the library's development notices out of the test output.
    ttl: {
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    adapter: MemoryStore,
    jwks: {
      keys: [
        {
          ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          kid: 'test',
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id.replace(/^unverified\./, ''),
        email_verified: !id.startsWith('unverified.'),
      }),
    }),
  });
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Walks the browser's part of the flow at the issuer: redirects, the login form, the consent form. */
async function loginAtIssuer(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let next: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
  for (let step = 0; step < 12; step++) {
    if (next.url.startsWith(REDIRECT)) return new URL(next.url);
    const res = await fetch(next.url, {
      method: next.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(),
        ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: next.form?.toString(),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      next = { url: new URL(location, next.url).href };
      continue;
    }
    const html = await res.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected page at the issuer: ${res.status} ${html.slice(0, 200)}`);
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'any');
    }
    next = { url: new URL(action, next.url).href, form };
  }
  throw new Error('the issuer never redirected back');
}

describe.each(testEngines())('single sign-on (OpenID Connect) on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  beforeAll(async () => {
    issuer = await startIssuer();
    t = await createTestApp(engine, {
      identity: {
        oidc: {
          issuer: issuer.issuer,
          clientId: 'nq57',
          clientSecret: 'nq57-test-secret',
          redirectUrl: REDIRECT,
        },
      },
    });
    app = t.app;
    await makeUser(app.identity, 'sso.user@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
    const disabled = await makeUser(app.identity, 'sso.gone@most.gov.vn', 'BKHCN');
    await t.database.db.execute(sql`UPDATE app_user SET disabled = true WHERE id = ${disabled}`);
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.close();
  });

  /** The whole round trip: our start → the issuer → our callback. */
  async function signInWithSso(
    login: string,
    tamper?: (state: string) => string,
  ): Promise<LightMyRequestResponse> {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const authUrl = new URL(start.headers.location as string);
    expect(authUrl.origin).toBe(issuer.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const state = start.cookies.find((c) => c.name === 'oidc_state')!.value;
    const back = await loginAtIssuer(authUrl.href, login);
    return app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { oidc_state: tamper ? tamper(state) : state },
    });
  }

  it('says single sign-on is available', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/meta' })).json().oidc).toBe(true);
  });

  it('signs in an existing active person by their verified email, with code + PKCE', async () => {
    const res = await signInWithSso('SSO.User@most.gov.vn');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({ method: 'GET', url: '/api/me', cookies: { sid: sid.value } });
    expect(me.json()).toMatchObject({
      user: { email: 'sso.user@most.gov.vn' },
      roles: [{ role: 'focal_officer' }],
    });
    const [session] = await rows<{ method: string }>(
      t.database.db,
      sql`SELECT method FROM session ORDER BY created_at DESC LIMIT 1`,
    );
    expect(session!.method).toBe('oidc');
  });

  it('refuses unknown, unverified and disabled people, and a callback from another browser', async () => {
    const refused = [
      await signInWithSso('stranger@most.gov.vn'),
      await signInWithSso('unverified.sso.user@most.gov.vn'),
      await signInWithSso('sso.gone@most.gov.vn'),
      await signInWithSso('sso.user@most.gov.vn', () => 'someone-elses-state'),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/sign-in?error=invalid_credentials');
      expect(res.cookies.find((c) => c.name === 'sid' && c.value)).toBeUndefined();
    }
    const reasons = await rows<{ reason: string }>(
      t.database.db,
      sql`SELECT after->>'reason' AS reason FROM audit_event WHERE action = 'auth.sign_in_failed' ORDER BY id`,
    );
    expect(reasons.map((r) => r.reason)).toEqual([
      'unknown_user',
      'no_verified_email',
      'disabled',
      'state_mismatch',
    ]);
  });
});

describe('single sign-on when not configured', () => {
  it('is off, and its routes answer 404', async () => {
    const t = await createTestApp('pglite');
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/meta' })).json().oidc).toBe(false);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
