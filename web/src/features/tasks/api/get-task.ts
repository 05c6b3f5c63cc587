import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { AgencyRef, TaskSummary } from './get-tasks.ts';

export interface FiveR {
  who: boolean;
  what: boolean;
  responsibility: boolean;
  when: boolean;
  result: boolean;
}

export interface TaskDetail extends TaskSummary {
  group: { no: number; titleVi: string; titleEn: string | null };
  partners: AgencyRef[];
  leadAsWritten: string | null;
  partnersAsWritten: string | null;
  deadlineRule: string | null;
  source: { document: string | null; row: number | null; program: string };
  fiveR: FiveR;
  updatedAt: string;
}

export const getTask = (id: number, signal?: AbortSignal) =>
  getJson<TaskDetail>(`/public/tasks/${id}`, {}, signal);

export const taskQuery = (id: number) =>
  queryOptions({ queryKey: ['task', id], queryFn: ({ signal }) => getTask(id, signal) });

export const useTask = (id: number) => useQuery(taskQuery(id));
