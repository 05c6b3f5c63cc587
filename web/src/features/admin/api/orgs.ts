import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendFile, sendJson } from '../../../lib/api-client.ts';

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

/** A change of the map (GET /api/orgs/:code `events`): the units it closed and those that carry them on. */
export interface LineageEvent {
  id: number;
  kind: 'merge' | 'split' | 'rename';
  effectiveDate: string;
  legalBasis: string | null;
  note: string | null;
  from: string[];
  to: string[];
  details: Record<string, unknown>;
}

export interface OrgUnitDetail extends OrgUnit {
  parent: OrgUnit | null;
  formerNames: { name: string; kind: string; note: string | null }[];
  /** Units whose history this one carries, at any distance (depth 1 = merged straight into it). */
  predecessors: (OrgUnit & { depth: number })[];
  /** Units that carry this one's history on. */
  successors: (OrgUnit & { depth: number })[];
  events: LineageEvent[];
}

export const CREATABLE_KINDS = ['department', 'commune', 'ward', 'special_zone', 'other'] as const;

export const orgsQuery = (q?: string, status: 'current' | 'all' = 'current') =>
  queryOptions({
    queryKey: ['orgs', q ?? '', status],
    queryFn: ({ signal }) =>
      getJson<{ items: OrgUnit[]; total: number }>('/orgs', { q, status, pageSize: 5000 }, signal),
    staleTime: 0,
  });

export const useOrgs = (q?: string, status: 'current' | 'all' = 'current') => useQuery(orgsQuery(q, status));

export const orgQuery = (code: string) =>
  queryOptions({
    queryKey: ['orgs', 'unit', code],
    queryFn: ({ signal }) => getJson<OrgUnitDetail>(`/orgs/${encodeURIComponent(code)}`, {}, signal),
    staleTime: 0,
  });

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

/** Every change answers with what it made; every list and unit page is asked again. */
function useOrgChange<V, R>(send: (v: V) => Promise<R>) {
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

export const useMoveOrg = () =>
  useOrgChange(({ code, parentCode }: { code: string; parentCode: string }) =>
    sendJson<OrgUnit>('PATCH', `/orgs/${encodeURIComponent(code)}`, { parentCode }),
  );

/** Where merged or split units go: an existing open unit (code only) or a new one (with its name). */
export interface UnitTarget {
  code: string;
  nameVi?: string;
  kind?: string;
  parentCode?: string;
}

export interface MergeInput {
  sources: string[];
  into: UnitTarget;
  effectiveDate: string;
  legalBasis: string;
  note?: string | null;
}

export const useMergeOrgs = () =>
  useOrgChange((body: MergeInput) =>
    sendJson<{ eventId: number; unit: OrgUnit; closed: string[]; movedSubunits: string[] }>(
      'POST',
      '/orgs/merge',
      body,
    ),
  );

export interface SplitInput {
  source: string;
  into: UnitTarget[];
  effectiveDate: string;
  legalBasis: string;
  note?: string | null;
  childrenTo?: Record<string, string>;
}

export const useSplitOrg = () =>
  useOrgChange((body: SplitInput) =>
    sendJson<{ eventId: number; closed: string; units: OrgUnit[] }>('POST', '/orgs/split', body),
  );

export type OrgImportType = 'communes' | 'departments';

export interface OrgImportPreview {
  type: OrgImportType;
  total: number;
  valid: number;
  errors: { row: number; column: string; problem: string }[];
  unknownColumns: string[];
  units: {
    row: number;
    code: string;
    nameVi: string;
    nameEn: string | null;
    kind: string;
    parentCode: string;
  }[];
  byParent: { code: string; count: number }[];
}

export const previewOrgImport = (type: OrgImportType, file: File) =>
  sendFile<OrgImportPreview>('/orgs/import/preview', file, { type, fileName: file.name });

export const useCommitOrgImport = () =>
  useOrgChange(({ type, file }: { type: OrgImportType; file: File }) =>
    sendFile<{ type: OrgImportType; created: number; byParent: { code: string; count: number }[] }>(
      '/orgs/import/commit',
      file,
      { type, fileName: file.name },
    ),
  );

export const orgTemplateUrl = (type: OrgImportType) => `/api/orgs/import/template.xlsx?type=${type}`;
