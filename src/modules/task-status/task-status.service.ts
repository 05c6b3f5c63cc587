import type { Db } from '../../db/database.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { deadlinesOf } from '../register/extensions.repository.ts';
import { endOfVietnamDay, vietnamToday } from './dates.ts';
import { taskStatusRepository } from './task-status.repository.ts';
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
  },
): Promise<TaskStatusRow[]> {
  const repo = taskStatusRepository(db);
  const tasks = await repo.tasks(input);
  const facts = await repo.facts({
    taskIds: tasks.map((t) => t.id),
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
  for (const f of facts) byTask.set(f.taskId, [...(byTask.get(f.taskId) ?? []), f]);
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
  const today = input.asOf >= vietnamToday();
  const oneOff = taskIds.filter((id) => !tasks.get(id)?.recurrence);
  const recurring = taskIds.filter((id) => tasks.get(id)?.recurrence);
  const facts = [
    ...(today
      ? await repo.current(oneOff)
      : await repo.facts({ taskIds: oneOff, cutoff: endOfVietnamDay(input.asOf), everyAgency: true })),
    ...(await repo.facts({ taskIds: recurring, cutoff: endOfVietnamDay(input.asOf), everyAgency: true })),
  ];
  const byAssignment = new Map<string, StatusFact[]>();
  for (const f of facts) {
    const key = `${f.taskId}:${f.agencyId}`;
    byAssignment.set(key, [...(byAssignment.get(key) ?? []), f]);
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
