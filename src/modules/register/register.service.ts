import type { Db, Tx } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { requireProgram } from '../program/program.service.ts';
import type { FiveRPart } from '../tasks/five-r.ts';
import { occurrences } from './recurrence.ts';
import { registerRepository } from './register.repository.ts';
import { describeMissing, missingParts, type RegisterTask } from './register-task.ts';
import {
  notAssignable,
  type TaskInput,
  todayInVietnam,
  versionAfterChange,
  writeTask,
} from './task-writer.ts';
import { conflictOnRace } from './unique-conflict.ts';

export interface RegisterEntry extends RegisterTask {
  missing: FiveRPart[];
}

const withMissing = (t: RegisterTask): RegisterEntry => ({ ...t, missing: missingParts(t) });

/** A Program task (not an agency's plan item) of the named program, or 404. */
export async function requireProgramTask(
  db: Db | Tx,
  programId: number,
  taskId: number,
): Promise<RegisterTask> {
  const task = await registerRepository(db).byId(taskId);
  if (!task || task.programId !== programId || task.planId !== null) throw notFound(`Task ${taskId}`);
  return task;
}

export async function getRegisterTask(db: Db, programCode: string, taskId: number): Promise<RegisterEntry> {
  const program = await requireProgram(db, programCode);
  return withMissing(await requireProgramTask(db, program.id, taskId));
}

export interface RegisterFilter {
  /** An organisation code or a collective: tasks it leads. */
  lead?: string;
  incomplete?: boolean;
  state?: RegisterTask['registerState'];
  /** Accent- and case-insensitive words, already NFC. */
  q?: string;
}

/** The register: every Program task with what it lacks of the 5 rõ. */
export async function listRegister(db: Db, programCode: string, filter: RegisterFilter = {}) {
  const program = await requireProgram(db, programCode);
  const tasks = (await registerRepository(db).programTasks(program.id, true, filter.q)).map(withMissing);
  return tasks.filter(
    (t) =>
      (!filter.incomplete || t.missing.length > 0) &&
      (!filter.state || t.registerState === filter.state) &&
      (!filter.lead || t.leads.some((l) => l.code === filter.lead || l.collective === filter.lead)),
  );
}

export interface AgencyCompleteness {
  lead: string;
  nameVi: string | null;
  tasks: number;
  incomplete: number;
}

/**
 * Incomplete tasks (any 5 rõ part missing) per lead agency, cancelled tasks aside. A task with two
 * leads counts for each; a task with none counts under "(none)".
 */
export async function incompleteByAgency(db: Db, programCode: string): Promise<AgencyCompleteness[]> {
  const program = await requireProgram(db, programCode);
  const tasks = (await registerRepository(db).programTasks(program.id, false)).map(withMissing);
  const byLead = new Map<string, AgencyCompleteness>();
  for (const t of tasks) {
    const keys = t.leads.length
      ? t.leads.map((l) => ({
          lead: l.code ?? l.collective ?? l.nameAsWritten,
          nameVi: l.nameVi ?? l.nameAsWritten,
        }))
      : [{ lead: '(none)', nameVi: null }];
    for (const k of keys) {
      const row = byLead.get(k.lead) ?? { ...k, tasks: 0, incomplete: 0 };
      row.tasks++;
      if (t.missing.length) row.incomplete++;
      byLead.set(k.lead, row);
    }
  }
  return [...byLead.values()].sort((a, b) => b.incomplete - a.incomplete || a.lead.localeCompare(b.lead));
}

export async function createRegisterTask(db: Db, actor: Actor, programCode: string, input: TaskInput) {
  const program = await requireProgram(db, programCode);
  const id = await conflictOnRace(
    db.transaction((tx) =>
      writeTask(tx, actor, { programId: program.id, planId: null, change: 'created' }, input),
    ),
    `Another task was written with code ${input.code} at the same time`,
  );
  return getRegisterTask(db, programCode, id);
}

export async function updateRegisterTask(
  db: Db,
  actor: Actor,
  programCode: string,
  taskId: number,
  input: TaskInput,
) {
  const program = await requireProgram(db, programCode);
  await db.transaction(async (tx) => {
    const repo = registerRepository(tx);
    if (!(await repo.lockTask(taskId))) throw notFound(`Task ${taskId}`);
    const existing = await requireProgramTask(tx, program.id, taskId);
    if (existing.registerState === 'cancelled') throw conflict(`Task ${existing.code} is cancelled`);
    await writeTask(tx, actor, { programId: program.id, planId: null, existing, change: 'updated' }, input);
  });
  return getRegisterTask(db, programCode, taskId);
}

/**
 * Assigns a task: only when all five parts of 5 rõ are present (422 naming each missing part), and
 * never with a deadline before the assignment date. The deadline at this moment becomes the original
 * deadline, which never changes afterwards. `assignedOn` defaults to the date of the document that
 * issued the program for Program tasks, and to today for plan items.
 */
export async function assignTask(
  db: Db,
  actor: Actor,
  task: RegisterTask,
  assignedOn: string,
): Promise<RegisterTask> {
  return db.transaction(async (tx) => {
    const repo = registerRepository(tx);
    await repo.lockTask(task.id);
    const current = (await repo.byId(task.id))!;
    if (current.registerState !== 'draft')
      throw conflict(`Task ${current.code} is already ${current.registerState}`);
    const missing = missingParts(current);
    if (missing.length) {
      throw notAssignable(
        missing.map((part) => ({ field: part, problem: describeMissing(part) })),
        current.code,
      );
    }
    if (current.dueDate !== null && current.dueDate < assignedOn) {
      throw invalid([
        {
          field: 'dueDate',
          problem: `the deadline ${current.dueDate} is before the assignment date ${assignedOn}`,
        },
      ]);
    }
    await repo.setState(task.id, 'assigned', { assignedOn, originalDueDate: current.dueDate });
    return versionAfterChange(tx, actor, current, 'assigned');
  });
}

export async function assignRegisterTask(
  db: Db,
  actor: Actor,
  programCode: string,
  taskId: number,
  assignedOn?: string,
) {
  const program = await requireProgram(db, programCode);
  const task = await requireProgramTask(db, program.id, taskId);
  await assignTask(db, actor, task, assignedOn ?? program.documentDate ?? todayInVietnam());
  return getRegisterTask(db, programCode, taskId);
}

/** Cancels a task with a reason. It stays in the register and its history; it no longer counts. */
export async function cancelTask(db: Db, actor: Actor, task: RegisterTask, reason: string): Promise<void> {
  const why = cleanText(reason);
  if (!why) throw invalid([{ field: 'reason', problem: 'is required' }]);
  await db.transaction(async (tx) => {
    const repo = registerRepository(tx);
    await repo.lockTask(task.id);
    const current = (await repo.byId(task.id))!;
    if (current.registerState === 'cancelled') throw conflict(`Task ${current.code} is already cancelled`);
    await repo.setState(task.id, 'cancelled', { cancelReason: why });
    await versionAfterChange(tx, actor, current, 'cancelled');
  });
}

export async function cancelRegisterTask(
  db: Db,
  actor: Actor,
  programCode: string,
  taskId: number,
  reason: string,
) {
  const program = await requireProgram(db, programCode);
  await cancelTask(db, actor, await requireProgramTask(db, program.id, taskId), reason);
  return getRegisterTask(db, programCode, taskId);
}

/** Every version of a task, oldest first; the first is the task as loaded when it predates the register. */
export async function taskHistory(db: Db, programCode: string, taskId: number) {
  const program = await requireProgram(db, programCode);
  const task = await registerRepository(db).byId(taskId);
  if (!task || task.programId !== program.id) throw notFound(`Task ${taskId}`);
  const versions = await registerRepository(db).versionsOf(taskId);
  return {
    task: withMissing(task),
    versions: versions.map((v) => ({
      ...v,
      snapshot: typeof v.snapshot === 'string' ? (JSON.parse(v.snapshot) as RegisterTask) : v.snapshot,
    })),
  };
}

/**
 * The instant "as of" means: a date is the end of that day in Viet Nam; a timestamp is itself. Returns
 * the exclusive upper bound.
 */
export function asOfBound(asOf: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const next = new Date(`${asOf}T00:00:00+07:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next;
  }
  return new Date(new Date(asOf).getTime() + 1);
}

/** The Program's tasks and their fields as they were at `asOf`. */
export async function registerAsOf(db: Db, programCode: string, asOf: string): Promise<RegisterEntry[]> {
  const program = await requireProgram(db, programCode);
  const repo = registerRepository(db);
  const { versioned, unversionedIds } = await repo.asOf(program.id, asOfBound(asOf));
  const tasks = [...versioned, ...(await repo.byIds(unversionedIds))].filter((t) => t.planId === null);
  return tasks
    .sort((a, b) => a.groupNo - b.groupNo || a.code.localeCompare(b.code, 'vi', { numeric: true }))
    .map(withMissing);
}

/** The occurrences of a recurring task between two dates (docs/register.md § Recurring tasks). */
export async function taskOccurrences(db: Db, programCode: string, taskId: number, from: string, to: string) {
  const program = await requireProgram(db, programCode);
  const task = await registerRepository(db).byId(taskId);
  if (!task || task.programId !== program.id) throw notFound(`Task ${taskId}`);
  if (!task.recurrence) return { recurrence: null, occurrences: [] };
  return {
    recurrence: task.recurrence,
    occurrences: occurrences(task.recurrence, from, to, task.dueDate ?? task.assignedOn),
  };
}
