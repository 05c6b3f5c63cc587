/**
 * Tasks serve targets, both ways: a target's linked tasks with their status as of a date (accepted
 * reports only, the task-status module), a task's targets with their progress (accepted values only),
 * and the warnings where the two disagree (target-task-warnings.ts). Everything read here is public.
 */
import type { Db } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { type TaskStatusRow, taskStatusesAsOf } from '../task-status/task-status.service.ts';
import { type LinkedTaskState, type LinkWarning, linkWarnings } from './target-task-warnings.ts';
import { type LinkedTaskRow, targetTasksRepository } from './target-tasks.repository.ts';
import { targetsWithProgress } from './targets.service.ts';

export interface LinkedTask extends LinkedTaskRow, LinkedTaskState {
  originalDueDate: string | null;
  currentDueDate: string | null;
  lateDays: number;
}

async function linkedTasks(db: Db, programId: number, links: LinkedTaskRow[], asOf: string) {
  const taskIds = [...new Set(links.map((l) => l.taskId))];
  const statuses = new Map<number, TaskStatusRow>();
  if (taskIds.length > 0) {
    const calendar = await loadWorkingCalendar(db);
    for (const s of await taskStatusesAsOf(db, calendar, { programId, asOf, taskIds }))
      statuses.set(s.taskId, s);
  }
  return links.flatMap((link): LinkedTask[] => {
    const s = statuses.get(link.taskId);
    if (!s) return [];
    const lateDays =
      s.status === 'recurring'
        ? Math.max(0, ...s.occurrences.map((o) => (o.status === 'open_overdue' ? o.lateDays : 0)))
        : (s.judgement?.lateDays ?? 0);
    return [
      {
        ...link,
        status: s.status,
        occurrences: s.occurrences.map((o) => ({ status: o.status })),
        originalDueDate: s.originalDueDate,
        currentDueDate: s.currentDueDate,
        lateDays,
      },
    ];
  });
}

/** A target's linked tasks with their status on `asOf`, and the warnings. */
export async function tasksOfTarget(db: Db, programCode: string, targetCode: string, asOf: string) {
  const { program, items } = await targetsWithProgress(db, programCode, { code: targetCode });
  const item = items[0];
  if (!item) throw notFound(`Target ${targetCode}`);
  const links = await targetTasksRepository(db).tasksOfTargets([item.target.id]);
  const tasks = await linkedTasks(db, program.id, links, asOf);
  const warnings = linkWarnings({ code: item.target.code, progressStatus: item.progress.status }, tasks);
  return { target: item.target, progress: item.progress, tasks, warnings };
}

/**
 * A task's targets with their progress, and for each target the warnings over all the tasks that serve
 * it (a target is off track despite this task and the others being done; on track while this or another
 * of its tasks is overdue).
 */
export async function targetsOfTask(db: Db, programCode: string, taskId: number, asOf: string) {
  const { program, items } = await targetsWithProgress(db, programCode);
  const repo = targetTasksRepository(db);
  const task = await repo.publicTask(program.id, taskId);
  if (!task) throw notFound(`Task ${taskId}`);
  const targetIds = new Set(await repo.targetIdsOfTask(taskId));
  const served = items.filter((i) => targetIds.has(i.target.id));
  const tasks = await linkedTasks(
    db,
    program.id,
    await repo.tasksOfTargets(served.map((i) => i.target.id)),
    asOf,
  );
  const warnings: LinkWarning[] = served.flatMap((i) =>
    linkWarnings(
      { code: i.target.code, progressStatus: i.progress.status },
      tasks.filter((t) => t.targetId === i.target.id),
    ),
  );
  const self = tasks.find((t) => t.taskId === taskId);
  return { task: { ...task, status: self?.status ?? null }, targets: served, warnings };
}
