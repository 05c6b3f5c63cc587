import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { auditEvent } from './audit.schema.ts';

export type AuditRow = typeof auditEvent.$inferSelect;

export function auditRepository(db: Db | Tx) {
  return {
    /** Serialises appends: the lock is held to the end of the writing transaction, so links never fork. */
    async lockChain() {
      await db.execute(sql`SELECT pg_advisory_xact_lock(570059)`);
    },
    async lastHash(): Promise<string | null> {
      const [row] = await db
        .select({ hash: auditEvent.hash })
        .from(auditEvent)
        .orderBy(desc(auditEvent.id))
        .limit(1);
      return row?.hash ?? null;
    },
    async insert(row: Omit<AuditRow, 'id'>) {
      await db.insert(auditEvent).values(row);
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
