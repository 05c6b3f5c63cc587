import type { Db } from '../../db/database.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { deadlinesOf } from '../register/extensions.repository.ts';
import { endOfVietnamDay, vietnamToday } from './dates.ts';
import { type StatusTaskRow, taskStatusRepository } from './task-status.repository.ts';
import { type StatusFact, type TaskStatus, taskStatusAsOf } from './task-status.rules.ts';

export interface TaskStatusRow extends TaskStatus {
  taskId: number;
  code: string;
  deadlineAsWritten: string | null;
  asOf: string;
  /** The deadline at assignment: on-time is judged against it. */
  originalDueDate: string | null;
  /** The deadline in force on the as-of date after extensions approved by then. */
  currentDueDate: string | null;
}

/**
 * The status of a program's tasks as of a date (Viet Nam's calendar day), from reports accepted by the
 * end of that day. Deadlines come from the register (`deadlinesOf`): judged against the original, the
 * current one (extensions approved by the end of the as-of day) shown beside it. Computing the current
 * deadline here, at read time, means an approved extension needs no update of task_current_status,
 * which holds only what the reports said. `currentDeadlines` overrides the register (a what-if).
 */
export async function taskStatusesAsOf(
  db: Db,
  calendar: WorkingCalendar,
  input: {
    programId: number;
    asOf: string;
    agencyId?: number;
    taskIds?: number[];
    currentDeadlines?: Map<number, string>;
    /** Read the accepted history even for today (a test compares it with the summary). */
    fromHistory?: boolean;
  },
): Promise<TaskStatusRow[]> {
  const repo = taskStatusRepository(db);
  const tasks = await repo.tasks(input);
  const facts = await factsAsOf(db, {
    tasks,
    asOf: input.fromHistory ? '0000-01-01' : input.asOf,
    cutoff: endOfVietnamDay(input.asOf),
    agencyId: input.agencyId,
  });
  const deadlines = new Map(
    (
      await deadlinesOf(
        db,
        tasks.map((t) => t.id),
        input.asOf,
      )
    ).map((d) => [d.taskId, d]),
  );
  const byTask = new Map<number, typeof facts>();
  for (const f of facts) {
    const list = byTask.get(f.taskId);
    if (list) list.push(f);
    else byTask.set(f.taskId, [f]);
  }
  return tasks.map((t) => {
    const d = deadlines.get(t.id);
    const originalDueDate = d?.originalDueDate ?? t.dueDate;
    const currentDueDate = input.currentDeadlines?.get(t.id) ?? d?.currentDueDate ?? originalDueDate;
    return {
      taskId: t.id,
      code: t.code,
      deadlineAsWritten: t.deadlineAsWritten,
      asOf: input.asOf,
      originalDueDate,
      currentDueDate,
      ...taskStatusAsOf(
        {
          dueDate: originalDueDate,
          recurrence: t.recurrence,
          currentDeadline: currentDueDate,
        },
        byTask.get(t.id) ?? [],
        input.asOf,
        calendar,
      ),
    };
  });
}

/**
 * The accepted facts the status rules judge, as of a date. For today (or later), one-off tasks read the
 * current-state summary kept by report acceptance (task_current_status), never the report history (issue 6):
 * a one-off task is judged on its latest accepted fact, which the summary holds per task and agency.
 * Recurring tasks (each occurrence needs the facts of its period), past dates, and a task whose summary
 * row was accepted after the cutoff read the accepted history. Both give the same answer (tested).
 */
async function factsAsOf(
  db: Db,
  input: {
    tasks: StatusTaskRow[];
    asOf: string;
    cutoff: string;
    /** One agency's facts; without one, the task's lead agencies' facts, or with everyAgency all of them. */
    agencyId?: number;
    everyAgency?: boolean;
  },
): Promise<(StatusFact & { taskId: number })[]> {
  const repo = taskStatusRepository(db);
  const today = input.asOf >= vietnamToday();
  const oneOff = today ? input.tasks.filter((t) => !t.recurrence).map((t) => t.id) : [];
  const scope = { agencyId: input.agencyId, leadsOnly: !input.everyAgency };
  const summary = await repo.current(oneOff, scope, input.cutoff);
  const unanswered = new Set(summary.filter((f) => f.afterCutoff).map((f) => f.taskId));
  const fromSummary = new Set(oneOff.filter((id) => !unanswered.has(id)));
  const history = await repo.facts({
    taskIds: input.tasks.map((t) => t.id).filter((id) => !fromSummary.has(id)),
    cutoff: input.cutoff,
    agencyId: input.agencyId,
    everyAgency: input.everyAgency,
  });
  return [
    ...summary.filter((f) => fromSummary.has(f.taskId)).map(({ afterCutoff: _, ...f }) => f),
    ...history,
  ];
}

export interface AssignmentStatus extends TaskStatus {
  taskId: number;
  agencyId: number;
  originalDueDate: string | null;
  currentDueDate: string | null;
}

/**
 * The status of each task × agency assignment as of a date, judged from that agency's own accepted
 * reports (lead or partner: each answers for its part). For today (or later), one-off tasks read the
 * summary task_current_status, kept by report acceptance; past dates and recurring tasks (whose
 * occurrences need every fact of each period) read the accepted report history. Both paths apply the
 * same rules, so today's answer equals the history's.
 */
export async function assignmentStatusesAsOf(
  db: Db,
  calendar: WorkingCalendar,
  input: { programId: number; asOf: string; assignments: { taskId: number; agencyId: number }[] },
): Promise<AssignmentStatus[]> {
  const repo = taskStatusRepository(db);
  const taskIds = [...new Set(input.assignments.map((a) => a.taskId))];
  const tasks = new Map((await repo.tasks({ programId: input.programId, taskIds })).map((t) => [t.id, t]));
  const deadlines = new Map((await deadlinesOf(db, taskIds, input.asOf)).map((d) => [d.taskId, d]));
  const facts = await factsAsOf(db, {
    tasks: [...tasks.values()],
    asOf: input.asOf,
    cutoff: endOfVietnamDay(input.asOf),
    everyAgency: true,
  });
  const byAssignment = new Map<string, StatusFact[]>();
  for (const f of facts) {
    const key = `${f.taskId}:${f.agencyId}`;
    const list = byAssignment.get(key);
    if (list) list.push(f);
    else byAssignment.set(key, [f]);
  }
  const out: AssignmentStatus[] = [];
  for (const a of input.assignments) {
    const t = tasks.get(a.taskId);
    if (!t) continue;
    const d = deadlines.get(a.taskId);
    const originalDueDate = d?.originalDueDate ?? t.dueDate;
    const currentDueDate = d?.currentDueDate ?? originalDueDate;
    out.push({
      taskId: a.taskId,
      agencyId: a.agencyId,
      originalDueDate,
      currentDueDate,
      ...taskStatusAsOf(
        { dueDate: originalDueDate, recurrence: t.recurrence, currentDeadline: currentDueDate },
        byAssignment.get(`${a.taskId}:${a.agencyId}`) ?? [],
        input.asOf,
        calendar,
      ),
    });
  }
  return out;
}
