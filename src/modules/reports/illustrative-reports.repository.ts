import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import { agencyCarries } from './reports.repository.ts';
import { reportingObligation } from './reports.schema.ts';

/** The SQL of demo mode's illustrative reports (decision 100): finding, creating their obligations, removing. */
export function illustrativeReportsRepository(db: Db) {
  return {
    /**
     * Which of these reports are illustrative. Reads the few illustrative ids (report_illustrative_idx, none
     * outside demo mode) rather than probing each id: a national status list names thousands of reports.
     */
    async illustrativeOf(reportIds: number[]): Promise<Set<number>> {
      if (reportIds.length === 0) return new Set();
      const found = await rows<{ id: number }>(db, sql`SELECT id FROM report WHERE illustrative`);
      const wanted = new Set(reportIds);
      return new Set(found.map((r) => r.id).filter((id) => wanted.has(id)));
    },

    async countIllustrative(): Promise<number> {
      const [row] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM report WHERE illustrative`,
      );
      return row?.n ?? 0;
    },

    agencies(codes: readonly string[]): Promise<{ id: number; code: string }[]> {
      return rows(
        db,
        sql`SELECT id, code FROM org_unit WHERE valid_to IS NULL AND code IN (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
    },

    /** Whether people have written any report of their own for the agency: then the demo leaves it alone. */
    async hasRealReports(programId: number, agencyId: number): Promise<boolean> {
      const [row] = await rows<{ found: boolean }>(
        db,
        sql`SELECT EXISTS (SELECT 1 FROM report r JOIN reporting_obligation ob ON ob.id = r.obligation_id
                           WHERE ob.program_id = ${programId} AND r.agency_id = ${agencyId}
                             AND NOT r.illustrative) AS found`,
      );
      return row?.found ?? false;
    },

    /** The first tasks the agency leads (named or as a member of a collective lead), by code. */
    ledTasks(programId: number, agencyId: number, limit: number): Promise<{ id: number; code: string }[]> {
      return rows(
        db,
        sql`SELECT DISTINCT t.id, t.code FROM task t JOIN task_agency ta ON ta.task_id = t.id
            JOIN org_unit o ON o.id = ${agencyId}
            WHERE t.program_id = ${programId} AND ${agencyCarries('ta', 'o', sql`'lead'`)}
            ORDER BY t.code, t.id LIMIT ${limit}`,
      );
    },

    async obligation(programId: number, agencyId: number, period: string) {
      const [row] = await rows<{ id: number; reports: number }>(
        db,
        sql`SELECT ob.id, (SELECT count(*)::int FROM report r WHERE r.obligation_id = ob.id) AS reports
            FROM reporting_obligation ob
            WHERE ob.program_id = ${programId} AND ob.agency_id = ${agencyId} AND ob.period = ${period}
            ORDER BY ob.id LIMIT 1`,
      );
      return row ?? null;
    },

    async insertObligation(values: typeof reportingObligation.$inferInsert): Promise<number> {
      const [row] = await db
        .insert(reportingObligation)
        .values({ ...values, illustrative: true })
        .returning({ id: reportingObligation.id });
      return row!.id;
    },

    /**
     * Deletes every illustrative report with what hangs off it, then the demo's own obligations left without
     * a report. The current-state summary rows they fed are rebuilt from the remaining accepted reports.
     */
    async removeAll(): Promise<{ reports: number; obligations: number }> {
      const ids = sql`SELECT id FROM report WHERE illustrative`;
      const fed = await rows<{ taskId: number; agencyId: number }>(
        db,
        sql`DELETE FROM task_current_status WHERE report_id IN (${ids})
            RETURNING task_id AS "taskId", agency_id AS "agencyId"`,
      );
      await db.execute(sql`DELETE FROM bottleneck WHERE report_id IN (${ids})`);
      await db.execute(sql`DELETE FROM report_evidence WHERE report_item_id IN
                            (SELECT i.id FROM report_item i WHERE i.report_id IN (${ids}))`);
      await db.execute(sql`DELETE FROM report_item WHERE report_id IN (${ids})`);
      await db.execute(sql`DELETE FROM report_snapshot WHERE report_id IN (${ids})`);
      const reports = await rows<{ id: number }>(db, sql`DELETE FROM report WHERE illustrative RETURNING id`);
      const obligations = await rows<{ id: number }>(
        db,
        sql`DELETE FROM reporting_obligation ob WHERE ob.illustrative
              AND NOT EXISTS (SELECT 1 FROM report r WHERE r.obligation_id = ob.id) RETURNING ob.id`,
      );
      for (const f of fed)
        await db.execute(
          sql`INSERT INTO task_current_status
                (task_id, agency_id, report_id, status, progress, completed_on, has_evidence, accepted_at)
              SELECT i.task_id, r.agency_id, r.id, coalesce(i.reviewer_status, i.status),
                     coalesce(i.reviewer_progress, i.progress), i.completed_on,
                     EXISTS (SELECT 1 FROM report_evidence e WHERE e.report_item_id = i.id), r.accepted_at
              FROM report_item i JOIN report r ON r.id = i.report_id
              WHERE i.task_id = ${f.taskId} AND r.agency_id = ${f.agencyId} AND r.status = 'accepted'
              ORDER BY r.accepted_at DESC, r.id DESC LIMIT 1`,
        );
      return { reports: reports.length, obligations: obligations.length };
    },
  };
}
