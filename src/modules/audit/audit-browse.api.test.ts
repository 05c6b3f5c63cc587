import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { auditList, auditVerify } from '../../cli/audit-commands.ts';
import { rows } from '../../db/database.ts';
import { cliActor, systemActor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

describe.each(testEngines())('audit browsing and verification on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  let base = 0; // loading the program already left its own events
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as an administrator of the Government and every unit below it (docs/roles.md).
    await makeUser(t.app.identity, 'admin@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    client = await signInAs(t.app, 'admin@gov.vn');
    const db = t.database.db;
    base = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_event`))[0]!.n;
    for (let i = 0; i < 3; i++) {
      await db.transaction((tx) =>
        recordAudit(tx, cliActor(), { action: 'task.update', entityType: 'task', entityId: i, after: { i } }),
      );
    }
    await db.transaction((tx) =>
      recordAudit(tx, systemActor('loader'), {
        action: 'program.load',
        entityType: 'program',
        entityId: 'NQ57',
      }),
    );
    // A write through the API: audited as the signed-in caller, with where it came from.
    await client.request({
      method: 'POST',
      url: '/api/orgs',
      headers: { 'user-agent': 'audit-test' },
      payload: {
        code: '01_SKHCN',
        kind: 'department',
        nameVi: 'Sở Khoa học và Công nghệ Hà Nội',
        parentCode: '01',
      },
    });
  });
  afterAll(() => t?.close());
  const get = (url: string) => client.request({ method: 'GET', url });

  it('lists the trail newest first, paginated', async () => {
    const res = await get('/api/audit?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(base + 5);
    expect(body.items.map((e: { action: string }) => e.action)).toEqual(['org.create', 'program.load']);
    expect(body.items[0]).toMatchObject({
      actorLabel: 'admin@gov.vn',
      via: 'api',
      userAgent: 'audit-test',
      entityType: 'org_unit',
      entityId: '01_SKHCN',
      after: { nameVi: 'Sở Khoa học và Công nghệ Hà Nội', parentCode: '01' },
    });
    const page2 = (await get('/api/audit?pageSize=2&page=2')).json();
    expect(page2.items.map((e: { entityId: string }) => e.entityId)).toEqual(['2', '1']);
  });

  it('filters by entity, actor, action (exact or prefix) and date range', async () => {
    const ids = async (query: string) =>
      (await get(`/api/audit?${query}`))
        .json()
        .items.map((e: { id: number; entityId: string }) => e.entityId);
    expect(await ids('entityType=task&entityId=1')).toEqual(['1']);
    expect(await ids('actor=system:loader')).toEqual(['NQ57']);
    expect(await ids('action=task.update')).toEqual(['2', '1', '0']);
    expect(await ids('action=org.')).toEqual(['01_SKHCN']);
    // Today's events: those this test wrote, and the loaded program's only when the cached template
    // database was built today (it may be days old), so the count alone is not a fact to assert.
    const today = new Date().toISOString().slice(0, 10);
    const sameDay = (await get(`/api/audit?from=${today}&to=${today}&pageSize=200`)).json().items as {
      entityId: string;
      occurredAt: string;
    }[];
    expect(sameDay.slice(0, 5).map((e) => e.entityId)).toEqual(['01_SKHCN', 'NQ57', '2', '1', '0']);
    expect(sameDay.every((e) => e.occurredAt.startsWith(today))).toBe(true);
    expect(await ids('to=2020-01-01')).toEqual([]);
    const bad = await get('/api/audit?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('to: must not be before from');
  });

  it('the CLI lists with the same filters and refuses a bad date', async () => {
    const listed = await auditList(t.database, { action: 'task.update', pageSize: '2' });
    expect(listed.exitCode).toBe(0);
    expect(listed.output).toMatch(
      /task\.update {2}task 2\n.*task\.update {2}task 1\n3 events in all; page 1 of 2\./,
    );
    expect(await auditList(t.database, { from: '01/02/2026' })).toEqual({
      output: '--from: must be a date as YYYY-MM-DD',
      exitCode: 2,
    });
  });

  it('verifies the chain, then names the first broken link after a row is tampered with', async () => {
    expect((await get('/api/audit/verify')).json()).toEqual({ ok: true, checked: base + 5 });
    expect(await auditVerify(t.database)).toEqual({
      output: `Audit trail intact: ${base + 5} events verified.`,
      exitCode: 0,
    });

    const [second] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id::int AS id FROM audit_event ORDER BY id OFFSET ${base + 1} LIMIT 1`,
    );
    await t.database.maintenance('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    await t.database.db.execute(
      sql`UPDATE audit_event SET actor_label = 'someone else' WHERE id = ${second!.id}`,
    );
    await t.database.maintenance('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');

    expect((await get('/api/audit/verify')).json()).toEqual({
      ok: false,
      checked: base + 1,
      brokenAt: second!.id,
      reason: 'hash_mismatch',
    });
    const cli = await auditVerify(t.database);
    expect(cli.exitCode).toBe(1);
    expect(cli.output).toBe(
      `Audit trail BROKEN at event ${second!.id}: its content no longer matches its hash (the row was changed). Events verified before it: ${base + 1}.`,
    );
  });
});
