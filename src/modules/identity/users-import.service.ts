import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { cleanText, foldKey } from '../../lib/text.ts';
import { AppError, type Issue, invalid } from '../../server/errors.ts';
import { can } from '../access/policies.ts';
import { ROLES, type Role, roleScopeProblem } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type IdentityContext, normalizeEmail } from './auth.service.ts';
import { usersRepository } from './users.repository.ts';
import { isUniqueViolation } from './users.service.ts';

export const IMPORT_MEDIA_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const MAX_ROWS = 5000;

// Column headings in Vietnamese or English, compared without accents or case.
const COLUMNS: Record<string, 'name' | 'email' | 'title' | 'unit' | 'roles'> = {
  name: 'name',
  'ho ten': 'name',
  'ho va ten': 'name',
  email: 'email',
  'email cong vu': 'email',
  title: 'title',
  'chuc danh': 'title',
  'chuc vu': 'title',
  unit: 'unit',
  'unit code': 'unit',
  'ma don vi': 'unit',
  roles: 'roles',
  role: 'roles',
  'vai tro': 'roles',
};

export const importPreviewSchema = z.object({
  valid: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      email: z.string(),
      title: z.string().nullable(),
      unitCode: z.string(),
      roles: z.array(z.string()),
      problems: z.array(z.string()),
    }),
  ),
  issues: z.array(z.object({ field: z.string(), problem: z.string() })),
});
type Preview = z.infer<typeof importPreviewSchema>;
type PreviewRow = Preview['rows'][number] & { orgUnitId?: number };

/**
 * The CSV's text, refused unless it is UTF-8: a file saved as Windows-1258, TCVN3 or UTF-16 would
 * otherwise be imported with its Vietnamese names turned into replacement characters.
 */
function utf8Text(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw invalid([{ field: 'file', problem: 'is not UTF-8 text; save it as "CSV UTF-8"' }]);
  }
}

async function readSheet(file: Buffer, contentType: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (contentType.startsWith('text/csv')) {
      // A BOM from Excel's "CSV UTF-8" must not end up in the first heading.
      const text = utf8Text(file).replace(/^\uFEFF/, '');
      await workbook.csv.read(Readable.from([text]));
    } else {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid([{ field: 'file', problem: 'cannot be read as CSV or .xlsx' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid([{ field: 'file', problem: 'has no sheet' }]);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cleanText(cell.text ?? '');
    });
    table[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

/** Reads and checks every row; nothing is written. */
async function checkFile(ctx: IdentityContext, granter: Subject, file: Buffer, contentType: string) {
  const table = await readSheet(file, contentType);
  const [header = [], ...body] = table;
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const known = COLUMNS[foldKey(h)];
    if (known && !columnOf.has(known)) columnOf.set(known, i);
  });
  const missing = (['name', 'email', 'unit'] as const).filter((c) => !columnOf.has(c));
  if (missing.length) {
    throw invalid(missing.map((c) => ({ field: `column ${c}`, problem: 'missing from the first row' })));
  }
  const dataRows = body
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (dataRows.length > MAX_ROWS)
    throw invalid([{ field: 'file', problem: `has more than ${MAX_ROWS} rows` }]);

  const cell = (cells: string[], c: string) => cells[columnOf.get(c) ?? -1] ?? '';
  const rows: PreviewRow[] = dataRows.map(({ cells, row }) => ({
    row,
    name: cell(cells, 'name'),
    email: normalizeEmail(cell(cells, 'email')),
    title: cell(cells, 'title') || null,
    unitCode: cell(cells, 'unit'),
    roles: cell(cells, 'roles')
      .split(/[;,]/)
      .map((r) => r.trim())
      .filter(Boolean),
    problems: [],
  }));

  const repo = usersRepository(ctx.db);
  const units = new Map(
    (await repo.unitsByCode([...new Set(rows.map((r) => r.unitCode))])).map((u) => [u.code, u]),
  );
  const taken = await repo.emailsTaken([...new Set(rows.map((r) => r.email))]);
  const firstRowOf = new Map<string, number>();
  const issues: Issue[] = [];
  for (const r of rows) {
    const problem = (column: string, text: string) => {
      r.problems.push(`${column}: ${text}`);
      issues.push({ field: `row ${r.row}, ${column}`, problem: text });
    };
    if (!r.name) problem('name', 'is empty');
    if (!z.email().safeParse(r.email).success) problem('email', 'is not an email address');
    else if (taken.has(r.email)) problem('email', 'already belongs to another person');
    else if (firstRowOf.has(r.email)) problem('email', `duplicate of row ${firstRowOf.get(r.email)}`);
    else firstRowOf.set(r.email, r.row);
    const unit = units.get(r.unitCode);
    if (!unit) {
      problem('unit', r.unitCode ? `unknown organisation code "${r.unitCode}"` : 'is empty');
    } else {
      r.orgUnitId = unit.id;
      if (!can(granter, 'users.manage', { orgUnitId: unit.id }))
        problem('unit', 'you do not administer this organisation');
    }
    for (const role of r.roles) {
      if (!(ROLES as readonly string[]).includes(role)) {
        problem('roles', `unknown role "${role}" (one of ${ROLES.join(', ')})`);
      } else if (unit) {
        const scope = roleScopeProblem(role as Role, unit.kind);
        if (scope) problem('roles', scope);
      }
    }
  }
  return { rows, issues };
}

export async function previewPeopleImport(
  ctx: IdentityContext,
  granter: Subject,
  file: Buffer,
  contentType: string,
): Promise<Preview> {
  const { rows, issues } = await checkFile(ctx, granter, file, contentType);
  return { valid: issues.length === 0, rows: rows.map(({ orgUnitId: _, ...r }) => r), issues };
}

/** All or nothing: with any row problem nothing is written and every problem is named. */
export async function commitPeopleImport(
  ctx: IdentityContext,
  granter: Subject,
  file: Buffer,
  contentType: string,
  actor: Actor,
): Promise<number> {
  const { rows, issues } = await checkFile(ctx, granter, file, contentType);
  if (issues.length) throw invalid(issues);
  if (rows.length === 0) throw invalid([{ field: 'file', problem: 'has no people' }]);
  try {
    await ctx.db.transaction(async (tx) => {
      const repo = usersRepository(tx);
      for (const r of rows) {
        const person = { name: r.name, email: r.email, title: r.title, orgUnitId: r.orgUnitId! };
        const userId = await repo.insert({ ...person, passwordHash: null });
        await recordAudit(tx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: userId,
          after: { ...person, via: 'import', row: r.row },
        });
        for (const role of r.roles as Role[]) {
          const grant = { role, orgUnitId: r.orgUnitId!, includeSubUnits: false };
          const id = await repo.grant({ userId, ...grant, grantedBy: actor.userId });
          await recordAudit(tx, actor, {
            action: 'role.grant',
            entityType: 'user',
            entityId: userId,
            after: { assignmentId: id, ...grant },
          });
        }
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        409,
        'conflict',
        'email: someone added one of these people meanwhile; preview again',
      );
    }
    throw error;
  }
  return rows.length;
}
