import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export interface LoadCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  keptLocalEdits: number;
}

/** What the last load of the bundled data could not map; the summary is the loader's own report. */
export interface LoadReport {
  loadedAt: string;
  sourceHash: string;
  summary: {
    counts?: Record<string, LoadCounts>;
    issues?: {
      unmappedAgencies?: { role: string; taskCode: string; asWritten: string; suggestion: string | null }[];
      legacyNamesMapped?: { asWritten: string; mappedTo: string; count: number }[];
      unparsedDeadlines?: { taskCode: string; asWritten: string | null; reason: string }[];
      tasksWithoutProduct?: string[];
      tasksWithoutLead?: string[];
    };
  };
}

export const getLoadReport = (signal?: AbortSignal) => getJson<LoadReport>('/public/load-report', {}, signal);

export const loadReportQuery = () =>
  queryOptions({ queryKey: ['load-report'], queryFn: ({ signal }) => getLoadReport(signal) });

export const useLoadReport = () => useQuery(loadReportQuery());
