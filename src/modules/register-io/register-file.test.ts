import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { detectHeader, fieldOfHeader, parseColumnRef } from './register-columns.ts';
import { cellText, MAX_IMPORT_BYTES, readRegisterFile } from './register-file.ts';

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Phụ lục'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];

describe('register columns', () => {
  it.each([
    ['STT', 'no'],
    ['Nhiệm vụ', 'task'],
    ['NHIEM VU', 'task'],
    ['Cơ quan chủ trì (Lead agency)', 'lead'],
    ['Lead agency', 'lead'],
    ['co quan phoi hop', 'partners'],
    ['Sản phẩm', 'product'],
    ['Deadline', 'deadline'],
    ['Thời hạn hoàn thành', 'deadline'],
    ['Nhóm', 'group'],
    ['Ghi chú', null],
  ])('reads the header "%s" as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('skips title rows to find the header', () => {
    const found = detectHeader([
      { rowNumber: 1, texts: ['DANH MỤC NHIỆM VỤ'] },
      { rowNumber: 2, texts: [''] },
      { rowNumber: 3, texts: ['No.', 'Task', 'Lead agency', 'Partners', 'Product', 'Deadline'] },
    ]);
    expect(found).toEqual({
      headerRow: 3,
      mapping: { no: 0, task: 1, lead: 2, partners: 3, product: 4, deadline: 5 },
    });
  });

  it('takes column letters or 1-based numbers', () => {
    expect([parseColumnRef('A'), parseColumnRef('c'), parseColumnRef('AA'), parseColumnRef('3')]).toEqual([
      0, 2, 26, 2,
    ]);
    expect(parseColumnRef('0')).toBeNull();
    expect(parseColumnRef('A1')).toBeNull();
  });
});

describe('reading a register file', () => {
  it('reads an .xlsx: text, numbers, dates', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow([1, 'Nhiệm vụ một', 'Bộ Tài chính', null, 'Báo cáo', new Date(Date.UTC(2025, 5, 30))]);
    });
    const grid = await readRegisterFile(bytes, 'xlsx');
    expect(grid.format).toBe('xlsx');
    expect(grid.rows[1]!.cells.map((c) => c.kind)).toEqual([
      'number',
      'text',
      'text',
      'empty',
      'text',
      'date',
    ]);
    expect(cellText(grid.rows[1]!.cells[5])).toBe('2025-06-30');
  });

  it('refuses an .xlsx that is not one', async () => {
    const e = await refusal(readRegisterFile(Buffer.from('STT,Nhiệm vụ\n1,x\n'), 'xlsx'));
    expect(e.message).toMatch(/not an Excel workbook/);
    const zipButNot = await refusal(readRegisterFile(Buffer.from('PK\x03\x04garbage garbage'), 'xlsx'));
    expect(zipButNot.message).toMatch(/not a readable Excel workbook/);
    const xls = await refusal(readRegisterFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), undefined));
    expect(xls.message).toMatch(/\.xls/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const e = await refusal(readRegisterFile(Buffer.alloc(MAX_IMPORT_BYTES + 1), 'xlsx'));
    expect(e.status).toBe(413);
    expect(e.code).toBe('payload_too_large');
  });

  it('refuses merged cells, saying where', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['DANH MỤC NHIỆM VỤ']);
      ws.mergeCells('A1:F1');
      ws.addRow(HEADER);
      ws.addRow([1, 'Nhiệm vụ', 'Bộ Tài chính']);
      ws.mergeCells('C3:D3');
    });
    const e = await refusal(readRegisterFile(bytes, 'xlsx'));
    expect(e.message).toMatch(/merged cells at A1:F1, C3:D3/);
  });

  it('refuses formulas, saying where', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow([
        1,
        'Nhiệm vụ',
        'Bộ Tài chính',
        null,
        'Báo cáo',
        { formula: 'DATE(2025,6,30)', result: 45838 },
      ]);
    });
    const e = await refusal(readRegisterFile(bytes, 'xlsx'));
    expect(e.message).toMatch(/formulas at F2/);
  });

  it('reads CSV in UTF-8 with and without a BOM, comma or semicolon separated', async () => {
    const text = 'STT;Nhiệm vụ;Cơ quan chủ trì\n1;"Chuyển đổi số; dữ liệu";Bộ Tài chính\n';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ]) {
      const grid = await readRegisterFile(bytes, 'csv');
      expect(grid.rows.map((r) => r.cells.map(cellText))).toEqual([
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
        ['1', 'Chuyển đổi số; dữ liệu', 'Bộ Tài chính'],
      ]);
    }
  });

  it('refuses CSV in another encoding, saying which line', async () => {
    // "Nhiệm vụ" in Windows-1258 bytes: not UTF-8.
    const bytes = Buffer.concat([
      Buffer.from('STT,Task\n1,Nhi'),
      Buffer.from([0xea, 0xf2]),
      Buffer.from('m\n'),
    ]);
    const e = await refusal(readRegisterFile(bytes, 'csv'));
    expect(e.message).toMatch(/not UTF-8 text \(invalid byte 0xea on line 2\)/);
    const utf16 = await refusal(readRegisterFile(Buffer.from('\ufeffSTT', 'utf16le'), 'csv'));
    expect(utf16.message).toMatch(/UTF-16/);
  });
});
