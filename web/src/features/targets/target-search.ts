import type { TargetListParams } from './api/get-targets.ts';

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
