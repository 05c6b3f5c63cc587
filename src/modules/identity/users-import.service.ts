import { z } from 'zod';
import { foldKey } from '../../lib/text.ts';
import { AppError, type Issue, invalid } from '../../server/errors.ts';
import { can } from '../access/policies.ts';
import { ROLES, type Role, roleScopeProblem } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { IMPORT_MEDIA_TYPES, readTable, uploadName } from '../orgs/org-import-file.ts';
import { type IdentityContext, normalizeEmail } from './auth.service.ts';
import { usersRepository } from './users.repository.ts';
import { isUniqueViolation } from './users.service.ts';

export { IMPORT_MEDIA_TYPES };

const MAX_ROWS = 5000;

/** The file as it came: its bytes, its content-type, and the name it had when the client gave one. */
export interface PeopleFile {
  bytes: Buffer;
  contentType: string;
  fileName?: string;
}

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
 * The unit a code names. Excel shortens codes typed as numbers ("01" → 1, "00004" → 4): a number not
 * found as written is tried as a 2-digit province and a 5-digit commune code.
 */
function findUnit<U>(units: Map<string, U>, code: string): U | undefined {
  if (units.has(code) || !/^\d{1,4}$/.test(code)) return units.get(code);
  return units.get(code.padStart(2, '0')) ?? units.get(code.padStart(5, '0'));
}

const candidateCodes = (code: string) =>
  /^\d{1,4}$/.test(code) ? [code, code.padStart(2, '0'), code.padStart(5, '0')] : [code];

/**
 * Reads and checks every row; nothing is written. The file is read as every import reads one (CSV in
 * UTF-8 with any separator, or the first sheet of an .xlsx; no formulas, no merged cells), and cells are
 * text as written: "01" stays "01".
 */
async function checkFile(ctx: IdentityContext, granter: Subject, file: PeopleFile) {
  const table = await readTable(file.bytes, uploadName(file.bytes, file.contentType, file.fileName));
  const header = table.headers;
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const known = COLUMNS[foldKey(h)];
    if (known && !columnOf.has(known)) columnOf.set(known, i);
  });
  const missing = (['name', 'email', 'unit'] as const).filter((c) => !columnOf.has(c));
  if (missing.length) {
    throw invalid(missing.map((c) => ({ field: `column ${c}`, problem: 'missing from the first row' })));
  }
  const dataRows = table.rows.map((r) => ({ cells: r.cells, row: r.rowNo }));
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
    (await repo.unitsByCode([...new Set(rows.flatMap((r) => candidateCodes(r.unitCode)))])).map((u) => [
      u.code,
      u,
    ]),
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
    const unit = findUnit(units, r.unitCode);
    if (unit) r.unitCode = unit.code;
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
  file: PeopleFile,
): Promise<Preview> {
  const { rows, issues } = await checkFile(ctx, granter, file);
  return { valid: issues.length === 0, rows: rows.map(({ orgUnitId: _, ...r }) => r), issues };
}

/** All or nothing: with any row problem nothing is written and every problem is named. */
export async function commitPeopleImport(
  ctx: IdentityContext,
  granter: Subject,
  file: PeopleFile,
  actor: Actor,
): Promise<number> {
  const { rows, issues } = await checkFile(ctx, granter, file);
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
