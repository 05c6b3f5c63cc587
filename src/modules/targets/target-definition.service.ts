/**
 * The coordinator corrects and completes a target's definition: comparison, unit, target value and
 * year, baseline with its source, monitoring agency. Every change is a new version (target_version) and
 * an audit event, and marks the target edited locally so the program loader never overwrites it.
 */
import type { Db } from '../../db/database.ts';
import { conflict, type Issue, invalid, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireProgram } from '../program/program.service.ts';
import { isQualitative } from './progress.ts';
import {
  type TargetDefinitionPatch,
  type TargetDefinitionRow,
  targetDefinitionsRepository,
} from './targets.repository.ts';
import type { Comparison } from './targets.schema.ts';
import type { TargetsActor } from './targets-actor.ts';

/** What the coordinator may send; undefined leaves a field as it is, null clears it. */
export interface TargetDefinitionChange {
  textVi?: string;
  textEn?: string | null;
  comparison?: Comparison;
  unit?: string | null;
  targetValueText?: string;
  targetValue?: number | null;
  targetValueMax?: number | null;
  targetYear?: number | null;
  baselineValue?: number | null;
  baselineYear?: number | null;
  baselineSource?: string | null;
  /** An organisation code; null clears the monitoring agency. */
  monitoringAgency?: string | null;
  /** Why the change was made: kept with the version. */
  reason?: string | null;
  /** The version the coordinator edited; a later version in the meantime answers 409. */
  expectedVersion?: number;
}

/** The fields a version records, in a stable order. */
const VERSIONED = [
  'textVi',
  'textEn',
  'comparison',
  'comparisonInferred',
  'unit',
  'targetValueText',
  'targetValue',
  'targetValueMax',
  'targetYear',
  'baselineValue',
  'baselineYear',
  'baselineSource',
  'monitoringAgencyCode',
] as const;

function snapshot(t: TargetDefinitionRow) {
  return Object.fromEntries(VERSIONED.map((k) => [k, t[k]]));
}

function checkDefinition(t: TargetDefinitionRow): Issue[] {
  const issues: Issue[] = [];
  const numeric = !isQualitative(t.comparison);
  if (numeric && t.targetValue === null)
    issues.push({ field: 'targetValue', problem: `is required for the comparison "${t.comparison}"` });
  if (t.comparison === 'range') {
    if (t.targetValueMax === null)
      issues.push({ field: 'targetValueMax', problem: 'a range needs an upper bound' });
    else if (t.targetValue !== null && t.targetValueMax <= t.targetValue)
      issues.push({ field: 'targetValueMax', problem: 'must be greater than targetValue' });
  } else if (t.targetValueMax !== null) {
    issues.push({ field: 'targetValueMax', problem: 'only a range has an upper bound; send null' });
  }
  if (
    t.comparison === 'rank<=' &&
    t.targetValue !== null &&
    (!Number.isInteger(t.targetValue) || t.targetValue < 1)
  )
    issues.push({ field: 'targetValue', problem: 'a rank must be a whole number from 1' });
  if ((t.baselineValue === null) !== (t.baselineYear === null))
    issues.push({ field: 'baselineYear', problem: 'a baseline needs both a value and a year' });
  if (t.baselineYear !== null && t.targetYear !== null && t.baselineYear >= t.targetYear)
    issues.push({ field: 'baselineYear', problem: 'must be before the target year' });
  if (t.baselineValue !== null && !numeric)
    issues.push({ field: 'baselineValue', problem: 'a qualitative target has no numeric baseline' });
  return issues;
}

function rangeText(min: number | null, max: number | null, fallback: string): string {
  if (min === null) return fallback;
  return max === null ? String(min) : `${min}–${max}`;
}

export async function updateTargetDefinition(
  db: Db,
  actor: TargetsActor,
  programCode: string,
  code: string,
  change: TargetDefinitionChange,
): Promise<{ target: TargetDefinitionRow; changed: boolean }> {
  const program = await requireProgram(db, programCode);
  return db.transaction(async (tx) => {
    const repo = targetDefinitionsRepository(tx);
    const before = await repo.byCode(program.id, code, true);
    if (!before) throw notFound(`Target ${code}`);
    if (change.expectedVersion !== undefined && change.expectedVersion !== before.version)
      throw conflict(
        `expectedVersion: the target changed meanwhile (now version ${before.version}); reload and edit again`,
      );

    const patch: TargetDefinitionPatch = {};
    const { monitoringAgency, reason: _, expectedVersion: __, ...plain } = change;
    for (const [k, v] of Object.entries(plain) as [keyof TargetDefinitionPatch, unknown][]) {
      if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
    }
    if (monitoringAgency !== undefined) {
      if (monitoringAgency === null) patch.monitoringAgencyId = null;
      else {
        const id = await repo.orgIdByCode(monitoringAgency);
        if (id === undefined)
          throw invalid([
            { field: 'monitoringAgency', problem: `no organisation has the code "${monitoringAgency}"` },
          ]);
        patch.monitoringAgencyId = id;
      }
    }
    // A comparison the coordinator sets is a decision, no longer an interpretation of the source.
    if (change.comparison !== undefined) patch.comparisonInferred = false;
    const valuesChanged = change.targetValue !== undefined || change.targetValueMax !== undefined;
    if (valuesChanged && change.targetValueText === undefined) {
      patch.targetValueText = rangeText(
        patch.targetValue !== undefined ? patch.targetValue : before.targetValue,
        patch.targetValueMax !== undefined ? patch.targetValueMax : before.targetValueMax,
        before.targetValueText,
      );
    }

    const monitoringAgencyCode =
      monitoringAgency !== undefined ? monitoringAgency : before.monitoringAgencyCode;
    const after: TargetDefinitionRow = { ...before, ...patch, monitoringAgencyCode };
    const issues = checkDefinition(after);
    if (issues.length > 0) throw invalid(issues);

    const beforeSnap = snapshot(before);
    const afterSnap = snapshot(after);
    if (JSON.stringify(beforeSnap) === JSON.stringify(afterSnap)) return { target: before, changed: false };

    const version = before.version + 1;
    const now = new Date().toISOString();
    await repo.update(before.id, patch, version, now);
    await repo.insertVersion({
      targetId: before.id,
      version,
      changedAt: now,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      reason: change.reason ?? null,
      before: beforeSnap,
      after: afterSnap,
    });
    await recordAudit(tx, actor, {
      action: 'target.update',
      entityType: 'target',
      entityId: before.id,
      before: beforeSnap,
      after: { ...afterSnap, version, reason: change.reason ?? null },
    });
    return { target: { ...after, version, editedLocally: true }, changed: true };
  });
}

export async function targetHistory(db: Db, programCode: string, code: string) {
  const program = await requireProgram(db, programCode);
  const repo = targetDefinitionsRepository(db);
  const target = await repo.byCode(program.id, code);
  if (!target) throw notFound(`Target ${code}`);
  return { target, versions: await repo.history(target.id) };
}
