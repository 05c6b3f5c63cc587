import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import { type MethodDetail, WEIGHT_CRITERIA, type WeightCriterion } from './get-evaluations.ts';

/** Scoring method versions (GET/POST /api/evaluations/methods): listed to staff, created by the coordinator. */

export const methodsQuery = () =>
  queryOptions({
    queryKey: ['evaluation-methods'],
    queryFn: ({ signal }) => getJson<{ items: MethodDetail[] }>('/evaluations/methods', {}, signal),
  });

export const useMethods = () => useQuery(methodsQuery());

export interface NewMethodVersion {
  code: string;
  nameVi: string;
  nameEn: string | null;
  note: string | null;
  weights: Record<WeightCriterion, number>;
  penalties: { overdue: number };
  partnerShare: number;
}

export function useCreateMethodVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMethodVersion) => sendJson<MethodDetail>('POST', '/evaluations/methods', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['evaluation-methods'] }),
  });
}

export const MAX_PENALTY_TOTAL = 50;

/** A problem with a weight set, as the server's rules say it (docs/evaluation.md §4). */
export type RuleProblem =
  | { kind: 'weight'; criterion: WeightCriterion }
  | { kind: 'sum'; sum: number }
  | { kind: 'penalty' }
  | { kind: 'share' };

/**
 * The documented rules for a weight set, checked as the coordinator types (the server checks them again):
 * whole weights 0–100 summing to exactly 100, a whole penalty 0–50, a partner share 0–1 in steps of 0.05.
 */
export function ruleProblems(rules: Pick<NewMethodVersion, 'weights' | 'penalties' | 'partnerShare'>) {
  const problems: RuleProblem[] = [];
  let sum = 0;
  for (const criterion of WEIGHT_CRITERIA) {
    const w = rules.weights[criterion];
    if (!Number.isInteger(w) || w < 0 || w > 100) problems.push({ kind: 'weight', criterion });
    else sum += w;
  }
  if (problems.length === 0 && sum !== 100) problems.push({ kind: 'sum', sum });
  const p = rules.penalties.overdue;
  if (!Number.isInteger(p) || p < 0 || p > MAX_PENALTY_TOTAL) problems.push({ kind: 'penalty' });
  const s = rules.partnerShare;
  if (!(s >= 0 && s <= 1) || Math.abs(Math.round(s * 20) - s * 20) > 1e-9) problems.push({ kind: 'share' });
  return { problems, sum };
}
