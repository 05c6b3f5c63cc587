import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { Program } from '../../program/api/get-program.ts';

export interface GroupSummary {
  no: number;
  titleVi: string;
  titleEn: string | null;
  taskCount: number;
  itemCount: number;
}

export interface AgencyTaskCount {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: string;
  leadCount: number;
  partnerCount: number;
}

export interface Overview {
  program: Program;
  totals: { tasks: number; items: number; targets: number; indicatorGroups: number; agencies: number };
  groups: GroupSummary[];
  deadlinesByQuarter: { year: number; quarter: number; count: number }[];
  deadlineKinds: { yearly: number; ongoing: number; undated: number; total: number };
  topAgencies: AgencyTaskCount[];
  collectives: { collective: string; role: 'lead' | 'partner'; count: number }[];
}

export const getOverview = (signal?: AbortSignal) => getJson<Overview>('/public/overview', {}, signal);

export const overviewQuery = () =>
  queryOptions({ queryKey: ['overview'], queryFn: ({ signal }) => getOverview(signal) });

export const useOverview = () => useQuery(overviewQuery());
