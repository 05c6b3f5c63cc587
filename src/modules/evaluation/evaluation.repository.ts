import { and, asc, desc, eq, getTableColumns, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { orgUnit } from '../orgs/orgs.schema.ts';
import { evaluationRecheck, evaluationSnapshot, scoringMethod } from './evaluation.schema.ts';

export type ScoringMethodRow = typeof scoringMethod.$inferSelect;
export type SnapshotRow = typeof evaluationSnapshot.$inferSelect;
export type RecheckRow = typeof evaluationRecheck.$inferSelect;
export type SnapshotSummaryRow = Omit<SnapshotRow, 'content'>;
export type RecheckListRow = RecheckRow & { period: string; agencyCode: string; agencyName: string };
export type RecheckState = 'pending' | 'answered' | 'all';

const summaryColumns = {
  id: evaluationSnapshot.id,
  programId: evaluationSnapshot.programId,
  period: evaluationSnapshot.period,
  periodStart: evaluationSnapshot.periodStart,
  periodEnd: evaluationSnapshot.periodEnd,
  asOf: evaluationSnapshot.asOf,
  methodId: evaluationSnapshot.methodId,
  previousSnapshotId: evaluationSnapshot.previousSnapshotId,
  contentHash: evaluationSnapshot.contentHash,
  publishedAt: evaluationSnapshot.publishedAt,
  publishedByUserId: evaluationSnapshot.publishedByUserId,
  publishedByLabel: evaluationSnapshot.publishedByLabel,
};

export function evaluationRepository(db: Db | Tx) {
  return {
    methods(): Promise<ScoringMethodRow[]> {
      return db.select().from(scoringMethod).orderBy(asc(scoringMethod.code), asc(scoringMethod.version));
    },
    async methodById(id: number): Promise<ScoringMethodRow | undefined> {
      const [row] = await db.select().from(scoringMethod).where(eq(scoringMethod.id, id));
      return row;
    },
    /** Served by scoring_method_code_version_key (code, version). */
    async latestMethod(code: string): Promise<ScoringMethodRow | undefined> {
      const [row] = await db
        .select()
        .from(scoringMethod)
        .where(eq(scoringMethod.code, code))
        .orderBy(desc(scoringMethod.version))
        .limit(1);
      return row;
    },
    /** Serialises version numbers of one code: two coordinators saving at once get 1 and 2, not a clash. */
    async lockMethodCode(code: string) {
      await db.execute(sql`SELECT pg_advisory_xact_lock(570060, hashtext(${code}))`);
    },
    async insertMethod(row: typeof scoringMethod.$inferInsert): Promise<ScoringMethodRow> {
      const [inserted] = await db.insert(scoringMethod).values(row).returning();
      return inserted!;
    },

    /** Serialises publications of one program, so each snapshot's "previous" is well defined. */
    async lockPublication(programId: number) {
      await db.execute(sql`SELECT pg_advisory_xact_lock(570061, ${programId})`);
    },
    /** Served by evaluation_snapshot_program_idx (program_id, id DESC). */
    snapshots(programId: number): Promise<SnapshotSummaryRow[]> {
      return db
        .select(summaryColumns)
        .from(evaluationSnapshot)
        .where(eq(evaluationSnapshot.programId, programId))
        .orderBy(desc(evaluationSnapshot.id));
    },
    async latestSnapshot(programId: number, beforeId?: number): Promise<SnapshotRow | undefined> {
      const [row] = await db
        .select()
        .from(evaluationSnapshot)
        .where(
          beforeId === undefined
            ? eq(evaluationSnapshot.programId, programId)
            : and(eq(evaluationSnapshot.programId, programId), lt(evaluationSnapshot.id, beforeId)),
        )
        .orderBy(desc(evaluationSnapshot.id))
        .limit(1);
      return row;
    },
    /** With the row's version (xmin): any change to the row, by any means, gives it a new one. */
    async snapshotById(id: number): Promise<(SnapshotRow & { version: string }) | undefined> {
      const [row] = await db
        .select({ ...getTableColumns(evaluationSnapshot), version: sql<string>`xmin::text` })
        .from(evaluationSnapshot)
        .where(eq(evaluationSnapshot.id, id));
      return row;
    },
    /**
     * The parts of a snapshot a rankings page shows, cut out of the stored content by PostgreSQL (about
     * 20 KB of the 250 KB a national snapshot holds), with the row's version.
     */
    async snapshotRankings(
      id: number,
    ): Promise<(SnapshotSummaryRow & { version: string; part: unknown }) | undefined> {
      const [row] = await db
        .select({
          ...summaryColumns,
          version: sql<string>`xmin::text`,
          part: sql<unknown>`jsonb_build_object('programCode', content->'programCode', 'period', content->'period',
            'asOf', content->'asOf', 'method', content->'method', 'basis', content->'basis',
            'rankings', content->'rankings', 'changes', content->'changes')`,
        })
        .from(evaluationSnapshot)
        .where(eq(evaluationSnapshot.id, id));
      return row;
    },
    async insertSnapshot(row: typeof evaluationSnapshot.$inferInsert): Promise<SnapshotRow> {
      const [inserted] = await db.insert(evaluationSnapshot).values(row).returning();
      return inserted!;
    },

    /** Served by evaluation_recheck_snapshot_idx (snapshot_id, id). */
    rechecks(snapshotId: number): Promise<RecheckRow[]> {
      return db
        .select()
        .from(evaluationRecheck)
        .where(eq(evaluationRecheck.snapshotId, snapshotId))
        .orderBy(asc(evaluationRecheck.id));
    },
    /**
     * The rechecks of a program's snapshots, oldest first (the queue's order), with the snapshot's period
     * and the agency's name. Rechecks are few (one per agency and snapshot at most in practice): the
     * program's snapshots through evaluation_snapshot_program_idx, their rechecks through
     * evaluation_recheck_snapshot_idx.
     */
    rechecksOfProgram(
      programId: number,
      filter: { state: RecheckState; agencyId?: number },
    ): Promise<RecheckListRow[]> {
      const conditions = [eq(evaluationSnapshot.programId, programId)];
      if (filter.state === 'pending') conditions.push(isNull(evaluationRecheck.answeredAt));
      if (filter.state === 'answered') conditions.push(isNotNull(evaluationRecheck.answeredAt));
      if (filter.agencyId !== undefined) conditions.push(eq(evaluationRecheck.agencyId, filter.agencyId));
      return db
        .select({
          ...getTableColumns(evaluationRecheck),
          period: evaluationSnapshot.period,
          agencyCode: orgUnit.code,
          agencyName: orgUnit.nameVi,
        })
        .from(evaluationRecheck)
        .innerJoin(evaluationSnapshot, eq(evaluationSnapshot.id, evaluationRecheck.snapshotId))
        .innerJoin(orgUnit, eq(orgUnit.id, evaluationRecheck.agencyId))
        .where(and(...conditions))
        .orderBy(asc(evaluationRecheck.id));
    },
    async recheckById(id: number): Promise<RecheckRow | undefined> {
      const [row] = await db.select().from(evaluationRecheck).where(eq(evaluationRecheck.id, id));
      return row;
    },
    async insertRecheck(row: typeof evaluationRecheck.$inferInsert): Promise<RecheckRow> {
      const [inserted] = await db.insert(evaluationRecheck).values(row).returning();
      return inserted!;
    },
    /** Writes the answer only if none is there yet; undefined when someone answered first. */
    async answerRecheck(
      id: number,
      answer: Pick<RecheckRow, 'answer' | 'outcome' | 'answeredByUserId' | 'answeredByLabel'>,
    ): Promise<RecheckRow | undefined> {
      const [row] = await db
        .update(evaluationRecheck)
        .set({ ...answer, answeredAt: sql`now()` })
        .where(and(eq(evaluationRecheck.id, id), isNull(evaluationRecheck.answeredAt)))
        .returning();
      return row;
    },
  };
}
