import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.ts';

/** Uploads above this are refused before any parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string };

export interface GridRow {
  /** 1-based, as the spreadsheet shows it (the CSV record number for CSV). */
  rowNumber: number;
  cells: RawCell[];
}

export interface SheetGrid {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  rows: GridRow[];
}

export type DeclaredFormat = 'xlsx' | 'csv' | undefined;

const EMPTY: RawCell = { kind: 'empty' };
const LIST_AT_MOST = 10;

/**
 * A file refused before any row is read. `code` and `params` name the problem for a client that shows
 * its own words (the import wizard, in Vietnamese); `problem` is the English message.
 */
export function fileRejected(
  problem: string,
  code: FileProblem,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(400, 'validation_failed', `file: ${problem}`, [
    { field: 'file', problem, code, params },
  ]);
}

export type FileProblem =
  | 'empty'
  | 'xls'
  | 'not_xlsx'
  | 'unreadable_xlsx'
  | 'no_sheet'
  | 'sheet_missing'
  | 'merged_cells'
  | 'formulas'
  | 'utf16'
  | 'not_utf8'
  | 'unreadable_csv'
  | 'no_columns'
  | 'too_large';

export function fileTooLarge(bytes: number): AppError {
  return new AppError(
    413,
    'payload_too_large',
    `file: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit; split the register into several files`,
    [
      {
        field: 'file',
        problem: 'over the size limit',
        code: 'too_large',
        params: {
          megabytes: Number((bytes / 1024 / 1024).toFixed(1)),
          limit: MAX_IMPORT_BYTES / 1024 / 1024,
        },
      },
    ],
  );
}

function listed(places: string[]): string {
  const shown = places.slice(0, LIST_AT_MOST).join(', ');
  return places.length > LIST_AT_MOST ? `${shown} and ${places.length - LIST_AT_MOST} more` : shown;
}

/**
 * Reads an upload into rows of cells. The content decides the format (a ZIP is a workbook, anything else
 * CSV); the declared format only sharpens the message when the two disagree.
 */
export async function readRegisterFile(
  bytes: Buffer,
  declared: DeclaredFormat,
  options: { sheet?: string } = {},
): Promise<SheetGrid> {
  if (bytes.length > MAX_IMPORT_BYTES) throw fileTooLarge(bytes.length);
  if (bytes.length === 0) throw fileRejected('is empty', 'empty');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (isOle) {
    throw fileRejected('is an old Excel 97–2003 (.xls) file; open it in Excel and save it as .xlsx', 'xls');
  }
  if (isZip) return readWorkbook(bytes, options.sheet);
  if (declared === 'xlsx') {
    throw fileRejected(
      'is not an Excel workbook (.xlsx): an .xlsx file is a ZIP archive and this one is not',
      'not_xlsx',
    );
  }
  return readCsv(bytes);
}

async function readWorkbook(bytes: Buffer, sheet: string | undefined): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates Node 20's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fileRejected(
      `is not a readable Excel workbook (.xlsx): ${(error as Error).message}`,
      'unreadable_xlsx',
    );
  }
  const worksheets = workbook.worksheets.filter((w) => w.state === 'visible');
  if (worksheets.length === 0)
    throw fileRejected('holds no worksheet; is it really an .xlsx workbook?', 'no_sheet');
  const ws = sheet ? worksheets.find((w) => w.name === sheet) : worksheets[0];
  if (!ws) {
    const sheets = worksheets.map((w) => `"${w.name}"`).join(', ');
    throw fileRejected(`has no sheet "${sheet}"; sheets: ${sheets}`, 'sheet_missing', {
      sheet: sheet ?? '',
      sheets,
    });
  }
  if (ws.hasMerges) {
    const merges = ws.model.merges;
    throw fileRejected(
      `sheet "${ws.name}" has merged cells at ${listed(merges)}; unmerge them (a group title goes in its own row, or use the Group column)`,
      'merged_cells',
      { sheet: ws.name, cells: listed(merges) },
    );
  }
  const rows: GridRow[] = [];
  const formulas: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = cell.value;
      if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
        formulas.push(cell.address);
        return;
      }
      while (cells.length < col - 1) cells.push(EMPTY);
      cells[col - 1] = toRawCell(value);
    });
    rows.push({ rowNumber, cells });
  });
  if (formulas.length) {
    throw fileRejected(
      `sheet "${ws.name}" has formulas at ${listed(formulas)}; copy the cells and paste them as values`,
      'formulas',
      { sheet: ws.name, cells: listed(formulas) },
    );
  }
  return { format: 'xlsx', sheetName: ws.name, rows };
}

function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() ? { kind: 'text', text: value } : EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  // exceljs turns date-formatted numbers into Dates at UTC midnight.
  if (value instanceof Date) return { kind: 'date', iso: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { kind: 'text', text: String(value.text ?? value.hyperlink) };
  if ('error' in value) return { kind: 'text', text: String(value.error) };
  return { kind: 'text', text: String(value) };
}

function readCsv(bytes: Buffer): SheetGrid {
  const text = decodeUtf8(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw fileRejected(`is not readable CSV: ${(error as Error).message}`, 'unreadable_csv');
  }
  return {
    format: 'csv',
    sheetName: null,
    rows: records.map((record, i) => ({
      rowNumber: i + 1,
      cells: record.map((t): RawCell => (t.trim() ? { kind: 'text', text: t } : EMPTY)),
    })),
  };
}

/** UTF-8 with or without a BOM; anything else is refused with where it went wrong. */
function decodeUtf8(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileRejected('is UTF-16 text; save it as "CSV UTF-8 (Comma delimited)"', 'utf16');
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const line = body.subarray(0, at).toString('latin1').split('\n').length;
    const byte = `0x${body[at]?.toString(16).padStart(2, '0')}`;
    throw fileRejected(
      `is not UTF-8 text (invalid byte ${byte} on line ${line}); it may be in Windows-1258 or TCVN3. Save it as "CSV UTF-8 (Comma delimited)"`,
      'not_utf8',
      { byte, line },
    );
  }
}

function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** Plain text of a cell, for headers and text columns. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
  }
}
