import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import type { Role } from '../../auth/api/get-me.ts';

export interface RoleGrant {
  id: number;
  role: Role;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  includeSubUnits: boolean;
  grantedAt: string;
}

export interface Person {
  id: number;
  name: string;
  email: string;
  title: string | null;
  orgUnit: { id: number; code: string; name: string };
  disabled: boolean;
  demo: boolean;
  hasPassword: boolean;
  roles: RoleGrant[];
  createdAt: string;
  updatedAt: string;
  can: { update: boolean; grantRoles: boolean };
}

export interface PeoplePage {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
}

export const USERS_PAGE_SIZE = 50;

export const usersQuery = (search: { q?: string; page?: number }) =>
  queryOptions({
    queryKey: ['users', search],
    queryFn: ({ signal }) => getJson<PeoplePage>('/users', { ...search, pageSize: USERS_PAGE_SIZE }, signal),
    staleTime: 0,
  });

export const useUsers = (search: { q?: string; page?: number }) => useQuery(usersQuery(search));

/** Every change answers with the person as they now are; the list is asked again. */
function usePersonChange<V>(send: (v: V) => Promise<Person>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export interface NewPerson {
  name: string;
  email: string;
  title: string | null;
  orgUnitId: number;
  roles: { role: Role; orgUnitId: number; includeSubUnits: boolean }[];
}

export const useCreatePerson = () => usePersonChange((p: NewPerson) => sendJson<Person>('POST', '/users', p));
export const useSetDisabled = () =>
  usePersonChange(({ id, disabled }: { id: number; disabled: boolean }) =>
    sendJson<Person>('PATCH', `/users/${id}`, { disabled }),
  );
export const useGrantRole = () =>
  usePersonChange(
    ({ id, ...grant }: { id: number; role: Role; orgUnitId: number; includeSubUnits: boolean }) =>
      sendJson<Person>('POST', `/users/${id}/roles`, grant),
  );
export const useRevokeRole = () =>
  usePersonChange(({ id, grantId }: { id: number; grantId: number }) =>
    sendJson<Person>('DELETE', `/users/${id}/roles/${grantId}`),
  );
