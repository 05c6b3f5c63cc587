/**
 * Measured values of targets and their minimal review: enter (draft) → submit → accept, or return with a
 * reason (returned values are corrected and submitted again). Only accepted values are public.
 * The generic report review workflow may later take over the transitions; the states stay the same.
 */
import type { Db } from '../../db/database.ts';
import { AppError, conflict, forbidden, type Issue, invalid, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireProgram } from '../program/program.service.ts';
import {
  type CleanObservation,
  checkObservation,
  describePeriod,
  type RawObservation,
} from './observation-input.ts';
import { byPeriod } from './target-progress.ts';
import {
  monitoredTargetsRepository,
  type ObservationRow,
  observationsRepository,
  type TargetDefinitionRow,
  targetDefinitionsRepository,
} from './targets.repository.ts';
import type { ObservationStatus } from './targets.schema.ts';
import type { TargetsActor } from './targets-actor.ts';

export interface ObservationRef {
  programCode: string;
  targetCode: string;
}

/**
 * The monitoring agency enters a target's values. Over HTTP the access rules decide (`actor.monitors`);
 * an actor given only an organisation must be it; the console (neither) is not restricted.
 */
export function monitorsTarget(
  actor: TargetsActor,
  target: Pick<TargetDefinitionRow, 'monitoringAgencyId'>,
): boolean {
  if (actor.monitors) return actor.monitors(target.monitoringAgencyId);
  if (actor.orgId === undefined || actor.orgId === null) return true;
  return target.monitoringAgencyId === actor.orgId;
}

const duplicateIssue = (o: CleanObservation, existing: ObservationRow): Issue => ({
  field: 'year',
  problem: `a value for ${describePeriod(o)} already exists (#${existing.id}, ${existing.status})`,
});

async function requireTarget(db: Db, programCode: string, targetCode: string) {
  const program = await requireProgram(db, programCode);
  const target = await targetDefinitionsRepository(db).byCode(program.id, targetCode);
  if (!target) throw notFound(`Target ${targetCode}`);
  return target;
}

/** Enters one value as a draft. Every problem is reported at once; nothing is stored on any. */
export async function enterObservation(
  db: Db,
  actor: TargetsActor,
  ref: ObservationRef,
  raw: RawObservation,
): Promise<ObservationRow> {
  const target = await requireTarget(db, ref.programCode, ref.targetCode);
  if (!monitorsTarget(actor, target))
    throw forbidden(`targetCode: your agency does not monitor target ${target.code}`);
  const provinces = await targetDefinitionsRepository(db).provinceCodes();
  const checked = checkObservation(target, raw, provinces);
  if (!checked.ok) throw invalid(checked.issues);
  return guardDuplicate(() =>
    db.transaction(async (tx) => {
      const repo = observationsRepository(tx);
      const existing = await repo.findSame({ targetId: target.id, ...checked.value });
      if (existing) throw duplicate([duplicateIssue(checked.value, existing)]);
      const now = new Date().toISOString();
      const created = await repo.insert({
        targetId: target.id,
        ...checked.value,
        status: 'draft',
        agencyId: target.monitoringAgencyId ?? actor.orgId ?? null,
        enteredByUserId: actor.userId,
        enteredByLabel: actor.label,
        enteredAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'target_value.enter',
        entityType: 'target_observation',
        entityId: created.id,
        after: { targetCode: target.code, ...checked.value },
      });
      return created;
    }),
  );
}

export const duplicate = (issues: Issue[]) =>
  new AppError(409, 'conflict', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), issues);

/**
 * Two people entering the same period at once both pass the duplicate check; the unique constraint
 * stops the second, which gets the same 409 as a duplicate found earlier rather than a 500.
 */
export async function guardDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505')
      throw duplicate([
        { field: 'year', problem: 'a value for this period and breakdown was entered meanwhile' },
      ]);
    throw error;
  }
}

type Transition = 'update' | 'submit' | 'accept' | 'return';
const ALLOWED_FROM: Record<Transition, ObservationStatus[]> = {
  update: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
};
const RESULT: Record<Exclude<Transition, 'update'>, ObservationStatus> = {
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
};

async function loadForChange(tx: Db, id: number, transition: Transition) {
  const observation = await observationsRepository(tx).byId(id, true);
  if (!observation) throw notFound(`Target value ${id}`);
  if (!ALLOWED_FROM[transition].includes(observation.status)) {
    throw conflict(
      `status: a value that is ${observation.status} cannot be ${transition === 'update' ? 'changed' : `${transition}ed`}` +
        ` (allowed from ${ALLOWED_FROM[transition].join(' or ')})`,
    );
  }
  return observation;
}

async function targetOf(tx: Db, observation: ObservationRow) {
  const target = await targetDefinitionsRepository(tx).byId(observation.targetId);
  if (!target) throw notFound(`Target of value ${observation.id}`);
  return target;
}

/** Corrects a draft or a returned value; it becomes a draft again. */
export async function updateObservation(
  db: Db,
  actor: TargetsActor,
  id: number,
  raw: RawObservation,
): Promise<ObservationRow> {
  return guardDuplicate(() =>
    db.transaction(async (tx) => {
      const before = await loadForChange(tx, id, 'update');
      const target = await targetOf(tx, before);
      if (!monitorsTarget(actor, target))
        throw forbidden(`targetCode: your agency does not monitor target ${target.code}`);
      const checked = checkObservation(target, raw, await targetDefinitionsRepository(tx).provinceCodes());
      if (!checked.ok) throw invalid(checked.issues);
      const repo = observationsRepository(tx);
      const same = await repo.findSame({ targetId: target.id, ...checked.value });
      if (same && same.id !== id) throw duplicate([duplicateIssue(checked.value, same)]);
      const after = await repo.update(id, {
        ...checked.value,
        status: 'draft',
        updatedAt: new Date().toISOString(),
      });
      await recordAudit(tx, actor, {
        action: 'target_value.update',
        entityType: 'target_observation',
        entityId: id,
        before,
        after,
      });
      return after;
    }),
  );
}

/**
 * Moves a value through review. Accepting or returning needs a reviewer other than the person who
 * entered it (when both are known); returning needs a reason.
 */
export async function reviewObservation(
  db: Db,
  actor: TargetsActor,
  id: number,
  transition: Exclude<Transition, 'update'>,
  reason?: string,
): Promise<ObservationRow> {
  const why = reason?.normalize('NFC').trim() ?? '';
  if (transition === 'return' && why === '')
    throw invalid([{ field: 'reason', problem: 'is required to return a value' }]);
  if (why.length > 2000) throw invalid([{ field: 'reason', problem: 'must be at most 2000 characters' }]);
  return db.transaction(async (tx) => {
    const before = await loadForChange(tx, id, transition);
    if (transition === 'submit') {
      const target = await targetOf(tx, before);
      if (!monitorsTarget(actor, target))
        throw forbidden(`targetCode: your agency does not monitor target ${target.code}`);
    } else if (actor.userId !== null && actor.userId === before.enteredByUserId) {
      throw forbidden('A value is reviewed by someone other than the person who entered it');
    }
    const now = new Date().toISOString();
    const patch =
      transition === 'submit'
        ? { submittedAt: now, returnReason: null }
        : {
            reviewedAt: now,
            reviewedByUserId: actor.userId,
            reviewedByLabel: actor.label,
            returnReason: transition === 'return' ? why : null,
          };
    const after = await observationsRepository(tx).update(id, {
      ...patch,
      status: RESULT[transition],
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: `target_value.${transition}`,
      entityType: 'target_observation',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, ...(transition === 'return' ? { reason: why } : {}) },
    });
    return after;
  });
}

/** A target's values in every status, for the people who enter and review them. */
export async function listTargetObservations(
  db: Db,
  actor: TargetsActor,
  programCode: string,
  targetCode: string,
  status?: ObservationStatus,
) {
  const target = await requireTarget(db, programCode, targetCode);
  if (!monitorsTarget(actor, target))
    throw forbidden(`targetCode: your agency does not monitor target ${target.code}`);
  return observationsRepository(db).ofTarget(target.id, status ? [status] : undefined);
}

/**
 * Values in one status across a program (the review queue), each with the target's latest accepted
 * national value before its period, so the reviewer sees the step the new value makes.
 */
export async function listObservationsByStatus(db: Db, programCode: string, status: ObservationStatus) {
  const program = await requireProgram(db, programCode);
  const repo = observationsRepository(db);
  const found = await repo.listByStatus(program.id, status);
  const accepted = await repo.acceptedOfTargets([...new Set(found.map((f) => f.observation.targetId))]);
  return found.map((f) => ({ ...f, previous: previousAccepted(accepted, f.observation) }));
}

/** The latest accepted national value of the same target for an earlier period than `o`, if any. */
export function previousAccepted(accepted: ObservationRow[], o: ObservationRow): ObservationRow | null {
  const earlier = accepted.filter(
    (a) => a.targetId === o.targetId && a.disaggregationKey === '' && a.id !== o.id && byPeriod(a, o) < 0,
  );
  return earlier.sort(byPeriod).at(-1) ?? null;
}

/** What an officer of the given agencies monitors, and their values (optionally in one status). */
export async function listAgencyObservations(
  db: Db,
  programCode: string,
  agencyIds: number[],
  status?: ObservationStatus,
) {
  const program = await requireProgram(db, programCode);
  const [targets, values] = await Promise.all([
    monitoredTargetsRepository(db).list(program.id, agencyIds),
    observationsRepository(db).ofMonitoringAgencies(program.id, agencyIds, status),
  ]);
  return { targets, values };
}
