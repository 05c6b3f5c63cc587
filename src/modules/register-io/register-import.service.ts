import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError, type Issue, invalid } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import type { OrgKind } from '../orgs/orgs.schema.ts';
import { requireProgram } from '../program/program.service.ts';
import { agencyDirectory, hashOf } from '../program/program-plan.ts';
import {
  type ColumnMapping,
  columnLetter,
  detectHeader,
  HEADERS_VI,
  headerMapping,
  parseColumnRef,
  REGISTER_FIELDS,
  type RegisterField,
} from './register-columns.ts';
import { cellText, readRegisterFile } from './register-file.ts';
import { registerIoRepository } from './register-io.repository.ts';
import { type ImportContext, type ImportRow, type ParsedRegister, parseRegister } from './register-rows.ts';

export interface ImportInput {
  programCode: string;
  bytes: Buffer;
  fileName?: string;
  format?: 'xlsx' | 'csv';
  /** Field → column letter ("C") or 1-based number ("3"), overriding what the headers say. */
  mapping?: Partial<Record<RegisterField, string>>;
  sheet?: string;
  /** Deadlines before this date are refused; default: the program's document date. */
  assignedOn?: string;
  /** The group of rows without a Group column or group heading; default 1. */
  defaultGroupNo?: number;
  /** The header's row (1-based) when the person says where it is; default: found by its names. */
  headerRow?: number;
}

export interface ImportPreview {
  programCode: string;
  format: 'xlsx' | 'csv';
  sheet: string | null;
  headerRow: number;
  assignedOn: string | null;
  mapping: ParsedRegister['mapping'];
  summary: {
    rows: number;
    ready: number;
    withErrors: number;
    withWarnings: number;
    groupsToCreate: number[];
  };
  rows: ImportRow[];
}

function overrideMapping(mapping: ImportInput['mapping']): ColumnMapping | undefined {
  if (!mapping) return undefined;
  const issues: Issue[] = [];
  const result: ColumnMapping = {};
  for (const [field, ref] of Object.entries(mapping)) {
    if (!REGISTER_FIELDS.includes(field as RegisterField)) {
      issues.push({
        field: `mapping.${field}`,
        problem: `is not a column of the register (${REGISTER_FIELDS.join(', ')})`,
      });
      continue;
    }
    const index = ref === undefined ? null : parseColumnRef(ref);
    if (index === null)
      issues.push({ field: `mapping.${field}`, problem: 'must be a column letter (C) or number (3)' });
    else result[field as RegisterField] = index;
  }
  if (issues.length) throw invalid(issues);
  return result;
}

async function importContext(db: Db, programId: number, assignedOn: string | null, defaultGroupNo: number) {
  const repo = registerIoRepository(db);
  const [{ orgs, aliases }, existingCodes] = await Promise.all([repo.agencies(), repo.taskCodes(programId)]);
  // The loader's directory, built from what the database knows today (names a coordinator added too).
  const directory = agencyDirectory(
    orgs.map((o) => ({ ...o, kind: o.kind as OrgKind, parentCode: null, validFrom: null, source: '' })),
    aliases,
  );
  const ctx: ImportContext = {
    directory,
    orgNames: new Map(orgs.map((o) => [o.code, o.nameVi])),
    existingCodes,
    assignedOn,
    defaultGroupNo,
  };
  return ctx;
}

async function prepare(db: Db, input: ImportInput) {
  const program = await requireProgram(db, input.programCode);
  const issues: Issue[] = [];
  if (input.assignedOn !== undefined && !isIsoDate(input.assignedOn))
    issues.push({ field: 'assignedOn', problem: 'must be a real date as YYYY-MM-DD' });
  const defaultGroupNo = input.defaultGroupNo ?? 1;
  if (!Number.isInteger(defaultGroupNo) || defaultGroupNo < 1)
    issues.push({ field: 'defaultGroup', problem: 'must be a whole number from 1' });
  if (input.headerRow !== undefined && (!Number.isInteger(input.headerRow) || input.headerRow < 1))
    issues.push({ field: 'headerRow', problem: 'must be a row number from 1' });
  if (issues.length) throw invalid(issues);
  const mapping = overrideMapping(input.mapping);
  const grid = await readRegisterFile(input.bytes, input.format, { sheet: input.sheet });
  const assignedOn = input.assignedOn ?? program.documentDate ?? null;
  const ctx = await importContext(db, program.id, assignedOn, defaultGroupNo);
  const parsed = parseRegister(grid, mapping, ctx, input.headerRow);
  const groups = await registerIoRepository(db).groupIdsByNo(program.id);
  const groupsToCreate = [...new Set(parsed.rows.map((r) => r.groupNo))]
    .filter((n) => !groups.has(n))
    .sort((a, b) => a - b);
  const preview: ImportPreview = {
    programCode: program.code,
    format: grid.format,
    sheet: grid.sheetName,
    headerRow: parsed.headerRow,
    assignedOn,
    mapping: parsed.mapping,
    summary: {
      rows: parsed.rows.length,
      ready: parsed.rows.filter((r) => r.errors.length === 0).length,
      withErrors: parsed.rows.filter((r) => r.errors.length > 0).length,
      withWarnings: parsed.rows.filter((r) => r.warnings.length > 0).length,
      groupsToCreate,
    },
    rows: parsed.rows,
  };
  return { program, parsed, preview, ctx };
}

export interface FileColumns {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  /** The header's row: found by its names, else the first row with text. */
  headerRow: number;
  /** Whether the header was recognised by its names (else the person maps every column). */
  detected: boolean;
  /** Every column of the file with its header text and the first values below it. */
  columns: { column: string; header: string; samples: string[] }[];
  /** The columns recognised for the register's fields. */
  mapping: { field: RegisterField; column: string }[];
}

const SAMPLES = 3;

/**
 * The columns of an uploaded file, for the import wizard's mapping step: the person sees their own
 * headers and a few values and says which is which. File-level problems (size, format, merged cells,
 * formulas, encoding) are refused here as in the preview. Reads nothing from the database.
 */
export async function readFileColumns(
  input: Pick<ImportInput, 'bytes' | 'format' | 'sheet' | 'headerRow'>,
): Promise<FileColumns> {
  const grid = await readRegisterFile(input.bytes, input.format, { sheet: input.sheet });
  const texts = grid.rows.map((r) => ({
    rowNumber: r.rowNumber,
    texts: r.cells.map((c) => cellText(c).trim()),
  }));
  const detected = input.headerRow === undefined ? detectHeader(texts) : null;
  const headerRow =
    input.headerRow ?? detected?.headerRow ?? texts.find((r) => r.texts.some(Boolean))?.rowNumber ?? 1;
  const header = texts.find((r) => r.rowNumber === headerRow)?.texts ?? [];
  const below = texts.filter((r) => r.rowNumber > headerRow && r.texts.some(Boolean));
  const width = Math.max(header.length, ...below.slice(0, 50).map((r) => r.texts.length), 0);
  const columns = Array.from({ length: Math.min(width, 60) }, (_, index) => ({
    column: columnLetter(index),
    header: header[index] ?? '',
    samples: below
      .map((r) => r.texts[index] ?? '')
      .filter((v) => v && !/^\(\d{1,2}\)$/.test(v))
      .slice(0, SAMPLES)
      .map((v) => (v.length > 120 ? `${v.slice(0, 117)}…` : v)),
  }));
  const mapping = detected?.mapping ?? headerMapping(header);
  return {
    format: grid.format,
    sheet: grid.sheetName,
    headerRow,
    detected: detected !== null,
    columns,
    mapping: REGISTER_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => ({
      field: f,
      column: columnLetter(mapping[f]!),
    })),
  };
}

/** What an import would do, row by row, without writing anything. */
export async function previewImport(db: Db, input: ImportInput): Promise<ImportPreview> {
  return (await prepare(db, input)).preview;
}

export interface ImportResult {
  programCode: string;
  imported: number;
  groupsCreated: number[];
  warnings: number;
}

const ISSUES_IN_MESSAGE = 20;

/**
 * Imports every row or none: any row with an error refuses the whole file, naming each row and column.
 * One transaction, one audit event for the file (its hash, the codes created).
 */
export async function commitImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const { program, parsed, preview, ctx } = await prepare(db, input);
  const rowIssues: Issue[] = parsed.rows.flatMap((r) =>
    r.errors.map((e) => ({
      field: `row ${r.row}${e.column ? `, ${HEADERS_VI[e.column]}` : ''}`,
      problem: e.message,
    })),
  );
  if (parsed.rows.length === 0)
    throw invalid([{ field: 'file', problem: 'has no task rows under the header' }]);
  if (rowIssues.length) {
    const shown = rowIssues.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.field}: ${i.problem}`);
    if (rowIssues.length > ISSUES_IN_MESSAGE) shown.push(`and ${rowIssues.length - ISSUES_IN_MESSAGE} more`);
    throw new AppError(
      400,
      'validation_failed',
      `Nothing imported: ${preview.summary.withErrors} of ${preview.summary.rows} rows have errors. ${shown.join('; ')}`,
      rowIssues,
    );
  }
  const fileHash = crypto.createHash('sha256').update(input.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const repo = registerIoRepository(tx);
    // Codes may have been taken since the preview: the unique key refuses them, but say it clearly.
    const taken = await repo.taskCodes(program.id);
    const clash = parsed.rows.filter((r) => taken.has(r.code));
    if (clash.length) {
      throw invalid(
        clash.map((r) => ({
          field: `row ${r.row}, STT`,
          problem: `No. ${r.code} already exists in the program`,
        })),
      );
    }
    const groupIds = await repo.groupIdsByNo(program.id);
    const groupsCreated: number[] = [];
    for (const no of preview.summary.groupsToCreate) {
      const title =
        parsed.groupTitles.get(no) ?? parsed.rows.find((r) => r.groupNo === no && r.groupTitle)?.groupTitle;
      groupIds.set(no, await repo.insertGroup(program.id, no, title ?? `Nhóm ${no}`));
      groupsCreated.push(no);
    }
    const orgCodes = [
      ...new Set(
        parsed.rows.flatMap((r) => r.agencies.map((a) => a.orgCode)).filter((c): c is string => !!c),
      ),
    ];
    const orgIds = await repo.orgIdsByCode(orgCodes);
    const sourceDocument = `Nhập từ tệp ${input.fileName ?? preview.format}`;
    const tasks = parsed.rows.map((r) => {
      // Search text also carries today's names of the agencies, as the program loader's does.
      const mappedNames = r.agencies.map((a) => (a.orgCode ? ctx.orgNames.get(a.orgCode) : undefined));
      return {
        ...r,
        groupId: groupIds.get(r.groupNo)!,
        sourceDocument: `${sourceDocument}, dòng ${r.row}`,
        sourceHash: hashOf([
          r.code,
          r.contentVi,
          r.leadAsWritten,
          r.partnersAsWritten,
          r.productAsWritten,
          r.deadlineAsWritten,
        ]),
        searchSource: [
          r.code,
          r.contentVi,
          r.leadAsWritten,
          r.partnersAsWritten,
          r.productAsWritten,
          ...mappedNames,
        ]
          .filter(Boolean)
          .join(' '),
      };
    });
    await repo.insertTasks(program.id, tasks, orgIds);
    const warnings = parsed.rows.reduce((n, r) => n + r.warnings.length, 0);
    await recordAudit(tx, actor, {
      action: 'register.import',
      entityType: 'program',
      entityId: program.code,
      after: {
        file: input.fileName ?? null,
        sha256: fileHash,
        format: preview.format,
        tasks: tasks.length,
        codes: tasks.map((t) => t.code),
        groupsCreated,
        warnings,
      },
    });
    return { programCode: program.code, imported: tasks.length, groupsCreated, warnings };
  });
}
