import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export interface OrgUnit {
  id: number;
  code: string;
  kind: string;
  nameVi: string;
  nameEn: string | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  status: 'current' | 'closed';
  level: number;
  openChildren: number;
  source: string | null;
}

export const CREATABLE_KINDS = ['department', 'commune', 'ward', 'special_zone', 'other'] as const;

export const orgsQuery = (q?: string) =>
  queryOptions({
    queryKey: ['orgs', q ?? ''],
    queryFn: ({ signal }) =>
      getJson<{ items: OrgUnit[]; total: number }>('/orgs', { q, pageSize: 5000 }, signal),
    staleTime: 0,
  });

export const useOrgs = (q?: string) => useQuery(orgsQuery(q));

/** Current units under `root` (itself included), of the given kinds: the choices of a unit picker. */
export const orgUnitsQuery = (filter: { root?: string; kinds?: readonly string[] } = {}) =>
  queryOptions({
    queryKey: ['orgs', 'units', filter.root ?? '', (filter.kinds ?? []).join(',')],
    queryFn: ({ signal }) =>
      getJson<{ items: OrgUnit[]; total: number }>(
        '/orgs',
        { root: filter.root, kind: filter.kinds?.join(','), pageSize: 5000 },
        signal,
      ),
    staleTime: 60_000,
  });

function useOrgChange<V>(send: (v: V) => Promise<OrgUnit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

export const useCreateOrg = () =>
  useOrgChange((body: { code: string; kind: string; nameVi: string; parentCode: string }) =>
    sendJson<OrgUnit>('POST', '/orgs', body),
  );

export const useRenameOrg = () =>
  useOrgChange(
    ({ code, ...body }: { code: string; nameVi: string; effectiveDate: string; legalBasis: string | null }) =>
      sendJson<OrgUnit>('PATCH', `/orgs/${encodeURIComponent(code)}`, body),
  );
