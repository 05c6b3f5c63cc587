import type { Db, Tx } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { AppError, conflict, type Issue, invalid } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parseDeadline } from '../tasks/deadline-rules.ts';
import { classifyProduct } from '../tasks/product-types.ts';
import { COLLECTIVES, type Collective, type ProductType, type Recurrence } from '../tasks/tasks.schema.ts';
import {
  type AgencyWrite,
  type RegisterRepository,
  type ResolvedAgency,
  registerRepository,
  type TaskColumns,
} from './register.repository.ts';
import type { RegisterTask } from './register-task.ts';

/** What a coordinator or focal officer may give for a task; undefined leaves a field as it is. */
export interface TaskInput {
  groupNo?: number;
  code?: string;
  contentVi?: string;
  sourceDocument?: string | null;
  sourceItem?: string | null;
  /** An organisation code or a collective (all_ministries, all_provinces, all_ministries_and_provinces). */
  lead?: string | null;
  partners?: string[];
  accountableHead?: { userId: number | null; name: string | null };
  focalOfficer?: { userId: number | null; name: string | null };
  productType?: ProductType | null;
  productDescription?: string | null;
  deadlineAsWritten?: string | null;
  dueDate?: string | null;
  recurrence?: Recurrence | null;
  targetIds?: number[];
  parentTaskId?: number | null;
}

/** Rules a caller adds (a plan's own rules), checked with the rest before anything is written. */
export type ExtraCheck = (
  tx: Db | Tx,
  resolved: { leads: AgencyWrite[]; leadAgency: ResolvedAgency | null; parent: RegisterTask | null },
) => Promise<Issue[]>;

export interface WriteContext {
  programId: number;
  planId: number | null;
  existing?: RegisterTask;
  change: string;
  extraCheck?: ExtraCheck;
}

const text = (v: string | null | undefined) => (v == null ? v : cleanText(v) || null);
const isCollective = (v: string): v is Collective => (COLLECTIVES as readonly string[]).includes(v);

/** Today in Viet Nam, as YYYY-MM-DD. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

async function resolveAgency(
  repo: RegisterRepository,
  field: string,
  ref: string,
  issues: Issue[],
): Promise<{ write: AgencyWrite; agency: ResolvedAgency | null } | null> {
  if (isCollective(ref)) {
    return { write: { role: 'lead', orgUnitId: null, collective: ref, nameAsWritten: ref }, agency: null };
  }
  const agency = await repo.agencyByCode(ref);
  if (!agency) {
    issues.push({ field, problem: `unknown agency ${ref}` });
    return null;
  }
  return {
    write: { role: 'lead', orgUnitId: agency.id, collective: null, nameAsWritten: agency.nameVi },
    agency,
  };
}

const agencyKey = (a: { orgUnitId: number | null; collective: string | null }) =>
  a.orgUnitId !== null ? `org:${a.orgUnitId}` : `col:${a.collective}`;

/**
 * Creates or updates one task of the register or of a plan, in the caller's transaction: every rule is
 * checked before the first write (bad input → 400 naming each field, nothing changed), then the task,
 * its agencies and targets are written, search_text refreshed, a version appended and the change audited.
 */
export async function writeTask(
  tx: Db | Tx,
  actor: Actor,
  ctx: WriteContext,
  input: TaskInput,
): Promise<number> {
  const repo = registerRepository(tx);
  const existing = ctx.existing;
  const issues: Issue[] = [];
  const columns: TaskColumns = {};

  if (input.code !== undefined) {
    const code = cleanText(input.code);
    if (await repo.codeTaken(ctx.programId, code, existing?.id ?? null))
      issues.push({ field: 'code', problem: `${code} is already used by another task` });
    columns.code = code;
  }
  if (input.contentVi !== undefined) columns.contentVi = cleanText(input.contentVi);
  if (input.groupNo !== undefined) {
    const groupId = await repo.groupIdByNo(ctx.programId, input.groupNo);
    if (groupId === undefined) issues.push({ field: 'groupNo', problem: `no group ${input.groupNo}` });
    else columns.groupId = groupId;
  }
  if (input.sourceDocument !== undefined) columns.sourceDocument = text(input.sourceDocument);
  if (input.sourceItem !== undefined) columns.sourceItem = text(input.sourceItem);
  if (input.accountableHead !== undefined) {
    columns.accountableHeadUserId = input.accountableHead.userId;
    columns.accountableHeadName = text(input.accountableHead.name);
  }
  if (input.focalOfficer !== undefined) {
    columns.focalOfficerUserId = input.focalOfficer.userId;
    columns.focalOfficerName = text(input.focalOfficer.name);
  }
  if (input.productDescription !== undefined) columns.productAsWritten = text(input.productDescription);
  if (input.productType !== undefined) columns.productType = input.productType;
  else if (!existing && columns.productAsWritten)
    columns.productType = classifyProduct(columns.productAsWritten);

  // When: an explicit date wins; otherwise the words are read by the documented deadline rules.
  const deadlineChanges =
    input.dueDate !== undefined || input.deadlineAsWritten !== undefined || input.recurrence !== undefined;
  if (deadlineChanges && existing && existing.registerState !== 'draft') {
    throw conflict(
      `Task ${existing.code} is ${existing.registerState}: its deadline changes only through an extension`,
    );
  }
  if (input.deadlineAsWritten !== undefined) columns.deadlineAsWritten = text(input.deadlineAsWritten);
  if (input.dueDate !== undefined) {
    columns.dueDate = input.dueDate;
    columns.deadlineRule = input.dueDate === null ? null : 'set_in_register';
    if (input.dueDate !== null && input.recurrence === undefined) columns.recurrence = null;
  } else if (columns.deadlineAsWritten) {
    const parsed = parseDeadline(columns.deadlineAsWritten);
    if (parsed.kind === 'date') {
      Object.assign(columns, { dueDate: parsed.dueDate, recurrence: null, deadlineRule: parsed.rule });
    } else if (parsed.kind === 'recurring') {
      Object.assign(columns, {
        dueDate: parsed.firstDueDate,
        recurrence: parsed.recurrence,
        deadlineRule: parsed.rule,
      });
    } else {
      issues.push({ field: 'deadlineAsWritten', problem: 'no deadline rule reads this text; give dueDate' });
    }
  }
  if (input.recurrence !== undefined) columns.recurrence = input.recurrence;

  // Who: one lead (an organisation or a collective) and partners, never the same agency in both roles.
  let leads: AgencyWrite[] = existing ? existing.leads.map((l) => ({ ...l, role: 'lead' as const })) : [];
  let partners: AgencyWrite[] = existing
    ? existing.partners.map((p) => ({ ...p, role: 'partner' as const }))
    : [];
  let leadAgency: ResolvedAgency | null = null;
  if (input.lead !== undefined) {
    leads = [];
    if (input.lead !== null) {
      const resolved = await resolveAgency(repo, 'lead', input.lead, issues);
      if (resolved) {
        leads = [resolved.write];
        leadAgency = resolved.agency;
      }
    }
  } else if (leads.length === 1 && leads[0]!.orgUnitId !== null && existing) {
    const code = existing.leads[0]!.code;
    leadAgency = code ? ((await repo.agencyByCode(code)) ?? null) : null;
  }
  if (input.partners !== undefined) {
    partners = [];
    for (const [i, ref] of input.partners.entries()) {
      const resolved = await resolveAgency(repo, `partners.${i}`, ref, issues);
      if (resolved) partners.push({ ...resolved.write, role: 'partner' });
    }
  }
  const leadKeys = new Set(leads.map(agencyKey));
  const seen = new Set<string>();
  for (const [i, p] of partners.entries()) {
    if (leadKeys.has(agencyKey(p)))
      issues.push({
        field: `partners.${i}`,
        problem: `${p.nameAsWritten} is the lead agency; a lead is not also a partner`,
      });
    if (seen.has(agencyKey(p)))
      issues.push({ field: `partners.${i}`, problem: `${p.nameAsWritten} is listed twice` });
    seen.add(agencyKey(p));
  }

  if (input.targetIds !== undefined) {
    const unique = [...new Set(input.targetIds)];
    const found = new Set(await repo.existingTargets(ctx.programId, unique));
    for (const id of unique)
      if (!found.has(id)) issues.push({ field: 'targetIds', problem: `no target ${id}` });
  }

  // The parent chain must end: a task may not sit below itself.
  let parent: RegisterTask | null = null;
  const parentId = input.parentTaskId !== undefined ? input.parentTaskId : (existing?.parentTaskId ?? null);
  if (input.parentTaskId !== undefined) columns.parentTaskId = input.parentTaskId;
  if (parentId !== null) {
    parent = (await repo.byId(parentId)) ?? null;
    if (!parent || parent.programId !== ctx.programId) {
      issues.push({ field: 'parentTaskId', problem: `no task ${parentId} in this program` });
      parent = null;
    } else if (existing && (await repo.ancestors(parentId)).includes(existing.id)) {
      issues.push({
        field: 'parentTaskId',
        problem: `task ${parentId} is below this task: that would make a cycle`,
      });
    }
  }

  if (ctx.extraCheck) issues.push(...(await ctx.extraCheck(tx, { leads, leadAgency, parent })));
  if (!existing) {
    if (!columns.code) issues.push({ field: 'code', problem: 'is required' });
    if (!columns.contentVi) issues.push({ field: 'contentVi', problem: 'is required' });
    if (columns.groupId === undefined && !issues.some((i) => i.field === 'groupNo'))
      issues.push({ field: 'groupNo', problem: 'is required' });
  }
  if (issues.length) throw invalid(issues);

  // Nothing is written before this line.
  if (existing && !(await repo.hasVersions(existing.id))) {
    await repo.appendVersion(existing.id, 'baseline', systemActor('register-baseline'), existing, true);
  }
  let id: number;
  if (existing) {
    id = existing.id;
    await repo.updateTask(id, columns);
  } else {
    if (input.lead !== undefined)
      columns.leadAsWritten = leads.map((l) => l.nameAsWritten).join('; ') || null;
    if (input.partners !== undefined)
      columns.partnersAsWritten = partners.map((p) => p.nameAsWritten).join('; ') || null;
    id = await repo.insertTask(ctx.programId, ctx.planId, columns);
  }
  if (input.lead !== undefined || input.partners !== undefined) {
    await repo.replaceAgencies(id, [...leads, ...partners]);
  }
  if (input.targetIds !== undefined) await repo.replaceTargets(id, [...new Set(input.targetIds)]);
  await repo.refreshSearchText(id);
  const after = (await repo.byId(id))!;
  await repo.appendVersion(id, ctx.change, actor, after);
  await recordAudit(tx, actor, {
    action: `task.${ctx.change}`,
    entityType: 'task',
    entityId: id,
    before: existing ?? null,
    after,
  });
  return id;
}

/** Appends a version for a change made outside writeTask (assignment, cancellation, extension). */
export async function versionAfterChange(
  tx: Db | Tx,
  actor: Actor,
  before: RegisterTask,
  change: string,
): Promise<RegisterTask> {
  const repo = registerRepository(tx);
  if (!(await repo.hasVersions(before.id))) {
    await repo.appendVersion(before.id, 'baseline', systemActor('register-baseline'), before, true);
  }
  const after = (await repo.byId(before.id))!;
  await repo.appendVersion(before.id, change, actor, after);
  await recordAudit(tx, actor, {
    action: `task.${change}`,
    entityType: 'task',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

export function notAssignable(issues: Issue[], code: string): AppError {
  return new AppError(
    422,
    'validation_failed',
    `Task ${code} cannot be assigned: ${issues.map((i) => `${i.field}: ${i.problem}`).join('; ')}`,
    issues,
  );
}
