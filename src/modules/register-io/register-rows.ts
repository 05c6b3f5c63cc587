import { cleanText, foldKey } from '../../lib/text.ts';
import { addDays, toVietnameseDate } from '../calendar/iso-date.ts';
import { type AgencyDirectory, resolveAgency, splitAgencyCell } from '../orgs/agency-names.ts';
import type { PlannedAgency } from '../program/program-plan.ts';
import { parseDeadline } from '../tasks/deadline-rules.ts';
import { classifyProduct } from '../tasks/product-types.ts';
import type { ProductType, Recurrence } from '../tasks/tasks.schema.ts';
import {
  type ColumnMapping,
  columnLetter,
  detectHeader,
  HEADERS_EN,
  HEADERS_VI,
  headerMapping,
  REGISTER_FIELDS,
  REQUIRED_FIELDS,
  type RegisterField,
} from './register-columns.ts';
import { cellText, fileRejected, type RawCell, type SheetGrid } from './register-file.ts';

/**
 * Turns the rows of an uploaded register into tasks to create, each with its errors (the row cannot be
 * imported) and warnings (it can, and the coordinator should know). Pure: the database facts it needs
 * (known agencies, codes already used, the assignment date) come in as arguments.
 */
export interface RowIssue {
  column: RegisterField | null;
  code: string;
  message: string;
  suggestion?: string;
  /** The values the message names, so a client can say it in its own language. */
  params?: Record<string, string | number>;
}

export interface ImportRow {
  row: number;
  code: string;
  sourceRow: number | null;
  groupNo: number;
  groupTitle: string | null;
  contentVi: string;
  leadAsWritten: string | null;
  partnersAsWritten: string | null;
  productAsWritten: string | null;
  productType: ProductType | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
  deadlineRule: string | null;
  agencies: PlannedAgency[];
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ImportContext {
  directory: AgencyDirectory;
  /** Org code → today's name, to say what a former name maps to. */
  orgNames: Map<string, string>;
  /** Codes the target program already holds. */
  existingCodes: Set<string>;
  /** Deadlines before this date are refused (the date the tasks are assigned). */
  assignedOn: string | null;
  defaultGroupNo: number;
}

export interface ParsedRegister {
  headerRow: number;
  mapping: { field: RegisterField; column: string; header: string }[];
  rows: ImportRow[];
  /** Group headings found as rows ("I | Nhóm nhiệm vụ …"): number → title. */
  groupTitles: Map<number, string>;
}

const ROMAN: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};
// Excel's day 0 is 30/12/1899 (its 1900 leap-year bug makes serials from 1/3/1900 on count from there).
const EXCEL_EPOCH = '1899-12-30';
const SERIAL_RANGE = [20_000, 80_000] as const; // 1954 to 2119: anything else is not a date serial

/**
 * `headerRowOverride` names the header row (1-based) when the person says where it is (the import
 * wizard's mapping step); otherwise it is found by its names. A mapping given with an unrecognised header
 * and no header row reads every row as data.
 */
export function parseRegister(
  grid: SheetGrid,
  override: ColumnMapping | undefined,
  ctx: ImportContext,
  headerRowOverride?: number,
): ParsedRegister {
  const texts = grid.rows.map((r) => ({
    rowNumber: r.rowNumber,
    texts: r.cells.map((c) => cellText(c).trim()),
  }));
  const detected =
    headerRowOverride === undefined
      ? detectHeader(texts)
      : {
          headerRow: headerRowOverride,
          mapping: headerMapping(texts.find((r) => r.rowNumber === headerRowOverride)?.texts ?? []),
        };
  const mapping: ColumnMapping = { ...(detected?.mapping ?? {}), ...(override ?? {}) };
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (missing.length) {
    const seen = texts.find((r) => r.texts.some(Boolean))?.texts.filter(Boolean) ?? [];
    throw fileRejected(
      `no ${missing.map((f) => `${HEADERS_VI[f]} (${HEADERS_EN[f]})`).join(' or ')} column found${
        seen.length
          ? `; the first row reads: ${seen
              .slice(0, 8)
              .map((t) => `"${t}"`)
              .join(', ')}`
          : ''
      }. Name the columns as in the appendix or give the mapping`,
      'no_columns',
      { missing: missing.join(',') },
    );
  }
  const headerRow = detected?.headerRow ?? 0;
  const headerTexts = texts.find((r) => r.rowNumber === headerRow)?.texts ?? [];

  const rows: ImportRow[] = [];
  const groupTitles = new Map<number, string>();
  const firstRowOfCode = new Map<string, number>();
  let currentGroup = ctx.defaultGroupNo;
  for (const gridRow of grid.rows) {
    if (gridRow.rowNumber <= headerRow) continue;
    const cell = (field: RegisterField): RawCell | undefined =>
      mapping[field] === undefined ? undefined : gridRow.cells[mapping[field]!];
    const text = (field: RegisterField) => cleanText(cellText(cell(field)));
    const values = REGISTER_FIELDS.map((f) => text(f));
    if (values.every((v) => !v)) continue;
    // A row of column numbers under the header: "(1) (2) (3) …".
    if (values.every((v) => !v || /^\(\d{1,2}\)$/.test(v))) continue;

    const code = text('no');
    const roman = ROMAN[code.replace(/\.$/, '').toUpperCase()];
    if (roman && !text('lead') && !text('deadline')) {
      currentGroup = roman;
      if (text('task')) groupTitles.set(roman, text('task'));
      continue;
    }
    rows.push(parseRow(gridRow.rowNumber, code, text, cell, currentGroup, firstRowOfCode, ctx));
  }
  return {
    headerRow,
    mapping: REGISTER_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => ({
      field: f,
      column: columnLetter(mapping[f]!),
      header: headerTexts[mapping[f]!] ?? '',
    })),
    rows,
    groupTitles,
  };
}

function parseRow(
  rowNumber: number,
  code: string,
  text: (f: RegisterField) => string,
  cell: (f: RegisterField) => RawCell | undefined,
  currentGroup: number,
  firstRowOfCode: Map<string, number>,
  ctx: ImportContext,
): ImportRow {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const content = text('task');
  if (!content) errors.push({ column: 'task', code: 'task_empty', message: 'the task text is empty' });
  if (!code) errors.push({ column: 'no', code: 'no_empty', message: 'No. (STT) is empty' });
  else if (code.length > 40)
    errors.push({ column: 'no', code: 'no_too_long', message: 'No. is over 40 characters' });
  else if (firstRowOfCode.has(code)) {
    errors.push({
      column: 'no',
      code: 'no_duplicate',
      message: `No. ${code} is also used on row ${firstRowOfCode.get(code)}`,
      params: { no: code, row: firstRowOfCode.get(code)! },
    });
  } else {
    firstRowOfCode.set(code, rowNumber);
    if (ctx.existingCodes.has(code)) {
      errors.push({
        column: 'no',
        code: 'no_exists',
        message: `No. ${code} already exists in the program`,
        params: { no: code },
      });
    }
  }

  let groupNo = currentGroup;
  const groupText = text('group');
  if (groupText) {
    const match = /^(\d{1,3})\b/.exec(groupText) ?? /^([IVX]+)\b/i.exec(groupText);
    const n = match ? (/^\d/.test(match[1]!) ? Number(match[1]) : ROMAN[match[1]!.toUpperCase()]) : undefined;
    if (n && n > 0) groupNo = n;
    else
      errors.push({
        column: 'group',
        code: 'group_invalid',
        message: `"${groupText}" is not a group number`,
        params: { value: groupText },
      });
  }
  const groupTitle = groupText.replace(/^(\d{1,3}|[IVX]+)[.:)\s-]*/i, '').trim() || null;

  const deadline = readDeadline(cell('deadline'), warnings);
  const parsed = parseDeadline(deadline);
  let dueDate: string | null = null;
  let recurrence: Recurrence | null = null;
  let deadlineRule: string | null = null;
  if (parsed.kind === 'date') {
    dueDate = parsed.dueDate;
    deadlineRule = parsed.rule;
    if (ctx.assignedOn && dueDate < ctx.assignedOn) {
      errors.push({
        column: 'deadline',
        code: 'deadline_before_assignment',
        message: `the deadline ${toVietnameseDate(dueDate)} is before the assignment date ${toVietnameseDate(ctx.assignedOn)}`,
        params: { deadline: toVietnameseDate(dueDate), assignedOn: toVietnameseDate(ctx.assignedOn) },
      });
    }
  } else if (parsed.kind === 'recurring') {
    recurrence = parsed.recurrence;
    dueDate = parsed.firstDueDate;
    deadlineRule = parsed.rule;
  } else if (parsed.reason === 'empty') {
    warnings.push({
      column: 'deadline',
      code: 'deadline_empty',
      message: 'no deadline: the task gets no due date',
    });
  } else {
    warnings.push({
      column: 'deadline',
      code: 'deadline_no_rule',
      message: `no deadline rule covers "${deadline}": kept as written, no due date (see docs/deadline-rules.md)`,
      params: { value: deadline ?? '' },
    });
  }

  const lead = text('lead');
  const partners = text('partners');
  const product = text('product');
  if (!lead)
    warnings.push({
      column: 'lead',
      code: 'lead_empty',
      message: 'no lead agency: the task is not assignable yet',
    });
  if (!product) warnings.push({ column: 'product', code: 'product_empty', message: 'no expected product' });
  const agencies = [
    ...readAgencies(lead, 'lead', ctx, warnings),
    ...readAgencies(partners, 'partner', ctx, warnings),
  ];
  checkLeadIsPartner(agencies, errors, warnings);

  return {
    row: rowNumber,
    code,
    sourceRow: /^\d{1,9}$/.test(code) ? Number(code) : null,
    groupNo,
    groupTitle,
    contentVi: content,
    leadAsWritten: lead || null,
    partnersAsWritten: partners || null,
    productAsWritten: product || null,
    productType: classifyProduct(product || undefined),
    deadlineAsWritten: deadline,
    dueDate,
    recurrence,
    deadlineRule,
    agencies,
    errors,
    warnings,
  };
}

/** A deadline cell as text: dates and date serials become dd/mm/yyyy, a bare year stays a year. */
function readDeadline(cell: RawCell | undefined, warnings: RowIssue[]): string | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind === 'date') return toVietnameseDate(cell.iso);
  const raw =
    cell.kind === 'number' ? cell.value : /^\d{5}(\.\d+)?$/.test(cell.text.trim()) ? Number(cell.text) : null;
  if (raw !== null && Number.isInteger(raw) && raw >= 1900 && raw <= 2100) return String(raw);
  if (raw !== null && raw >= SERIAL_RANGE[0] && raw <= SERIAL_RANGE[1]) {
    const iso = addDays(EXCEL_EPOCH, Math.floor(raw));
    warnings.push({
      column: 'deadline',
      code: 'deadline_serial_converted',
      message: `the date serial number ${raw} was read as ${toVietnameseDate(iso)}; format the cell as a date or text`,
      params: { serial: raw, date: toVietnameseDate(iso) },
    });
    return toVietnameseDate(iso);
  }
  return cleanText(cellText(cell)) || null;
}

// Registers repeat the same agency cells on many rows; resolving a name (and finding the closest known
// one for a suggestion) is the costly part of a preview, so each distinct cell is resolved once.
const resolvedCells = new WeakMap<
  ImportContext,
  Map<string, { agencies: PlannedAgency[]; warnings: RowIssue[] }>
>();

function readAgencies(
  cellValue: string,
  role: 'lead' | 'partner',
  ctx: ImportContext,
  warnings: RowIssue[],
): PlannedAgency[] {
  if (!cellValue) return [];
  let cache = resolvedCells.get(ctx);
  if (!cache) {
    cache = new Map();
    resolvedCells.set(ctx, cache);
  }
  const key = `${role}\u0000${cellValue}`;
  let resolved = cache.get(key);
  if (!resolved) {
    resolved = { agencies: [], warnings: [] };
    resolved.agencies = resolveCell(cellValue, role, ctx, resolved.warnings);
    cache.set(key, resolved);
  }
  warnings.push(...resolved.warnings.map((w) => ({ ...w })));
  return resolved.agencies.map((a) => ({ ...a }));
}

function resolveCell(
  cellValue: string,
  role: 'lead' | 'partner',
  ctx: ImportContext,
  warnings: RowIssue[],
): PlannedAgency[] {
  const planned: PlannedAgency[] = [];
  const seen = new Set<string>();
  for (const name of splitAgencyCell(cellValue, ctx.directory)) {
    const ref = resolveAgency(name, ctx.directory);
    const key =
      ref.kind === 'org' ? ref.orgCode : ref.kind === 'collective' ? ref.collective : `?${foldKey(name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (ref.kind === 'unmapped') {
      warnings.push({
        column: role === 'lead' ? 'lead' : 'partners',
        code: 'agency_unknown',
        message: ref.suggestion
          ? `unknown agency "${name}"; did you mean "${ref.suggestion}"? Kept as written`
          : `unknown agency "${name}"; kept as written`,
        ...(ref.suggestion ? { suggestion: ref.suggestion } : {}),
        params: { name, ...(ref.suggestion ? { suggestion: ref.suggestion } : {}) },
      });
    } else if (ref.kind === 'org' && ref.viaLegacyName) {
      const today = ctx.orgNames.get(ref.orgCode);
      warnings.push({
        column: role === 'lead' ? 'lead' : 'partners',
        code: 'agency_former_name',
        message: `"${name}" is a former name, mapped to ${today ?? ref.orgCode}`,
        suggestion: today ?? ref.orgCode,
        params: { name, today: today ?? ref.orgCode },
      });
    }
    planned.push({
      role,
      position: planned.length,
      orgCode: ref.kind === 'org' ? ref.orgCode : null,
      collective: ref.kind === 'collective' ? ref.collective : null,
      nameAsWritten: name,
    });
  }
  return planned;
}

/**
 * A body cannot lead a task and partner in it. When the overlap comes from a merger (a partner's former
 * ministry is now part of the lead) or from a collective ("các bộ, ngành" on both sides), the source is
 * still right as written: the row is imported with a warning.
 */
function checkLeadIsPartner(agencies: PlannedAgency[], errors: RowIssue[], warnings: RowIssue[]): void {
  const leads = agencies.filter((a) => a.role === 'lead');
  for (const partner of agencies.filter((a) => a.role === 'partner')) {
    const lead = leads.find(
      (l) =>
        (l.orgCode && l.orgCode === partner.orgCode) || (l.collective && l.collective === partner.collective),
    );
    if (!lead) continue;
    if (lead.collective || foldKey(lead.nameAsWritten) !== foldKey(partner.nameAsWritten)) {
      warnings.push({
        column: 'partners',
        code: 'lead_also_partner_by_merger',
        message: lead.collective
          ? `"${partner.nameAsWritten}" is both lead and partner`
          : `partner "${partner.nameAsWritten}" is now part of the lead "${lead.nameAsWritten}" (merged bodies)`,
        params: { partner: partner.nameAsWritten, lead: lead.nameAsWritten },
      });
    } else {
      errors.push({
        column: 'partners',
        code: 'lead_is_partner',
        message: `"${partner.nameAsWritten}" is the lead agency and cannot also be a partner`,
        params: { name: partner.nameAsWritten },
      });
    }
  }
}
