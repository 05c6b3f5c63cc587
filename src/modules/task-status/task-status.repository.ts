import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import { agencyCarries } from '../reports/reports.repository.ts';
import type { StatusFact } from './task-status.rules.ts';

export interface StatusTaskRow {
  id: number;
  code: string;
  dueDate: string | null;
  recurrence: 'yearly' | 'ongoing' | null;
  deadlineAsWritten: string | null;
}

/**
 * A lead of the task, whether or not the unit is still in force: a report accepted before a unit merged
 * away still counts for the dates it was accepted by (the same date always gives the same answer).
 * Unlike agencyCarries, which asks who owes reports today.
 */
function leadEver(taskAgency: string, org: string): SQL {
  return sql`${sql.raw(taskAgency)}.role = 'lead' AND (
    ${sql.raw(taskAgency)}.org_unit_id = ${sql.raw(org)}.id
    OR (${sql.raw(taskAgency)}.collective IN ('all_ministries','all_ministries_and_provinces')
        AND ${sql.raw(org)}.kind IN ('ministry','ministerial_agency','government_agency'))
    OR (${sql.raw(taskAgency)}.collective IN ('all_provinces','all_ministries_and_provinces')
        AND ${sql.raw(org)}.kind IN ('province','city')))`;
}

export function taskStatusRepository(db: Db) {
  return {
    tasks(f: { programId: number; taskIds?: number[]; agencyId?: number }): Promise<StatusTaskRow[]> {
      const parts: SQL[] = [sql`t.program_id = ${f.programId}`];
      if (f.taskIds)
        parts.push(
          f.taskIds.length
            ? sql`t.id IN (${sql.join(
                f.taskIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql`false`,
        );
      // The tasks the unit leads today (agencyCarries): by name (task_agency_org_idx) or as a member of a
      // collective lead (task_agency_collective_idx). Two branches instead of one join with OR, which made
      // PostgreSQL read every task_agency row (1.1 s at national scale, docs/benchmarks.md).
      if (f.agencyId)
        parts.push(sql`t.id IN (
          SELECT ta.task_id FROM task_agency ta JOIN org_unit o ON o.id = ${f.agencyId} AND o.valid_to IS NULL
           WHERE ta.org_unit_id = ${f.agencyId} AND ta.role = 'lead'
          UNION
          SELECT ta.task_id FROM task_agency ta JOIN org_unit o ON o.id = ${f.agencyId}
           WHERE ta.collective IS NOT NULL AND ${agencyCarries('ta', 'o', sql`'lead'`)})`);
      return rows<StatusTaskRow>(
        db,
        sql`SELECT t.id, t.code, t.due_date AS "dueDate", t.recurrence, t.deadline_as_written AS "deadlineAsWritten"
            FROM task t WHERE ${sql.join(parts, sql` AND `)} ORDER BY t.id`,
      );
    },

    /**
     * Accepted report items recorded before `cutoff` (an instant), oldest first. Without an agency, the
     * facts of the task's lead agencies count. Served by report_item_task_idx and report_accepted_idx.
     */
    facts(f: {
      taskIds: number[];
      cutoff: string;
      agencyId?: number;
      /** Every reporting agency's facts (grouped per agency by the caller), not only the leads'. */
      everyAgency?: boolean;
    }): Promise<(StatusFact & { taskId: number })[]> {
      if (f.taskIds.length === 0) return Promise.resolve([]);
      const scope = f.agencyId
        ? sql`r.agency_id = ${f.agencyId}`
        : f.everyAgency
          ? sql`true`
          : sql`EXISTS (SELECT 1 FROM task_agency ta JOIN org_unit o ON o.id = r.agency_id
                      AND ${leadEver('ta', 'o')} WHERE ta.task_id = i.task_id)`;
      return rows(
        db,
        sql`SELECT i.task_id AS "taskId", r.id AS "reportId", r.agency_id AS "agencyId",
                   r.accepted_at AS "acceptedAt", i.status AS "agencyStatus",
                   i.reviewer_status AS "reviewerStatus", coalesce(i.reviewer_progress, i.progress) AS progress,
                   i.completed_on AS "completedOn", ev.found IS NOT NULL AS "hasEvidence"
            FROM report_item i JOIN report r ON r.id = i.report_id
            -- One probe of report_evidence_item_idx per item; as EXISTS, PostgreSQL hashed the whole table.
            LEFT JOIN LATERAL (SELECT 1 AS found FROM report_evidence e WHERE e.report_item_id = i.id LIMIT 1) ev
              ON true
            WHERE r.status = 'accepted' AND r.accepted_at < ${f.cutoff}::timestamptz AND ${scope}
              AND i.task_id IN (${sql.join(
                f.taskIds.map((id) => sql`${id}`),
                sql`, `,
              )})
            ORDER BY r.accepted_at, r.id`,
      );
    },

    /**
     * Today's state from the summary kept by report acceptance (task_current_status): one row per task
     * and agency, read through its primary key instead of the report history.
     */
    current(
      taskIds: number[],
      /** One agency's rows, or only the rows of each task's lead agencies (as `facts` without one). */
      scope?: { agencyId?: number; leadsOnly?: boolean },
      /** Marks rows accepted at or after this instant (`afterCutoff`): the summary cannot answer for those. */
      cutoff = 'infinity',
    ): Promise<(StatusFact & { taskId: number; afterCutoff: boolean })[]> {
      if (taskIds.length === 0) return Promise.resolve([]);
      const only = scope?.agencyId
        ? sql`AND s.agency_id = ${scope.agencyId}`
        : scope?.leadsOnly
          ? sql`AND EXISTS (SELECT 1 FROM task_agency ta JOIN org_unit o ON o.id = s.agency_id
                            AND ${leadEver('ta', 'o')} WHERE ta.task_id = s.task_id)`
          : sql``;
      return rows(
        db,
        sql`SELECT s.task_id AS "taskId", s.report_id AS "reportId", s.agency_id AS "agencyId",
                   s.accepted_at AS "acceptedAt", s.status AS "agencyStatus", NULL AS "reviewerStatus",
                   s.progress, s.completed_on AS "completedOn", s.has_evidence AS "hasEvidence",
                   s.accepted_at >= ${cutoff}::timestamptz AS "afterCutoff"
            FROM task_current_status s
            WHERE s.task_id IN (${sql.join(
              taskIds.map((id) => sql`${id}`),
              sql`, `,
            )}) ${only}
            ORDER BY s.accepted_at, s.report_id`,
      );
    },
  };
}
