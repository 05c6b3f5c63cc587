import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/database.ts';
import type { Role } from '../../src/modules/access/roles.ts';
import { ROLES } from '../../src/modules/access/roles.ts';
import { defaultIdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/db.ts';
import { type Client, makeUser, SAME_ORIGIN, signInAs } from '../helpers/identity.ts';

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];
const EVERYONE = CALLERS;
const SIGNED_IN = ROLES;

/** Where each role is held in this test: agency roles at the Ministry of Science and Technology. */
const HOLDINGS: Record<Role, { unit: string; subUnits: boolean }> = {
  system_admin: { unit: 'CP', subUnits: true },
  coordinator: { unit: 'BKHCN', subUnits: false },
  focal_officer: { unit: 'BKHCN', subUnits: false },
  agency_head: { unit: 'BKHCN', subUnits: false },
  steering_viewer: { unit: 'CP', subUnits: true },
  auditor: { unit: 'CP', subUnits: true },
};

interface Expectation {
  /** Who gets past the policy; the rest get 401 (anonymous) or 403 (signed in). */
  allowed: readonly Caller[];
  /** The status the allowed get for the request below (often 400/404: the gate passed, nothing written). */
  status: number;
  url?: string;
  body?: InjectOptions['payload'];
  /** Ends the caller's session: run on a fresh session, after everything else. */
  endsSession?: boolean;
}

/**
 * Every route the app knows, with who may call it. A route added without a line here fails the test:
 * add the line, with the policy's intended audience.
 */
const MATRIX: Record<string, Expectation> = {
  'GET /api/docs': { allowed: EVERYONE, status: 200 },
  'GET /api/docs/static/index.html': { allowed: EVERYONE, status: 302 },
  'GET /api/docs/static/swagger-initializer.js': { allowed: EVERYONE, status: 200 },
  'GET /api/docs/json': { allowed: EVERYONE, status: 200 },
  'GET /api/docs/yaml': { allowed: EVERYONE, status: 200 },
  'GET /api/docs/static/*': { allowed: EVERYONE, status: 200, url: '/api/docs/static/swagger-ui.css' },
  'GET /api/openapi.json': { allowed: EVERYONE, status: 200 },
  'GET /api/health': { allowed: EVERYONE, status: 200 },
  'GET /api/ping': { allowed: EVERYONE, status: 200 },
  'GET /api/public/overview': { allowed: EVERYONE, status: 200 },
  'GET /api/public/program': { allowed: EVERYONE, status: 200 },
  'GET /api/public/load-report': { allowed: EVERYONE, status: 200 },
  'GET /api/public/tasks': { allowed: EVERYONE, status: 200 },
  'GET /api/public/tasks/:id': { allowed: EVERYONE, status: 404, url: '/api/public/tasks/999999' },
  'GET /api/public/targets': { allowed: EVERYONE, status: 200 },
  'GET /api/public/agencies': { allowed: EVERYONE, status: 200 },
  'GET /api/public/agencies/:code': { allowed: EVERYONE, status: 200, url: '/api/public/agencies/BKHCN' },
  'GET /api/meta': { allowed: EVERYONE, status: 200 },
  'POST /api/auth/sign-in': { allowed: EVERYONE, status: 400, body: {} },
  'POST /api/auth/password-reset/request': { allowed: EVERYONE, status: 400, body: {} },
  'POST /api/auth/password-reset/confirm': { allowed: EVERYONE, status: 400, body: {} },
  'GET /api/auth/oidc/start': { allowed: EVERYONE, status: 404 },
  'GET /api/auth/oidc/callback': { allowed: EVERYONE, status: 404 },
  'POST /api/auth/sign-out': { allowed: EVERYONE, status: 204, endsSession: true },
  'POST /api/auth/sign-out-everywhere': { allowed: SIGNED_IN, status: 200, endsSession: true },
  'POST /api/auth/password': { allowed: SIGNED_IN, status: 400, body: {} },
  'GET /api/me': { allowed: EVERYONE, status: 200 },
  'GET /api/users': { allowed: ['system_admin', 'auditor'], status: 200 },
  'GET /api/users/:id': { allowed: ['system_admin', 'auditor'], status: 404, url: '/api/users/999999' },
  'POST /api/users': { allowed: ['system_admin'], status: 400, body: {} },
  'PATCH /api/users/:id': { allowed: ['system_admin'], status: 404, url: '/api/users/999999', body: {} },
  'POST /api/users/:id/roles': {
    allowed: ['system_admin'],
    status: 400,
    url: '/api/users/999999/roles',
    body: {},
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    allowed: ['system_admin'],
    status: 404,
    url: '/api/users/999999/roles/999999',
  },
  'POST /api/users/:id/reset-link': {
    allowed: ['system_admin'],
    status: 404,
    url: '/api/users/999999/reset-link',
  },
  'GET /api/users/import/template.xlsx': { allowed: ['system_admin'], status: 200 },
  'POST /api/users/import/preview': { allowed: ['system_admin'], status: 415, body: {} },
  'POST /api/users/import/commit': { allowed: ['system_admin'], status: 415, body: {} },
  'GET /api/dev/mail': { allowed: ['system_admin'], status: 200 },
  'GET /api/public/calendar/:year': { allowed: EVERYONE, status: 200, url: '/api/public/calendar/2026' },
  'POST /api/calendar/days': { allowed: ['system_admin'], status: 400, body: {} },
  'DELETE /api/calendar/days/:date': {
    allowed: ['system_admin'],
    status: 404,
    url: '/api/calendar/days/2031-01-07',
  },
  'GET /api/register/export': {
    allowed: SIGNED_IN,
    status: 200,
    url: '/api/register/export?format=csv',
  },
  'POST /api/register/import/columns': { allowed: ['coordinator'], status: 415, body: {} },
  'POST /api/register/import/preview': { allowed: ['coordinator'], status: 415, body: {} },
  'POST /api/register/import': { allowed: ['coordinator'], status: 415, body: {} },
  'GET /api/public/item-links': { allowed: EVERYONE, status: 200 },
  'GET /api/item-links': { allowed: ['coordinator'], status: 200 },
  'POST /api/item-links/suggest': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/item-links/suggest?program=NOPE!',
  },
  'PATCH /api/item-links/:id': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/item-links/999999',
    body: {},
  },
  'GET /api/orgs': { allowed: SIGNED_IN, status: 200 },
  'GET /api/orgs/:code': { allowed: SIGNED_IN, status: 200, url: '/api/orgs/BKHCN' },
  'POST /api/orgs': { allowed: ['system_admin'], status: 400, body: {} },
  'PATCH /api/orgs/:code': {
    allowed: ['system_admin'],
    status: 400,
    url: '/api/orgs/BKHCN',
    body: { kind: 'x' },
  },
  'POST /api/orgs/merge': { allowed: ['system_admin'], status: 400, body: {} },
  'POST /api/orgs/split': { allowed: ['system_admin'], status: 400, body: {} },
  'GET /api/orgs/import/template.xlsx': {
    allowed: ['system_admin'],
    status: 200,
    url: '/api/orgs/import/template.xlsx?type=departments',
  },
  'POST /api/orgs/import/preview': { allowed: ['system_admin'], status: 415, body: {} },
  'POST /api/orgs/import/commit': { allowed: ['system_admin'], status: 415, body: {} },
  'GET /api/audit': { allowed: ['system_admin', 'auditor'], status: 200 },
  'GET /api/audit/verify': { allowed: ['system_admin', 'auditor'], status: 200 },
  'GET /api/public/targets/progress': { allowed: EVERYONE, status: 200 },
  'GET /api/public/targets.json': { allowed: EVERYONE, status: 200 },
  'GET /api/public/targets.csv': { allowed: EVERYONE, status: 200 },
  'GET /api/public/targets/:code': { allowed: EVERYONE, status: 404, url: '/api/public/targets/T9999' },
  'PATCH /api/targets/:code': { allowed: ['coordinator'], status: 404, url: '/api/targets/T9999', body: {} },
  'GET /api/targets/:code/versions': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/targets/T9999/versions',
  },
  'POST /api/targets/:code/values': {
    allowed: ['focal_officer'],
    status: 400,
    url: '/api/targets/T9999/values',
    body: {},
  },
  'GET /api/targets/:code/values': {
    allowed: ['focal_officer'],
    status: 404,
    url: '/api/targets/T9999/values',
  },
  'GET /api/target-values': { allowed: ['coordinator'], status: 200 },
  'GET /api/target-values/mine': { allowed: ['focal_officer'], status: 200 },
  'GET /api/public/targets/:code/tasks': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/targets/T9999/tasks?asOf=2026-01-01',
  },
  'GET /api/public/tasks/:id/targets': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/tasks/999999/targets?asOf=2026-01-01',
  },
  'PUT /api/target-values/:id': {
    allowed: ['focal_officer'],
    status: 400,
    url: '/api/target-values/999999',
    body: {},
  },
  'POST /api/target-values/:id/submit': {
    allowed: ['focal_officer'],
    status: 404,
    url: '/api/target-values/999999/submit',
  },
  'POST /api/target-values/:id/accept': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/target-values/999999/accept',
  },
  'POST /api/target-values/:id/return': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/target-values/999999/return',
    body: {},
  },
  'GET /api/target-imports/template.xlsx': { allowed: ['focal_officer'], status: 200 },
  'POST /api/target-imports/preview': { allowed: ['focal_officer'], status: 400, body: {} },
  'POST /api/target-imports': { allowed: ['focal_officer'], status: 400, body: {} },
  'GET /api/register/tasks': { allowed: SIGNED_IN, status: 200 },
  'GET /api/register/incomplete-by-agency': { allowed: SIGNED_IN, status: 200 },
  'GET /api/register/as-of': { allowed: SIGNED_IN, status: 400 },
  'GET /api/register/views': { allowed: SIGNED_IN, status: 200 },
  'POST /api/register/views': { allowed: SIGNED_IN, status: 400, body: {} },
  'PUT /api/register/views/:id': {
    allowed: SIGNED_IN,
    status: 400,
    url: '/api/register/views/999999',
    body: {},
  },
  'DELETE /api/register/views/:id': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/register/views/999999',
  },
  'POST /api/register/tasks': { allowed: ['coordinator'], status: 400, body: {} },
  'GET /api/register/tasks/:id': { allowed: SIGNED_IN, status: 404, url: '/api/register/tasks/999999' },
  'PATCH /api/register/tasks/:id': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/register/tasks/999999',
    body: {},
  },
  'POST /api/register/tasks/:id/assign': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/register/tasks/999999/assign',
    body: {},
  },
  'POST /api/register/tasks/:id/cancel': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/register/tasks/999999/cancel',
    body: {},
  },
  'GET /api/register/tasks/:id/history': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/register/tasks/999999/history',
  },
  'GET /api/register/tasks/:id/occurrences': {
    allowed: SIGNED_IN,
    status: 400,
    url: '/api/register/tasks/999999/occurrences',
  },
  'GET /api/register/tasks/:id/deadlines': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/register/tasks/999999/deadlines',
  },
  'POST /api/register/tasks/:id/extensions': {
    allowed: ['focal_officer', 'agency_head'],
    status: 400,
    url: '/api/register/tasks/999999/extensions',
    body: {},
  },
  'GET /api/register/extensions': { allowed: SIGNED_IN, status: 200 },
  'POST /api/register/extensions/:id/decision': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/register/extensions/999999/decision',
    body: {},
  },
  'GET /api/plans': { allowed: SIGNED_IN, status: 200 },
  'POST /api/plans': { allowed: ['focal_officer'], status: 400, body: {} },
  'GET /api/plans/gaps/by-agency': { allowed: SIGNED_IN, status: 200 },
  'GET /api/plans/gaps/by-task': { allowed: SIGNED_IN, status: 200 },
  'POST /api/plans/rollup': { allowed: SIGNED_IN, status: 400, body: {} },
  'GET /api/plans/:agency': { allowed: SIGNED_IN, status: 404, url: '/api/plans/NOPE' },
  'GET /api/plans/:agency/progress': { allowed: SIGNED_IN, status: 404, url: '/api/plans/NOPE/progress' },
  'POST /api/plans/:agency/copy-down': {
    allowed: ['focal_officer'],
    status: 404,
    url: '/api/plans/NOPE/copy-down',
    body: {},
  },
  'POST /api/plans/:agency/items': {
    allowed: ['focal_officer'],
    status: 400,
    url: '/api/plans/NOPE/items',
    body: {},
  },
  'PATCH /api/plans/:agency/items/:id': {
    allowed: ['focal_officer'],
    status: 404,
    url: '/api/plans/NOPE/items/999999',
    body: {},
  },
  'POST /api/plans/:agency/items/:id/assign': {
    allowed: ['focal_officer'],
    status: 404,
    url: '/api/plans/NOPE/items/999999/assign',
    body: {},
  },
  'POST /api/plans/:agency/items/:id/cancel': {
    allowed: ['focal_officer'],
    status: 400,
    url: '/api/plans/NOPE/items/999999/cancel',
    body: {},
  },
  'GET /api/evaluations/methods': { allowed: SIGNED_IN, status: 200 },
  'GET /api/evaluations/methods/:id': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/evaluations/methods/999999',
  },
  'POST /api/evaluations/methods': { allowed: ['coordinator'], status: 400, body: {} },
  'PUT /api/evaluations/methods/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/methods/999999',
    body: {},
  },
  'PATCH /api/evaluations/methods/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/methods/999999',
    body: {},
  },
  'DELETE /api/evaluations/methods/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/methods/999999',
  },
  'GET /api/evaluations/live': { allowed: SIGNED_IN, status: 400 },
  'GET /api/evaluations/snapshots': { allowed: SIGNED_IN, status: 200 },
  'POST /api/evaluations/snapshots': { allowed: ['coordinator'], status: 400, body: {} },
  'GET /api/evaluations/snapshots/:id': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/evaluations/snapshots/999999',
  },
  'PUT /api/evaluations/snapshots/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/snapshots/999999',
    body: {},
  },
  'PATCH /api/evaluations/snapshots/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/snapshots/999999',
    body: {},
  },
  'DELETE /api/evaluations/snapshots/:id': {
    allowed: ['coordinator'],
    status: 409,
    url: '/api/evaluations/snapshots/999999',
  },
  'POST /api/evaluations/snapshots/:id/rechecks': {
    allowed: ['focal_officer', 'agency_head'],
    status: 400,
    url: '/api/evaluations/snapshots/999999/rechecks',
    body: {},
  },
  'GET /api/evaluations/rechecks': { allowed: SIGNED_IN, status: 200 },
  'POST /api/evaluations/rechecks/:id/answer': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/evaluations/rechecks/999999/answer',
    body: {},
  },
  'GET /api/public/evaluations': { allowed: EVERYONE, status: 200 },
  'GET /api/public/evaluations/methods/:id': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/evaluations/methods/999999',
  },
  'GET /api/public/evaluations/:id': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/evaluations/999999',
  },
  'GET /api/public/evaluations/:id/rankings': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/evaluations/999999/rankings',
  },
  'GET /api/public/evaluations/:id/agencies/:agencyId': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/evaluations/999999/agencies/999999',
  },
  'GET /api/public/evaluations/:id/heads/:number': {
    allowed: EVERYONE,
    status: 404,
    url: '/api/public/evaluations/999999/heads/1',
  },
  'PUT /api/public/evaluations/:id': {
    allowed: EVERYONE,
    status: 409,
    url: '/api/public/evaluations/999999',
    body: {},
  },
  'PATCH /api/public/evaluations/:id': {
    allowed: EVERYONE,
    status: 409,
    url: '/api/public/evaluations/999999',
    body: {},
  },
  'DELETE /api/public/evaluations/:id': {
    allowed: EVERYONE,
    status: 409,
    url: '/api/public/evaluations/999999',
  },
  'POST /api/public/evaluations/:id': {
    allowed: EVERYONE,
    status: 409,
    url: '/api/public/evaluations/999999',
    body: {},
  },
  // Reports (docs/reports.md): the coordinator configures and reviews; the agency's focal officer drafts,
  // its head submits. Agency roles here are held at BKHCN; the services check the report's own agency.
  'GET /api/reports/schedules': { allowed: SIGNED_IN, status: 200 },
  'PUT /api/reports/schedules/:frequency': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/reports/schedules/hourly',
    body: {},
  },
  'POST /api/reports/obligations/generate': { allowed: ['coordinator'], status: 400, body: {} },
  'GET /api/reports/obligations': { allowed: SIGNED_IN, status: 200 },
  'GET /api/reports/rates': { allowed: SIGNED_IN, status: 400 },
  'GET /api/reports': { allowed: SIGNED_IN, status: 200 },
  'POST /api/reports': { allowed: ['focal_officer'], status: 400, body: {} },
  'GET /api/reports/:id': { allowed: SIGNED_IN, status: 404, url: '/api/reports/999999' },
  'PUT /api/reports/:id': { allowed: ['focal_officer'], status: 400, url: '/api/reports/999999', body: {} },
  'POST /api/reports/:id/submit': {
    allowed: ['agency_head'],
    status: 400,
    url: '/api/reports/999999/submit',
    body: {},
  },
  'POST /api/reports/:id/return': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/reports/999999/return',
    body: {},
  },
  'POST /api/reports/:id/accept': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/reports/999999/accept',
    body: {},
  },
  'POST /api/reports/:id/corrections': {
    allowed: ['focal_officer'],
    status: 400,
    url: '/api/reports/999999/corrections',
    body: {},
  },
  'POST /api/files': { allowed: ['focal_officer'], status: 400, url: '/api/files?name=x.pdf' },
  'GET /api/files/:id': { allowed: SIGNED_IN, status: 404, url: '/api/files/999999' },
  'GET /api/bottlenecks': { allowed: SIGNED_IN, status: 200 },
  'GET /api/bottlenecks/counts': { allowed: SIGNED_IN, status: 200 },
  'GET /api/bottlenecks/:id': { allowed: SIGNED_IN, status: 404, url: '/api/bottlenecks/999999' },
  'POST /api/bottlenecks': { allowed: ['coordinator'], status: 400, body: {} },
  'POST /api/bottlenecks/:id/escalate': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/bottlenecks/999999/escalate',
    body: {},
  },
  'POST /api/bottlenecks/:id/answer': {
    allowed: ['steering_viewer', 'coordinator'],
    status: 400,
    url: '/api/bottlenecks/999999/answer',
    body: {},
  },
  'POST /api/bottlenecks/:id/clear': {
    allowed: ['coordinator'],
    status: 404,
    url: '/api/bottlenecks/999999/clear',
    body: {},
  },
  'GET /api/notifications': { allowed: SIGNED_IN, status: 200 },
  'POST /api/notifications/:id/read': {
    allowed: SIGNED_IN,
    status: 404,
    url: '/api/notifications/999999/read',
  },
  'GET /api/notifications/preferences': { allowed: SIGNED_IN, status: 200 },
  'POST /api/notifications/read-all': { allowed: SIGNED_IN, status: 200 },
  'GET /api/reminders/settings': { allowed: ['coordinator'], status: 200 },
  'PUT /api/notifications/preferences': { allowed: SIGNED_IN, status: 400, body: {} },
  'PUT /api/reminders/settings': { allowed: ['coordinator'], status: 400, body: {} },
  'POST /api/reminders/run': {
    allowed: ['coordinator'],
    status: 400,
    url: '/api/reminders/run?program=NOPE!',
  },
  'GET /api/public/task-status': { allowed: EVERYONE, status: 400 },
  'GET /api/task-status': { allowed: SIGNED_IN, status: 400, url: '/api/task-status?asOf=2025-13-01' },
};

describe.each(testEngines())('permission matrix on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
    for (const role of ROLES) {
      const h = HOLDINGS[role];
      await makeUser(app.identity, `${role}@matrix.gov.vn`, h.unit, [
        { role, unit: h.unit, subUnits: h.subUnits },
      ]);
      clients.set(role, await signInAs(app, `${role}@matrix.gov.vn`));
    }
  });
  afterAll(() => t?.close());

  // HEAD routes are Fastify's automatic twins of GET routes: same handler, same policy.
  const routes = () => app.routeTable.filter((r) => r.method !== 'HEAD');

  it('has an expectation for every route, and every expectation names a real route', () => {
    const known = routes().map((r) => `${r.method} ${r.url}`);
    expect(known.filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !known.includes(k))).toEqual([]);
    for (const r of app.routeTable.filter((r) => r.method === 'HEAD')) {
      expect(app.routeTable).toContainEqual({ ...r, method: 'GET' });
    }
  });

  const request = async (caller: Caller, method: string, e: Expectation, url: string) => {
    const options: InjectOptions = {
      method: method as InjectOptions['method'],
      url: e.url ?? url,
      ...(e.body === undefined ? {} : { payload: e.body }),
    };
    if (caller === 'anonymous') return app.inject({ ...options, headers: SAME_ORIGIN });
    const client = e.endsSession ? await signInAs(app, `${caller}@matrix.gov.vn`) : clients.get(caller)!;
    return client.request(options);
  };

  it('answers every route for every role as the matrix says, with real sessions', async () => {
    const ordered = routes().sort(
      (a, b) =>
        Number(Boolean(MATRIX[`${a.method} ${a.url}`]?.endsSession)) -
        Number(Boolean(MATRIX[`${b.method} ${b.url}`]?.endsSession)),
    );
    const wrong: string[] = [];
    for (const route of ordered) {
      const e = MATRIX[`${route.method} ${route.url}`]!;
      for (const caller of CALLERS) {
        const expected = e.allowed.includes(caller) ? e.status : caller === 'anonymous' ? 401 : 403;
        const res = await request(caller, route.method, e, route.url);
        if (res.statusCode !== expected) {
          wrong.push(
            `${route.method} ${route.url} as ${caller}: ${res.statusCode}, expected ${expected} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every request its actor: who, from where, and the unit they work for', async () => {
    const probe = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions(),
    });
    probe.get('/api/probe-actor', { config: { policy: 'signed_in' } }, async (request) => request.actor);
    await probe.ready();
    try {
      const res = await probe.inject({
        method: 'GET',
        url: '/api/probe-actor',
        // A fresh session: the matrix above ended every session with sign-out-everywhere.
        cookies: { sid: (await signInAs(app, 'focal_officer@matrix.gov.vn')).cookie },
        headers: { 'user-agent': 'matrix-probe' },
        remoteAddress: '10.1.2.3',
      });
      const [unit] = await rows<{ id: number }>(
        t.database.db,
        sql`SELECT id FROM org_unit WHERE code = 'BKHCN'`,
      );
      expect(res.json()).toMatchObject({
        label: 'focal_officer@matrix.gov.vn',
        via: 'api',
        ip: '10.1.2.3',
        userAgent: 'matrix-probe',
        agencyId: unit!.id,
      });
    } finally {
      await probe.close();
    }
  });

  it('refuses at start-up a route that names no policy (fail closed)', async () => {
    const bare = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions(),
    });
    expect(() => bare.get('/api/forgotten', async () => 'oops')).toThrow(
      /Route GET \/api\/forgotten declares no known policy/,
    );
    expect(() =>
      bare.get('/api/typo', { config: { policy: 'users.mange' as never } }, async () => 'oops'),
    ).toThrow(/declares no known policy/);
    await bare.close();
  });
});
