import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export type Comparison = '>=' | '>' | '<=' | '<' | 'rank<=' | 'range' | 'qualitative' | 'qualitative_rank';

/** Progress classes of the growth-rate method, best first, then why a target has none. */
export const PROGRESS_STATUSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
  'insufficient_data',
  'not_assessed',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface Target {
  id: number;
  code: string;
  indicatorNo: string | null;
  indicatorGroup: { no: number; titleVi: string } | null;
  textVi: string;
  textEn: string | null;
  targetValueText: string;
  targetValue: number | null;
  targetValueMax: number | null;
  unit: string | null;
  comparison: Comparison;
  comparisonInferred: boolean;
  targetYear: number | null;
  baseline: { value: number; year: number; source: string | null } | null;
  inNq57: boolean;
  monitoringAgency: {
    code: string | null;
    nameVi: string | null;
    nameEn: string | null;
    asWritten: string | null;
  } | null;
  notes: Record<string, string>;
  sources: string[];
  progressStatus: ProgressStatus;
}

export interface TargetListParams {
  q?: string;
  year?: number;
}

export const getTargets = (params: TargetListParams, signal?: AbortSignal) =>
  getJson<{ items: Target[]; total: number }>('/public/targets', { ...params }, signal);

export const targetsQuery = (params: TargetListParams) =>
  queryOptions({ queryKey: ['targets', params], queryFn: ({ signal }) => getTargets(params, signal) });

export const useTargets = (params: TargetListParams) =>
  useQuery({ ...targetsQuery(params), placeholderData: keepPreviousData });
