import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import type { TaskStatusKind } from '../../targets/api/get-target-links.ts';

/** One agency's reporting in one period (GET /api/reports/rates). */
export interface ReportingRate {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyKind: string;
  period: string;
  frequency: string;
  expected: number;
  submitted: number;
  onTime: number;
  accepted: number;
  /** Obligations that are demo mode's illustrative data. */
  illustrative: number;
}

export const AGENCY_GROUPS = ['ministries', 'provinces', 'others'] as const;
export type AgencyGroup = (typeof AGENCY_GROUPS)[number];

export function groupOf(kind: string): AgencyGroup {
  if (['ministry', 'ministerial_agency', 'government_agency'].includes(kind)) return 'ministries';
  if (['province', 'city'].includes(kind)) return 'provinces';
  return 'others';
}

/** The page's filters, as they stand in the URL. */
export interface RatesFilter {
  year: number;
  period?: string;
  group?: AgencyGroup;
}

export function ratesFilterFromUrl(params: URLSearchParams, thisYear: number): RatesFilter {
  const year = Number(params.get('year'));
  return {
    year: Number.isInteger(year) && year >= 2020 && year <= thisYear + 5 ? year : thisYear,
    period: params.get('period') || undefined,
    group: AGENCY_GROUPS.find((g) => g === params.get('group')),
  };
}

export const ratesQuery = (year: number) =>
  queryOptions({
    queryKey: ['reporting-rates', year],
    queryFn: ({ signal }) =>
      getJson<ReportingRate[]>(
        '/reports/rates',
        { dueFrom: `${year}-01-01`, dueTo: `${year}-12-31` },
        signal,
      ),
  });

export const useRates = (year: number) =>
  useQuery({ ...ratesQuery(year), placeholderData: keepPreviousData });

/** A task's status from accepted reports (GET /api/public/task-status), with demo mode's label. */
export interface ReportedStatus {
  taskId: number;
  code: string;
  status: TaskStatusKind;
  judgement: {
    progress: number;
    completedOn: string | null;
    basisReportId: number | null;
    illustrative: boolean;
  } | null;
}

/** Today in Viet Nam, as the public status endpoint wants it (one cached answer per day). */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const reportedStatusQuery = (scope: { task?: number; agency?: number }) =>
  queryOptions({
    queryKey: ['reported-status', scope],
    queryFn: ({ signal }) =>
      getJson<ReportedStatus[]>('/public/task-status', { ...scope, asOf: vietnamToday() }, signal),
  });

export const useReportedStatus = (scope: { task?: number; agency?: number }) =>
  useQuery(reportedStatusQuery(scope));
