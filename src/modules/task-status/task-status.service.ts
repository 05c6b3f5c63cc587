import type { Db } from '../../db/database.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { deadlinesOf } from '../register/extensions.repository.ts';
import { endOfVietnamDay } from './dates.ts';
import { taskStatusRepository } from './task-status.repository.ts';
import { type TaskStatus, taskStatusAsOf } from './task-status.rules.ts';

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
