import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import { currentHalf } from '../periods.ts';
import type { EvaluationContent, Snapshot } from './get-evaluations.ts';

/** The live evaluation (GET /api/evaluations/live, staff) and publication (POST /api/evaluations/snapshots). */

export interface EvaluationRequest {
  period: string;
  /** YYYY-MM-DD within the period; empty: its last day, or today while it runs. */
  asOf?: string;
  methodId?: number;
}

/** The request an address describes: ?period=2025-H1&asOf=2025-05-31&methodId=2; the running half by default. */
export function liveRequestFromUrl(params: URLSearchParams): EvaluationRequest {
  return {
    period: params.get('period') || currentHalf(),
    asOf: params.get('asOf') || undefined,
    methodId: Number(params.get('methodId')) || undefined,
  };
}

/** The live view says what publishing it now would change since the latest published snapshot. */
export type LiveEvaluation = EvaluationContent;

export const liveEvaluationQuery = (request: EvaluationRequest) =>
  queryOptions({
    queryKey: ['evaluation-live', request.period, request.asOf ?? '', request.methodId ?? 0],
    queryFn: ({ signal }) =>
      getJson<LiveEvaluation>(
        '/evaluations/live',
        { period: request.period, asOf: request.asOf, methodId: request.methodId },
        signal,
      ),
    // Computed from the current data on every request: a minute is fresh enough to read it twice.
    staleTime: 60_000,
    retry: false,
  });

export const useLiveEvaluation = (request: EvaluationRequest | null) =>
  useQuery({
    ...liveEvaluationQuery(request ?? { period: '' }),
    enabled: request !== null && request.period !== '',
  });

/** Publishes a period; the new snapshot joins the public list and becomes the live view's "previous". */
export function usePublishEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: EvaluationRequest) => sendJson<Snapshot>('POST', '/evaluations/snapshots', request),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['evaluations'] });
      void client.invalidateQueries({ queryKey: ['evaluation-live'] });
    },
  });
}
