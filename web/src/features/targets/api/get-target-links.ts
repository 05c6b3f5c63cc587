import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { ProgressStatus, Target } from './get-targets.ts';

/** Task statuses of the task-status module (docs/task-status.md). */
export type TaskStatusKind =
  | 'completed_on_time'
  | 'completed_late'
  | 'open_within_deadline'
  | 'open_overdue'
  | 'not_yet_due'
  | 'recurring'
  | 'no_deadline';

export interface LinkWarning {
  kind: 'tasks_done_target_off_track' | 'target_on_track_tasks_overdue';
  targetCode: string;
  progressStatus: ProgressStatus;
  taskCodes: string[];
}

export interface LinkedTask {
  id: number;
  code: string;
  contentVi: string;
  groupNo: number;
  status: TaskStatusKind;
  originalDueDate: string | null;
  currentDueDate: string | null;
  lateDays: number;
  overdueOccurrences: number;
}

/**
 * Today in Viet Nam (UTC+7) as YYYY-MM-DD: statuses are "as of today", and the date goes in the URL so
 * a cached public answer never outlives its day.
 */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const targetTasksQuery = (code: string, asOf = vietnamToday()) =>
  queryOptions({
    queryKey: ['target', code, 'tasks', asOf],
    queryFn: ({ signal }) =>
      getJson<{ asOf: string; progressStatus: ProgressStatus; tasks: LinkedTask[]; warnings: LinkWarning[] }>(
        `/public/targets/${encodeURIComponent(code)}/tasks`,
        { asOf },
        signal,
      ),
  });
export const useTargetTasks = (code: string) => useQuery(targetTasksQuery(code));

export const taskTargetsQuery = (taskId: number, asOf = vietnamToday()) =>
  queryOptions({
    queryKey: ['task', taskId, 'targets', asOf],
    queryFn: ({ signal }) =>
      getJson<{
        asOf: string;
        taskStatus: TaskStatusKind | null;
        targets: Target[];
        warnings: LinkWarning[];
      }>(`/public/tasks/${taskId}/targets`, { asOf }, signal),
  });
export const useTaskTargets = (taskId: number) => useQuery(taskTargetsQuery(taskId));
