import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { ProgressStatus, Target } from './get-targets.ts';

export interface YearValue {
  year: number;
  value: number;
}

/** How the class was computed: the method's inputs and thresholds (docs/targets-progress.md). */
export interface Progress {
  status: ProgressStatus;
  method: 'growth_rate' | 'coordinator_assessment';
  reason: string | null;
  direction: 1 | -1 | null;
  goal: number | null;
  baseline: YearValue | null;
  latest: YearValue | null;
  targetYear: number | null;
  observedGrowth: number | null;
  requiredGrowth: number | null;
  ratio: number | null;
  thresholds: { high: number; med: number; low: number };
  projection: YearValue | null;
  projectionPath: YearValue[];
  neededTrajectory: YearValue[];
}

/** An accepted value as the public sees it. */
export interface TargetObservation {
  year: number;
  period: string;
  disaggregation: { key: string; value: string } | null;
  value: number | null;
  assessedClass: string | null;
  assessmentText: string | null;
  unit: string | null;
  source: string | null;
  note: string | null;
  evidenceUrl: string | null;
}

export interface TargetDetail {
  target: Target;
  values: TargetObservation[];
  progress: Progress;
}

export const getTarget = (code: string, signal?: AbortSignal) =>
  getJson<TargetDetail>(`/public/targets/${encodeURIComponent(code)}`, {}, signal);

export const targetQuery = (code: string) =>
  queryOptions({ queryKey: ['target', code], queryFn: ({ signal }) => getTarget(code, signal) });

export const useTarget = (code: string) => useQuery(targetQuery(code));
