import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';
import { unitHistoryScope } from './org-units.service.ts';

describe.each(testEngines())('organisation hierarchy and lineage on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as an administrator of the Government and every unit below it (docs/roles.md).
    await makeUser(t.app.identity, 'admin@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    client = await signInAs(t.app, 'admin@gov.vn');
  });
  afterAll(() => t?.close());
  const get = (url: string) => client.request({ method: 'GET', url });
  const send = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
    client.request({ method, url, payload: payload as object });
  const auditCount = async () =>
    (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_event`))[0]!.n;
  const unit = async (code: string) => (await get(`/api/orgs/${code}`)).json();

  it('keeps a path for every unit: the Government, then central bodies and provinces under it', async () => {
    const body = (await get('/api/orgs?depth=1&pageSize=100')).json();
    expect(body.items[0]).toMatchObject({ code: 'CP', level: 1, parentCode: null });
    expect(body.total).toBe(1 + 22 + 34);
    expect(body.items.filter((u: { level: number }) => u.level === 2)).toHaveLength(56);
  });

  it('creates a department and a commune, and lists "this unit and its sub-units"', async () => {
    const dept = await send('POST', '/api/orgs', {
      code: '48_SKHCN',
      kind: 'department',
      nameVi: 'Sở Khoa học và Công nghệ  Thành phố Đà Nẵng',
      parentCode: '48',
    });
    expect(dept.statusCode).toBe(201);
    expect(dept.json()).toMatchObject({ nameVi: 'Sở Khoa học và Công nghệ Thành phố Đà Nẵng', level: 3 });
    const ward = await send('POST', '/api/orgs', {
      code: '20194',
      kind: 'ward',
      nameVi: 'Phường Hải Châu',
      parentCode: '48',
    });
    expect(ward.statusCode).toBe(201);
    const subtree = (await get('/api/orgs?root=48')).json();
    expect(subtree.items.map((u: { code: string }) => u.code)).toEqual(['48', '48_SKHCN', '20194']);
    expect((await unit('48')).openChildren).toBe(2);
  });

  it('refuses a kind under the wrong parent, a bad code and a taken code, naming the problem', async () => {
    const commune = await send('POST', '/api/orgs', {
      code: '99999',
      kind: 'commune',
      nameVi: 'Xã Thử',
      parentCode: 'BKHCN',
    });
    expect(commune.statusCode).toBe(400);
    expect(commune.json().error.message).toBe(
      'parentCode: a commune may sit only under a province or city; BKHCN is a ministry',
    );
    const badCode = await send('POST', '/api/orgs', {
      code: '123',
      kind: 'ward',
      nameVi: 'Phường Thử',
      parentCode: '48',
    });
    expect(badCode.json().error.message).toBe('code: must be 5 digits (QĐ 19/2025/QĐ-TTg)');
    const taken = await send('POST', '/api/orgs', {
      code: '20194',
      kind: 'ward',
      nameVi: 'Phường Khác',
      parentCode: '48',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('code: 20194 already exists (Phường Hải Châu)');
  });

  it('moves a unit with its subtree, and refuses a move under its own sub-unit', async () => {
    await send('POST', '/api/orgs', {
      code: 'BKHCN_CDS',
      kind: 'department',
      nameVi: 'Cục Chuyển đổi số quốc gia',
      parentCode: 'BKHCN',
    });
    const before = await auditCount();
    const cycle = await send('PATCH', '/api/orgs/48', { parentCode: '48_SKHCN' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toBe(
      'parentCode: 48_SKHCN is a sub-unit of 48; moving 48 under it would make a cycle',
    );
    expect((await send('PATCH', '/api/orgs/48', { parentCode: '48' })).json().error.message).toBe(
      'parentCode: a unit cannot be its own parent',
    );
    expect(await auditCount()).toBe(before);
    expect((await unit('48')).parentCode).toBe('CP');
    // A moved unit takes its subtree along (here through SQL, as the map's rules allow no such move).
    const pathOf = async (code: string) =>
      (
        await rows<{ path: string }>(
          t.database.db,
          sql`SELECT path::text AS path FROM org_unit WHERE code = ${code}`,
        )
      )[0]!.path;
    await t.database.db.execute(
      sql`UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = 'BKHCN') WHERE code = '48'`,
    );
    expect((await pathOf('20194')).startsWith(`${await pathOf('BKHCN')}.`)).toBe(true);
    await t.database.db.execute(
      sql`UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = 'CP') WHERE code = '48'`,
    );
    expect(await pathOf('20194')).toBe(`${await pathOf('48')}.${(await pathOf('20194')).split('.').pop()}`);
    expect((await pathOf('48')).split('.')).toHaveLength(2);
    // The database refuses a cycle too, whoever writes.
    await expect(
      t.database.db.execute(
        sql`UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = '48_SKHCN') WHERE code = '48'`,
      ),
    ).rejects.toThrow();
  });

  it('renames with a date and a legal basis; the former name stays searchable', async () => {
    const res = await send('PATCH', '/api/orgs/BKHCN_CDS', {
      nameVi: 'Cục Chuyển đổi số quốc gia (tên mới)',
      effectiveDate: '2026-01-01',
      legalBasis: 'Quyết định 1/2026/QĐ-BKHCN',
    });
    expect(res.statusCode).toBe(200);
    const detail = await unit('BKHCN_CDS');
    expect(detail.events[0]).toMatchObject({
      kind: 'rename',
      effectiveDate: '2026-01-01',
      legalBasis: 'Quyết định 1/2026/QĐ-BKHCN',
    });
    expect(detail.formerNames.map((f: { name: string }) => f.name)).toContain('Cục Chuyển đổi số quốc gia');
    const found = (await get(`/api/orgs?q=${encodeURIComponent('cuc chuyen doi so quoc gia')}`)).json();
    expect(found.items.map((u: { code: string }) => u.code)).toContain('BKHCN_CDS');
    const noDate = await send('PATCH', '/api/orgs/BKHCN_CDS', { nameVi: 'Tên khác' });
    expect(noDate.json().error.message).toMatch(/^effectiveDate: required to rename/);
  });

  it('shows the 2025 mergers: Đà Nẵng carries the history of the former Quảng Nam and Đà Nẵng', async () => {
    const detail = await unit('48');
    expect(detail.predecessors.map((p: { code: string }) => p.code)).toEqual([
      'P63_DA_NANG',
      'P63_QUANG_NAM',
    ]);
    expect(detail.predecessors[1]).toMatchObject({
      nameVi: 'Tỉnh Quảng Nam',
      validTo: '2025-06-30',
      status: 'closed',
    });
    expect(detail.events.find((e: { kind: string }) => e.kind === 'merge')).toMatchObject({
      effectiveDate: '2025-07-01',
      legalBasis: 'Nghị quyết 202/2025/QH15',
      to: ['48'],
    });
    const most = await unit('BKHCN');
    expect(most.predecessors.map((p: { code: string }) => p.code)).toEqual(['BTTTT']);
    const closed = (await get(`/api/orgs?status=closed&q=${encodeURIComponent('quang nam')}`)).json();
    expect(closed.items.map((u: { code: string }) => u.code)).toEqual(['P63_QUANG_NAM']);
    const current = (await get(`/api/orgs?q=${encodeURIComponent('Quảng Nam')}`)).json();
    expect(current.items.map((u: { code: string }) => u.code)).toEqual(['48']);
    const old = await unit('BTTTT');
    expect(old).toMatchObject({ nameVi: 'Bộ Thông tin và Truyền thông', validTo: '2025-02-28' });
    expect(old.successors.map((s: { code: string }) => s.code)).toEqual(['BKHCN']);
  });

  it('merges two communes into a new one: old units closed, kept, and their history found under the new one', async () => {
    for (const [code, nameVi] of [
      ['20200', 'Phường Cũ Một'],
      ['20203', 'Phường Cũ Hai'],
    ])
      await send('POST', '/api/orgs', {
        code,
        kind: 'ward',
        nameVi,
        parentCode: '48',
        validFrom: '2025-07-01',
      });
    // Something the old unit "reported": a task naming it as partner.
    await t.database.db.execute(sql`INSERT INTO task_agency (task_id, role, position, org_unit_id, name_as_written)
      SELECT (SELECT min(id) FROM task), 'partner', 99, id, name_vi FROM org_unit WHERE code = '20200'`);
    const res = await send('POST', '/api/orgs/merge', {
      sources: ['20200', '20203'],
      into: { code: '20206', nameVi: 'Phường Mới' },
      effectiveDate: '2026-03-01',
      legalBasis: 'Nghị quyết 999/NQ-UBTVQH15',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      unit: { code: '20206', kind: 'ward', parentCode: '48', validFrom: '2026-03-01' },
    });
    expect(await unit('20200')).toMatchObject({ status: 'closed', validTo: '2026-02-28' });
    const scope = await unitHistoryScope(t.database.db, '20206');
    const found = await rows<{ name: string }>(
      t.database.db,
      sql`SELECT ta.name_as_written AS name FROM task_agency ta
           WHERE ta.org_unit_id IN (${sql.join(
             scope.orgUnitIds.map((id) => sql`${id}`),
             sql`, `,
           )})`,
    );
    expect(found.map((f) => f.name)).toEqual(['Phường Cũ Một']);
    const [audit] = await rows<Record<string, string>>(
      t.database.db,
      sql`SELECT action, actor_label AS actor, after->>'kind' AS kind, after->'event'->>'legalBasis' AS basis
            FROM audit_event WHERE entity_id = '20206' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      action: 'org.merge',
      actor: 'admin@gov.vn',
      kind: 'ward',
      basis: 'Nghị quyết 999/NQ-UBTVQH15',
    });
  });

  it('refuses a merge into itself, into a closed unit, or dated before a unit existed; nothing changes', async () => {
    const before = await auditCount();
    const self = await send('POST', '/api/orgs/merge', {
      sources: ['20194', '20206'],
      into: { code: '20194' },
      effectiveDate: '2026-06-01',
      legalBasis: 'Nghị quyết 1/NQ-UBTVQH15',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toBe('into.code: 20194 cannot be merged into itself');
    const closed = await send('POST', '/api/orgs/merge', {
      sources: ['20194'],
      into: { code: '20200' },
      effectiveDate: '2026-06-01',
      legalBasis: 'Nghị quyết 1/NQ-UBTVQH15',
    });
    expect(closed.json().error.message).toBe('into.code: 20200 was closed on 2026-02-28');
    const early = await send('POST', '/api/orgs/merge', {
      sources: ['20206'],
      into: { code: '20194' },
      effectiveDate: '2026-01-01',
      legalBasis: 'Nghị quyết 1/NQ-UBTVQH15',
    });
    expect(early.json().error.message).toBe(
      'effectiveDate: 2026-01-01 is not after 2026-03-01, when 20206 began',
    );
    const closedSource = await send('POST', '/api/orgs/merge', {
      sources: ['P63_QUANG_NAM'],
      into: { code: '48' },
      effectiveDate: '2026-01-01',
      legalBasis: 'x',
    });
    expect(closedSource.json().error.message).toBe(
      'sources.0: P63_QUANG_NAM was already closed on 2025-06-30',
    );
    expect(await auditCount()).toBe(before);
    expect(await unit('20206')).toMatchObject({ status: 'current' });
  });

  it('splits a unit, re-parenting its sub-units as told, and refuses to leave one behind', async () => {
    await send('POST', '/api/orgs', {
      code: 'BKHCN_V1',
      kind: 'department',
      nameVi: 'Vụ Một',
      parentCode: 'BKHCN',
    });
    const missing = await send('POST', '/api/orgs/split', {
      source: '48',
      into: [
        { code: '98', nameVi: 'Thành phố Thử A', kind: 'city', parentCode: 'CP' },
        { code: '99', nameVi: 'Tỉnh Thử B', kind: 'province', parentCode: 'CP' },
      ],
      effectiveDate: '2027-01-01',
      legalBasis: 'Nghị quyết thử',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(
      /childrenTo\.20194: sub-unit 20194 of 48 needs a new parent among 98, 99/,
    );
    expect(await unit('48')).toMatchObject({ status: 'current' });

    const split = await send('POST', '/api/orgs/split', {
      source: '20206',
      into: [
        { code: '20209', nameVi: 'Phường Tách A' },
        { code: '20212', nameVi: 'Phường Tách B' },
      ],
      effectiveDate: '2026-09-01',
      legalBasis: 'Nghị quyết thử',
    });
    expect(split.statusCode).toBe(201);
    const a = await unit('20209');
    expect(a).toMatchObject({ parentCode: '48', kind: 'ward', validFrom: '2026-09-01' });
    expect(a.predecessors.map((p: { code: string; depth: number }) => [p.code, p.depth])).toEqual([
      ['20206', 1],
      ['20200', 2],
      ['20203', 2],
    ]);
    const self = await send('POST', '/api/orgs/split', {
      source: '20209',
      into: [{ code: '20209' }, { code: '20212' }],
      effectiveDate: '2026-10-01',
      legalBasis: 'x',
    });
    expect(self.json().error.message).toBe('into.0.code: 20209 cannot be split into itself');
  });

  it('merging a province moves its open sub-units, with their paths, under the unit it merged into', async () => {
    await send('POST', '/api/orgs', {
      code: '19999',
      kind: 'commune',
      nameVi: 'Xã Thử Huế',
      parentCode: '46',
    });
    const res = await send('POST', '/api/orgs/merge', {
      sources: ['46'],
      into: { code: '48' },
      effectiveDate: '2027-01-01',
      legalBasis: 'Nghị quyết thử',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().movedSubunits).toEqual(['19999']);
    const moved = (await get('/api/orgs?root=48&kind=commune')).json();
    expect(moved.items.map((u: { code: string }) => u.code)).toEqual(['19999']);
    expect((await unit('46')).successors.map((s: { code: string }) => s.code)).toEqual(['48']);
  });

  it('lets an administrator of one province change only that province and what is under it', async () => {
    await makeUser(t.app.identity, 'admin@hanoi.gov.vn', '01', [{ role: 'system_admin', subUnits: true }]);
    const hanoi = await signInAs(t.app, 'admin@hanoi.gov.vn');
    const as = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      hanoi.request({ method, url, payload: payload as object });
    const before = await auditCount();
    const own = await as('POST', '/api/orgs', {
      code: '01_SNV',
      kind: 'department',
      nameVi: 'Sở Nội vụ Hà Nội',
      parentCode: '01',
    });
    expect(own.statusCode).toBe(201);
    const refusals: [Awaited<ReturnType<typeof as>>, string][] = [
      [
        await as('POST', '/api/orgs', {
          code: '48_SNV',
          kind: 'department',
          nameVi: 'Sở X',
          parentCode: '48',
        }),
        'parentCode: you do not administer 48',
      ],
      [
        await as('PATCH', '/api/orgs/BKHCN', { nameVi: 'Bộ Khác', effectiveDate: '2027-01-01' }),
        'code: you do not administer BKHCN',
      ],
      [await as('PATCH', '/api/orgs/01_SNV', { parentCode: '48' }), 'parentCode: you do not administer 48'],
      [
        await as('POST', '/api/orgs/merge', {
          sources: ['01_SNV'],
          into: { code: '48_SKHCN' },
          effectiveDate: '2027-01-01',
          legalBasis: 'Quyết định thử',
        }),
        'into.code: you do not administer 48_SKHCN',
      ],
      [
        await as('POST', '/api/orgs/split', {
          source: '48_SKHCN',
          into: [
            { code: '48_A', nameVi: 'Sở A' },
            { code: '48_B', nameVi: 'Sở B' },
          ],
          effectiveDate: '2027-01-01',
          legalBasis: 'Quyết định thử',
        }),
        'source: you do not administer 48_SKHCN',
      ],
    ];
    for (const [res, message] of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({ code: 'forbidden', message });
    }
    // The one write that passed left one audit event; the refusals changed nothing.
    expect(await auditCount()).toBe(before + 1);
    expect((await unit('BKHCN')).nameVi).toBe('Bộ Khoa học và Công nghệ');
    const preview = await hanoi.request({
      method: 'POST',
      url: '/api/orgs/import/preview?fileName=xa.csv',
      payload: 'Mã,Tên,Mã tỉnh\n00091,Phường Chín Mốt,01\n20420,Phường Bốn Hai,48\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(preview.json().errors).toEqual([
      { row: 3, column: 'parentCode', problem: 'you do not administer 48' },
    ]);
  });
});
