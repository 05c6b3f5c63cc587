import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendFile, sendJson } from '../../../lib/api-client.ts';
import type { TargetObservation } from '../../targets/api/get-target.ts';
import type { Comparison } from '../../targets/api/get-targets.ts';

export const VALUE_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** A value as the people who enter and review it see it (GET /api/target-values…). */
export interface TargetValue extends TargetObservation {
  id: number;
  targetId: number;
  status: ValueStatus;
  returnReason: string | null;
  enteredBy: string;
  enteredAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  target: {
    code: string;
    textVi: string;
    textEn: string | null;
    unit: string | null;
    comparison: Comparison;
    monitoringAgencyCode: string | null;
  };
}

/** A target the officer's agency monitors: what the entry form needs. */
export interface MonitoredTarget {
  code: string;
  textVi: string;
  textEn: string | null;
  unit: string | null;
  comparison: Comparison;
  targetValueText: string;
  targetYear: number | null;
  monitoringAgencyCode: string | null;
}

/** What the entry form sends: the server judges the content and answers "field: problem". */
export interface ValueInput {
  year: number | string;
  period?: string;
  disaggregation?: { key: string; value: string } | null;
  value?: number | string | null;
  assessedClass?: string | null;
  assessmentText?: string | null;
  unit?: string | null;
  source?: string | null;
  note?: string | null;
  evidenceUrl?: string | null;
}

const VALUES_KEY = ['target-values'] as const;

export const myValuesQuery = () =>
  queryOptions({
    queryKey: [...VALUES_KEY, 'mine'],
    queryFn: ({ signal }) =>
      getJson<{ targets: MonitoredTarget[]; items: TargetValue[] }>('/target-values/mine', {}, signal),
    staleTime: 0,
  });
export const useMyValues = () => useQuery(myValuesQuery());

export const reviewQueueQuery = () =>
  queryOptions({
    queryKey: [...VALUES_KEY, 'review'],
    queryFn: ({ signal }) =>
      getJson<{ items: (TargetValue & { previous: TargetObservation | null })[] }>(
        '/target-values',
        { status: 'submitted' },
        signal,
      ),
    staleTime: 0,
  });
export const useReviewQueue = () => useQuery(reviewQueueQuery());

/** Every write here changes the lists and, once accepted, the public target pages. */
function useValueChange<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: VALUES_KEY });
      void client.invalidateQueries({ queryKey: ['target'] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export const useEnterValue = () =>
  useValueChange(({ code, ...body }: ValueInput & { code: string }) =>
    sendJson<TargetValue>('POST', `/targets/${encodeURIComponent(code)}/values`, body),
  );

export const useUpdateValue = () =>
  useValueChange(({ id, ...body }: ValueInput & { id: number }) =>
    sendJson<TargetValue>('PUT', `/target-values/${id}`, body),
  );

export const useMoveValue = () =>
  useValueChange(
    ({ id, action, reason }: { id: number; action: 'submit' | 'accept' | 'return'; reason?: string }) =>
      sendJson<TargetValue>('POST', `/target-values/${id}/${action}`, reason ? { reason } : {}),
  );

export interface ImportPreview {
  rows: {
    row: number;
    targetCode: string | null;
    year: number | null;
    period: string;
    disaggregation: string | null;
    value: number | null;
    assessedClass: string | null;
    ok: boolean;
    issues: { field: string; problem: string }[];
  }[];
  total: number;
  valid: number;
  errors: number;
}

export const TEMPLATE_URL = '/api/target-imports/template.xlsx';

export const previewImport = (file: File) =>
  sendFile<ImportPreview>('/target-imports/preview', file, { fileName: file.name });

export const useCommitImport = () =>
  useValueChange((file: File) =>
    sendFile<{ imported: number; ids: number[] }>('/target-imports', file, { fileName: file.name }),
  );
