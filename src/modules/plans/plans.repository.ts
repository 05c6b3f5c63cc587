import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import { COLLECTIVE_KINDS } from './collectives.ts';

export interface PlanRow {
  id: number;
  programId: number;
  orgUnitId: number;
  agencyCode: string;
  agencyNameVi: string;
  titleVi: string;
  documentNo: string | null;
  createdAt: string;
}

export interface GapRow {
  taskId: number;
  taskCode: string;
  taskContentVi: string;
  collective: string;
  agencyCode: string;
  agencyNameVi: string;
}

/** (collective, org kind) pairs from the one definition in collectives.ts, as an SQL VALUES list. */
function collectiveKindsValues(): SQL {
  const pairs = Object.entries(COLLECTIVE_KINDS).flatMap(([c, kinds]) => kinds.map((k) => sql`(${c}, ${k})`));
  return sql`(VALUES ${sql.join(pairs, sql`, `)})`;
}

const PLAN = sql`SELECT p.id, p.program_id AS "programId", p.org_unit_id AS "orgUnitId", o.code AS "agencyCode",
       o.name_vi AS "agencyNameVi", p.title_vi AS "titleVi", p.document_no AS "documentNo", p.created_at AS "createdAt"
  FROM agency_plan p JOIN org_unit o ON o.id = p.org_unit_id`;

export function plansRepository(db: Db | Tx) {
  return {
    async byAgency(programId: number, orgUnitId: number): Promise<PlanRow | undefined> {
      const [row] = await rows<PlanRow>(
        db,
        sql`${PLAN} WHERE p.program_id = ${programId} AND p.org_unit_id = ${orgUnitId}`,
      );
      return row;
    },
    list(programId: number): Promise<(PlanRow & { items: number })[]> {
      return rows(
        db,
        sql`SELECT x.*, (SELECT count(*)::int FROM task t WHERE t.plan_id = x.id) AS items
              FROM (${PLAN} WHERE p.program_id = ${programId}) x ORDER BY x."agencyCode"`,
      );
    },
    async insert(
      programId: number,
      orgUnitId: number,
      titleVi: string,
      documentNo: string | null,
    ): Promise<number> {
      const [row] = await rows<{ id: number }>(
        db,
        sql`INSERT INTO agency_plan (program_id, org_unit_id, title_vi, document_no)
            VALUES (${programId}, ${orgUnitId}, ${titleVi}, ${documentNo}) RETURNING id`,
      );
      return row!.id;
    },
    /** Program tasks (not plan items, not cancelled) an agency leads, directly or through a collective. */
    async assignedTo(programId: number, agency: { id: number; kind: string }): Promise<number[]> {
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT DISTINCT t.id, g.no, t.source_row, t.code FROM task t
              JOIN task_group g ON g.id = t.group_id
              JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead'
             WHERE t.program_id = ${programId} AND t.plan_id IS NULL AND t.register_state <> 'cancelled'
               AND (ta.org_unit_id = ${agency.id}
                    OR ta.collective IN (SELECT ck.c FROM ${collectiveKindsValues()} ck(c, k) WHERE ck.k = ${agency.kind}))
             ORDER BY g.no, t.source_row NULLS LAST, t.code`,
      );
      return found.map((r) => r.id);
    },
    /** Parents that already have an item in the plan, so copy-down does not copy them twice. */
    async parentsWithItems(planId: number): Promise<Set<number>> {
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT DISTINCT parent_task_id AS id FROM task WHERE plan_id = ${planId} AND parent_task_id IS NOT NULL`,
      );
      return new Set(found.map((r) => r.id));
    },
    /** Whether `unitId` is the agency itself or an organisation below it. */
    async isWithin(unitId: number, agencyId: number): Promise<boolean> {
      const found = await rows(
        db,
        sql`WITH RECURSIVE up(id, parent_id, depth) AS (
              SELECT id, parent_id, 0 FROM org_unit WHERE id = ${unitId}
              UNION ALL
              SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id WHERE up.depth < 20)
            SELECT 1 FROM up WHERE id = ${agencyId}`,
      );
      return found.length > 0;
    },
    async childCount(parentId: number): Promise<number> {
      const [row] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM task WHERE parent_task_id = ${parentId}`,
      );
      return row?.n ?? 0;
    },
    /** Several tasks and everything below each (not cancelled), nearest first. */
    async subtrees(taskIds: number[]): Promise<number[]> {
      if (taskIds.length === 0) return [];
      const found = await rows<{ id: number }>(
        db,
        sql`WITH RECURSIVE down(id, depth, path) AS (
              SELECT id, 0, ARRAY[id] FROM task WHERE id IN (${sql.join(
                taskIds.map((id) => sql`${id}`),
                sql`, `,
              )})
              UNION ALL
              SELECT t.id, down.depth + 1, down.path || t.id FROM task t JOIN down ON t.parent_task_id = down.id
               WHERE t.register_state <> 'cancelled' AND NOT t.id = ANY(down.path))
            SELECT DISTINCT ON (id) id FROM down ORDER BY id, depth`,
      );
      return found.map((r) => r.id);
    },
    /**
     * Gaps: for each Program task led by a collective, each member agency (current organisations of the
     * collective's kinds) whose plan has no live item under that task.
     */
    gaps(programId: number, agencyCode?: string): Promise<GapRow[]> {
      return rows<GapRow>(
        db,
        sql`WITH collective_task AS (
              SELECT DISTINCT t.id, t.code, t.content_vi, t.source_row, g.no AS group_no, ta.collective
                FROM task t JOIN task_group g ON g.id = t.group_id
                JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead' AND ta.collective IS NOT NULL
               WHERE t.program_id = ${programId} AND t.plan_id IS NULL AND t.register_state <> 'cancelled')
            SELECT ct.id AS "taskId", ct.code AS "taskCode", ct.content_vi AS "taskContentVi", ct.collective,
                   o.code AS "agencyCode", o.name_vi AS "agencyNameVi"
              FROM collective_task ct
              JOIN ${collectiveKindsValues()} ck(c, k) ON ck.c = ct.collective
              JOIN org_unit o ON o.kind = ck.k AND o.valid_to IS NULL
             WHERE ${agencyCode ? sql`o.code = ${agencyCode}` : sql`true`}
               AND NOT EXISTS (SELECT 1 FROM task i JOIN agency_plan p ON p.id = i.plan_id
                                WHERE p.org_unit_id = o.id AND i.parent_task_id = ct.id
                                  AND i.register_state <> 'cancelled')
             ORDER BY o.code, ct.group_no, ct.source_row NULLS LAST, ct.code`,
      );
    },

    /**
     * Each task's latest accepted progress (task_current_status, kept by report acceptance; the latest
     * acceptance among the agencies reporting on it). Completed counts only with evidence, as for status.
     */
    acceptedProgress(taskIds: number[]) {
      if (taskIds.length === 0) return Promise.resolve([]);
      return rows<{ taskId: number; progress: number; completed: boolean }>(
        db,
        sql`SELECT DISTINCT ON (s.task_id) s.task_id AS "taskId",
                   CASE WHEN s.status = 'completed' AND s.has_evidence THEN 100 ELSE s.progress END AS progress,
                   (s.status = 'completed' AND s.has_evidence) AS completed
              FROM task_current_status s
             WHERE s.task_id IN (${sql.join(
               taskIds.map((id) => sql`${id}`),
               sql`, `,
             )})
             ORDER BY s.task_id, s.accepted_at DESC, s.report_id DESC`,
      );
    },
  };
}
