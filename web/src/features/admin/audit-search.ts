import type { AuditSearch } from './api/get-audit.ts';

export const AUDIT_FILTERS = ['entityType', 'actor', 'action', 'from', 'to'] as const;

export function auditSearchFromUrl(params: URLSearchParams): AuditSearch {
  const search: AuditSearch = {};
  for (const key of AUDIT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value;
  }
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) search.page = page;
  return search;
}
