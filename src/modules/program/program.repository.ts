import { asc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import { program, programItem, programLoadRun, taskGroup } from './program.schema.ts';

export type ProgramRow = typeof program.$inferSelect;

export interface ProgramOverviewParts {
  groups: { no: number; titleVi: string; titleEn: string | null; taskCount: number; itemCount: number }[];
  quarters: { year: number; quarter: number; count: number }[];
  kinds: { yearly: number; ongoing: number; undated: number; total: number };
  topAgencies: {
    n?: number;
    code: string;
    nameVi: string;
    nameEn: string | null;
    kind: string;
    leadCount: number;
    partnerCount: number;
  }[];
  collectives: { collective: string; role: string; count: number }[];
  totals: { tasks: number; items: number; targets: number; indicatorGroups: number; agencies: number };
}

export function programRepository(db: Db) {
  return {
    async byCode(code: string): Promise<ProgramRow | undefined> {
      const [row] = await db.select().from(program).where(eq(program.code, code));
      return row;
    },
    /**
     * The public overview in one statement (one round trip instead of six): each part below is its own
     * subquery, aggregated to JSON in the order it is shown. Agencies' plan items (plan_id) are not
     * Program tasks; task_own_group_idx and task_own_program_idx serve the Program's own tasks.
     */
    async overview(programId: number, topAgencies: number): Promise<ProgramOverviewParts> {
      const [row] = await rows<ProgramOverviewParts>(
        db,
        sql`WITH own_agencies AS MATERIALIZED (
          -- The agencies of the Program's own tasks: task_own_program_idx, then one probe of
          -- task_agency_task_role_position_key per task (OFFSET 0 keeps PostgreSQL from turning the probes
          -- into a scan of every plan item's agencies, which it did below national size).
          SELECT ta.task_id, ta.org_unit_id, ta.role, ta.collective
            FROM task t CROSS JOIN LATERAL (SELECT * FROM task_agency x WHERE x.task_id = t.id OFFSET 0) ta
           WHERE t.program_id = ${programId} AND t.plan_id IS NULL)
        SELECT
          -- Groups with their task and section II item counts.
          (SELECT coalesce(json_agg(x ORDER BY x.no), '[]') FROM (
             SELECT g.no, g.title_vi AS "titleVi", g.title_en AS "titleEn",
                    (SELECT count(*)::int FROM task t WHERE t.group_id = g.id AND t.plan_id IS NULL) AS "taskCount",
                    (SELECT count(*)::int FROM program_item i WHERE i.group_id = g.id) AS "itemCount"
               FROM task_group g WHERE g.program_id = ${programId}) x) AS groups,
          -- Dated tasks per calendar quarter of their due date; recurring and undated counted apart.
          (SELECT coalesce(json_agg(x ORDER BY x.year, x.quarter), '[]') FROM (
             SELECT extract(year FROM due_date)::int AS year, extract(quarter FROM due_date)::int AS quarter,
                    count(*)::int AS count
               FROM task WHERE program_id = ${programId} AND plan_id IS NULL AND due_date IS NOT NULL
                AND recurrence IS NULL
              GROUP BY 1, 2) x) AS quarters,
          (SELECT row_to_json(x) FROM (
             SELECT count(*) FILTER (WHERE recurrence = 'yearly')::int AS yearly,
                    count(*) FILTER (WHERE recurrence = 'ongoing')::int AS ongoing,
                    count(*) FILTER (WHERE recurrence IS NULL AND due_date IS NULL)::int AS undated,
                    count(*)::int AS total
               FROM task WHERE program_id = ${programId} AND plan_id IS NULL) x) AS kinds,
          -- Organisations by number of tasks they lead, then partner; collectives counted apart.
          (SELECT coalesce(json_agg(x ORDER BY x.n), '[]') FROM (
             SELECT row_number() OVER (ORDER BY y."leadCount" DESC, y."partnerCount" DESC, y."nameVi") AS n, y.*
               FROM (SELECT o.code, o.name_vi AS "nameVi", o.name_en AS "nameEn", o.kind,
                            count(DISTINCT ta.task_id) FILTER (WHERE ta.role = 'lead')::int AS "leadCount",
                            count(DISTINCT ta.task_id) FILTER (WHERE ta.role = 'partner')::int AS "partnerCount"
                       FROM own_agencies ta JOIN org_unit o ON o.id = ta.org_unit_id
                      GROUP BY o.id
                      ORDER BY "leadCount" DESC, "partnerCount" DESC, o.name_vi LIMIT ${topAgencies}) y) x) AS "topAgencies",
          (SELECT coalesce(json_agg(x ORDER BY x.collective, x.role), '[]') FROM (
             SELECT ta.collective, ta.role, count(DISTINCT ta.task_id)::int AS count
               FROM own_agencies ta WHERE ta.collective IS NOT NULL
              GROUP BY 1, 2) x) AS collectives,
          (SELECT row_to_json(x) FROM (
             SELECT (SELECT count(*)::int FROM task WHERE program_id = ${programId} AND plan_id IS NULL) AS tasks,
                    (SELECT count(*)::int FROM program_item WHERE program_id = ${programId}) AS items,
                    (SELECT count(*)::int FROM target WHERE program_id = ${programId}) AS targets,
                    (SELECT count(*)::int FROM indicator_group WHERE program_id = ${programId}) AS "indicatorGroups",
                    (SELECT count(DISTINCT ta.org_unit_id)::int FROM own_agencies ta) AS agencies) x) AS totals`,
      );
      const parts = row!;
      // The row number only ordered the JSON array; the answer has the agencies' own fields.
      parts.topAgencies = parts.topAgencies.map(({ n: _, ...agency }) => agency);
      return parts;
    },
    async groupsWithItems(programId: number) {
      const groups = await db
        .select()
        .from(taskGroup)
        .where(eq(taskGroup.programId, programId))
        .orderBy(asc(taskGroup.no));
      const items = await db
        .select()
        .from(programItem)
        .where(eq(programItem.programId, programId))
        .orderBy(asc(programItem.groupId), asc(programItem.position));
      return groups.map((g) => ({ ...g, items: items.filter((i) => i.groupId === g.id) }));
    },
    async lastLoadRun(programId: number) {
      const [row] = await db
        .select()
        .from(programLoadRun)
        .where(eq(programLoadRun.programId, programId))
        .orderBy(sql`${programLoadRun.id} DESC`)
        .limit(1);
      return row;
    },
  };
}
