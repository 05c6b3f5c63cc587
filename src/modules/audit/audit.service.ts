import type { Db, Tx } from '../../db/database.ts';
import type { Actor } from './actor.ts';
import { type AuditFilter, auditRepository } from './audit.repository.ts';
import { chainHash } from './audit-hash.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the change and its record
 * commit or roll back together. Call it from every service that writes.
 */
export async function recordAudit(tx: Tx | Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditBatch(tx, actor, [entry]);
}

/**
 * Appends several events in order with one lock and one insert per 500: for bulk writes (an import of
 * 3,321 communes) that audit every row. Same chain, same hashes as one recordAudit call per entry.
 */
export async function recordAuditBatch(tx: Tx | Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const repo = auditRepository(tx);
  const tip = await repo.chainTip();
  const chain = tip.chain;
  let prevHash = tip.lastHash;
  const occurredAt = new Date().toISOString();
  const rows: Parameters<typeof repo.insertMany>[0] = [];
  for (const entry of entries) {
    const fields = {
      occurredAt,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      via: actor.via,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
      after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
    };
    const hash = chainHash(prevHash, fields);
    rows.push({ ...fields, prevHash, hash, chain });
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += 500) await repo.insertMany(rows.slice(i, i + 500));
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/**
 * Walks every chain (decision 075) in id order and names the first broken link: a row whose content or
 * predecessor in its chain changed. Within a chain, each row's prev_hash is the hash of the chain's
 * previous row, exactly as when the trail was one chain.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const repo = auditRepository(db);
  const last = new Map<number, string>();
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const page = await repo.page(afterId, 1000);
    if (page.length === 0) return { ok: true, checked };
    for (const row of page) {
      const prev = last.get(row.chain) ?? null;
      if (row.prevHash !== prev) return { ok: false, checked, brokenAt: row.id, reason: 'link_mismatch' };
      const { id: _, prevHash: __, hash, chain, ...fields } = row;
      if (chainHash(prev, fields) !== hash)
        return { ok: false, checked, brokenAt: row.id, reason: 'hash_mismatch' };
      last.set(chain, hash);
      afterId = row.id;
      checked++;
    }
  }
}

/** The trail for people: newest first, filtered by object, actor, action and date, a page at a time. */
export async function listAuditEvents(
  db: Db,
  f: Omit<AuditFilter, 'limit' | 'offset'> & { page: number; pageSize: number },
) {
  const { page, pageSize, ...filter } = f;
  const found = await auditRepository(db).list({ ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return { ...found, page, pageSize };
}
