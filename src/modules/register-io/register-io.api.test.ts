import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { type Db, rows } from '../../db/database.ts';
import { AppError } from '../../server/errors.ts';
import { cliActor } from '../audit/actor.ts';
import { exportRegister } from './register-export.service.ts';
import { commitImport, previewImport } from './register-import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];

async function workbook(data: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  for (const row of data) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A program with no tasks and no groups, assigned on 9/1/2025 like 03/NQ-CP. */
async function emptyProgram(db: Db, code: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO program (code, name_vi, document_no, document_date) VALUES (${code}, ${`Chương trình ${code}`}, '03/NQ-CP', '2025-01-09')`,
  );
}

/** The register of a program, as the import should reproduce it: every field but ids and provenance. */
async function register(db: Db, code: string) {
  return rows(
    db,
    sql`SELECT t.code, g.no AS "groupNo", g.title_vi AS "groupTitle", t.source_row AS "sourceRow", t.content_vi AS "contentVi",
               t.lead_as_written AS "lead", t.partners_as_written AS "partners", t.product_as_written AS "product",
               t.product_type AS "productType", t.deadline_as_written AS "deadline", t.due_date AS "dueDate",
               t.recurrence, t.deadline_rule AS "deadlineRule",
               (SELECT json_agg(json_build_object('role', ta.role, 'position', ta.position, 'org', o.code,
                                                  'collective', ta.collective, 'name', ta.name_as_written)
                                ORDER BY ta.role, ta.position)
                  FROM task_agency ta LEFT JOIN org_unit o ON o.id = ta.org_unit_id WHERE ta.task_id = t.id) AS agencies
          FROM task t JOIN task_group g ON g.id = t.group_id JOIN program p ON p.id = t.program_id
         WHERE p.code = ${code} ORDER BY g.no, t.source_row, t.code`,
  );
}

async function count(db: Db, table: 'task' | 'audit_event'): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

describe.each(testEngines())('register import and export on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  let db: Db;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as the role the routes need (docs/roles.md).
    await makeUser(t.app.identity, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    client = await signInAs(t.app, 'coordinator@most.gov.vn');
    db = t.database.db;
  });
  afterAll(() => t?.close());

  it.each(['xlsx', 'csv'] as const)(
    'round-trips the bundled Program through %s into an empty program',
    async (format) => {
      const file = await exportRegister(db, { programCode: 'NQ57', kind: 'register', format });
      expect(file.rows).toBe(140);
      const code = `RT_${format.toUpperCase()}`;
      await emptyProgram(db, code);
      const preview = await previewImport(db, { programCode: code, bytes: file.bytes, format });
      expect(preview.summary).toMatchObject({
        rows: 140,
        ready: 140,
        withErrors: 0,
        groupsToCreate: [1, 2, 3, 4, 5, 6, 7],
      });
      const result = await commitImport(db, cliActor(), {
        programCode: code,
        bytes: file.bytes,
        format,
        fileName: file.fileName,
      });
      expect(result.imported).toBe(140);
      expect(await register(db, code)).toEqual(await register(db, 'NQ57'));
    },
  );

  it('previews every row with its errors and warnings, and suggests names', async () => {
    const bytes = await workbook([
      ['PHỤ LỤC'],
      HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [
        1,
        'Xây dựng nền tảng số',
        'Bộ Khoa hoc va Cong ngh',
        'Bộ Thông tin và Truyền thông',
        'Nền tảng',
        'Quý II/2025',
      ],
      [2, '', 'Bộ Tài chính', null, 'Báo cáo', '2025'],
      [3, 'Báo cáo tổng kết', 'Bộ Tài chính', 'Bộ Tài chính, Bộ Công an', 'Báo cáo', 'Tháng 3/2024'],
      [3, 'Nhiệm vụ trùng số', 'Bộ Công an', null, 'Đề án', 'sớm nhất có thể'],
      [5, 'Nhiệm vụ ngày serial', 'Bộ Công an', null, 'Đề án', 45838],
    ]);
    await emptyProgram(db, 'PV');
    const p = await previewImport(db, { programCode: 'PV', bytes, format: 'xlsx' });
    expect(p.headerRow).toBe(2);
    expect(p.summary).toMatchObject({ rows: 5, ready: 2, withErrors: 3 });
    const codes = (row: number, kind: 'errors' | 'warnings') =>
      p.rows.find((r) => r.row === row)![kind].map((i) => i.code);
    expect(codes(4, 'errors')).toEqual([]);
    expect(codes(4, 'warnings')).toEqual(['agency_unknown', 'agency_former_name']);
    expect(p.rows[0]!.warnings[0]!.suggestion).toBe('Bộ Khoa học và Công nghệ');
    expect(p.rows[0]!.warnings[1]!.message).toContain('Bộ Khoa học và Công nghệ');
    expect(codes(5, 'errors')).toEqual(['task_empty']);
    expect(codes(6, 'errors')).toEqual(['deadline_before_assignment', 'lead_is_partner']);
    expect(codes(7, 'errors')).toEqual(['no_duplicate']);
    expect(codes(7, 'warnings')).toEqual(['deadline_no_rule']);
    expect(codes(8, 'warnings')).toEqual(['deadline_serial_converted']);
    expect(p.rows.find((r) => r.row === 8)).toMatchObject({
      deadlineAsWritten: '30/06/2025',
      dueDate: '2025-06-30',
    });
  });

  it('imports all or nothing: one bad row and nothing is written', async () => {
    const bytes = await workbook([
      HEADER,
      [1, 'Nhiệm vụ tốt', 'Bộ Tài chính', null, 'Báo cáo', '2025'],
      [2, '   ', 'Bộ Tài chính', null, 'Báo cáo', '2025'],
    ]);
    await emptyProgram(db, 'AON');
    const [tasks, events] = [await count(db, 'task'), await count(db, 'audit_event')];
    const error = await commitImport(db, cliActor(), { programCode: 'AON', bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('row 3, Nhiệm vụ: the task text is empty');
    expect([await count(db, 'task'), await count(db, 'audit_event')]).toEqual([tasks, events]);
  });

  it('takes English headers, a column mapping override, and records the import in the audit trail', async () => {
    const csv = 'Task,No.,Lead agency,Deadline,Notes\n"Đề án chuyển đổi số",1,Bộ Công an,Tháng 6/2025,x\n';
    await emptyProgram(db, 'EN');
    const preview = await previewImport(db, {
      programCode: 'EN',
      bytes: Buffer.from(csv),
      mapping: { product: 'E' },
    });
    expect(preview.mapping.map((m) => `${m.field}:${m.column}`)).toEqual([
      'no:B',
      'task:A',
      'lead:C',
      'product:E',
      'deadline:D',
    ]);
    const result = await commitImport(db, cliActor(), {
      programCode: 'EN',
      bytes: Buffer.from(csv),
      fileName: 'en.csv',
      mapping: { product: 'E' },
    });
    expect(preview.rows[0]!.warnings).toEqual([]);
    expect(result).toEqual({ programCode: 'EN', imported: 1, groupsCreated: [1], warnings: 0 });
    const [event] = await rows<{ action: string; after: { tasks: number; file: string } }>(
      db,
      sql`SELECT action, after FROM audit_event ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ action: 'register.import', after: { tasks: 1, file: 'en.csv' } });
    const again = await commitImport(db, cliActor(), { programCode: 'EN', bytes: Buffer.from(csv) }).catch(
      (e) => e,
    );
    expect((again as AppError).message).toContain('No. 1 already exists in the program');
  });

  it("maps a file's own headers over HTTP: columns to choose from, then the preview with the header row said", async () => {
    const post = (url: string, payload: Buffer) =>
      client.request({ method: 'POST', url, payload, headers: { 'content-type': XLSX } });
    const bytes = await workbook([
      ['KẾ HOẠCH BỔ SUNG'],
      ['Số hiệu', 'Công việc', 'Đơn vị làm', 'Ghi chú', 'Hạn chót'],
      ['B1', 'Số hoá hồ sơ', 'Bộ Thông tin và Truyền thông', 'Nền tảng', '30/9/2025'],
      ['B2', 'Đào tạo cán bộ', 'Bộ Tài chánh', 'Báo cáo', 45900],
    ]);
    const columns = await post('/api/register/import/columns', bytes);
    expect(columns.statusCode).toBe(200);
    expect(columns.json()).toMatchObject({
      format: 'xlsx',
      headerRow: 1,
      detected: false,
      mapping: [],
    });
    // Nothing named like the appendix: the person says the header is row 2 and maps every column.
    const said = (await post('/api/register/import/columns?headerRow=2', bytes)).json();
    expect(said.columns.map((c: { column: string; header: string }) => `${c.column}:${c.header}`)).toEqual([
      'A:Số hiệu',
      'B:Công việc',
      'C:Đơn vị làm',
      'D:Ghi chú',
      'E:Hạn chót',
    ]);
    expect(said.columns[0].samples).toEqual(['B1', 'B2']);
    const mapping = encodeURIComponent('no=A,task=B,lead=C,product=D,deadline=E');
    const preview = await post(`/api/register/import/preview?headerRow=2&mapping=${mapping}`, bytes);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.summary).toMatchObject({ rows: 2, withErrors: 0 });
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['B1', 'B2']);
    // Each warning carries what it names, so the wizard says it in Vietnamese or English.
    expect(body.rows[0].warnings[0]).toMatchObject({
      code: 'agency_former_name',
      params: { name: 'Bộ Thông tin và Truyền thông', today: 'Bộ Khoa học và Công nghệ' },
    });
    expect(body.rows[1].warnings.map((w: { code: string }) => w.code)).toEqual([
      'deadline_serial_converted',
      'agency_unknown',
    ]);
    expect(body.rows[1].warnings[0].params).toEqual({ serial: 45900, date: '31/08/2025' });
    expect(body.rows[1].warnings[1]).toMatchObject({
      params: { name: 'Bộ Tài chánh', suggestion: 'Bộ Tài chính' },
      suggestion: 'Bộ Tài chính',
    });
    // A file problem has a stable code and the cells it names.
    const merged = await workbook([HEADER, [1, 'a', 'b', 'c', 'd', 'e']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(merged as unknown as ExcelJS.Buffer);
    wb.worksheets[0]!.mergeCells('A2:B2');
    const refused = await post('/api/register/import/columns', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toMatchObject({
      field: 'file',
      code: 'merged_cells',
      params: { sheet: 'Phụ lục', cells: 'A2:B2' },
    });
  });

  it('exports over HTTP: the ledger in .xlsx with Vietnamese headers in Times New Roman 13', async () => {
    const res = await client.request({ method: 'GET', url: '/api/register/export?kind=ledger&format=xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('so-theo-doi-nq57.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...HEADER, 'Nhóm', 'Hạn hoàn thành (ngày)']);
    expect(ws.getRow(3).getCell(2).font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getRow(4).getCell(1).value).toBe('I');
    expect(ws.getRow(5).getCell(1).value).toBe(1);
    expect(ws.getRow(5).getCell(8).value).toBeInstanceOf(Date);
    const csv = await client.request({ method: 'GET', url: '/api/register/export?format=csv' });
    expect(
      csv.body.startsWith('\ufeffSTT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Sản phẩm,Thời hạn,Nhóm\r\n'),
    ).toBe(true);
  });

  it('answers bad uploads over HTTP with a clear 4xx and writes nothing', async () => {
    const post = (url: string, payload: Buffer, type = XLSX) =>
      client.request({ method: 'POST', url, payload, headers: { 'content-type': type } });
    const notXlsx = await post('/api/register/import?format=xlsx', Buffer.from('hello'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toMatch(/^file: is not an Excel workbook/);
    const tooBig = await post('/api/register/import/preview', Buffer.alloc(50 * 1024 * 1024 + 1));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const badMapping = await post(
      '/api/register/import/preview?mapping=task%3D%24',
      Buffer.from('x'),
      'text/csv',
    );
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.message).toContain('mapping.task');
    const json = await client.request({ method: 'POST', url: '/api/register/import', payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    const unknownProgram = await post(
      '/api/register/import/preview?program=NOPE',
      Buffer.from('x'),
      'text/csv',
    );
    expect(unknownProgram.statusCode).toBe(404);
    const preview = await post(
      '/api/register/import/preview?program=NQ57',
      Buffer.from('STT,Nhiệm vụ,Cơ quan chủ trì\n1,Một nhiệm vụ,Bộ Tài chính\n'),
      'text/csv; charset=utf-8',
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json().rows[0].errors[0].code).toBe('no_exists');
  });
});
