import type { Db } from '../../db/database.ts';
import { type Issue, invalid } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dayBefore, kindAllowedUnder } from './org-rules.ts';
import { orgUnitsRepository, type UnitRow } from './org-units.repository.ts';
import {
  codeIssues,
  type ManageScope,
  manageAnything,
  placementIssues,
  requireManages,
  unitSnapshot,
} from './org-units.service.ts';
import type { OrgKind } from './orgs.schema.ts';

/**
 * Merges and splits: the old units are closed (valid_to the day before the event), never deleted,
 * and linked to the units that carry their history on, so whatever they reported is found there.
 * Everything is checked before anything is written; one transaction; audited.
 */
export interface UnitTarget {
  code: string;
  /** Given: a new unit is created with this name. Omitted: `code` names an existing open unit. */
  nameVi?: string;
  nameEn?: string | null;
  kind?: OrgKind;
  parentCode?: string;
}

export interface MergeInput {
  sources: string[];
  into: UnitTarget;
  effectiveDate: string;
  legalBasis: string;
  note?: string | null;
}

export interface SplitInput {
  source: string;
  into: UnitTarget[];
  effectiveDate: string;
  legalBasis: string;
  note?: string | null;
  /** Where each open sub-unit of the source goes: sub-unit code → code of one of `into`. */
  childrenTo?: Record<string, string>;
}

interface ResolvedTarget {
  existing?: UnitRow;
  create?: { code: string; nameVi: string; nameEn: string | null; kind: OrgKind; parent: UnitRow };
  code: string;
  kind: OrgKind;
}

/** Problems with a unit that an event effective on `date` closes. */
function sourceIssues(unit: UnitRow | undefined, code: string, date: string, field: string): Issue[] {
  if (!unit) return [{ field, problem: `no unit ${code}` }];
  if (unit.validTo) return [{ field, problem: `${code} was already closed on ${unit.validTo}` }];
  if (unit.kind === 'government') return [{ field, problem: 'the Government cannot be merged or split' }];
  if (unit.validFrom && date <= unit.validFrom)
    return [
      { field: 'effectiveDate', problem: `${date} is not after ${unit.validFrom}, when ${code} began` },
    ];
  return [];
}

async function resolveTarget(
  tx: Db,
  target: UnitTarget,
  defaults: { kind: OrgKind; parentCode: string | null },
  date: string,
  field: string,
  issues: Issue[],
): Promise<ResolvedTarget | null> {
  const repo = orgUnitsRepository(tx);
  const existing = await repo.byCode(target.code);
  if (target.nameVi === undefined) {
    if (!existing) {
      issues.push({ field: `${field}.code`, problem: `no unit ${target.code}; give nameVi to create it` });
      return null;
    }
    if (existing.validTo) {
      issues.push({ field: `${field}.code`, problem: `${target.code} was closed on ${existing.validTo}` });
      return null;
    }
    if (existing.validFrom && existing.validFrom > date) {
      issues.push({
        field: 'effectiveDate',
        problem: `${date} is before ${target.code} began (${existing.validFrom})`,
      });
      return null;
    }
    return { existing, code: existing.code, kind: existing.kind };
  }
  if (existing) {
    issues.push({ field: `${field}.code`, problem: `${target.code} already exists (${existing.nameVi})` });
    return null;
  }
  const kind = target.kind ?? defaults.kind;
  const parentCode = target.parentCode ?? defaults.parentCode;
  const found = [...codeIssues(kind, target.code, `${field}.code`)];
  const parent = parentCode ? await repo.byCode(parentCode) : undefined;
  if (!parentCode) found.push({ field: `${field}.parentCode`, problem: 'required' });
  else found.push(...placementIssues(kind, parent, parentCode, `${field}.parentCode`));
  issues.push(...found);
  if (found.length) return null;
  return {
    code: target.code,
    kind,
    create: {
      code: target.code,
      nameVi: target.nameVi,
      nameEn: target.nameEn ?? null,
      kind,
      parent: parent!,
    },
  };
}

async function materialise(tx: Db, t: ResolvedTarget, date: string, source: string): Promise<number> {
  if (t.existing) return t.existing.id;
  const c = t.create!;
  return orgUnitsRepository(tx).insert({
    code: c.code,
    kind: c.kind,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    parentId: c.parent.id,
    validFrom: date,
    source,
  });
}

function duplicates(codes: string[]): string[] {
  return codes.filter((c, i) => codes.indexOf(c) !== i);
}

/** The units a merge or split changes, for the scope check: closed ones, existing targets, new units' parents. */
function touched(
  sources: { unit: UnitRow; field: string }[],
  targets: (ResolvedTarget | null)[],
  field: string,
) {
  return [
    ...sources.map((s) => ({ id: s.unit.id, code: s.unit.code, field: s.field })),
    ...targets.flatMap((t, i) => {
      const where = targets.length > 1 ? `${field}.${i}` : field;
      if (t?.existing) return [{ id: t.existing.id, code: t.existing.code, field: `${where}.code` }];
      if (t?.create)
        return [{ id: t.create.parent.id, code: t.create.parent.code, field: `${where}.parentCode` }];
      return [];
    }),
  ];
}

export async function mergeUnits(db: Db, actor: Actor, input: MergeInput, may: ManageScope = manageAnything) {
  return db.transaction(async (tx) => {
    const repo = orgUnitsRepository(tx);
    const issues: Issue[] = [];
    for (const d of new Set(duplicates(input.sources)))
      issues.push({ field: 'sources', problem: `${d} is listed twice` });
    if (input.sources.includes(input.into.code))
      issues.push({ field: 'into.code', problem: `${input.into.code} cannot be merged into itself` });
    const sources = await repo.byCodes(input.sources);
    const byCode = new Map(sources.map((s) => [s.code, s]));
    input.sources.forEach((code, i) => {
      issues.push(...sourceIssues(byCode.get(code), code, input.effectiveDate, `sources.${i}`));
    });
    if (issues.length) throw invalid(dedupe(issues));
    const first = byCode.get(input.sources[0]!)!;
    const target = await resolveTarget(
      tx,
      input.into,
      { kind: first.kind, parentCode: first.parentCode },
      input.effectiveDate,
      'into',
      issues,
    );
    const children = await repo.openChildrenOf(sources.map((s) => s.id));
    if (target) {
      for (const child of children) {
        if (!kindAllowedUnder(child.kind, target.kind))
          issues.push({
            field: 'into',
            problem: `sub-unit ${child.code} (${child.kind}) cannot move under ${target.code} (${target.kind})`,
          });
      }
    }
    if (issues.length) throw invalid(dedupe(issues));
    requireManages(
      may,
      touched(
        input.sources.map((code, i) => ({ unit: byCode.get(code)!, field: `sources.${i}` })),
        [target],
        'into',
      ),
    );

    const targetId = await materialise(tx, target!, input.effectiveDate, input.legalBasis);
    await repo.close(
      sources.map((s) => s.id),
      dayBefore(input.effectiveDate),
    );
    for (const child of children) await repo.update(child.id, { parentId: targetId });
    const eventId = await repo.insertEvent({
      kind: 'merge',
      effectiveDate: input.effectiveDate,
      legalBasis: input.legalBasis,
      note: input.note ?? null,
      details: { movedSubunits: children.map((c) => c.code) },
    });
    await repo.linkEvent(
      eventId,
      sources.map((s) => s.id),
      [targetId],
    );
    const after = (await repo.byIds([targetId]))[0]!;
    const event = {
      eventId,
      kind: 'merge',
      effectiveDate: input.effectiveDate,
      legalBasis: input.legalBasis,
    };
    for (const s of sources) {
      await recordAudit(tx, actor, {
        action: 'org.close',
        entityType: 'org_unit',
        entityId: s.code,
        before: unitSnapshot(s),
        after: {
          ...unitSnapshot(s),
          validTo: dayBefore(input.effectiveDate),
          successors: [after.code],
          event,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: 'org.merge',
      entityType: 'org_unit',
      entityId: after.code,
      before: target!.existing ? unitSnapshot(target!.existing) : null,
      after: {
        ...unitSnapshot(after),
        predecessors: input.sources,
        movedSubunits: children.map((c) => c.code),
        event,
      },
    });
    return { eventId, unit: after, closed: input.sources, movedSubunits: children.map((c) => c.code) };
  });
}

export async function splitUnits(db: Db, actor: Actor, input: SplitInput, may: ManageScope = manageAnything) {
  return db.transaction(async (tx) => {
    const repo = orgUnitsRepository(tx);
    const issues: Issue[] = [];
    const source = await repo.byCode(input.source);
    issues.push(...sourceIssues(source, input.source, input.effectiveDate, 'source'));
    const intoCodes = input.into.map((t) => t.code);
    if (intoCodes.length < 2) issues.push({ field: 'into', problem: 'a split needs at least two units' });
    for (const d of new Set(duplicates(intoCodes)))
      issues.push({ field: 'into', problem: `${d} is listed twice` });
    intoCodes.forEach((c, i) => {
      if (c === input.source)
        issues.push({ field: `into.${i}.code`, problem: `${c} cannot be split into itself` });
    });
    if (issues.length) throw invalid(dedupe(issues));
    const targets: ResolvedTarget[] = [];
    for (const [i, t] of input.into.entries()) {
      const r = await resolveTarget(
        tx,
        t,
        { kind: source!.kind, parentCode: source!.parentCode },
        input.effectiveDate,
        `into.${i}`,
        issues,
      );
      if (r) targets.push(r);
    }
    const children = await repo.openChildrenOf([source!.id]);
    const childrenTo = input.childrenTo ?? {};
    for (const child of children) {
      const to = childrenTo[child.code];
      const target = targets.find((t) => t.code === to);
      if (!to)
        issues.push({
          field: `childrenTo.${child.code}`,
          problem: `sub-unit ${child.code} of ${input.source} needs a new parent among ${intoCodes.join(', ')}`,
        });
      else if (!intoCodes.includes(to))
        issues.push({
          field: `childrenTo.${child.code}`,
          problem: `${to} is not one of ${intoCodes.join(', ')}`,
        });
      else if (target && !kindAllowedUnder(child.kind, target.kind))
        issues.push({
          field: `childrenTo.${child.code}`,
          problem: `a ${child.kind} cannot sit under ${to} (${target.kind})`,
        });
    }
    for (const code of Object.keys(childrenTo)) {
      if (!children.some((c) => c.code === code))
        issues.push({
          field: `childrenTo.${code}`,
          problem: `${code} is not an open sub-unit of ${input.source}`,
        });
    }
    if (issues.length) throw invalid(dedupe(issues));
    requireManages(may, touched([{ unit: source!, field: 'source' }], targets, 'into'));

    const ids = new Map<string, number>();
    for (const t of targets) ids.set(t.code, await materialise(tx, t, input.effectiveDate, input.legalBasis));
    await repo.close([source!.id], dayBefore(input.effectiveDate));
    for (const child of children)
      await repo.update(child.id, { parentId: ids.get(childrenTo[child.code]!)! });
    const eventId = await repo.insertEvent({
      kind: 'split',
      effectiveDate: input.effectiveDate,
      legalBasis: input.legalBasis,
      note: input.note ?? null,
      details: { childrenTo },
    });
    await repo.linkEvent(eventId, [source!.id], [...ids.values()]);
    const units = await repo.byIds([...ids.values()]);
    const event = {
      eventId,
      kind: 'split',
      effectiveDate: input.effectiveDate,
      legalBasis: input.legalBasis,
    };
    await recordAudit(tx, actor, {
      action: 'org.split',
      entityType: 'org_unit',
      entityId: source!.code,
      before: unitSnapshot(source!),
      after: {
        ...unitSnapshot(source!),
        validTo: dayBefore(input.effectiveDate),
        successors: intoCodes,
        event,
      },
    });
    for (const u of units) {
      const wasNew = targets.find((t) => t.code === u.code)?.create !== undefined;
      await recordAudit(tx, actor, {
        action: wasNew ? 'org.create' : 'org.merge',
        entityType: 'org_unit',
        entityId: u.code,
        after: { ...unitSnapshot(u), predecessors: [source!.code], event },
      });
    }
    return { eventId, closed: source!.code, units };
  });
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}|${i.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
