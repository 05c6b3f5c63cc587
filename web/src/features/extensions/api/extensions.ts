import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export interface Extension {
  id: number;
  taskId: number;
  taskCode: string;
  taskContentVi: string;
  requestingOrgCode: string | null;
  requestingOrgNameVi: string | null;
  requestedByLabel: string;
  reason: string;
  previousDueDate: string;
  requestedDueDate: string;
  state: 'pending' | 'approved' | 'refused';
  requestedAt: string;
  decidedAt: string | null;
  decidedByLabel: string | null;
  decisionNote: string | null;
}

export interface TaskDeadlines {
  taskId: number;
  code: string;
  originalDueDate: string | null;
  currentDueDate: string | null;
  extensions: Extension[];
}

export const pendingExtensionsQuery = () =>
  queryOptions({
    queryKey: ['extensions', 'pending'],
    queryFn: ({ signal }) => getJson<{ items: Extension[] }>('/register/extensions', {}, signal),
  });

export const taskDeadlinesQuery = (taskId: number) =>
  queryOptions({
    queryKey: ['extensions', 'task', taskId],
    queryFn: ({ signal }) => getJson<TaskDeadlines>(`/register/tasks/${taskId}/deadlines`, {}, signal),
  });

export const usePendingExtensions = () => useQuery(pendingExtensionsQuery());
export const useTaskDeadlines = (taskId: number) => useQuery(taskDeadlinesQuery(taskId));

/** Extensions move a task's current deadline: plans and the register are read again afterwards. */
function useExtensionChange<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['extensions'] });
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['register'] });
    },
  });
}

export const useRequestExtension = () =>
  useExtensionChange((v: { taskId: number; agency: string; reason: string; requestedDueDate: string }) =>
    sendJson<Extension>('POST', `/register/tasks/${v.taskId}/extensions`, {
      agency: v.agency,
      reason: v.reason,
      requestedDueDate: v.requestedDueDate,
    }),
  );

export const useDecideExtension = () =>
  useExtensionChange((v: { id: number; decision: 'approve' | 'refuse'; note: string }) =>
    sendJson<TaskDeadlines>('POST', `/register/extensions/${v.id}/decision`, {
      decision: v.decision,
      note: v.note.trim() || null,
    }),
  );
