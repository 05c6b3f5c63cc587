import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../server/errors.ts';
import { authorize, can, type PolicyName } from '../access/policies.ts';
import type { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { bottlenecksRepository } from '../bottlenecks/bottlenecks.repository.ts';
import { conflictOnRace } from '../register/unique-conflict.ts';
import { vietnamToday } from '../task-status/dates.ts';
import {
  contentProblems,
  diffContent,
  type FieldChange,
  normaliseContent,
  type ReportContent,
  reportContentSchema,
} from './report-content.ts';
import { type ReportRow, reportsRepository } from './reports.repository.ts';
import type { ItemStatus } from './reports.schema.ts';

/**
 * Who acts: the audit actor, the person's own unit (`agencyId`, null when anonymous) and their roles.
 * What they may do to an agency's report is decided by the roles they hold in that agency (policies.ts).
 */
export interface ActingUser {
  actor: Actor;
  agencyId: number | null;
  subject: Subject;
}

/** A save that lost the race: the caller is shown what others changed since the version they edited. */
export class DraftConflict extends AppError {
  constructor(
    readonly currentLockVersion: number,
    readonly changes: FieldChange[],
    readonly current: ReportContent,
  ) {
    super(409, 'conflict', 'The draft was changed by someone else since you opened it; review their changes');
  }
}

const EDITABLE = new Set(['draft', 'returned']);

async function loadForUpdate(tx: Db, reportId: number): Promise<ReportRow> {
  const found = await reportsRepository(tx).report(reportId, true);
  if (!found) throw notFound('Report');
  return found;
}

/** The route checked the policy "somewhere"; here it is checked for the agency the report belongs to. */
function requireRoleIn(who: ActingUser, policy: PolicyName, agencyId: number): void {
  authorize(who.subject, policy, { orgUnitId: agencyId });
}

/** Whether the unit is the agency or one of its departments (the person works for that agency). */
async function worksFor(tx: Db, unitId: number | null, agencyId: number): Promise<boolean> {
  if (unitId === null) return false;
  const [row] = await rows<{ n: number }>(
    tx,
    sql`WITH RECURSIVE up AS (
          SELECT id, parent_id FROM org_unit WHERE id = ${unitId}
          UNION ALL SELECT o.id, o.parent_id FROM org_unit o JOIN up ON o.id = up.parent_id)
        SELECT count(*)::int AS n FROM up WHERE id = ${agencyId}`,
  );
  return (row?.n ?? 0) > 0;
}

/**
 * The coordinator's rule: nobody reviews a report of their own agency (a coordinator of BKHCN does not
 * accept BKHCN's report), one they hold an agency role in, or one they wrote or submitted.
 */
async function requireIndependentReviewer(tx: Db, who: ActingUser, r: ReportRow): Promise<void> {
  requireRoleIn(who, 'reports.review', r.agencyId);
  const own =
    (await worksFor(tx, who.agencyId, r.agencyId)) ||
    who.subject.hasIn('focal_officer', r.agencyId) ||
    who.subject.hasIn('agency_head', r.agencyId) ||
    (who.actor.userId !== null && (who.actor.userId === r.createdBy || who.actor.userId === r.submittedBy));
  if (own) throw forbidden('You may not review your own report');
}

/** Starts the draft of an agency's report for one obligation (its first revision). */
export async function createReport(
  db: Db,
  who: ActingUser,
  obligationId: number,
  /** Demo mode's illustrative reports are flagged from their first row (decision 100). */
  options: { illustrative?: boolean } = {},
): Promise<number> {
  // Two colleagues starting the same report at once both pass the check below; the unique index
  // (one open report per obligation) lets one win, and the other gets the same 409 as a late comer.
  return conflictOnRace(
    createReportOnce(db, who, obligationId, options.illustrative ?? false),
    'This obligation already has a report; open it instead',
  );
}

async function createReportOnce(
  db: Db,
  who: ActingUser,
  obligationId: number,
  illustrative: boolean,
): Promise<number> {
  return db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    const obligation = await repo.obligation(obligationId);
    if (!obligation) throw notFound('Reporting obligation');
    requireRoleIn(who, 'reports.draft', obligation.agencyId);
    const existing = await repo.revisions(obligationId);
    if (existing.length > 0)
      throw conflict(`This obligation already has a report (id ${existing.at(-1)!.id}); open it instead`);
    const id = await repo.insertReport({
      obligationId,
      agencyId: obligation.agencyId,
      status: 'draft',
      createdBy: who.actor.userId,
      illustrative,
    });
    await repo.saveSnapshot(id, 1, normaliseContent({ summary: '', items: [] }), who.actor.userId);
    await recordAudit(tx, who.actor, {
      action: 'report.create',
      entityType: 'report',
      entityId: id,
      after: { obligationId, period: obligation.period, ...(illustrative ? { illustrative } : {}) },
    });
    return id;
  });
}

/** Checks a content against the agency's tasks and files; throws 400 naming every problem. */
async function validateContent(tx: Db, r: ReportRow, raw: unknown): Promise<ReportContent> {
  const parsed = reportContentSchema.safeParse(raw);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'content', problem: i.message })),
    );
  const content = parsed.data;
  const issues = contentProblems(content, vietnamToday());
  const repo = reportsRepository(tx);
  const carried = await repo.tasksCarriedBy(
    r.agencyId,
    r.programId,
    content.items.map((i) => i.taskId),
  );
  const fileIds = content.items.flatMap((i) =>
    i.evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : [])),
  );
  const files = await repo.filesOfAgency(r.agencyId, fileIds);
  content.items.forEach((item, i) => {
    if (!carried.has(item.taskId))
      issues.push({ field: `items.${i}.taskId`, problem: 'is not a task of this agency in the program' });
    item.evidence.forEach((e, j) => {
      if (e.kind === 'file' && !files.has(e.fileId))
        issues.push({
          field: `items.${i}.evidence.${j}.fileId`,
          problem: 'is not a file uploaded by this agency',
        });
    });
  });
  if (issues.length) throw invalid(issues);
  return normaliseContent(content);
}

async function writeContent(tx: Db, reportId: number, content: ReportContent): Promise<void> {
  await reportsRepository(tx).updateReport(reportId, { summary: content.summary });
  await reportsRepository(tx).replaceItems(
    reportId,
    content.items.map((item) => ({
      taskId: item.taskId,
      status: item.status,
      progress: item.progress,
      completedOn: item.completedOn ?? null,
      doneText: item.doneText,
      difficulties: item.difficulties,
      recommendations: item.recommendations,
      bottlenecks: item.bottlenecks,
      evidence: item.evidence.map((e) =>
        e.kind === 'document'
          ? {
              kind: e.kind,
              documentNumber: e.number,
              documentDate: e.date,
              documentIssuer: e.issuer,
              note: e.note ?? null,
            }
          : e.kind === 'file'
            ? { kind: e.kind, fileId: e.fileId, note: e.note ?? null }
            : { kind: e.kind, url: e.url, note: e.note ?? null },
      ),
    })),
  );
}

async function currentContent(tx: Db, r: ReportRow): Promise<ReportContent> {
  return ((await reportsRepository(tx).snapshot(r.id, r.lockVersion)) ?? {
    summary: r.summary,
    items: [],
  }) as ReportContent;
}

/**
 * Saves a draft (or a returned report being corrected) as a whole. `lockVersion` is the version the
 * editor loaded; if someone saved since, nothing is written and the caller gets their changes.
 */
export async function saveDraft(
  db: Db,
  who: ActingUser,
  input: { reportId: number; lockVersion: number; content: unknown },
): Promise<{ lockVersion: number }> {
  return db.transaction(async (tx) => {
    const r = await loadForUpdate(tx, input.reportId);
    requireRoleIn(who, 'reports.draft', r.agencyId);
    if (!EDITABLE.has(r.status))
      throw conflict(
        `A ${r.status} report cannot be edited; ${r.status === 'accepted' ? 'start a correction' : 'wait for the review'}`,
      );
    if (r.lockVersion !== input.lockVersion) {
      const base = (await reportsRepository(tx).snapshot(r.id, input.lockVersion)) as ReportContent | null;
      const current = await currentContent(tx, r);
      throw new DraftConflict(r.lockVersion, base ? diffContent(base, current) : [], current);
    }
    const content = await validateContent(tx, r, input.content);
    const before = await currentContent(tx, r);
    await writeContent(tx, r.id, content);
    if (!(await reportsRepository(tx).bumpVersion(r.id, r.lockVersion)))
      throw conflict('The draft changed meanwhile');
    await reportsRepository(tx).saveSnapshot(r.id, r.lockVersion + 1, content, who.actor.userId);
    await recordAudit(tx, who.actor, {
      action: 'report.save_draft',
      entityType: 'report',
      entityId: r.id,
      after: { lockVersion: r.lockVersion + 1, changes: diffContent(before, content).map((c) => c.field) },
    });
    return { lockVersion: r.lockVersion + 1 };
  });
}

/** The head approves and submits the agency's report to the coordinator. */
export async function submitReport(
  db: Db,
  who: ActingUser,
  /** `at`: when it was submitted, given only by demo mode's dated illustrative history (decision 100). */
  input: { reportId: number; lockVersion: number; at?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    const r = await loadForUpdate(tx, input.reportId);
    requireRoleIn(who, 'reports.submit', r.agencyId);
    if (!EDITABLE.has(r.status)) throw conflict(`A ${r.status} report cannot be submitted`);
    if (r.lockVersion !== input.lockVersion) {
      const base = (await repo.snapshot(r.id, input.lockVersion)) as ReportContent | null;
      const current = await currentContent(tx, r);
      throw new DraftConflict(r.lockVersion, base ? diffContent(base, current) : [], current);
    }
    const content = await currentContent(tx, r);
    const issues = [];
    if (content.items.length === 0)
      issues.push({ field: 'items', problem: 'a report needs at least one task' });
    if (!content.summary.trim())
      issues.push({ field: 'summary', problem: "the agency's summary is required" });
    if (issues.length) throw invalid(issues);
    await repo.updateReport(r.id, {
      status: 'submitted',
      submittedBy: who.actor.userId,
      submittedAt: input.at ?? new Date().toISOString(),
      returnReason: null,
    });
    // A resubmission replaces the bottlenecks its earlier submission raised and nobody has acted on yet.
    const bottlenecks = bottlenecksRepository(tx);
    await bottlenecks.deleteUntouchedOfReport(r.id);
    for (const item of content.items) {
      for (const b of item.bottlenecks) {
        await bottlenecks.insert({
          programId: r.programId,
          agencyId: r.agencyId,
          taskId: item.taskId,
          reportId: r.id,
          type: b.type as never,
          description: b.description,
          raisedBy: who.actor.userId,
        });
      }
    }
    await recordAudit(tx, who.actor, {
      action: 'report.submit',
      entityType: 'report',
      entityId: r.id,
      after: { revision: r.revision, items: content.items.length },
    });
  });
}

/** The coordinator sends a submitted report back with a reason; the agency corrects and resubmits. */
export async function returnReport(
  db: Db,
  who: ActingUser,
  input: { reportId: number; reason: string },
): Promise<void> {
  const reason = input.reason.normalize('NFC').trim();
  if (reason.length < 3) throw invalid([{ field: 'reason', problem: 'say why the report is returned' }]);
  await db.transaction(async (tx) => {
    const r = await loadForUpdate(tx, input.reportId);
    await requireIndependentReviewer(tx, who, r);
    if (r.status !== 'submitted')
      throw conflict(`Only a submitted report can be returned; this one is ${r.status}`);
    await reportsRepository(tx).updateReport(r.id, {
      status: 'returned',
      returnReason: reason,
      reviewedBy: who.actor.userId,
    });
    await recordAudit(tx, who.actor, {
      action: 'report.return',
      entityType: 'report',
      entityId: r.id,
      after: { reason },
    });
  });
}

export interface Assessment {
  taskId: number;
  status: ItemStatus | null;
  progress: number | null;
  note: string | null;
}

/**
 * The coordinator accepts: the report is locked, an earlier accepted revision is superseded (still
 * readable), and the current-status summary is updated in the same transaction. Assessments record the
 * reviewer's disagreement with the agency's own view, item by item.
 */
export async function acceptReport(
  db: Db,
  who: ActingUser,
  /** `at`: when it was accepted, given only by demo mode's dated illustrative history (decision 100). */
  input: { reportId: number; assessments?: Assessment[]; at?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    const r = await loadForUpdate(tx, input.reportId);
    await requireIndependentReviewer(tx, who, r);
    if (r.status !== 'submitted')
      throw conflict(`Only a submitted report can be accepted; this one is ${r.status}`);
    const tasks = new Set((await repo.items(r.id)).map((i) => i.taskId));
    const assessments = input.assessments ?? [];
    const issues = assessments.flatMap((a, i) =>
      tasks.has(a.taskId)
        ? []
        : [{ field: `assessments.${i}.taskId`, problem: 'is not an item of this report' }],
    );
    if (issues.length) throw invalid(issues);
    for (const a of assessments) await repo.setAssessment(r.id, a.taskId, a);
    const acceptedAt = input.at ?? new Date().toISOString();
    await repo.updateReport(r.id, { status: 'accepted', acceptedAt, reviewedBy: who.actor.userId });
    await repo.supersedeAccepted(r.obligationId, r.id);
    await repo.refreshCurrentStatus(r.id, r.agencyId, acceptedAt);
    await recordAudit(tx, who.actor, {
      action: 'report.accept',
      entityType: 'report',
      entityId: r.id,
      after: { revision: r.revision, assessments },
    });
  });
}

/** Opens a correction of an accepted report: a new revision copying its content, with a reason. */
export async function correctReport(
  db: Db,
  who: ActingUser,
  input: { reportId: number; reason: string },
): Promise<number> {
  const reason = input.reason.normalize('NFC').trim();
  if (reason.length < 3) throw invalid([{ field: 'reason', problem: 'say why the report is corrected' }]);
  return db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    const r = await loadForUpdate(tx, input.reportId);
    requireRoleIn(who, 'reports.draft', r.agencyId);
    if (r.status !== 'accepted' || r.supersededAt)
      throw conflict('Only the latest accepted revision can be corrected');
    const revisions = await repo.revisions(r.obligationId);
    if (revisions.some((v) => EDITABLE.has(v.status) || v.status === 'submitted'))
      throw conflict('A correction of this report is already open');
    const content = await currentContent(tx, r);
    const id = await repo.insertReport({
      obligationId: r.obligationId,
      agencyId: r.agencyId,
      revision: Math.max(...revisions.map((v) => v.revision)) + 1,
      status: 'draft',
      correctionReason: reason,
      createdBy: who.actor.userId,
      illustrative: r.illustrative,
    });
    await writeContent(tx, id, content);
    await repo.saveSnapshot(id, 1, content, who.actor.userId);
    await recordAudit(tx, who.actor, {
      action: 'report.correct',
      entityType: 'report',
      entityId: id,
      after: { correcting: r.id, reason },
    });
    return id;
  });
}

/** A report with its items, evidence, revisions and what its reviewer thought. */
export async function getReport(db: Db, reportId: number) {
  const repo = reportsRepository(db);
  const r = await repo.report(reportId);
  if (!r) throw notFound('Report');
  const [items, evidence, revisions, agency, tasks] = await Promise.all([
    repo.items(r.id),
    repo.evidence(r.id),
    repo.revisions(r.obligationId),
    repo.agency(r.agencyId),
    repo.tasksOfAgency(r.agencyId, r.programId),
  ]);
  if (!agency) throw notFound('Agency');
  return { report: r, items, evidence, revisions, agency, tasks };
}

/** What the caller may do with the report now: the same rules the writers above apply, as booleans. */
export async function reportPermissions(db: Db, who: ActingUser, r: ReportRow) {
  const editable = EDITABLE.has(r.status);
  let review = false;
  if (r.status === 'submitted') {
    try {
      await requireIndependentReviewer(db, who, r);
      review = true;
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 403 && error.status !== 401)) throw error;
    }
  }
  const revisions =
    r.status === 'accepted' && !r.supersededAt ? await reportsRepository(db).revisions(r.obligationId) : [];
  return {
    edit: editable && can(who.subject, 'reports.draft', { orgUnitId: r.agencyId }),
    submit: editable && can(who.subject, 'reports.submit', { orgUnitId: r.agencyId }),
    review,
    correct:
      r.status === 'accepted' &&
      !r.supersededAt &&
      revisions.at(-1)?.id === r.id &&
      can(who.subject, 'reports.draft', { orgUnitId: r.agencyId }),
  };
}

export async function listReports(
  db: Db,
  f: {
    programId: number;
    status?: string;
    agencyId?: number;
    period?: string;
    page: number;
    pageSize: number;
  },
) {
  const found = await reportsRepository(db).listReports({
    ...f,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items: found, total: found[0]?.total ?? 0, page: f.page, pageSize: f.pageSize };
}
