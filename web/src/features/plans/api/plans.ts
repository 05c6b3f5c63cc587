import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export type Collective = 'all_ministries' | 'all_provinces' | 'all_ministries_and_provinces';

export interface PlanAgencyRef {
  orgUnitId: number | null;
  code: string | null;
  nameVi: string | null;
  collective: Collective | null;
  nameAsWritten: string;
}

export type FiveRPart = 'who' | 'what' | 'responsibility' | 'when' | 'result';

/** A task of the register (a Program task or a plan item), as GET /api/plans/:agency gives it. */
export interface PlanTask {
  id: number;
  planId: number | null;
  parentTaskId: number | null;
  groupNo: number;
  code: string;
  contentVi: string;
  sourceDocument: string | null;
  leads: PlanAgencyRef[];
  partners: PlanAgencyRef[];
  accountableHead: { userId: number | null; name: string | null };
  focalOfficer: { userId: number | null; name: string | null };
  productType: string | null;
  productDescription: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: string | null;
  originalDueDate: string | null;
  registerState: 'draft' | 'assigned' | 'cancelled';
  assignedOn: string | null;
  cancelReason: string | null;
  missing: FiveRPart[];
}

export interface Plan {
  id: number;
  agencyCode: string;
  agencyNameVi: string;
  titleVi: string;
  documentNo: string | null;
  createdAt: string;
}

export interface PlanView {
  plan: Plan;
  items: PlanTask[];
  programTasks: PlanTask[];
}

export interface TaskProgress {
  taskId: number;
  progress: number;
  completed: boolean;
  source: 'reported' | 'children' | 'none';
  gaps: number;
}

export interface GapsByAgency {
  agencyCode: string;
  agencyNameVi: string;
  tasks: { taskId: number; taskCode: string; taskContentVi: string; collective: Collective }[];
}

export interface GapsByTask {
  taskId: number;
  taskCode: string;
  taskContentVi: string;
  collective: Collective;
  agencies: { agencyCode: string; agencyNameVi: string }[];
}

const agencyPath = (agency: string) => `/plans/${encodeURIComponent(agency)}`;

export const plansQuery = () =>
  queryOptions({
    queryKey: ['plans'],
    queryFn: ({ signal }) => getJson<{ items: (Plan & { items: number })[] }>('/plans', {}, signal),
  });

export const planQuery = (agency: string) =>
  queryOptions({
    queryKey: ['plans', agency],
    queryFn: ({ signal }) => getJson<PlanView>(agencyPath(agency), {}, signal),
  });

export const planProgressQuery = (agency: string) =>
  queryOptions({
    queryKey: ['plans', agency, 'progress'],
    queryFn: ({ signal }) => getJson<{ items: TaskProgress[] }>(`${agencyPath(agency)}/progress`, {}, signal),
  });

export const gapsByAgencyQuery = () =>
  queryOptions({
    queryKey: ['plans', 'gaps', 'by-agency'],
    queryFn: ({ signal }) => getJson<{ items: GapsByAgency[] }>('/plans/gaps/by-agency', {}, signal),
  });

export const gapsByTaskQuery = () =>
  queryOptions({
    queryKey: ['plans', 'gaps', 'by-task'],
    queryFn: ({ signal }) => getJson<{ items: GapsByTask[] }>('/plans/gaps/by-task', {}, signal),
  });

/** Every Program task (the register), for choosing what a plan item implements. */
export const programTasksQuery = () =>
  queryOptions({
    queryKey: ['register', 'tasks', 'all'],
    queryFn: ({ signal }) => getJson<{ items: PlanTask[]; total: number }>('/register/tasks', {}, signal),
    staleTime: 60_000,
  });

export const usePlans = () => useQuery(plansQuery());
export const usePlan = (agency: string, enabled = true) => useQuery({ ...planQuery(agency), enabled });
export const usePlanProgress = (agency: string, enabled: boolean) =>
  useQuery({ ...planProgressQuery(agency), enabled });

/** The fields of a plan item the forms send (POST/PATCH /api/plans/:agency/items). */
export interface PlanItemInput {
  parentTaskId?: number;
  contentVi?: string;
  lead?: string;
  productType?: string | null;
  productDescription?: string | null;
  deadlineAsWritten?: string | null;
  dueDate?: string | null;
  accountableHead?: { userId: number | null; name: string | null };
  focalOfficer?: { userId: number | null; name: string | null };
}

/** A write to a plan; afterwards the plan, its progress, the gaps and the list are read again. */
export function usePlanChange<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export const copyDown = (agency: string) =>
  sendJson<PlanView & { created: number[] }>('POST', `${agencyPath(agency)}/copy-down`);
export const addItem = (agency: string, body: PlanItemInput) =>
  sendJson<PlanTask>('POST', `${agencyPath(agency)}/items`, body);
export const updateItem = (agency: string, id: number, body: PlanItemInput) =>
  sendJson<PlanTask>('PATCH', `${agencyPath(agency)}/items/${id}`, body);
export const assignItem = (agency: string, id: number) =>
  sendJson<PlanTask>('POST', `${agencyPath(agency)}/items/${id}/assign`, {});
export const cancelItem = (agency: string, id: number, reason: string) =>
  sendJson<PlanTask>('POST', `${agencyPath(agency)}/items/${id}/cancel`, { reason });
