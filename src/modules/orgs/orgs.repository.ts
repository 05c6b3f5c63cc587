import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';

export interface AgencyListRow {
  id: number;
  code: string;
  kind: string;
  nameVi: string;
  nameEn: string | null;
  leadCount: number;
  partnerCount: number;
}

export function orgsRepository(db: Db) {
  return {
    /** Agencies with their task counts in one program; search covers current and former names. */
    list(f: { programId: number; q?: string; kinds?: string[] }): Promise<AgencyListRow[]> {
      // Agencies are today's central bodies and provinces: closed predecessors, departments and
      // communes have their own pages (GET /api/orgs), and former names are searched through aliases.
      const parts: SQL[] = [
        sql`o.valid_to IS NULL`,
        sql`o.kind IN ('ministry', 'ministerial_agency', 'government_agency', 'province', 'city')`,
      ];
      if (f.q) {
        parts.push(sql`(f_unaccent(o.name_vi) ILIKE '%' || f_unaccent(${f.q}) || '%'
                        OR f_unaccent(coalesce(o.name_en, '')) ILIKE '%' || f_unaccent(${f.q}) || '%'
                        OR o.code ILIKE ${f.q}
                        OR EXISTS (SELECT 1 FROM org_unit_alias a WHERE a.org_unit_id = o.id
                                     AND f_unaccent(a.name) ILIKE '%' || f_unaccent(${f.q}) || '%'))`);
      }
      if (f.kinds?.length)
        parts.push(
          sql`o.kind IN (${sql.join(
            f.kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        );
      return rows<AgencyListRow>(
        db,
        sql`SELECT o.id, o.code, o.kind, o.name_vi AS "nameVi", o.name_en AS "nameEn",
                   count(DISTINCT ta.task_id) FILTER (WHERE ta.role = 'lead')::int AS "leadCount",
                   count(DISTINCT ta.task_id) FILTER (WHERE ta.role = 'partner')::int AS "partnerCount"
              FROM org_unit o
              LEFT JOIN task_agency ta ON ta.org_unit_id = o.id
                    AND ta.task_id IN (SELECT id FROM task WHERE program_id = ${f.programId} AND plan_id IS NULL)
             WHERE ${sql.join(parts, sql` AND `)}
             GROUP BY o.id
             ORDER BY CASE WHEN o.kind IN ('province', 'city') THEN 1 ELSE 0 END, "leadCount" DESC, o.name_vi`,
      );
    },
    async byCode(code: string) {
      const [row] = await rows<{
        id: number;
        code: string;
        kind: string;
        nameVi: string;
        nameEn: string | null;
        validFrom: string | null;
        source: string | null;
      }>(
        db,
        sql`SELECT id, code, kind, name_vi AS "nameVi", name_en AS "nameEn", valid_from AS "validFrom", source
              FROM org_unit WHERE code = ${code}`,
      );
      return row;
    },
    aliases(orgUnitId: number) {
      return rows<{ name: string; kind: string; note: string | null }>(
        db,
        sql`SELECT name, kind, note FROM org_unit_alias WHERE org_unit_id = ${orgUnitId} ORDER BY kind, name`,
      );
    },
    /**
     * Program tasks (not plan items, `plan_id IS NULL`: an agency's own plan would otherwise count its
     * copies twice) where the agency is named, lead or partner, and how many collective tasks concern it.
     */
    tasksOf(programId: number, orgUnitId: number) {
      return rows<{ taskId: number; role: 'lead' | 'partner' }>(
        db,
        sql`SELECT DISTINCT ta.task_id AS "taskId", ta.role
              FROM task_agency ta JOIN task t ON t.id = ta.task_id
             WHERE t.program_id = ${programId} AND t.plan_id IS NULL AND ta.org_unit_id = ${orgUnitId}`,
      );
    },
    collectiveTaskIds(programId: number, collectives: string[]) {
      return rows<{ taskId: number; role: 'lead' | 'partner' }>(
        db,
        sql`SELECT DISTINCT ta.task_id AS "taskId", ta.role
              FROM task_agency ta JOIN task t ON t.id = ta.task_id
             WHERE t.program_id = ${programId} AND t.plan_id IS NULL
               AND ta.collective IN (${sql.join(
                 collectives.map((c) => sql`${c}`),
                 sql`, `,
               )})`,
      );
    },
  };
}
