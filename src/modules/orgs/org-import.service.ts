import type { Db } from '../../db/database.ts';
import { invalid } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAuditBatch } from '../audit/audit.service.ts';
import { type ColumnSpec, mapColumns, type Table } from './org-import-file.ts';
import {
  COMMUNE_CODE,
  communeKindFromName,
  communeKindOf,
  describeAllowedParents,
  kindAllowedUnder,
  PROVINCE_CODE,
  padDigits,
  UNIT_CODE,
} from './org-rules.ts';
import { orgUnitsRepository, type UnitRow } from './org-units.repository.ts';
import { type ManageScope, manageAnything } from './org-units.service.ts';
import type { OrgKind } from './orgs.schema.ts';

/**
 * Import of communes (xã, phường, đặc khu) or departments from a table: a preview that checks every
 * row and names each problem by row and column, and a commit that writes all rows or none.
 */
export const IMPORT_TYPES = ['communes', 'departments'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

type Field = 'code' | 'name' | 'kind' | 'parentCode' | 'nameEn';

const COLUMNS: Record<ImportType, ColumnSpec<Field>[]> = {
  communes: [
    {
      field: 'code',
      required: true,
      headers: ['code', 'mã', 'mã xã', 'mã đơn vị', 'mã ĐVHC', 'ward code', 'commune code'],
    },
    {
      field: 'name',
      required: true,
      headers: ['name', 'tên', 'tên xã', 'tên đơn vị', 'tên ĐVHC', 'name_vi'],
    },
    { field: 'kind', required: false, headers: ['kind', 'type', 'loại', 'cấp', 'loại đơn vị'] },
    {
      field: 'parentCode',
      required: true,
      headers: [
        'province code',
        'province_code',
        'province',
        'mã tỉnh',
        'mã tỉnh/thành phố',
        'mã tỉnh thành',
      ],
    },
    { field: 'nameEn', required: false, headers: ['name_en', 'english name', 'tên tiếng Anh'] },
  ],
  departments: [
    { field: 'code', required: true, headers: ['code', 'mã', 'mã đơn vị'] },
    { field: 'name', required: true, headers: ['name', 'tên', 'tên đơn vị', 'name_vi'] },
    {
      field: 'parentCode',
      required: true,
      headers: [
        'parent code',
        'parent_code',
        'parent',
        'mã cơ quan chủ quản',
        'mã đơn vị cấp trên',
        'cơ quan chủ quản',
      ],
    },
    { field: 'nameEn', required: false, headers: ['name_en', 'english name', 'tên tiếng Anh'] },
  ],
};

export interface ImportUnit {
  row: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: OrgKind;
  parentCode: string;
}
export interface RowError {
  row: number;
  column: string;
  problem: string;
}
export interface ImportPreview {
  type: ImportType;
  total: number;
  valid: number;
  errors: RowError[];
  unknownColumns: string[];
  units: ImportUnit[];
  byParent: { code: string; count: number }[];
}

const KIND_WORD: Partial<Record<OrgKind, string>> = {
  commune: 'xã',
  ward: 'phường',
  special_zone: 'đặc khu',
};

async function chunked<T>(
  items: string[],
  size: number,
  fetch: (part: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fetch(items.slice(i, i + size))));
  return out;
}

/** Every row checked against the rules, the file itself and the database; nothing is written. */
export async function previewImport(
  db: Db,
  type: ImportType,
  table: Table,
  may: ManageScope = manageAnything,
): Promise<ImportPreview> {
  const { columns, unknown } = mapColumns(table.headers, COLUMNS[type]);
  const at = (cells: string[], f: Field) => (columns[f] === undefined ? '' : (cells[columns[f]!] ?? ''));
  const errors: RowError[] = [];
  const fail = (row: number, column: string, problem: string) => errors.push({ row, column, problem });
  const candidates: (ImportUnit & { ok: boolean })[] = [];

  for (const { rowNo, cells } of table.rows) {
    const before = errors.length;
    const rawCode = at(cells, 'code');
    const code = type === 'communes' ? padDigits(rawCode, 5) : rawCode;
    const nameVi = at(cells, 'name');
    const parentCode = type === 'communes' ? padDigits(at(cells, 'parentCode'), 2) : at(cells, 'parentCode');
    if (!code) fail(rowNo, 'code', 'is empty');
    else if (type === 'communes' && !COMMUNE_CODE.test(code))
      fail(rowNo, 'code', `must be 5 digits (QĐ 19/2025/QĐ-TTg), got "${rawCode}"`);
    else if (type === 'departments' && !UNIT_CODE.test(code))
      fail(rowNo, 'code', `must be letters, digits or _ (at most 40), got "${rawCode}"`);
    if (!nameVi) fail(rowNo, 'name', 'is empty');
    if (!parentCode) fail(rowNo, 'parentCode', 'is empty');
    else if (type === 'communes' && !PROVINCE_CODE.test(parentCode))
      fail(rowNo, 'parentCode', `must be a 2-digit province code, got "${parentCode}"`);

    let kind: OrgKind | null = 'department';
    if (type === 'communes') {
      const written = at(cells, 'kind');
      const fromName = communeKindFromName(nameVi);
      kind = written ? communeKindOf(written) : fromName;
      if (written && !kind) fail(rowNo, 'kind', `must be xã, phường or đặc khu, got "${written}"`);
      else if (!written && !kind && nameVi)
        fail(rowNo, 'kind', 'is empty and the name does not start with Xã, Phường or Đặc khu');
      else if (kind && fromName && kind !== fromName)
        fail(rowNo, 'kind', `is ${KIND_WORD[kind]} but the name says ${KIND_WORD[fromName]}`);
    }
    candidates.push({
      row: rowNo,
      code,
      nameVi,
      nameEn: at(cells, 'nameEn') || null,
      kind: kind ?? 'commune',
      parentCode,
      ok: errors.length === before,
    });
  }

  const firstRow = new Map<string, number>();
  for (const c of candidates) {
    if (!c.code) continue;
    const first = firstRow.get(c.code);
    if (first === undefined) firstRow.set(c.code, c.row);
    else {
      fail(c.row, 'code', `${c.code} appears again in this file (first on row ${first})`);
      c.ok = false;
    }
  }

  const repo = orgUnitsRepository(db);
  const codes = [...firstRow.keys()];
  const taken = new Map(
    (await chunked(codes, 1000, (part) => repo.existingCodes(part))).map((t) => [t.code, t.nameVi]),
  );
  const parentCodes = [...new Set(candidates.map((c) => c.parentCode).filter(Boolean))];
  const parents = new Map(
    (await chunked(parentCodes, 1000, (part) => repo.byCodes(part))).map(
      (u) => [u.code, u] as [string, UnitRow],
    ),
  );
  for (const c of candidates) {
    const name = taken.get(c.code);
    if (name !== undefined) {
      fail(c.row, 'code', `${c.code} already exists (${name})`);
      c.ok = false;
    }
    if (!c.parentCode) continue;
    const parent = parents.get(c.parentCode);
    const what = type === 'communes' ? 'province' : 'parent unit';
    let problem: string | null = null;
    if (!parent) problem = `unknown ${what} ${c.parentCode}`;
    else if (parent.validTo) problem = `${what} ${c.parentCode} was closed on ${parent.validTo}`;
    else if (!kindAllowedUnder(c.kind, parent.kind))
      problem = `${describeAllowedParents(c.kind)}; ${c.parentCode} is a ${parent.kind}`;
    else if (!may(parent.id)) problem = `you do not administer ${c.parentCode}`;
    if (problem) {
      fail(c.row, 'parentCode', problem);
      c.ok = false;
    }
  }

  errors.sort((a, b) => a.row - b.row);
  const valid = candidates.filter((c) => c.ok);
  const byParent = new Map<string, number>();
  for (const c of valid) byParent.set(c.parentCode, (byParent.get(c.parentCode) ?? 0) + 1);
  return {
    type,
    total: candidates.length,
    valid: valid.length,
    errors,
    unknownColumns: unknown,
    units: candidates.map(({ ok: _, ...u }) => u),
    byParent: [...byParent]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * Writes every row of a file that previews clean, in one transaction, each unit audited; with any
 * row error nothing is written and the answer lists them all ("row 12, code: …").
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  type: ImportType,
  table: Table,
  fileName: string,
  may: ManageScope = manageAnything,
): Promise<{ type: ImportType; created: number; byParent: ImportPreview['byParent'] }> {
  return db.transaction(async (tx) => {
    // Checked again inside the transaction: the database may have changed since the preview.
    const preview = await previewImport(tx, type, table, may);
    if (preview.errors.length) {
      throw invalid(preview.errors.map((e) => ({ field: `row ${e.row}, ${e.column}`, problem: e.problem })));
    }
    const repo = orgUnitsRepository(tx);
    const parents = new Map(
      (await repo.byCodes(preview.byParent.map((p) => p.code))).map((u) => [u.code, u.id]),
    );
    const source = `import: ${fileName}`;
    await repo.insertMany(
      preview.units.map((u) => ({
        code: u.code,
        kind: u.kind,
        nameVi: u.nameVi,
        nameEn: u.nameEn,
        parentId: parents.get(u.parentCode)!,
        source,
      })),
    );
    await recordAuditBatch(tx, actor, [
      ...preview.units.map((u) => ({
        action: 'org.create',
        entityType: 'org_unit',
        entityId: u.code,
        after: {
          code: u.code,
          kind: u.kind,
          nameVi: u.nameVi,
          nameEn: u.nameEn,
          parentCode: u.parentCode,
          source,
        },
      })),
      {
        action: 'org.import',
        entityType: 'org_import',
        entityId: fileName,
        after: { type, created: preview.units.length, byParent: preview.byParent },
      },
    ]);
    return { type, created: preview.units.length, byParent: preview.byParent };
  });
}
