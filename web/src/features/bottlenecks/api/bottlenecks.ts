import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export const BOTTLENECK_TYPES = [
  'legal',
  'finance',
  'infrastructure',
  'people',
  'coordination',
  'other',
] as const;
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];
export const BOTTLENECK_STATUSES = ['open', 'escalated', 'answered', 'cleared'] as const;
export type BottleneckStatus = (typeof BOTTLENECK_STATUSES)[number];

export interface Bottleneck {
  id: number;
  agencyId: number | null;
  agencyCode: string | null;
  agencyNameVi: string | null;
  agencyNameEn: string | null;
  taskId: number | null;
  taskCode: string | null;
  taskContentVi: string | null;
  reportId: number | null;
  type: BottleneckType;
  description: string;
  status: BottleneckStatus;
  escalatedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  clearedAt: string | null;
  createdAt: string;
}

export interface BottleneckEvent {
  action: 'raise' | 'escalate' | 'answer' | 'clear';
  at: string;
  actorName: string | null;
  note: string | null;
  reportId: number | null;
}

/** The board's filters, as they stand in the URL. */
export interface BoardFilter {
  status?: BottleneckStatus;
  type?: BottleneckType;
  agency?: number;
  task?: number;
  page: number;
}

export const BOARD_PAGE_SIZE = 20;
const KEY = ['bottlenecks'] as const;

export function boardFilterFromUrl(params: URLSearchParams): BoardFilter {
  const id = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    status: BOTTLENECK_STATUSES.find((s) => s === params.get('status')),
    type: BOTTLENECK_TYPES.find((s) => s === params.get('type')),
    agency: id('agency'),
    task: id('task'),
    page: id('page') ?? 1,
  };
}

export const boardQuery = (f: BoardFilter) =>
  queryOptions({
    queryKey: [...KEY, 'list', f],
    queryFn: ({ signal }) =>
      getJson<{ items: Bottleneck[]; total: number; page: number; pageSize: number }>(
        '/bottlenecks',
        { ...f, pageSize: BOARD_PAGE_SIZE },
        signal,
      ),
    staleTime: 0,
  });
export const useBoard = (f: BoardFilter) => useQuery({ ...boardQuery(f), placeholderData: keepPreviousData });

export const countsQuery = (f: { agency?: number; task?: number }) =>
  queryOptions({
    queryKey: [...KEY, 'counts', f.agency ?? null, f.task ?? null],
    queryFn: ({ signal }) =>
      getJson<{
        total: number;
        byType: Record<BottleneckType, number>;
        byStatus: Record<BottleneckStatus, number>;
      }>('/bottlenecks/counts', { agency: f.agency, task: f.task }, signal),
    staleTime: 0,
  });
export const useCounts = (f: { agency?: number; task?: number }) =>
  useQuery({ ...countsQuery(f), placeholderData: keepPreviousData });

export const historyQuery = (id: number) =>
  queryOptions({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) =>
      getJson<Bottleneck & { history: BottleneckEvent[] }>(`/bottlenecks/${id}`, {}, signal),
    staleTime: 0,
  });
export const useHistory = (id: number, enabled: boolean) => useQuery({ ...historyQuery(id), enabled });

function useBoardChange<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useRaise = () =>
  useBoardChange(
    (body: { agencyId: number | null; taskId: number | null; type: BottleneckType; description: string }) =>
      sendJson<{ id: number }>('POST', '/bottlenecks', body),
  );

export const useMove = () =>
  useBoardChange(
    ({ id, action, text }: { id: number; action: 'escalate' | 'answer' | 'clear'; text?: string }) =>
      sendJson<{ ok: true }>(
        'POST',
        `/bottlenecks/${id}/${action}`,
        action === 'answer' ? { answer: text ?? '' } : text?.trim() ? { note: text } : {},
      ),
  );
