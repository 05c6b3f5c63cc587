import { TASK_SORTS, type TaskListParams, type TaskSort } from './api/get-tasks.ts';

/**
 * The task list's state lives in the URL (?q=…&group=…&page=…), so a link or a reload shows the same
 * list. One parser serves the page and the route loader, so both ask the API for the same thing.
 */
export interface TaskSearch {
  q: string;
  group: string;
  lead: string;
  productType: string;
  recurrence: string;
  dueFrom: string;
  dueTo: string;
  sort: TaskSort;
  page: number;
}

export const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'group', 'lead', 'productType', 'recurrence', 'dueFrom', 'dueTo'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function taskSearchFromUrl(params: URLSearchParams): TaskSearch {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  const sort = get('sort') as TaskSort;
  const page = Number.parseInt(get('page'), 10);
  return {
    q: get('q'),
    group: /^\d{1,2}$/.test(get('group')) ? get('group') : '',
    lead: /^[A-Za-z0-9_]{1,40}$/.test(get('lead')) ? get('lead') : '',
    productType: get('productType'),
    recurrence: ['yearly', 'ongoing', 'none'].includes(get('recurrence')) ? get('recurrence') : '',
    dueFrom: DATE.test(get('dueFrom')) ? get('dueFrom') : '',
    dueTo: DATE.test(get('dueTo')) ? get('dueTo') : '',
    sort: TASK_SORTS.includes(sort) ? sort : 'code',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function toTaskListParams(search: TaskSearch): TaskListParams {
  const params: TaskListParams = { sort: search.sort, page: search.page, pageSize: PAGE_SIZE };
  for (const key of FILTER_KEYS) if (search[key]) params[key] = search[key];
  return params;
}

/** The URL query for a search; defaults are left out so links stay short. */
export function taskSearchToUrl(search: Partial<TaskSearch>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (search.sort && search.sort !== 'code') params.set('sort', search.sort);
  if (search.page && search.page > 1) params.set('page', String(search.page));
  return params;
}

export const hasFilters = (search: TaskSearch) => FILTER_KEYS.some((key) => search[key]);

/** A link to the task list with some filters set, e.g. from the overview. */
export const taskListHref = (search: Partial<TaskSearch>) => {
  const query = taskSearchToUrl(search).toString();
  return query ? `/tasks?${query}` : '/tasks';
};
