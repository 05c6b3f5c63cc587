import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import type { Recheck } from './get-evaluations.ts';

/** Rechecks: the agency asks (POST …/snapshots/:id/rechecks), the coordinator answers once. */

export type RecheckState = 'pending' | 'answered' | 'all';
export type RecheckOutcome = 'upheld' | 'corrected_in_next';

export interface RecheckItem extends Recheck {
  period: string;
  agencyCode: string;
  agencyName: string;
  requestedBy: string | null;
  answeredBy: string | null;
}

/** ?state=answered|all; the queue of pending requests by default. */
export function recheckStateFromUrl(params: URLSearchParams): RecheckState {
  const state = params.get('state');
  return state === 'answered' || state === 'all' ? state : 'pending';
}

export const rechecksQuery = (state: RecheckState) =>
  queryOptions({
    queryKey: ['evaluation-rechecks', state],
    queryFn: ({ signal }) => getJson<{ items: RecheckItem[] }>('/evaluations/rechecks', { state }, signal),
    staleTime: 0,
  });

export const useRechecks = (state: RecheckState) => useQuery(rechecksQuery(state));

/** A recheck changes what the snapshot pages show beside the frozen content: read them again. */
function useRecheckChange<V>(send: (v: V) => Promise<Recheck>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['evaluation-rechecks'] });
      void client.invalidateQueries({ queryKey: ['evaluation'] });
    },
  });
}

export const useRequestRecheck = () =>
  useRecheckChange(({ snapshotId, ...body }: { snapshotId: number; agencyId: number; reason: string }) =>
    sendJson<Recheck>('POST', `/evaluations/snapshots/${snapshotId}/rechecks`, body),
  );

export const useAnswerRecheck = () =>
  useRecheckChange(({ id, ...body }: { id: number; answer: string; outcome: RecheckOutcome }) =>
    sendJson<Recheck>('POST', `/evaluations/rechecks/${id}/answer`, body),
  );
