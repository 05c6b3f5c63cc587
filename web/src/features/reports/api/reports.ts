import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendFile, sendJson } from '../../../lib/api-client.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ITEM_STATUSES = ['not_started', 'in_progress', 'completed', 'paused', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One agency × period × due date, with its current report's state (GET /api/reports/obligations). */
export interface Obligation {
  id: number;
  /** Demo mode's illustrative data, labelled wherever it shows (decision 100). */
  illustrative: boolean;
  agency: { id: number; code: string; nameVi: string };
  frequency: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  reportId: number | null;
  reportStatus: ReportStatus | null;
  returnReason: string | null;
  firstSubmittedAt: string | null;
  workingDaysLeft: number;
}

export interface EvidenceOut {
  kind: 'document' | 'file' | 'link';
  documentNumber: string | null;
  documentDate: string | null;
  documentIssuer: string | null;
  file: { id: number; name: string; mime: string; sizeBytes: number } | null;
  url: string | null;
  note: string | null;
}

export interface Assessment {
  status: ItemStatus;
  progress: number;
}

export interface ReportItemOut {
  taskId: number;
  taskCode: string;
  completedOn: string | null;
  doneText: string;
  difficulties: string;
  recommendations: string;
  bottlenecks: { type: string; description: string }[];
  evidence: EvidenceOut[];
  agency: Assessment;
  reviewer: (Assessment & { note: string | null }) | null;
  disagreement: boolean;
}

export interface ReportTask {
  id: number;
  code: string;
  contentVi: string;
  role: 'lead' | 'partner';
  deadlineAsWritten: string | null;
  dueDate: string | null;
}

/** GET /api/reports/:id: the report, the tasks its agency carries and what the caller may do now. */
export interface ReportDetail {
  id: number;
  /** Demo mode's illustrative data, labelled wherever it shows (decision 100). */
  illustrative: boolean;
  obligationId: number;
  agencyId: number;
  agency: { id: number; code: string; nameVi: string; nameEn: string | null };
  period: string;
  dueDate: string;
  revision: number;
  status: ReportStatus;
  lockVersion: number;
  summary: string;
  correctionReason: string | null;
  returnReason: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  supersededAt: string | null;
  updatedAt: string;
  tasks: ReportTask[];
  can: { edit: boolean; submit: boolean; review: boolean; correct: boolean };
  items: ReportItemOut[];
  revisions: { id: number; revision: number; status: string; acceptedAt: string | null }[];
}

export interface ReportSummary {
  id: number;
  /** Demo mode's illustrative data, labelled wherever it shows (decision 100). */
  illustrative: boolean;
  agencyId: number;
  agencyCode: string;
  agencyNameVi: string;
  agencyNameEn: string | null;
  period: string;
  dueDate: string;
  revision: number;
  status: ReportStatus;
  submittedAt: string | null;
  acceptedAt: string | null;
  itemCount: number;
}

/** The input shape of one piece of evidence (PUT /api/reports/:id). */
export type EvidenceIn =
  | { kind: 'document'; number: string; date: string; issuer: string; note?: string }
  | { kind: 'file'; fileId: number; note?: string }
  | { kind: 'link'; url: string; note?: string };

export interface ReportItemIn {
  taskId: number;
  status: ItemStatus;
  progress: number;
  completedOn: string | null;
  doneText: string;
  difficulties: string;
  recommendations: string;
  bottlenecks: { type: string; description: string }[];
  evidence: EvidenceIn[];
}

export interface ReportContent {
  summary: string;
  items: ReportItemIn[];
}

/** A refused save's 409 body: what changed since the caller's version, and the draft as it is now. */
export interface DraftConflictBody {
  code: 'conflict';
  message: string;
  lockVersion?: number;
  changes?: { field: string; before: unknown; after: unknown }[];
  current?: ReportContent;
}

const KEY = ['reports'] as const;

export const obligationsQuery = (agency: number | undefined) =>
  queryOptions({
    queryKey: [...KEY, 'obligations', agency ?? null],
    queryFn: ({ signal }) => getJson<Obligation[]>('/reports/obligations', { agency }, signal),
    enabled: agency !== undefined,
    staleTime: 0,
  });
export const useObligations = (agency: number | undefined) => useQuery(obligationsQuery(agency));

export const reportQuery = (id: number) =>
  queryOptions({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => getJson<ReportDetail>(`/reports/${id}`, {}, signal),
    staleTime: 0,
  });
export const useReport = (id: number) => useQuery(reportQuery(id));

export interface QueueFilter {
  period?: string;
  agency?: number;
  page: number;
}
export const QUEUE_PAGE_SIZE = 20;

export function queueFilterFromUrl(params: URLSearchParams): QueueFilter {
  const id = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const period = params.get('period')?.trim();
  return { period: period || undefined, agency: id('agency'), page: id('page') ?? 1 };
}

export const reportQueueQuery = (f: QueueFilter) =>
  queryOptions({
    queryKey: [...KEY, 'queue', f],
    queryFn: ({ signal }) =>
      getJson<{ items: ReportSummary[]; total: number }>(
        '/reports',
        { status: 'submitted', ...f, pageSize: QUEUE_PAGE_SIZE },
        signal,
      ),
    staleTime: 0,
  });
export const useReportQueue = (f: QueueFilter) =>
  useQuery({ ...reportQueueQuery(f), placeholderData: keepPreviousData });

/** A write that answers the report: the cached report is replaced, lists are asked again. */
function useReportChange<V>(send: (v: V) => Promise<ReportDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (report) => {
      client.setQueryData(reportQuery(report.id).queryKey, report);
      void client.invalidateQueries({ queryKey: [...KEY, 'obligations'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'queue'] });
    },
  });
}

export const useStartReport = () =>
  useReportChange((obligationId: number) => sendJson<ReportDetail>('POST', '/reports', { obligationId }));

export const saveDraft = (id: number, lockVersion: number, content: ReportContent) =>
  sendJson<ReportDetail>('PUT', `/reports/${id}`, { ...content, lockVersion });

export const useSubmitReport = () =>
  useReportChange(({ id, lockVersion }: { id: number; lockVersion: number }) =>
    sendJson<ReportDetail>('POST', `/reports/${id}/submit`, { lockVersion }),
  );

export const useReturnReport = () =>
  useReportChange(({ id, reason }: { id: number; reason: string }) =>
    sendJson<ReportDetail>('POST', `/reports/${id}/return`, { reason }),
  );

export interface AssessmentIn {
  taskId: number;
  status: ItemStatus | null;
  progress: number | null;
  note: string | null;
}
export const useAcceptReport = () =>
  useReportChange(({ id, assessments }: { id: number; assessments: AssessmentIn[] }) =>
    sendJson<ReportDetail>('POST', `/reports/${id}/accept`, { assessments }),
  );

export const useCorrectReport = () =>
  useReportChange(({ id, reason }: { id: number; reason: string }) =>
    sendJson<ReportDetail>('POST', `/reports/${id}/corrections`, { reason }),
  );

/** Uploads one evidence file (the body is the file); the server judges its type by content. */
export const uploadEvidence = (file: File) =>
  sendFile<{ id: number; mime: string; sizeBytes: number }>('/files', file, { name: file.name });

export const fileHref = (id: number) => `/api/files/${id}`;
