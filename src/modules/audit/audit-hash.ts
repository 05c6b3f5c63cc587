import crypto from 'node:crypto';

/** JSON with keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  const normalized = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(normalized));
}

export interface HashedFields {
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
}

/** hash(n) = sha256(hash(n-1) + canonical fields of n): changing or removing any row breaks every later link. */
export function chainHash(prevHash: string | null, fields: HashedFields): string {
  return crypto
    .createHash('sha256')
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson({ ...fields, occurredAt: new Date(fields.occurredAt).toISOString() }))
    .digest('hex');
}
