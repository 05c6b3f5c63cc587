import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export type AgencyKind = 'ministry' | 'ministerial_agency' | 'government_agency' | 'province' | 'city';
export const PROVINCIAL_KINDS: readonly string[] = ['province', 'city'];

export interface Agency {
  code: string;
  kind: AgencyKind;
  nameVi: string;
  nameEn: string | null;
  leadCount: number;
  partnerCount: number;
}

export interface AgencyListParams {
  q?: string;
  group?: 'central' | 'provincial';
}

export const getAgencies = (params: AgencyListParams, signal?: AbortSignal) =>
  getJson<{ items: Agency[]; total: number }>('/public/agencies', { ...params }, signal);

export const agenciesQuery = (params: AgencyListParams) =>
  queryOptions({
    queryKey: ['agencies', params],
    queryFn: ({ signal }) => getAgencies(params, signal),
    staleTime: 5 * 60_000, // the list of bodies changes only when the data is reloaded
  });

export const useAgencies = (params: AgencyListParams) =>
  useQuery({ ...agenciesQuery(params), placeholderData: keepPreviousData });
