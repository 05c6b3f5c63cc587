import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendFile, sendJson } from '../../../lib/api-client.ts';
import type { Role } from '../../auth/api/get-me.ts';

export interface RoleGrant {
  id: number;
  role: Role;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitNameEn: string | null;
  includeSubUnits: boolean;
  grantedAt: string;
}

export interface Person {
  id: number;
  name: string;
  email: string;
  title: string | null;
  orgUnit: { id: number; code: string; name: string; nameEn: string | null };
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
function usePersonChange<V, R>(send: (v: V) => Promise<R>) {
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

/** POST /api/users/import/preview: every row of the file as read, with its problems; nothing written. */
export interface PeopleImportPreview {
  valid: boolean;
  rows: {
    row: number;
    name: string;
    email: string;
    title: string | null;
    unitCode: string;
    roles: string[];
    problems: string[];
  }[];
  issues: { field: string; problem: string }[];
}

export const previewPeopleImport = (file: File) =>
  sendFile<PeopleImportPreview>('/users/import/preview', file, { fileName: file.name });

export const useCommitPeopleImport = () =>
  usePersonChange((file: File) =>
    sendFile<{ created: number }>('/users/import/commit', file, { fileName: file.name }),
  );

export const PEOPLE_TEMPLATE_URL = '/api/users/import/template.xlsx';
