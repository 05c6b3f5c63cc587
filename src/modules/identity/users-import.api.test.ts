import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(table: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  for (const row of table) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testEngines())('people import on %s', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
    await makeUser(app.identity, 'root@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    await makeUser(app.identity, 'existing@most.gov.vn', 'BKHCN');
    admin = await signInAs(app, 'root@gov.vn');
  });
  afterAll(() => t?.close());

  const send = (step: 'preview' | 'commit', body: string | Buffer, type: string) =>
    admin.request({
      method: 'POST',
      url: `/api/users/import/${step}`,
      payload: body,
      headers: { 'content-type': type },
    });
  const people = async () =>
    (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM app_user`))[0]!.n;

  it('previews row by row and commits nothing when any row is wrong', async () => {
    const csv = [
      'Họ tên,Email,Chức danh,Mã đơn vị,Vai trò',
      'Phạm Văn Một,mot@most.gov.vn,Chuyên viên,BKHCN,focal_officer',
      'Phạm Văn Hai,EXISTING@most.gov.vn,,BKHCN,',
      'Phạm Văn Ba,mot@most.gov.vn,,BKHCN,',
      'Phạm Văn Bốn,bon@gov.vn,,NOPE,',
      'Phạm Văn Năm,nam@gov.vn,,CP,focal_officer',
      'Phạm Văn Sáu,sau@gov.vn,,CP,wizard',
    ].join('\n');
    const before = await people();
    const preview = await send('preview', csv, CSV);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.valid).toBe(false);
    expect(body.rows[0]).toMatchObject({
      row: 2,
      name: 'Phạm Văn Một',
      roles: ['focal_officer'],
      problems: [],
    });
    expect(body.issues).toEqual([
      { field: 'row 3, email', problem: 'already belongs to another person' },
      { field: 'row 4, email', problem: 'duplicate of row 2' },
      { field: 'row 5, unit', problem: 'unknown organisation code "NOPE"' },
      {
        field: 'row 6, roles',
        problem: 'focal_officer must be scoped to an agency, not the Government as a whole',
      },
      {
        field: 'row 7, roles',
        problem:
          'unknown role "wizard" (one of system_admin, coordinator, focal_officer, agency_head, steering_viewer, auditor)',
      },
    ]);
    const commit = await send('commit', csv, CSV);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.issues).toHaveLength(5);
    expect(await people()).toBe(before);
  });

  it('imports an .xlsx all at once, with roles scoped to each person’s unit', async () => {
    const file = await xlsx([
      ['name', 'email', 'title', 'unit', 'roles'],
      ['Đỗ Thị Hà', 'ha.dt@hanoi.gov.vn', 'Chuyên viên', '01', 'focal_officer'],
      ['Vũ Văn Hùng', 'hung.vv@hanoi.gov.vn', 'Phó Chủ tịch', '01', 'agency_head; steering_viewer'],
    ]);
    expect((await send('preview', file, XLSX)).json().valid).toBe(true);
    const res = await send('commit', file, XLSX);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ created: 2 });
    const hung = await admin.request({ method: 'GET', url: '/api/users?q=hung' });
    expect(hung.json().items[0].roles.map((r: { role: string }) => r.role)).toEqual([
      'agency_head',
      'steering_viewer',
    ]);
    const again = await send('commit', file, XLSX);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('row 2, email: already belongs to another person');
  });

  it('keeps codes as written in a CSV ("01" is Hà Nội), and finds those Excel shortened to numbers', async () => {
    const csv = 'Họ tên;Email;Mã đơn vị\nLê Văn Một;mot@hanoi.gov.vn;01\n';
    const preview = (await send('preview', csv, CSV)).json();
    expect(preview).toMatchObject({ valid: true, rows: [{ unitCode: '01', problems: [] }] });
    const file = await xlsx([
      ['name', 'email', 'unit'],
      ['Lê Văn Hai', 'hai@hanoi.gov.vn', 1 as unknown as string],
    ]);
    const shortened = (await send('preview', file, XLSX)).json();
    expect(shortened).toMatchObject({ valid: true, rows: [{ unitCode: '01' }] });
    // A file sent as application/octet-stream is read by the name given in the query.
    const named = await admin.request({
      method: 'POST',
      url: '/api/users/import/preview?fileName=can-bo.csv',
      payload: csv,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(named.json()).toMatchObject({ valid: true });
  });

  it('gives a template that, filled in, imports: units and roles listed, codes kept as text', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users/import/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="nguoi-dung-mau.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Người dùng', 'Đơn vị', 'Vai trò']);
    const units = workbook.getWorksheet('Đơn vị')!;
    expect(units.getRow(2).values).toEqual([undefined, 'CP', 'Chính phủ']);
    const people = workbook.getWorksheet('Người dùng')!;
    people.addRow(['Trần Thị Mẫu', 'mau@hanoi.gov.vn', 'Chuyên viên', '01', 'focal_officer']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await send('preview', filled, XLSX)).json();
    expect(preview).toMatchObject({ valid: true, rows: [{ name: 'Trần Thị Mẫu', unitCode: '01' }] });
  });

  it('names missing columns and unreadable files, never a 500', async () => {
    const noUnit = await send('preview', 'name,email\nA,a@b.vn', CSV);
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.message).toBe('column unit: missing from the first row');
    const garbage = await send('preview', Buffer.from('PK\u0003\u0004 not really a workbook'), XLSX);
    expect(garbage.statusCode).toBe(415);
    expect(garbage.json().error.message).toMatch(/^file: cannot be read as \.xlsx/);
    const json = await admin.request({ method: 'POST', url: '/api/users/import/preview', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toMatch(/^file: send the file itself as the body/);
    const big = await send('preview', Buffer.alloc(6 * 1024 * 1024, 'a'), CSV);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('file: larger than 5 MB');
  });
});
