import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import type { Collective, ProductType, Recurrence } from '../../tasks/api/get-tasks.ts';

/** The five parts of "5 rõ", in the order the Prime Minister's rule names them. */
export const FIVE_R_PARTS = ['who', 'what', 'responsibility', 'when', 'result'] as const;
export type FiveRPart = (typeof FIVE_R_PARTS)[number];

export const REGISTER_STATES = ['draft', 'assigned', 'cancelled'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

/** A lead or partner as the register keeps it: one organisation, or a collective. */
export interface RegisterAgency {
  orgUnitId: number | null;
  code: string | null;
  nameVi: string | null;
  collective: Collective | null;
  nameAsWritten: string;
}

export interface RegisterPerson {
  userId: number | null;
  name: string | null;
}

/** One task of the register (GET /api/register/tasks), with the 5 rõ parts it lacks. */
export interface RegisterTask {
  id: number;
  programId: number;
  planId: number | null;
  parentTaskId: number | null;
  groupNo: number;
  code: string;
  contentVi: string;
  sourceDocument: string | null;
  sourceItem: string | null;
  leads: RegisterAgency[];
  partners: RegisterAgency[];
  accountableHead: RegisterPerson;
  focalOfficer: RegisterPerson;
  productType: ProductType | null;
  productDescription: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
  deadlineRule: string | null;
  originalDueDate: string | null;
  registerState: RegisterState;
  assignedOn: string | null;
  cancelReason: string | null;
  targetIds: number[];
  missing: FiveRPart[];
}

/** What the editor sends: only the fields that changed (an assigned task refuses deadline fields). */
export interface TaskInput {
  groupNo?: number;
  code?: string;
  contentVi?: string;
  sourceDocument?: string | null;
  sourceItem?: string | null;
  lead?: string | null;
  partners?: string[];
  accountableHead?: RegisterPerson;
  focalOfficer?: RegisterPerson;
  productType?: ProductType | null;
  productDescription?: string | null;
  deadlineAsWritten?: string | null;
  dueDate?: string | null;
  recurrence?: Recurrence | null;
  targetIds?: number[];
}

export const registerKeys = {
  all: ['register'] as const,
  tasks: () => [...registerKeys.all, 'tasks'] as const,
  asOf: (at: string) => [...registerKeys.all, 'as-of', at] as const,
  task: (id: number) => [...registerKeys.all, 'task', id] as const,
  history: (id: number) => [...registerKeys.all, 'history', id] as const,
  incomplete: () => [...registerKeys.all, 'incomplete-by-agency'] as const,
};

/** The whole register, once: the page filters and sorts it in the browser, so a filter costs no request. */
export const registerTasksQuery = () =>
  queryOptions({
    queryKey: registerKeys.tasks(),
    queryFn: ({ signal }) => getJson<{ items: RegisterTask[]; total: number }>('/register/tasks', {}, signal),
    staleTime: 30_000,
  });

/** The register as it stood at the end of a past day (Viet Nam time). */
export const registerAsOfQuery = (at: string) =>
  queryOptions({
    queryKey: registerKeys.asOf(at),
    queryFn: ({ signal }) =>
      getJson<{ at: string; items: RegisterTask[]; total: number }>('/register/as-of', { at }, signal),
    staleTime: 5 * 60_000,
  });

export interface AgencyCompleteness {
  lead: string;
  nameVi: string | null;
  tasks: number;
  incomplete: number;
}

export const incompleteByAgencyQuery = () =>
  queryOptions({
    queryKey: registerKeys.incomplete(),
    queryFn: ({ signal }) =>
      getJson<{ items: AgencyCompleteness[] }>('/register/incomplete-by-agency', {}, signal),
    staleTime: 30_000,
  });

export const registerTaskQuery = (id: number) =>
  queryOptions({
    queryKey: registerKeys.task(id),
    queryFn: ({ signal }) => getJson<RegisterTask>(`/register/tasks/${id}`, {}, signal),
  });

export interface TaskVersion {
  versionNo: number;
  validFrom: string;
  validTo: string | null;
  change: string;
  actorLabel: string;
  snapshot: Omit<RegisterTask, 'missing'>;
}

export const taskHistoryQuery = (id: number) =>
  queryOptions({
    queryKey: registerKeys.history(id),
    queryFn: ({ signal }) =>
      getJson<{ task: RegisterTask; versions: TaskVersion[] }>(`/register/tasks/${id}/history`, {}, signal),
  });

export const useRegisterTasks = (enabled = true) => useQuery({ ...registerTasksQuery(), enabled });
export const useRegisterAsOf = (at: string) => useQuery({ ...registerAsOfQuery(at), enabled: Boolean(at) });
export const useIncompleteByAgency = () => useQuery(incompleteByAgencyQuery());
export const useRegisterTask = (id: number) => useQuery(registerTaskQuery(id));
export const useTaskHistory = (id: number) => useQuery(taskHistoryQuery(id));

/** A write to one task: afterwards the task, its history and the register lists are read again. */
function useTaskWrite<V>(send: (v: V) => Promise<RegisterTask>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (task) => {
      client.setQueryData(registerKeys.task(task.id), task);
      void client.invalidateQueries({ queryKey: registerKeys.all });
      void client.invalidateQueries({ queryKey: ['task', task.id] }); // the public task page
    },
  });
}

export const useCreateTask = () =>
  useTaskWrite((input: TaskInput & { groupNo: number; code: string; contentVi: string }) =>
    sendJson<RegisterTask>('POST', '/register/tasks', input),
  );

export const useUpdateTask = (id: number) =>
  useTaskWrite((input: TaskInput) => sendJson<RegisterTask>('PATCH', `/register/tasks/${id}`, input));

export const useAssignTask = (id: number) =>
  useTaskWrite((assignedOn: string) =>
    sendJson<RegisterTask>('POST', `/register/tasks/${id}/assign`, assignedOn ? { assignedOn } : {}),
  );

export const useCancelTask = (id: number) =>
  useTaskWrite((reason: string) =>
    sendJson<RegisterTask>('POST', `/register/tasks/${id}/cancel`, { reason }),
  );
