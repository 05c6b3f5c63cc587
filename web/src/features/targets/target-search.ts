import { PROGRESS_STATUSES, type ProgressStatus, type TargetListParams } from './api/get-targets.ts';

export const TARGET_YEARS = [2030, 2045] as const;

/** The targets page keeps its search and year in the URL; the route loader reads the same. */
export function targetSearchFromUrl(params: URLSearchParams): TargetListParams {
  const q = params.get('q')?.trim();
  const year = Number(params.get('year'));
  return {
    ...(q ? { q } : {}),
    ...((TARGET_YEARS as readonly number[]).includes(year) ? { year } : {}),
  };
}

/** The progress filter is applied in the page, on the list it already has; the API is not asked. */
export function statusFromUrl(params: URLSearchParams): ProgressStatus | null {
  const status = params.get('status');
  return (PROGRESS_STATUSES as readonly string[]).includes(status ?? '') ? (status as ProgressStatus) : null;
}
