import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  via: string;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditSearch {
  entityType?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = (search: AuditSearch) =>
  queryOptions({
    queryKey: ['audit', search],
    queryFn: ({ signal }) => getJson<AuditPage>('/audit', { ...search, pageSize: AUDIT_PAGE_SIZE }, signal),
    staleTime: 0,
  });

export const useAudit = (search: AuditSearch) => useQuery(auditQuery(search));

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'link_mismatch';
}

export const verifyAudit = () => getJson<AuditVerdict>('/audit/verify');
