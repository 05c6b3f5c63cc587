import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { canonicalJson } from '../audit/audit-hash.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { requireProgram } from '../program/program.service.ts';
import { compareSnapshots, type SnapshotChanges } from './changes.ts';
import {
  evaluationRepository,
  type RecheckRow,
  type RecheckState,
  type ScoringMethodRow,
} from './evaluation.repository.ts';
import { type Evaluation, evaluate, isEmptyEvaluation } from './evaluation.ts';
import type { EvaluationFacts } from './facts.ts';
import { type Period, requirePeriod, resolveAsOf } from './periods.ts';
import type { Ranking } from './ranking.ts';
import { headFactDates } from './scorecards.ts';
import {
  PENALTY_CRITERIA,
  type ScoringMethod,
  type ScoringRules,
  validateRules,
  WEIGHT_CRITERIA,
} from './scoring-method.ts';
import { taskFactsRepository } from './task-facts.repository.ts';

/** What a published snapshot holds; its canonical JSON is what content_hash covers. */
export interface SnapshotContent extends Evaluation {
  programCode: string;
  changes: SnapshotChanges;
}

export function toScoringMethod(row: ScoringMethodRow): ScoringMethod {
  const pick = <K extends string>(keys: readonly K[], from: Record<string, number>) =>
    Object.fromEntries(keys.map((k) => [k, from[k] ?? 0])) as Record<K, number>;
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    weights: pick(WEIGHT_CRITERIA, row.weights),
    penalties: pick(PENALTY_CRITERIA, row.penalties),
    partnerShare: row.partnerSharePct / 100,
  };
}

export function contentHash(content: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function unauthenticated(): AppError {
  return new AppError(401, 'unauthorized', 'Sign in first');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function listMethods(db: Db) {
  return (await evaluationRepository(db).methods()).map((row) => ({ ...toScoringMethod(row), row }));
}

export async function getMethod(db: Db, id: number) {
  const row = await evaluationRepository(db).methodById(id);
  if (!row) throw notFound(`Scoring method ${id}`);
  return { ...toScoringMethod(row), row };
}

export interface NewMethodVersion extends ScoringRules {
  code: string;
  nameVi: string;
  nameEn?: string | null;
  note?: string | null;
}

/**
 * The only way to change weights: a new version of a method (version 1 when the code is new). Published
 * versions stay as they were, so every snapshot keeps pointing at the rules it was computed with.
 */
export async function createMethodVersion(db: Db, actor: Actor, input: NewMethodVersion) {
  const issues = validateRules(input);
  if (issues.length) throw invalid(issues);
  return db.transaction(async (tx) => {
    const repo = evaluationRepository(tx);
    await repo.lockMethodCode(input.code);
    const latest = await repo.latestMethod(input.code);
    const row = await repo.insertMethod({
      code: input.code,
      version: (latest?.version ?? 0) + 1,
      nameVi: input.nameVi,
      nameEn: input.nameEn ?? null,
      weights: input.weights,
      penalties: input.penalties,
      partnerSharePct: Math.round(input.partnerShare * 100),
      note: input.note ?? null,
      createdByUserId: actor.userId,
      createdByLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'evaluation.method.create',
      entityType: 'scoring_method',
      entityId: row.id,
      after: {
        code: row.code,
        version: row.version,
        weights: row.weights,
        penalties: row.penalties,
        partnerSharePct: row.partnerSharePct,
      },
    });
    return { ...toScoringMethod(row), row };
  });
}

async function resolveMethod(db: Db, methodId: number | undefined): Promise<ScoringMethodRow> {
  const repo = evaluationRepository(db);
  const row = methodId === undefined ? await repo.latestMethod('default') : await repo.methodById(methodId);
  if (!row)
    throw methodId === undefined
      ? notFound('Default scoring method')
      : invalid([{ field: 'methodId', problem: 'is not a scoring method' }]);
  return row;
}

export interface EvaluationRequest {
  programCode: string;
  period: string;
  asOf?: string;
  methodId?: number;
  /** Extra lineage (predecessor → successor) over the orgs module's merge events, which are always read. */
  successorOf?: Record<number, number>;
}

async function prepare(db: Db, request: EvaluationRequest) {
  const period: Period = requirePeriod(request.period);
  if (request.asOf !== undefined && request.asOf > today()) {
    throw invalid([
      { field: 'asOf', problem: 'must not be after today: figures are known only up to today' },
    ]);
  }
  // A period still running is evaluated as of today: no figure is known for a day that has not come.
  const asOf = resolveAsOf(period, request.asOf ?? [period.end, today()].sort()[0]);
  const program = await requireProgram(db, request.programCode);
  const methodRow = await resolveMethod(db, request.methodId);
  return { period, asOf, program, method: toScoringMethod(methodRow) };
}

/**
 * Loads the facts as of the date (with the heads of agencies over the period) and evaluates them; a head
 * who left during the period needs the facts as of their last day too, loaded here (heads rarely change,
 * so this is seldom more than one load).
 */
async function computeEvaluation(
  db: Db,
  programId: number,
  period: Period,
  asOf: string,
  method: ScoringMethod,
  successorOf: Record<number, number> | undefined,
): Promise<Evaluation> {
  const calendar = await loadWorkingCalendar(db);
  const facts = taskFactsRepository(db);
  // periodStart scopes reporting and bottleneck facts to the period's ranked agencies (indexes, not history).
  const scope = { calendar, successorOf, periodStart: period.start };
  const main = await facts.load(programId, asOf, { ...scope, headsFrom: period.start });
  const earlier = new Map<string, EvaluationFacts>();
  for (const date of headFactDates(main, period)) {
    earlier.set(date, await facts.load(programId, date, scope));
  }
  return evaluate(main, period, method, earlier);
}

/** What changed from the latest published snapshot of the program to this evaluation. */
function changesSince(
  previous: { id: number; period: string; content: unknown } | undefined,
  evaluation: Evaluation,
): SnapshotChanges {
  const previousContent = previous?.content as SnapshotContent | undefined;
  return compareSnapshots(
    previous && previousContent
      ? {
          id: previous.id,
          period: previous.period,
          methodKey: `${previousContent.method.code}@${previousContent.method.version}`,
          rankings: previousContent.rankings as Ranking[],
        }
      : null,
    {
      period: evaluation.period.code,
      methodKey: `${evaluation.method.code}@${evaluation.method.version}`,
      rankings: evaluation.rankings,
    },
  );
}

export interface LiveEvaluation extends Evaluation {
  /** What publishing it now would show as changed since the latest published snapshot. */
  changes: SnapshotChanges;
}

/** The evaluation as it stands as of a date, computed on request and never stored (not public). */
export async function liveEvaluation(db: Db, request: EvaluationRequest): Promise<LiveEvaluation> {
  const { period, asOf, program, method } = await prepare(db, request);
  const evaluation = await computeEvaluation(db, program.id, period, asOf, method, request.successorOf);
  const previous = await evaluationRepository(db).latestSnapshot(program.id);
  return { ...evaluation, changes: changesSince(previous, evaluation) };
}

/**
 * Publishes the evaluation of a period: computes it from the facts as of the date, compares it with the
 * previous snapshot, and stores it whole with its hash. The row can never change afterwards.
 */
export async function publishEvaluation(db: Db, actor: Actor, request: EvaluationRequest) {
  if (actor.userId === null && actor.via === 'api') throw unauthenticated();
  const { period, asOf, program, method } = await prepare(db, request);
  return db.transaction(async (tx) => {
    const repo = evaluationRepository(tx);
    await repo.lockPublication(program.id);
    const evaluation = await computeEvaluation(
      tx as unknown as Db,
      program.id,
      period,
      asOf,
      method,
      request.successorOf,
    );
    if (isEmptyEvaluation(evaluation)) {
      throw invalid([
        {
          field: 'period',
          problem: `has no task due or completed and no report owed by ${asOf}: nothing to publish`,
        },
      ]);
    }
    const previous = await repo.latestSnapshot(program.id);
    const changes = changesSince(previous, evaluation);
    const content: SnapshotContent = { programCode: program.code, ...evaluation, changes };
    const hash = contentHash(content);
    const row = await repo.insertSnapshot({
      programId: program.id,
      period: period.code,
      periodStart: period.start,
      periodEnd: period.end,
      asOf,
      methodId: method.id,
      previousSnapshotId: previous?.id ?? null,
      content,
      contentHash: hash,
      publishedByUserId: actor.userId,
      publishedByLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'evaluation.publish',
      entityType: 'evaluation_snapshot',
      entityId: row.id,
      after: { programCode: program.code, period: period.code, asOf, methodId: method.id, contentHash: hash },
    });
    return {
      ...row,
      rechecks: [] as RecheckRow[],
    };
  });
}

export async function listSnapshots(db: Db, programCode: string) {
  const program = await requireProgram(db, programCode);
  return evaluationRepository(db).snapshots(program.id);
}

/**
 * Whether a snapshot's content still hashes to the hash taken at publication. Hashing a national snapshot
 * (250 KB of canonical JSON) costs more than reading it, so a verdict is kept per row version (xmin): a
 * row changed in any way, by any means, has a new version and is hashed again.
 */
const verdicts = new WeakMap<Db, Map<string, boolean>>();
async function hashVerified(
  db: Db,
  row: { id: number; version: string; contentHash: string; content?: unknown },
): Promise<boolean> {
  const known = verdicts.get(db) ?? new Map<string, boolean>();
  verdicts.set(db, known);
  const key = `${row.id}:${row.version}:${row.contentHash}`;
  let verdict = known.get(key);
  if (verdict === undefined) {
    const content = row.content ?? (await evaluationRepository(db).snapshotById(row.id))?.content;
    verdict = contentHash(content) === row.contentHash;
    if (known.size >= 1000) known.clear();
    known.set(key, verdict);
  }
  return verdict;
}

/** A snapshot with its rechecks, and whether its content still matches the hash taken at publication. */
export async function getSnapshot(db: Db, id: number) {
  const repo = evaluationRepository(db);
  const row = await repo.snapshotById(id);
  if (!row) throw notFound(`Evaluation snapshot ${id}`);
  const rechecks = await repo.rechecks(id);
  const { version: _, ...snapshot } = row;
  return { ...snapshot, rechecks, hashVerified: await hashVerified(db, row) };
}

/** The rechecks of a program's snapshots (the coordinator's queue when `state` is pending). */
export async function listRechecks(
  db: Db,
  programCode: string,
  filter: { state: RecheckState; agencyId?: number },
) {
  const program = await requireProgram(db, programCode);
  return evaluationRepository(db).rechecksOfProgram(program.id, filter);
}

/** The rankings of a snapshot (what a rankings page shows) with its rechecks and the hash verdict. */
export async function getSnapshotRankings(db: Db, id: number) {
  const repo = evaluationRepository(db);
  const row = await repo.snapshotRankings(id);
  if (!row) throw notFound(`Evaluation snapshot ${id}`);
  const rechecks = await repo.rechecks(id);
  const { version: _, part, ...summary } = row;
  return {
    ...summary,
    part: part as SnapshotRankingsPart,
    rechecks,
    hashVerified: await hashVerified(db, row),
  };
}

export type SnapshotRankingsPart = Pick<
  SnapshotContent,
  'programCode' | 'period' | 'asOf' | 'method' | 'basis' | 'rankings' | 'changes'
>;

export function refuseSnapshotChange(): never {
  throw conflict('A published evaluation never changes: publish a new snapshot for the period instead');
}

export function refuseMethodChange(): never {
  throw conflict('A published scoring method never changes: create a new version with the new weights');
}

export interface RecheckInput {
  agencyId: number;
  reason: string;
}

/** An agency asks for a recheck of its own figures in a snapshot; it is kept and shown with the snapshot. */
export async function requestRecheck(
  db: Db,
  actor: Actor,
  snapshotId: number,
  input: RecheckInput,
  actsFor: (agencyId: number) => boolean,
) {
  if (actor.userId === null && actor.via === 'api') throw unauthenticated();
  const repo = evaluationRepository(db);
  const snapshot = await repo.snapshotById(snapshotId);
  if (!snapshot) throw notFound(`Evaluation snapshot ${snapshotId}`);
  const content = snapshot.content as SnapshotContent;
  if (!content.figures.agencies.some((a) => a.agencyId === input.agencyId)) {
    throw invalid([{ field: 'agencyId', problem: 'has no figures in this snapshot' }]);
  }
  if (!actsFor(input.agencyId)) {
    throw forbidden("You may ask for a recheck of your own agency's figures only");
  }
  return db.transaction(async (tx) => {
    const row = await evaluationRepository(tx).insertRecheck({
      snapshotId,
      agencyId: input.agencyId,
      reason: input.reason,
      requestedByUserId: actor.userId,
      requestedByLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'evaluation.recheck.request',
      entityType: 'evaluation_recheck',
      entityId: row.id,
      after: { snapshotId, agencyId: input.agencyId, reason: input.reason },
    });
    return row;
  });
}

export interface RecheckAnswer {
  answer: string;
  outcome: 'upheld' | 'corrected_in_next';
}

/** The coordinator answers a recheck once; the answer stays beside the request with the snapshot. */
export async function answerRecheck(db: Db, actor: Actor, recheckId: number, input: RecheckAnswer) {
  if (actor.userId === null && actor.via === 'api') throw unauthenticated();
  return db.transaction(async (tx) => {
    const repo = evaluationRepository(tx);
    const existing = await repo.recheckById(recheckId);
    if (!existing) throw notFound(`Recheck ${recheckId}`);
    if (existing.answeredAt !== null)
      throw conflict('This recheck is already answered; answers are kept as given');
    const row = await repo.answerRecheck(recheckId, {
      answer: input.answer,
      outcome: input.outcome,
      answeredByUserId: actor.userId,
      answeredByLabel: actor.label,
    });
    if (!row) throw conflict('This recheck is already answered; answers are kept as given');
    await recordAudit(tx, actor, {
      action: 'evaluation.recheck.answer',
      entityType: 'evaluation_recheck',
      entityId: row.id,
      before: { answer: null },
      after: { answer: input.answer, outcome: input.outcome },
    });
    return row;
  });
}
