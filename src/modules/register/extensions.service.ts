import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { conflict, forbidden, type Issue, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { leadsInclude } from '../plans/collectives.ts';
import { requireProgram } from '../program/program.service.ts';
import { deadlinesOf, extensionsRepository } from './extensions.repository.ts';
import { registerRepository } from './register.repository.ts';
import { todayInVietnam, versionAfterChange } from './task-writer.ts';
import { conflictOnRace } from './unique-conflict.ts';

export interface ExtensionRequest {
  /** The agency asking: it must lead the task, directly or through a collective. */
  agency: string;
  reason: string;
  requestedDueDate: string;
}

async function requireTask(db: Db, programCode: string, taskId: number) {
  const program = await requireProgram(db, programCode);
  const task = await registerRepository(db).byId(taskId);
  if (!task || task.programId !== program.id) throw notFound(`Task ${taskId}`);
  return { program, task };
}

/** An agency asks to move an assigned task's deadline; the original deadline is never touched. */
export async function requestExtension(
  db: Db,
  actor: Actor,
  programCode: string,
  taskId: number,
  request: ExtensionRequest,
) {
  const { task } = await requireTask(db, programCode, taskId);
  const issues: Issue[] = [];
  const reason = cleanText(request.reason);
  if (!reason) issues.push({ field: 'reason', problem: 'is required' });
  const agency = await registerRepository(db).agencyByCode(request.agency);
  if (!agency) issues.push({ field: 'agency', problem: `unknown agency ${request.agency}` });
  if (task.dueDate !== null && request.requestedDueDate <= task.dueDate) {
    issues.push({
      field: 'requestedDueDate',
      problem: `must be after the current deadline ${task.dueDate}`,
    });
  }
  if (issues.length) throw invalid(issues);
  if (task.registerState !== 'assigned')
    throw conflict(
      `Task ${task.code} is ${task.registerState}: only an assigned task's deadline is extended`,
    );
  if (task.dueDate === null) throw conflict(`Task ${task.code} has no single deadline to extend`);
  if (!leadsInclude(task.leads, agency!)) {
    throw forbidden(`${agency!.nameVi} does not lead task ${task.code} and cannot ask to extend it`);
  }
  const id = await conflictOnRace(
    db.transaction(async (tx) => {
      const repo = extensionsRepository(tx);
      if ((await repo.ofTask(task.id)).some((e) => e.state === 'pending'))
        throw conflict(`Task ${task.code} already has a pending extension request`);
      const id = await repo.insert({
        taskId: task.id,
        requestingOrgId: agency!.id,
        actor,
        reason,
        previousDueDate: task.dueDate!,
        requestedDueDate: request.requestedDueDate,
      });
      await recordAudit(tx, actor, {
        action: 'extension.requested',
        entityType: 'deadline_extension',
        entityId: id,
        after: { taskId: task.id, agency: agency!.code, reason, requestedDueDate: request.requestedDueDate },
      });
      return id;
    }),
    `Task ${task.code} already has a pending extension request`,
  );
  return (await extensionsRepository(db).ofTask(task.id)).find((e) => e.id === id)!;
}

/** The coordinator approves (the current deadline moves) or refuses (with a reason) a pending request. */
export async function decideExtension(
  db: Db,
  actor: Actor,
  programCode: string,
  extensionId: number,
  decision: { approve: boolean; note?: string | null },
) {
  const program = await requireProgram(db, programCode);
  const note = decision.note ? cleanText(decision.note) || null : null;
  if (!decision.approve && !note) throw invalid([{ field: 'note', problem: 'a refusal needs a reason' }]);
  const taskId = await db.transaction(async (tx) => {
    const repo = extensionsRepository(tx);
    const extension = await repo.byIdForUpdate(extensionId);
    const registry = registerRepository(tx);
    const task = extension ? await registry.byId(extension.taskId) : undefined;
    if (!extension || !task || task.programId !== program.id)
      throw notFound(`Extension request ${extensionId}`);
    if (extension.state !== 'pending')
      throw conflict(`Extension request ${extensionId} is already ${extension.state}`);
    await registry.lockTask(task.id);
    if (decision.approve && task.registerState !== 'assigned')
      throw conflict(`Task ${task.code} is ${task.registerState}: its deadline no longer moves`);
    await repo.decide(extensionId, decision.approve ? 'approved' : 'refused', actor, note);
    await recordAudit(tx, actor, {
      action: decision.approve ? 'extension.approved' : 'extension.refused',
      entityType: 'deadline_extension',
      entityId: extensionId,
      before: extension,
      after: { state: decision.approve ? 'approved' : 'refused', note },
    });
    if (decision.approve) {
      await registry.setCurrentDeadline(task.id, extension.requestedDueDate);
      await versionAfterChange(tx, actor, task, 'extension_approved');
    }
    return task.id;
  });
  return taskDeadlines(db, programCode, taskId);
}

/** A task's original and current deadline and every extension request with its decision. */
export async function taskDeadlines(db: Db, programCode: string, taskId: number, asOf = todayInVietnam()) {
  const { task } = await requireTask(db, programCode, taskId);
  const [deadlines] = await deadlinesOf(db, [task.id], asOf);
  return {
    taskId: task.id,
    code: task.code,
    originalDueDate: deadlines!.originalDueDate,
    currentDueDate: deadlines!.currentDueDate,
    extensions: await extensionsRepository(db).ofTask(task.id),
  };
}

export async function pendingExtensions(db: Db, programCode: string) {
  const program = await requireProgram(db, programCode);
  return extensionsRepository(db).pending(program.id);
}
