import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { addUnit, type Client, makeUser, signInAs, unitId } from '../../../tests/helpers/identity.ts';
import { createAdminCommand, usersListCommand } from '../../cli/identity.ts';
import { loadConfig } from '../../config.ts';
import { rows } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { defaultIdentityOptions } from './identity-options.ts';

describe.each(testEngines())('people and roles on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: Client;
  let ministryAdmin: Client;
  let most: number;
  let hanoi: number;
  let gov: number;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
    const db = t.database.db;
    [most, hanoi, gov] = await Promise.all([unitId(db, 'BKHCN'), unitId(db, '01'), unitId(db, 'CP')]);
    dept = await addUnit(db, 'BKHCN_VP', 'BKHCN');
    await makeUser(app.identity, 'root@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    await makeUser(app.identity, 'it@most.gov.vn', 'BKHCN', [{ role: 'system_admin', subUnits: true }]);
    await makeUser(app.identity, 'audit@gov.vn', 'CP', [{ role: 'auditor', subUnits: true }]);
    admin = await signInAs(app, 'root@gov.vn');
    ministryAdmin = await signInAs(app, 'it@most.gov.vn');
  });
  afterAll(() => t?.close());

  const create = (c: Client, body: object) => c.request({ method: 'POST', url: '/api/users', payload: body });

  it('adds a person with a role and emails them a link to set a password', async () => {
    const res = await create(admin, {
      name: '  Trần   Thị  Bình ',
      email: 'Binh.TT@most.gov.vn',
      title: 'Chuyên viên chính',
      orgUnitId: most,
      roles: [{ role: 'focal_officer', orgUnitId: most }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Trần Thị Bình',
      email: 'binh.tt@most.gov.vn',
      orgUnit: { code: 'BKHCN' },
      hasPassword: false,
      roles: [{ role: 'focal_officer', orgUnitCode: 'BKHCN', includeSubUnits: false }],
      can: { update: true, grantRoles: true },
    });
    const mail = await admin.request({ method: 'GET', url: '/api/dev/mail' });
    expect(mail.json().items[0]).toMatchObject({ to: 'binh.tt@most.gov.vn' });
    expect(mail.json().items[0].text).toContain('/reset-password#token=');
  });

  it('answers 409 naming the field for a duplicate email, whatever its case; nothing changes', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM app_user`);
    const res = await create(admin, { name: 'Other', email: 'BINH.tt@MOST.gov.vn', orgUnitId: most });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      message: 'email: already belongs to another person',
      issues: [{ field: 'email', problem: 'already belongs to another person' }],
    });
    const after = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM app_user`);
    expect(after).toEqual(before);
  });

  it('refuses a role outside its scope, naming the problem', async () => {
    const atRoot = await create(admin, {
      name: 'X',
      email: 'x@gov.vn',
      orgUnitId: gov,
      roles: [{ role: 'focal_officer', orgUnitId: gov }],
    });
    expect(atRoot.statusCode).toBe(400);
    expect(atRoot.json().error.message).toBe(
      'roles.0.orgUnitId: focal_officer must be scoped to an agency, not the Government as a whole',
    );
    // A ministry's administrator administers the ministry and its departments, not Hà Nội.
    const elsewhere = await create(ministryAdmin, {
      name: 'Y',
      email: 'y@hanoi.gov.vn',
      orgUnitId: hanoi,
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toBe(`orgUnitId: you do not administer organisation ${hanoi}`);
    const inDept = await create(ministryAdmin, {
      name: 'Z',
      email: 'z@most.gov.vn',
      orgUnitId: dept,
      roles: [{ role: 'focal_officer', orgUnitId: dept }],
    });
    expect(inDept.statusCode).toBe(201);
    const grantOutside = await ministryAdmin.request({
      method: 'POST',
      url: `/api/users/${inDept.json().id}/roles`,
      payload: { role: 'agency_head', orgUnitId: hanoi },
    });
    expect(grantOutside.statusCode).toBe(403);
    const unknownUnit = await admin.request({
      method: 'POST',
      url: `/api/users/${inDept.json().id}/roles`,
      payload: { role: 'agency_head', orgUnitId: 999999 },
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.message).toBe('orgUnitId: no such organisation');
    expect(
      (await rows(t.database.db, sql`SELECT 1 FROM app_user WHERE email IN ('x@gov.vn', 'y@hanoi.gov.vn')`))
        .length,
    ).toBe(0);
  });

  it('grants and revokes roles; a person may hold several', async () => {
    const id = await makeUser(app.identity, 'multi@most.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
    const granted = await admin.request({
      method: 'POST',
      url: `/api/users/${id}/roles`,
      payload: { role: 'steering_viewer', orgUnitId: gov, includeSubUnits: true },
    });
    expect(granted.statusCode).toBe(200);
    expect(
      granted
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['focal_officer', 'steering_viewer']);
    const viewer = granted.json().roles.find((r: { role: string }) => r.role === 'steering_viewer');
    const revoked = await admin.request({ method: 'DELETE', url: `/api/users/${id}/roles/${viewer.id}` });
    expect(revoked.json().roles.map((r: { role: string }) => r.role)).toEqual(['focal_officer']);
    const audit = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = ${String(id)} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'role.grant', 'role.grant', 'role.revoke']);
  });

  it('disables a person: their sessions end and they cannot sign in', async () => {
    const id = await makeUser(app.identity, 'leaver@most.gov.vn', 'BKHCN');
    const leaver = await signInAs(app, 'leaver@most.gov.vn');
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await leaver.request({ method: 'GET', url: '/api/me' })).json().user).toBeNull();
    await expect(signInAs(app, 'leaver@most.gov.vn')).rejects.toThrow(/401/);
    const myId = (await admin.request({ method: 'GET', url: '/api/me' })).json().user.id;
    const self = await admin.request({
      method: 'PATCH',
      url: `/api/users/${myId}`,
      payload: { disabled: true },
    });
    expect(self.json().error.message).toBe('disabled: you cannot disable your own account');
  });

  it('renames and moves a person; an email already used is a 409', async () => {
    const id = await makeUser(app.identity, 'mover@most.gov.vn', 'BKHCN');
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { name: 'Lê Văn Chuyển', orgUnitId: hanoi, title: 'Phó phòng' },
    });
    expect(moved.json()).toMatchObject({
      name: 'Lê Văn Chuyển',
      orgUnit: { code: '01' },
      title: 'Phó phòng',
    });
    const events = () =>
      rows(
        t.database.db,
        sql`SELECT 1 FROM audit_event WHERE entity_type = 'user' AND entity_id = ${String(id)}`,
      );
    const before = (await events()).length;
    const same = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { name: 'Lê Văn Chuyển' },
    });
    expect(same.statusCode).toBe(200);
    expect((await events()).length).toBe(before);
    const clash = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { email: 'root@gov.vn' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.issues).toEqual([
      { field: 'email', problem: 'already belongs to another person' },
    ]);
  });

  it('lists and searches people without accents; auditors read, cannot write', async () => {
    const auditor = await signInAs(app, 'audit@gov.vn');
    const res = await auditor.request({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent('tran thi binh')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ email: 'binh.tt@most.gov.vn', can: { update: false } }],
    });
    const write = await create(auditor, { name: 'N', email: 'n@gov.vn', orgUnitId: most });
    expect(write.statusCode).toBe(403);
  });

  it("shows a ministry's administrator only the people of the units they administer", async () => {
    const listed = await ministryAdmin.request({ method: 'GET', url: '/api/users?pageSize=200' });
    const units = new Set(listed.json().items.map((u: { orgUnit: { code: string } }) => u.orgUnit.code));
    expect([...units].sort()).toEqual(['BKHCN', 'BKHCN_VP']);
    const rootId = (await admin.request({ method: 'GET', url: '/api/me' })).json().user.id;
    expect((await ministryAdmin.request({ method: 'GET', url: `/api/users/${rootId}` })).statusCode).toBe(
      404,
    );
    expect((await admin.request({ method: 'GET', url: `/api/users/${rootId}` })).statusCode).toBe(200);
  });

  it('keeps no mail in production without SMTP, and has no outbox there', async () => {
    const production = await buildApp({
      database: t.database,
      logLevel: 'silent',
      serveWeb: false,
      identity: defaultIdentityOptions({ nodeEnv: 'production' }),
    });
    try {
      const count = async () =>
        (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM dev_mail`))[0]!.n;
      const before = await count();
      const ask = await production.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email: 'root@gov.vn' },
      });
      expect(ask.statusCode).toBe(202);
      expect(await count()).toBe(before);
      const outbox = await production.inject({
        method: 'GET',
        url: '/api/dev/mail',
        cookies: { sid: admin.cookie },
      });
      expect(outbox.statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });

  it('creates the first administrator and lists people from the CLI', async () => {
    const config = { ...loadConfig({}), demo: false };
    const line = await createAdminCommand(t.database, config, {
      email: 'first.admin@gov.vn',
      name: 'Quản trị đầu tiên',
      password: 'first admin password',
    });
    expect(line).toMatch(/^Created administrator #\d+ first\.admin@gov\.vn \(system_admin of CP/);
    const c = await signInAs(app, 'first.admin@gov.vn', 'first admin password');
    const me = (await c.request({ method: 'GET', url: '/api/me' })).json();
    expect(me.roles).toEqual([
      {
        role: 'system_admin',
        orgUnitId: gov,
        orgUnit: { id: gov, code: 'CP', nameVi: 'Chính phủ', nameEn: 'Government of Viet Nam' },
        includeSubUnits: true,
      },
    ]);
    expect(me.can['users.manage']).toBe(true);
    const list = await usersListCommand(t.database, { q: 'quan tri' });
    expect(list).toContain('first.admin@gov.vn');
    expect(list).toContain('system_admin@CP+');
    expect(list.split('\n').at(-1)).toBe('1 people');
  });
});
