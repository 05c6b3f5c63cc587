import type { Db, Tx } from '../../db/database.ts';
import { foldKey } from '../../lib/text.ts';
import { conflict, forbidden, type Issue, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  COMMUNE_CODE,
  COMMUNE_KINDS,
  describeAllowedParents,
  kindAllowedUnder,
  UNIT_CODE,
} from './org-rules.ts';
import { orgUnitsRepository, type UnitRow } from './org-units.repository.ts';
import { orgsRepository } from './orgs.repository.ts';
import type { OrgKind } from './orgs.schema.ts';

/**
 * Which units the caller may change (`orgs.manage` at that unit): an administrator of a province manages
 * the province and what is under it, not a ministry. The console operator (CLI) manages everything.
 */
export type ManageScope = (orgUnitId: number) => boolean;
export const manageAnything: ManageScope = () => true;

/** 403 naming the first unit, of those a change touches, that the caller does not administer. */
export function requireManages(may: ManageScope, units: { id: number; code: string; field: string }[]) {
  const outside = units.find((u) => !may(u.id));
  if (outside) throw forbidden(`${outside.field}: you do not administer ${outside.code}`);
}

/** Kinds created one by one or by import; central bodies and provinces come from the program data. */
export const CREATABLE_KINDS = ['department', 'commune', 'ward', 'special_zone', 'other'] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export interface NewUnit {
  code: string;
  kind: CreatableKind;
  nameVi: string;
  nameEn?: string | null;
  parentCode: string;
  validFrom?: string | null;
  source?: string | null;
}

export interface UnitChange {
  nameVi?: string;
  nameEn?: string | null;
  parentCode?: string;
  /** Required to rename: the day the new name takes effect. */
  effectiveDate?: string;
  legalBasis?: string | null;
  note?: string | null;
}

export function unitSnapshot(
  u: Pick<UnitRow, 'code' | 'kind' | 'nameVi' | 'nameEn' | 'parentCode' | 'validFrom' | 'validTo'>,
) {
  return {
    code: u.code,
    kind: u.kind,
    nameVi: u.nameVi,
    nameEn: u.nameEn,
    parentCode: u.parentCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
  };
}

export async function requireUnit(db: Db | Tx, code: string, field = 'code'): Promise<UnitRow> {
  const unit = await orgUnitsRepository(db).byCode(code);
  if (!unit)
    throw field === 'code'
      ? notFound(`Organisation ${code}`)
      : invalid([{ field, problem: `no unit ${code}` }]);
  return unit;
}

export function listUnits(
  db: Db,
  f: {
    rootPath?: string;
    kinds?: OrgKind[];
    q?: string;
    status: 'current' | 'closed' | 'all';
    maxLevel?: number;
    page: number;
    pageSize: number;
  },
) {
  return orgUnitsRepository(db).list({ ...f, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
}

/** Problems with placing a unit of `kind` under `parent`, as "field: problem" issues. */
export function placementIssues(
  kind: OrgKind,
  parent: UnitRow | undefined,
  parentCode: string,
  field: string,
): Issue[] {
  if (!parent) return [{ field, problem: `no unit ${parentCode}` }];
  if (parent.validTo) return [{ field, problem: `${parentCode} was closed on ${parent.validTo}` }];
  if (!kindAllowedUnder(kind, parent.kind))
    return [{ field, problem: `${describeAllowedParents(kind)}; ${parentCode} is a ${parent.kind}` }];
  return [];
}

export function codeIssues(kind: OrgKind, code: string, field = 'code'): Issue[] {
  if (COMMUNE_KINDS.includes(kind) && !COMMUNE_CODE.test(code))
    return [{ field, problem: 'must be 5 digits (QĐ 19/2025/QĐ-TTg)' }];
  if (!UNIT_CODE.test(code)) return [{ field, problem: 'must be letters, digits or _ (at most 40)' }];
  return [];
}

/** Creates a department or commune under an open parent that may hold it. One transaction, audited. */
export async function createUnit(
  db: Db,
  actor: Actor,
  input: NewUnit,
  may: ManageScope = manageAnything,
): Promise<UnitRow> {
  return db.transaction(async (tx) => {
    const repo = orgUnitsRepository(tx);
    const parent = await repo.byCode(input.parentCode);
    const issues = [
      ...codeIssues(input.kind, input.code),
      ...placementIssues(input.kind, parent, input.parentCode, 'parentCode'),
    ];
    if (issues.length) throw invalid(issues);
    requireManages(may, [{ id: parent!.id, code: parent!.code, field: 'parentCode' }]);
    const [taken] = await repo.existingCodes([input.code]);
    if (taken) throw conflict(`code: ${input.code} already exists (${taken.nameVi})`);
    await repo.insert({
      code: input.code,
      kind: input.kind,
      nameVi: input.nameVi,
      nameEn: input.nameEn ?? null,
      parentId: parent!.id,
      validFrom: input.validFrom ?? null,
      source: input.source ?? null,
    });
    const created = (await repo.byCode(input.code))!;
    await recordAudit(tx, actor, {
      action: 'org.create',
      entityType: 'org_unit',
      entityId: created.code,
      after: unitSnapshot(created),
    });
    return created;
  });
}

/**
 * Renames (with the date it takes effect and its legal basis, kept as a lineage event and a former
 * name) and/or moves a unit under another parent. A move under the unit's own subtree is refused.
 */
export async function updateUnit(
  db: Db,
  actor: Actor,
  code: string,
  change: UnitChange,
  may: ManageScope = manageAnything,
): Promise<UnitRow> {
  return db.transaction(async (tx) => {
    const repo = orgUnitsRepository(tx);
    const unit = await requireUnit(tx, code);
    if (unit.validTo)
      throw conflict(`${code}: closed on ${unit.validTo}; a closed unit keeps the name it had`);
    const renames = change.nameVi !== undefined && change.nameVi !== unit.nameVi;
    const renamesEn = change.nameEn !== undefined && change.nameEn !== unit.nameEn;
    const moves = change.parentCode !== undefined && change.parentCode !== unit.parentCode;
    const issues: Issue[] = [];
    if (!renames && !renamesEn && !moves) issues.push({ field: 'body', problem: 'nothing to change' });
    if (renames && !change.effectiveDate)
      issues.push({
        field: 'effectiveDate',
        problem: 'required to rename: the day the new name takes effect',
      });
    if (renames && change.effectiveDate && unit.validFrom && change.effectiveDate <= unit.validFrom)
      issues.push({ field: 'effectiveDate', problem: `must be after ${unit.validFrom}, when ${code} began` });
    let parent: UnitRow | undefined;
    if (moves) {
      parent = await repo.byCode(change.parentCode!);
      if (parent && parent.id === unit.id)
        issues.push({ field: 'parentCode', problem: 'a unit cannot be its own parent' });
      else if (parent && (parent.path === unit.path || parent.path.startsWith(`${unit.path}.`)))
        issues.push({
          field: 'parentCode',
          problem: `${parent.code} is a sub-unit of ${code}; moving ${code} under it would make a cycle`,
        });
      else issues.push(...placementIssues(unit.kind, parent, change.parentCode!, 'parentCode'));
    }
    if (issues.length) throw invalid(issues);
    requireManages(may, [
      { id: unit.id, code, field: 'code' },
      ...(moves ? [{ id: parent!.id, code: parent!.code, field: 'parentCode' }] : []),
    ]);

    await repo.update(unit.id, {
      ...(renames ? { nameVi: change.nameVi } : {}),
      ...(renamesEn ? { nameEn: change.nameEn ?? null } : {}),
      ...(moves ? { parentId: parent!.id } : {}),
    });
    if (renames) {
      const eventId = await repo.insertEvent({
        kind: 'rename',
        effectiveDate: change.effectiveDate!,
        legalBasis: change.legalBasis ?? null,
        note: change.note ?? null,
        details: { before: { nameVi: unit.nameVi, nameEn: unit.nameEn }, after: { nameVi: change.nameVi } },
      });
      await repo.linkEvent(eventId, [unit.id], [unit.id]);
      await repo.addFormerName(
        unit.id,
        unit.nameVi,
        foldKey(unit.nameVi),
        `Tên đến ngày ${change.effectiveDate}${change.legalBasis ? ` (${change.legalBasis})` : ''}`,
      );
    }
    const updated = (await repo.byCode(code))!;
    await recordAudit(tx, actor, {
      action: renames ? 'org.rename' : moves ? 'org.move' : 'org.update',
      entityType: 'org_unit',
      entityId: code,
      before: unitSnapshot(unit),
      after: {
        ...unitSnapshot(updated),
        ...(renames ? { effectiveDate: change.effectiveDate, legalBasis: change.legalBasis ?? null } : {}),
      },
    });
    return updated;
  });
}

/**
 * A unit with its place in the tree, former names, and lineage: the units whose history it carries
 * (predecessors, at any distance), the units that carry its history on (successors), and the events.
 */
export async function getUnit(db: Db, code: string) {
  const repo = orgUnitsRepository(db);
  const unit = await requireUnit(db, code);
  const [lineage, successors, aliases] = await Promise.all([
    repo.lineage(unit.id),
    repo.successors(unit.id),
    orgsRepository(db).aliases(unit.id),
  ]);
  const depthOf = new Map([...lineage, ...successors].map((l) => [l.orgUnitId, l.depth]));
  const predecessorIds = lineage.filter((l) => l.depth > 0).map((l) => l.orgUnitId);
  const successorIds = successors.map((s) => s.orgUnitId);
  const [predecessors, successorUnits, events, parent] = await Promise.all([
    repo.byIds(predecessorIds),
    repo.byIds(successorIds),
    repo.eventsOf([unit.id, ...predecessorIds, ...successorIds]),
    unit.parentCode ? repo.byCode(unit.parentCode) : Promise.resolve(undefined),
  ]);
  const withDepth = (u: UnitRow) => ({ ...u, depth: depthOf.get(u.id) ?? 0 });
  return {
    unit,
    parent: parent ?? null,
    aliases,
    predecessors: predecessors
      .map(withDepth)
      .sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code)),
    successors: successorUnits
      .map(withDepth)
      .sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code)),
    events,
  };
}

/**
 * The ids under which a unit's history is recorded: the unit, every predecessor (so what a closed
 * unit reported is found under the unit that replaced it), and optionally all their sub-units.
 * Other modules filter their rows with `org_unit_id IN (...)` on this.
 */
export async function unitHistoryScope(
  db: Db,
  code: string,
  options: { subunits?: boolean; predecessors?: boolean } = {},
): Promise<{ unit: UnitRow; orgUnitIds: number[] }> {
  const unit = await requireUnit(db, code);
  const orgUnitIds = await orgUnitsRepository(db).scopeIds(unit.id, {
    subunits: options.subunits ?? false,
    predecessors: options.predecessors ?? true,
  });
  return { unit, orgUnitIds };
}
