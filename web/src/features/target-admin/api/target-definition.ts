import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import type { Comparison } from '../../targets/api/get-targets.ts';

export const COMPARISONS: readonly Comparison[] = [
  '>=',
  '>',
  '<=',
  '<',
  'rank<=',
  'range',
  'qualitative',
  'qualitative_rank',
];

/** A target's editable definition, as the coordinator corrects it (PATCH /api/targets/:code). */
export interface TargetDefinition {
  code: string;
  textVi: string;
  textEn: string | null;
  comparison: Comparison;
  comparisonInferred: boolean;
  unit: string | null;
  targetValueText: string;
  targetValue: number | null;
  targetValueMax: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  monitoringAgencyCode: string | null;
  version: number;
  editedLocally: boolean;
}

export interface TargetVersion {
  version: number;
  changedAt: string;
  actor: string;
  reason: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface DefinitionChange {
  comparison?: Comparison;
  unit?: string | null;
  targetValue?: number | string | null;
  targetValueMax?: number | string | null;
  targetYear?: number | string | null;
  baselineValue?: number | string | null;
  baselineYear?: number | string | null;
  baselineSource?: string | null;
  monitoringAgency?: string | null;
  reason?: string | null;
  expectedVersion?: number;
}

export const definitionQuery = (code: string) =>
  queryOptions({
    queryKey: ['target-definition', code],
    queryFn: ({ signal }) =>
      getJson<{ target: TargetDefinition; versions: TargetVersion[] }>(
        `/targets/${encodeURIComponent(code)}/versions`,
        {},
        signal,
      ),
    staleTime: 0,
  });

export const useDefinition = (code: string) => useQuery(definitionQuery(code));

export function useUpdateDefinition(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: DefinitionChange) =>
      sendJson<{ target: TargetDefinition; changed: boolean }>(
        'PATCH',
        `/targets/${encodeURIComponent(code)}`,
        change,
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['target-definition', code] });
      void client.invalidateQueries({ queryKey: ['target', code] });
      void client.invalidateQueries({ queryKey: ['targets'] });
      void client.invalidateQueries({ queryKey: ['target-values'] });
    },
  });
}
