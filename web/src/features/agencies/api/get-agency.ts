import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { TaskSummary } from '../../tasks/api/get-tasks.ts';
import type { AgencyKind } from './get-agencies.ts';

export interface FormerName {
  name: string;
  kind: string;
  note: string | null;
}

export interface AgencyDetail {
  id: number;
  code: string;
  kind: AgencyKind;
  nameVi: string;
  nameEn: string | null;
  validFrom: string | null;
  source: string | null;
  formerNames: FormerName[];
  leadTasks: TaskSummary[];
  partnerTasks: TaskSummary[];
  collectiveTasks: TaskSummary[];
}

export const getAgency = (code: string, signal?: AbortSignal) =>
  getJson<AgencyDetail>(`/public/agencies/${encodeURIComponent(code)}`, {}, signal);

export const agencyQuery = (code: string) =>
  queryOptions({ queryKey: ['agency', code], queryFn: ({ signal }) => getAgency(code, signal) });

export const useAgency = (code: string) => useQuery(agencyQuery(code));
