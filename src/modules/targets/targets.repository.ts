import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';

export interface TargetRow {
  id: number;
  code: string;
  indicatorNo: string | null;
  groupNo: number | null;
  groupTitleVi: string | null;
  textVi: string;
  textEn: string | null;
  targetValueText: string;
  targetValue: string | null;
  targetValueMax: string | null;
  unit: string | null;
  comparison: string;
  comparisonInferred: boolean;
  targetYear: number | null;
  inNq57: boolean;
  monitoringAgencyCode: string | null;
  monitoringAgencyNameVi: string | null;
  monitoringAgencyNameEn: string | null;
  monitoringAgencyAsWritten: string | null;
  notes: Record<string, string>;
  sources: string[];
}

export function targetsRepository(db: Db) {
  return {
    list(f: {
      programId: number;
      q?: string;
      year?: number;
      group?: number;
      agency?: string;
    }): Promise<TargetRow[]> {
      const parts: SQL[] = [sql`t.program_id = ${f.programId}`];
      if (f.q) {
        parts.push(
          sql`f_unaccent(concat_ws(' ', t.code, t.text_vi, t.text_en, ig.title_vi, t.unit)) ILIKE '%' || f_unaccent(${f.q}) || '%'`,
        );
      }
      if (f.year) parts.push(sql`t.target_year = ${f.year}`);
      if (f.group) parts.push(sql`ig.no = ${f.group}`);
      if (f.agency) parts.push(sql`o.code = ${f.agency}`);
      // 67 rows: ordered by indicator group, then the sub-item number as a version (11.2 before 11.10).
      return rows<TargetRow>(
        db,
        sql`SELECT t.id, t.code, t.indicator_no AS "indicatorNo", ig.no AS "groupNo", ig.title_vi AS "groupTitleVi",
                   t.text_vi AS "textVi", t.text_en AS "textEn", t.target_value_text AS "targetValueText",
                   t.target_value::text AS "targetValue", t.target_value_max::text AS "targetValueMax", t.unit,
                   t.comparison, t.comparison_inferred AS "comparisonInferred", t.target_year AS "targetYear",
                   t.in_nq57 AS "inNq57", o.code AS "monitoringAgencyCode", o.name_vi AS "monitoringAgencyNameVi",
                   o.name_en AS "monitoringAgencyNameEn", t.monitoring_agency_as_written AS "monitoringAgencyAsWritten",
                   t.notes, t.sources
              FROM target t
              LEFT JOIN indicator_group ig ON ig.id = t.indicator_group_id
              LEFT JOIN org_unit o ON o.id = t.monitoring_agency_id
             WHERE ${sql.join(parts, sql` AND `)}
             ORDER BY ig.no NULLS LAST,
                      coalesce(nullif(split_part(t.indicator_no, '.', 2), ''), '0')::int,
                      t.code`,
      );
    },
  };
}
