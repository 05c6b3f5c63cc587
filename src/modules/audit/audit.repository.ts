import { asc, gt, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import { auditEvent } from './audit.schema.ts';

export type AuditRow = typeof auditEvent.$inferSelect;

/** How many independent hash chains the trail has (decision 075); fixed by the audit_chains migration. */
export const AUDIT_CHAINS = 16;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Matches the actor's label (email, "cli:…", "system:…"), case-insensitive, anywhere in it. */
  actor?: string;
  actorUserId?: number;
  /** An exact action ("org.merge") or a prefix ending in "." ("org."). */
  action?: string;
  /** Inclusive dates, YYYY-MM-DD, in UTC. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function auditRepository(db: Db | Tx) {
  return {
    /**
     * Picks the transaction's chain (its transaction id modulo AUDIT_CHAINS, the same for every append of
     * the transaction), locks it to the end of the transaction, so its links never fork, and reads its last
     * hash after the lock (audit_chain_tip, migration 202612060802). Writers to other chains do not wait
     * (decision 075). Under READ COMMITTED, as every writer here runs.
     */
    async chainTip(): Promise<{ chain: number; lastHash: string | null }> {
      const [row] = await rows<{ chain: number; lastHash: string | null }>(
        db,
        sql`SELECT tip_chain AS chain, tip_hash AS "lastHash" FROM audit_chain_tip(${AUDIT_CHAINS})`,
      );
      return row!;
    },
    async insert(row: Omit<AuditRow, 'id'>) {
      await db.insert(auditEvent).values(row);
    },
    /** In the order given: ids follow the chain. */
    async insertMany(batch: Omit<AuditRow, 'id'>[]) {
      if (batch.length) await db.insert(auditEvent).values(batch);
    },
    /** The trail newest first, filtered; each filter is served by an index of the audit_trail migration. */
    async list(f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
      const parts: SQL[] = [sql`true`];
      if (f.entityType) parts.push(sql`entity_type = ${f.entityType}`);
      if (f.entityId) parts.push(sql`entity_id = ${f.entityId}`);
      if (f.actor) parts.push(sql`actor_label ILIKE '%' || ${f.actor} || '%'`);
      if (f.actorUserId !== undefined) parts.push(sql`actor_user_id = ${f.actorUserId}`);
      if (f.action?.endsWith('.')) parts.push(sql`action LIKE ${`${f.action}%`}`);
      else if (f.action) parts.push(sql`action = ${f.action}`);
      if (f.from) parts.push(sql`occurred_at >= ${f.from}::date::timestamp AT TIME ZONE 'UTC'`);
      if (f.to) parts.push(sql`occurred_at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
      const where = sql.join(parts, sql` AND `);
      const [items, [count]] = await Promise.all([
        rows<AuditRow>(
          db,
          sql`SELECT id::int AS id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
                     actor_user_id AS "actorUserId", actor_label AS "actorLabel", via, ip, user_agent AS "userAgent",
                     action, entity_type AS "entityType", entity_id AS "entityId", before, after,
                     prev_hash AS "prevHash", hash, chain
                FROM audit_event WHERE ${where} ORDER BY id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
        ),
        rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM audit_event WHERE ${where}`),
      ]);
      return { items, total: count?.total ?? 0 };
    },
    /** Rows in chain order, a page at a time, for verification. */
    page(afterId: number, limit: number): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditEvent)
        .where(gt(auditEvent.id, afterId))
        .orderBy(asc(auditEvent.id))
        .limit(limit);
    },
  };
}
