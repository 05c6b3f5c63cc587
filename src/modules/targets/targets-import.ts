/**
 * Import of measured values from .xlsx or .csv in long format: one row per value with the columns
 * target code, year, [period], [disaggregation or province], value (or assessed class for a qualitative
 * target), [unit], [source], [note], [evidence]. Preview checks every row and stores nothing; commit
 * stores all rows as drafts in one transaction, or nothing when any row has a problem.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { foldKey } from '../../lib/text.ts';
import { type Issue, invalid } from '../../server/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireProgram } from '../program/program.service.ts';
import { type CleanObservation, checkObservation, describePeriod } from './observation-input.ts';
import { guardDuplicate, monitorsTarget } from './observations.service.ts';
import {
  observationsRepository,
  type TargetDefinitionRow,
  targetDefinitionsRepository,
} from './targets.repository.ts';
import type { TargetsActor } from './targets-actor.ts';

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Header names accepted for each column, folded (no accents, lower case), Vietnamese and English. */
const HEADERS: Record<string, string[]> = {
  targetCode: ['target code', 'target', 'code', 'ma chi tieu', 'chi tieu'],
  year: ['year', 'nam'],
  period: ['period', 'ky'],
  disaggregation: ['disaggregation', 'breakdown', 'phan to'],
  province: ['province', 'province code', 'tinh', 'ma tinh'],
  value: ['value', 'gia tri'],
  assessedClass: ['assessed class', 'assessment class', 'muc danh gia'],
  assessmentText: ['assessment', 'assessment text', 'danh gia'],
  unit: ['unit', 'don vi', 'don vi tinh'],
  source: ['source', 'nguon', 'nguon so lieu'],
  note: ['note', 'ghi chu'],
  evidenceUrl: ['evidence', 'evidence url', 'minh chung'],
};
type ColumnName = keyof typeof HEADERS;

type CellValue = string | number | null;
export interface SheetRow {
  /** The row number as the person sees it in the file (header is row 1). */
  row: number;
  cells: CellValue[];
}

export type ImportFormat = 'csv' | 'xlsx';

export function detectFormat(body: Buffer, contentType: string | undefined): ImportFormat {
  // An .xlsx file is a zip archive: it starts with "PK\x03\x04" whatever the client calls it.
  if (body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (contentType?.includes('spreadsheetml')) return 'xlsx';
  return 'csv';
}

const fileProblem = (problem: string) => invalid([{ field: 'file', problem }]);

function readCsv(body: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw fileProblem('a CSV file must be saved as UTF-8 (in Excel: "CSV UTF-8")');
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Excel in a Vietnamese locale separates with ";" (the decimal mark is ","): follow the header line.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parseCsv(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
    return records.map((cells, i) => ({ row: i + 1, cells }));
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw fileProblem(
      `not a readable CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message ?? 'parse error'}`,
    );
  }
}

function excelCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return excelCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return (v as ExcelJS.CellHyperlinkValue).hyperlink;
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

async function readXlsx(body: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are what it needs.
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileProblem('the workbook has no sheet');
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      let value = excelCell(cell.value);
      // Excel keeps 31.5 % as 0.315 in a cell formatted as a percentage; people mean 31.5.
      if (typeof value === 'number' && cell.numFmt?.includes('%'))
        value = Number((value * 100).toPrecision(12));
      cells[column - 1] = value;
    });
    out.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return out;
}

export async function readSheet(body: Buffer, format: ImportFormat): Promise<SheetRow[]> {
  if (body.length === 0) throw fileProblem('the file is empty');
  return format === 'xlsx' ? readXlsx(body) : readCsv(body);
}

function mapHeader(header: SheetRow): { columns: Map<ColumnName, number>; issues: Issue[] } {
  const columns = new Map<ColumnName, number>();
  header.cells.forEach((cell, index) => {
    const key = foldKey(String(cell ?? ''));
    for (const [name, aliases] of Object.entries(HEADERS) as [ColumnName, string[]][]) {
      if (aliases.includes(key) && !columns.has(name)) columns.set(name, index);
    }
  });
  const issues: Issue[] = [];
  if (!columns.has('targetCode')) issues.push({ field: 'file', problem: 'needs a "target_code" column' });
  if (!columns.has('year')) issues.push({ field: 'file', problem: 'needs a "year" column' });
  if (!columns.has('value') && !columns.has('assessedClass'))
    issues.push({ field: 'file', problem: 'needs a "value" column' });
  return { columns, issues };
}

export interface PreviewRow {
  row: number;
  targetCode: string | null;
  year: number | null;
  period: string;
  disaggregation: string | null;
  value: number | null;
  assessedClass: string | null;
  ok: boolean;
  issues: Issue[];
}

interface CheckedRow extends PreviewRow {
  target?: TargetDefinitionRow;
  clean?: CleanObservation;
}

/** Checks every row against the targets, the rules for one value, the stored values and the file itself. */
async function checkRows(db: Db, actor: TargetsActor, programCode: string, sheet: SheetRow[]) {
  const program = await requireProgram(db, programCode);
  const [header, ...data] = sheet;
  if (!header) throw fileProblem('the file has no header row');
  if (data.length === 0) throw fileProblem('the file has no rows under the header');
  if (data.length > IMPORT_MAX_ROWS) throw fileProblem(`at most ${IMPORT_MAX_ROWS} rows per file`);
  const { columns, issues } = mapHeader(header);
  if (issues.length) throw invalid(issues);

  const defs = targetDefinitionsRepository(db);
  const provinces = await defs.provinceCodes();
  const targets = new Map<string, TargetDefinitionRow | undefined>();
  const observations = observationsRepository(db);
  const seen = new Map<string, number>();
  const rows: CheckedRow[] = [];

  for (const line of data) {
    const cell = (name: ColumnName) => {
      const i = columns.get(name);
      return i === undefined ? null : (line.cells[i] ?? null);
    };
    const code = cell('targetCode') === null ? null : String(cell('targetCode')).trim();
    const out: CheckedRow = {
      row: line.row,
      targetCode: code,
      year: null,
      period: '',
      disaggregation: null,
      value: null,
      assessedClass: null,
      ok: false,
      issues: [],
    };
    rows.push(out);
    const problem = (field: string, text: string) =>
      out.issues.push({ field: `row ${line.row}, ${field}`, problem: text });
    if (!code) {
      problem('target_code', 'is empty');
      continue;
    }
    if (!targets.has(code)) targets.set(code, await defs.byCode(program.id, code));
    const target = targets.get(code);
    if (!target) {
      problem('target_code', `no target has the code "${code}"`);
      continue;
    }
    if (!monitorsTarget(actor, target)) {
      problem('target_code', `your agency does not monitor target ${code}`);
      continue;
    }
    const province = cell('province');
    const checked = checkObservation(
      target,
      {
        year: cell('year'),
        period: cell('period'),
        disaggregation:
          province !== null && String(province).trim() !== ''
            ? { key: 'province', value: String(province) }
            : (cell('disaggregation') as string | null),
        value: cell('value'),
        assessedClass: cell('assessedClass'),
        assessmentText: cell('assessmentText'),
        unit: cell('unit'),
        source: cell('source'),
        note: cell('note'),
        evidenceUrl: cell('evidenceUrl'),
      },
      provinces,
    );
    if (!checked.ok) {
      for (const i of checked.issues) problem(i.field, i.problem);
      continue;
    }
    const clean = checked.value;
    Object.assign(out, {
      year: clean.periodYear,
      period: clean.period,
      disaggregation: clean.disaggregationKey
        ? `${clean.disaggregationKey}=${clean.disaggregationValue}`
        : null,
      value: clean.value,
      assessedClass: clean.assessedClass,
      target,
      clean,
    });
    const key = [
      target.id,
      clean.periodYear,
      clean.period,
      clean.disaggregationKey,
      clean.disaggregationValue,
    ].join('|');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('year', `row ${earlier} already gives ${code} for ${describePeriod(clean)}`);
      continue;
    }
    seen.set(key, line.row);
    const existing = await observations.findSame({ targetId: target.id, ...clean });
    if (existing) {
      problem(
        'year',
        `a value of ${code} for ${describePeriod(clean)} already exists (#${existing.id}, ${existing.status})`,
      );
      continue;
    }
    out.ok = true;
  }
  return rows;
}

const publicRow = ({ target: _, clean: __, ...row }: CheckedRow): PreviewRow => row;

export async function previewImport(
  db: Db,
  actor: TargetsActor,
  programCode: string,
  file: { body: Buffer; format: ImportFormat },
) {
  const rows = await checkRows(db, actor, programCode, await readSheet(file.body, file.format));
  const errors = rows.filter((r) => !r.ok).length;
  return { rows: rows.map(publicRow), total: rows.length, valid: rows.length - errors, errors };
}

/** All or nothing: any row with a problem answers 400 with every problem, row by row, and stores nothing. */
export async function commitImport(
  db: Db,
  actor: TargetsActor,
  programCode: string,
  file: { body: Buffer; format: ImportFormat; fileName?: string },
) {
  const rows = await checkRows(db, actor, programCode, await readSheet(file.body, file.format));
  const issues = rows.flatMap((r) => r.issues);
  if (issues.length > 0) throw invalid(issues);
  const now = new Date().toISOString();
  return guardDuplicate(() =>
    db.transaction(async (tx) => {
      const repo = observationsRepository(tx);
      const created = [];
      for (const r of rows) {
        const target = r.target as TargetDefinitionRow;
        // Checked above; the unique constraint still guards a value entered meanwhile (the whole import rolls back).
        created.push(
          await repo.insert({
            targetId: target.id,
            ...(r.clean as CleanObservation),
            status: 'draft',
            agencyId: target.monitoringAgencyId ?? actor.orgId ?? null,
            enteredByUserId: actor.userId,
            enteredByLabel: actor.label,
            enteredAt: now,
            updatedAt: now,
          }),
        );
      }
      await recordAudit(tx, actor, {
        action: 'target_value.import',
        entityType: 'target_observation',
        entityId: null,
        after: {
          file: file.fileName ?? null,
          format: file.format,
          count: created.length,
          values: created.map((c, i) => ({ id: c.id, row: rows[i]!.row, targetCode: rows[i]!.targetCode })),
        },
      });
      return { imported: created.length, ids: created.map((c) => c.id) };
    }),
  );
}
