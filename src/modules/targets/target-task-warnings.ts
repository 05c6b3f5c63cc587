/**
 * Tasks serve targets: where the two disagree, say so (docs/targets-progress.md, "Tasks and targets";
 * decision 055). Pure: fed the target's progress class and the linked tasks' statuses as of a date.
 */
import type { StatusKind } from '../task-status/task-status.rules.ts';
import type { ProgressStatus } from './progress.ts';

/** Classes that put a target on track (Statistics Canada: achieved, or "substantial progress / on track"). */
export const ON_TRACK: readonly ProgressStatus[] = ['target_achieved', 'substantial_progress'];
/** Classes that put it off track ("limited progress", "moving away"); moderate progress is neither. */
export const OFF_TRACK: readonly ProgressStatus[] = ['limited_progress', 'deterioration'];

export const WARNING_KINDS = ['tasks_done_target_off_track', 'target_on_track_tasks_overdue'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** A linked task's state as the warnings read it. */
export interface LinkedTaskState {
  taskId: number;
  code: string;
  status: StatusKind;
  /** For a recurring task: the status of each occurrence up to the date. */
  occurrences: { status: StatusKind }[];
}

export interface LinkWarning {
  kind: WarningKind;
  targetCode: string;
  progressStatus: ProgressStatus;
  /** The tasks the warning is about: all of them (done), or the overdue ones. */
  taskCodes: string[];
}

const COMPLETED: readonly StatusKind[] = ['completed_on_time', 'completed_late'];

/** Done: completed with evidence and accepted. A recurring task is never done once and for all. */
export function taskDone(t: LinkedTaskState): boolean {
  return COMPLETED.includes(t.status);
}

/** Overdue: open past its original deadline, or a recurring task with an occurrence open past its own. */
export function taskOverdue(t: LinkedTaskState): boolean {
  if (t.status === 'recurring') return t.occurrences.some((o) => o.status === 'open_overdue');
  return t.status === 'open_overdue';
}

/**
 * The warnings for one target and the tasks linked to it:
 * - every linked task is done (at least one is linked) but the target is off track: the tasks may not be
 *   the ones that move the target, or more are needed;
 * - the target is on track while some linked task is overdue: progress comes from elsewhere, or the
 *   task's lateness will show later.
 */
export function linkWarnings(
  target: { code: string; progressStatus: ProgressStatus },
  tasks: readonly LinkedTaskState[],
): LinkWarning[] {
  const warnings: LinkWarning[] = [];
  if (tasks.length === 0) return warnings;
  const base = { targetCode: target.code, progressStatus: target.progressStatus };
  if (OFF_TRACK.includes(target.progressStatus) && tasks.every(taskDone)) {
    warnings.push({ kind: 'tasks_done_target_off_track', ...base, taskCodes: tasks.map((t) => t.code) });
  }
  const overdue = tasks.filter(taskOverdue);
  if (ON_TRACK.includes(target.progressStatus) && overdue.length > 0) {
    warnings.push({ kind: 'target_on_track_tasks_overdue', ...base, taskCodes: overdue.map((t) => t.code) });
  }
  return warnings;
}
