import type { Db } from '../../db/database.ts';
import { endOfVietnamDay } from './dates.ts';
import { taskStatusRepository } from './task-status.repository.ts';
import { type TaskStatus, taskStatusAsOf } from './task-status.rules.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export interface TaskStatusRow extends TaskStatus {
  taskId: number;
  code: string;
  deadlineAsWritten: string | null;
  asOf: string;
}

/**
 * The status of a program's tasks as of a date (Viet Nam's calendar day), from reports accepted by the
 * end of that day. Optionally for one agency, some tasks, or with current deadlines from extensions.
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
  const byTask = new Map<number, typeof facts>();
  for (const f of facts) byTask.set(f.taskId, [...(byTask.get(f.taskId) ?? []), f]);
  return tasks.map((t) => ({
    taskId: t.id,
    code: t.code,
    deadlineAsWritten: t.deadlineAsWritten,
    asOf: input.asOf,
    ...taskStatusAsOf(
      {
        dueDate: t.dueDate,
        recurrence: t.recurrence,
        currentDeadline: input.currentDeadlines?.get(t.id) ?? null,
      },
      byTask.get(t.id) ?? [],
      input.asOf,
      calendar,
    ),
  }));
}
