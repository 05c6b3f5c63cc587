import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export const PRODUCT_TYPES = [
  'law',
  'resolution',
  'decree',
  'pm_decision',
  'circular',
  'scheme',
  'program',
  'plan',
  'report',
  'platform',
  'other',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export type Recurrence = 'yearly' | 'ongoing';
export type Collective = 'all_ministries' | 'all_provinces' | 'all_ministries_and_provinces';
export const COLLECTIVES: Collective[] = ['all_ministries', 'all_provinces', 'all_ministries_and_provinces'];

/** A lead or partner as the task names it, and the body it maps to today. */
export interface AgencyRef {
  role: 'lead' | 'partner';
  code: string | null;
  nameVi: string | null;
  nameEn: string | null;
  collective: Collective | null;
  nameAsWritten: string;
  mapped: boolean;
}

export interface TaskSummary {
  id: number;
  code: string;
  groupNo: number;
  contentVi: string;
  leads: AgencyRef[];
  productAsWritten: string | null;
  productType: ProductType | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
}

export const TASK_SORTS = ['code', 'due_date', 'relevance'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export interface TaskListParams {
  q?: string;
  group?: string;
  lead?: string;
  productType?: string;
  recurrence?: string;
  dueFrom?: string;
  dueTo?: string;
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
}

export interface TaskPage {
  items: TaskSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export const getTasks = (params: TaskListParams, signal?: AbortSignal) =>
  getJson<TaskPage>('/public/tasks', { ...params }, signal);

export const tasksQuery = (params: TaskListParams) =>
  queryOptions({ queryKey: ['tasks', params], queryFn: ({ signal }) => getTasks(params, signal) });

/** Keeps the previous page on screen while the next one loads, so the table does not jump. */
export const useTasks = (params: TaskListParams) =>
  useQuery({ ...tasksQuery(params), placeholderData: keepPreviousData });
