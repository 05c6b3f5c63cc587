import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cleanText, foldKey } from '../../lib/text.ts';
import { AppError, type Issue, invalid } from '../../server/errors.ts';

/**
 * Reads an uploaded table (CSV or .xlsx) into header + rows of text, refusing files that are not what
 * they claim: an .xlsx that is not a zip, a CSV that is binary, formulas, merged cells, too many rows.
 * Row numbers are the ones a person sees in the spreadsheet (the header is row 1).
 */
export interface Table {
  headers: string[];
  rows: { rowNo: number; cells: string[] }[];
}

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an import takes as its request body: the file itself. */
export const IMPORT_MEDIA_TYPES = ['text/csv', XLSX_TYPE, 'application/octet-stream'];
export const MAX_IMPORT_ROWS = 20_000;

const unsupported = (message: string) => new AppError(415, 'unsupported_media_type', message);

const isZipFile = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/**
 * The name to read an uploaded body by: the file name the client gave (its extension decides), else one
 * the content-type implies; a nameless `application/octet-stream` is an .xlsx when it is a zip, else CSV.
 */
export function uploadName(bytes: Buffer, contentType: string | undefined, fileName?: string): string {
  if (fileName) return fileName.split(/[\\/]/).pop() || fileName;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'upload.csv';
  if (type === XLSX_TYPE) return 'upload.xlsx';
  return isZipFile(bytes) ? 'upload.xlsx' : 'upload.csv';
}

export async function readTable(bytes: Buffer, filename: string): Promise<Table> {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (bytes.length === 0) throw invalid([{ field: 'file', problem: 'is empty' }]);
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError(413, 'payload_too_large', `file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const isZip = isZipFile(bytes);
  if (ext === 'xlsx') {
    if (!isZip) throw unsupported('file: not a real .xlsx file (an .xlsx is a zip archive; this is not one)');
    return readXlsx(bytes);
  }
  if (ext === 'csv' || ext === 'txt') {
    if (isZip || bytes.includes(0))
      throw unsupported('file: not a text CSV (it looks binary; save as CSV UTF-8)');
    return readCsv(bytes);
  }
  if (ext === 'xls') throw unsupported('file: old .xls format is not accepted; save as .xlsx or CSV UTF-8');
  throw unsupported('file: must be a .csv or .xlsx file');
}

function readCsv(bytes: Buffer): Table {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw invalid([{ field: 'file', problem: 'is not UTF-8 text; save it as "CSV UTF-8"' }]);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    throw invalid([{ field: 'file', problem: `cannot be read as CSV: ${(error as Error).message}` }]);
  }
  return toTable(records.map((cells, i) => ({ rowNo: i + 1, cells })));
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want its own Buffer flavour; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unsupported(`file: cannot be read as .xlsx (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid([{ field: 'file', problem: 'has no worksheet' }]);
  const issues: Issue[] = [];
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (cell.isMerged && issues.length < 50)
        issues.push({
          field: `row ${rowNo}, ${cell.address}`,
          problem: 'merged cells are not accepted; unmerge them',
        });
      if (cell.type === ExcelJS.ValueType.Formula && issues.length < 50)
        issues.push({
          field: `row ${rowNo}, ${cell.address}`,
          problem: 'formulas are not accepted; paste values only',
        });
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ rowNo, cells: Array.from(cells, (c) => c ?? '') });
  });
  if (issues.length) throw invalid(issues);
  return toTable(rows);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    return '';
  }
  return String(value);
}

function toTable(all: Table['rows']): Table {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw invalid([{ field: 'file', problem: 'has no header row' }]);
  if (rows.length === 0) throw invalid([{ field: 'file', problem: 'has a header but no rows' }]);
  if (rows.length > MAX_IMPORT_ROWS)
    throw invalid([
      { field: 'file', problem: `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} per file` },
    ]);
  return {
    headers: header.cells.map((h) => cleanText(h)),
    rows: rows.map((r) => ({ rowNo: r.rowNo, cells: r.cells.map((c) => cleanText(c)) })),
  };
}

/** A column the importer knows, and the header names (Vietnamese or English) that mean it. */
export interface ColumnSpec<F extends string> {
  field: F;
  required: boolean;
  headers: string[];
}

/**
 * Finds each known column by its header, accent- and case-free ("Mã tỉnh", "ma tinh", "province code").
 * A missing required column is refused naming the headers that would do; unknown columns are reported.
 */
export function mapColumns<F extends string>(
  headers: string[],
  specs: ColumnSpec<F>[],
): { columns: Partial<Record<F, number>>; unknown: string[] } {
  const keys = headers.map((h) => foldKey(h).replace(/\s+/g, '_'));
  const columns: Partial<Record<F, number>> = {};
  const issues: Issue[] = [];
  for (const spec of specs) {
    const wanted = spec.headers.map((h) => foldKey(h).replace(/\s+/g, '_'));
    const index = keys.findIndex((k) => wanted.includes(k));
    if (index >= 0) columns[spec.field] = index;
    else if (spec.required)
      issues.push({
        field: 'file',
        problem: `no column for ${spec.field} (use one of: ${spec.headers.join(', ')})`,
      });
  }
  if (issues.length) throw invalid(issues);
  const used = new Set(Object.values(columns) as number[]);
  return { columns, unknown: headers.filter((h, i) => !used.has(i) && h !== '') };
}
