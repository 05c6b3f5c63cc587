import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { rows } from '../../db/database.ts';

const SAMPLE = path.resolve('program-data/orgs/communes-sample.csv');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file itself as the body, as the web app's sendFile sends it: its name in the query. */
function upload(filename: string, content: Buffer | string, contentType?: string) {
  const type =
    contentType ??
    (filename.endsWith('.csv')
      ? 'text/csv'
      : filename.endsWith('.xlsx')
        ? XLSX_TYPE
        : 'application/octet-stream');
  return { filename, payload: Buffer.from(content), headers: { 'content-type': type } };
}

async function xlsx(
  rowsOfCells: (string | number | { formula: string })[][],
  merge?: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const r of rowsOfCells) sheet.addRow(r);
  if (merge) sheet.mergeCells(merge);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testEngines())('commune and department import on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as an administrator of the Government and every unit below it (docs/roles.md).
    await makeUser(t.app.identity, 'admin@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    client = await signInAs(t.app, 'admin@gov.vn');
  });
  afterAll(() => t?.close());
  const post = (url: string, body: ReturnType<typeof upload>, named = true) =>
    client.request({
      method: 'POST',
      url: named
        ? `${url}${url.includes('?') ? '&' : '?'}fileName=${encodeURIComponent(body.filename)}`
        : url,
      payload: body.payload,
      headers: body.headers,
    });
  const count = async (where: ReturnType<typeof sql>) =>
    (
      await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM org_unit WHERE ${where}`)
    )[0]!.n;

  it('reads a file sent without its name by its content-type, as every import does', async () => {
    const csv = 'Mã,Tên,Mã tỉnh\n20410,Phường Không Tên,48\n';
    const byType = await post('/api/orgs/import/preview', upload('ignored', csv, 'text/csv'), false);
    expect(byType.json()).toMatchObject({ total: 1, valid: 1 });
    const file = await xlsx([
      ['Mã', 'Tên', 'Mã tỉnh'],
      ['20411', 'Phường Một Hai', '48'],
    ]);
    const sniffed = await post(
      '/api/orgs/import/preview',
      upload('ignored', file, 'application/octet-stream'),
      false,
    );
    expect(sniffed.json()).toMatchObject({ total: 1, valid: 1 });
  });

  it('gives a template per type that, filled in, previews clean', async () => {
    const res = await client.request({ method: 'GET', url: '/api/orgs/import/template.xlsx?type=communes' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Xã, phường', 'Tỉnh, thành phố']);
    expect(workbook.getWorksheet('Tỉnh, thành phố')!.rowCount).toBe(1 + 34);
    workbook.worksheets[0]!.addRow(['20430', 'Phường Mẫu', 'phường', '48']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await post('/api/orgs/import/preview', upload('mau.xlsx', filled))).json();
    expect(preview).toMatchObject({ total: 1, valid: 1, errors: [] });
    const departments = await client.request({
      method: 'GET',
      url: '/api/orgs/import/template.xlsx?type=departments',
    });
    const d = new ExcelJS.Workbook();
    await d.xlsx.load(departments.rawPayload as unknown as ArrayBuffer);
    expect(d.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã đơn vị cấp trên',
      'Tên tiếng Anh',
    ]);
    expect(d.worksheets[1]!.rowCount).toBe(1 + 22 + 34);
  });

  it('previews the sample file: every row valid, nothing written', async () => {
    const res = await post(
      '/api/orgs/import/preview',
      upload('communes-sample.csv', fs.readFileSync(SAMPLE)),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ type: 'communes', total: 11, valid: 11, errors: [], unknownColumns: [] });
    expect(body.byParent).toEqual([
      { code: '01', count: 5 },
      { code: '48', count: 6 },
    ]);
    expect(body.units.find((u: { code: string }) => u.code === '20335')).toMatchObject({
      kind: 'special_zone',
      nameVi: 'Đặc khu Hoàng Sa',
    });
    expect(await count(sql`kind IN ('commune','ward','special_zone')`)).toBe(0);
  });

  it('names every bad row by row and column, and the commit writes none of the file', async () => {
    const csv = [
      'code;name;type;province code',
      '10001;Xã Một;xã;01',
      '10002;Xã Hai;xã;77',
      '1000A;Xã Ba;xã;01',
      '10001;Xã Bốn;xã;01',
      '10005;;xã;01',
      '10006;Phường Sáu;thị trấn;01',
      '10007;Xã Bảy;phường;01',
    ].join('\r\n');
    const preview = (await post('/api/orgs/import/preview', upload('xa.csv', csv))).json();
    expect(preview.errors).toEqual([
      { row: 3, column: 'parentCode', problem: 'unknown province 77' },
      { row: 4, column: 'code', problem: 'must be 5 digits (QĐ 19/2025/QĐ-TTg), got "1000A"' },
      { row: 5, column: 'code', problem: '10001 appears again in this file (first on row 2)' },
      { row: 6, column: 'name', problem: 'is empty' },
      { row: 7, column: 'kind', problem: 'must be xã, phường or đặc khu, got "thị trấn"' },
      { row: 8, column: 'kind', problem: 'is phường but the name says xã' },
    ]);
    expect(preview.valid).toBe(1);
    const commit = await post('/api/orgs/import/commit', upload('xa.csv', csv));
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.message).toMatch(
      /^row 3, parentCode: unknown province 77; row 4, code: must be 5 digits/,
    );
    expect(await count(sql`code = '10001'`)).toBe(0);
  });

  it('commits a clean file in one go, audited, and then refuses the same codes again', async () => {
    const res = await post('/api/orgs/import/commit', upload('communes-sample.csv', fs.readFileSync(SAMPLE)));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 11 });
    expect(
      await count(
        sql`kind IN ('commune','ward','special_zone') AND parent_id = (SELECT id FROM org_unit WHERE code = '48')`,
      ),
    ).toBe(6);
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'org.create' AND entity_type = 'org_unit'`,
    );
    expect(audit!.n).toBe(11);
    const again = (
      await post('/api/orgs/import/preview', upload('communes-sample.csv', fs.readFileSync(SAMPLE)))
    ).json();
    expect(again.errors[0]).toEqual({
      row: 2,
      column: 'code',
      problem: '00004 already exists (Phường Ba Đình)',
    });
  });

  it('reads .xlsx with English headers, restoring leading zeros Excel dropped', async () => {
    const file = await xlsx([
      ['Commune code', 'Name', 'Kind', 'Province code', 'Note'],
      [20401, 'Phường Hội An', 'ward', 48, 'numbers typed as numbers'],
    ]);
    const body = (await post('/api/orgs/import/preview', upload('xa.xlsx', file))).json();
    expect(body).toMatchObject({ valid: 1, errors: [], unknownColumns: ['Note'] });
    const zeros = await xlsx([
      ['Mã', 'Tên', 'Mã tỉnh'],
      [12, 'Phường Mười Hai', 1],
    ]);
    const padded = (await post('/api/orgs/import/preview', upload('xa.xlsx', zeros))).json();
    expect(padded.units[0]).toMatchObject({ code: '00012', parentCode: '01', kind: 'ward' });
  });

  it('imports departments under central bodies and provinces, refusing one under a commune', async () => {
    const csv =
      'Mã,Tên,Mã cơ quan chủ quản\n01_SKHCN,Sở Khoa học và Công nghệ Hà Nội,01\nBKHCN_CDS,Cục Chuyển đổi số quốc gia,BKHCN\nX_1,Phòng Thử,00004\n';
    const preview = (await post('/api/orgs/import/preview?type=departments', upload('so.csv', csv))).json();
    expect(preview.errors).toEqual([
      {
        row: 4,
        column: 'parentCode',
        problem:
          'a department may sit only under a ministry or ministerial_agency or government_agency or province or city; 00004 is a ward',
      },
    ]);
  });

  it('refuses files that are not what they claim, clearly and with nothing written', async () => {
    const fake = await post('/api/orgs/import/preview', upload('xa.xlsx', 'code,name\n1,2\n'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toBe(
      'file: not a real .xlsx file (an .xlsx is a zip archive; this is not one)',
    );

    const formula = await xlsx([
      ['Mã', 'Tên', 'Mã tỉnh'],
      ['20402', { formula: 'CONCATENATE("Phường ","X")' }, '48'],
    ]);
    const f = await post('/api/orgs/import/preview', upload('xa.xlsx', formula));
    expect(f.statusCode).toBe(400);
    expect(f.json().error.message).toBe('row 2, B2: formulas are not accepted; paste values only');

    const merged = await xlsx(
      [
        ['Mã', 'Tên', 'Mã tỉnh'],
        ['20403', 'Phường Y', '48'],
      ],
      'B2:C2',
    );
    const m = await post('/api/orgs/import/preview', upload('xa.xlsx', merged));
    expect(m.statusCode).toBe(400);
    expect(m.json().error.message).toMatch(/^row 2, B2: merged cells are not accepted/);

    const big = await post('/api/orgs/import/preview', upload('xa.csv', Buffer.alloc(6 * 1024 * 1024, 'a')));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toEqual({
      code: 'payload_too_large',
      message: 'file: larger than 5 MB',
      issues: [{ field: 'file', problem: 'larger than 5 MB' }],
    });

    const pdf = await post('/api/orgs/import/preview', upload('xa.pdf', '%PDF-1.4'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toBe('file: must be a .csv or .xlsx file');
    const json = await client.request({ method: 'POST', url: '/api/orgs/import/preview', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toMatch(
      /^file: send the file itself as the body, with content-type text\/csv/,
    );
    const noColumn = await post('/api/orgs/import/preview', upload('xa.csv', 'Tên,Mã tỉnh\nXã A,01\n'));
    expect(noColumn.json().error.message).toMatch(/^file: no column for code \(use one of: code, mã/);
    expect(await count(sql`code IN ('20402', '20403')`)).toBe(0);
  });
});
