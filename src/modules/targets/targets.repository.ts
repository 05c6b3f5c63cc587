import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import { orgUnit } from '../orgs/orgs.schema.ts';
import {
  type Comparison,
  type ObservationStatus,
  target,
  targetObservation,
  targetVersion,
} from './targets.schema.ts';

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
  baselineValue: string | null;
  baselineYear: number | null;
  baselineSource: string | null;
  version: number;
  editedLocally: boolean;
}

export function targetsRepository(db: Db) {
  return {
    list(f: {
      programId: number;
      q?: string;
      year?: number;
      group?: number;
      agency?: string;
      code?: string;
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
      if (f.code) parts.push(sql`t.code = ${f.code}`);
      // 67 rows: ordered by indicator group, then the sub-item number as a version (11.2 before 11.10).
      return rows<TargetRow>(
        db,
        sql`SELECT t.id, t.code, t.indicator_no AS "indicatorNo", ig.no AS "groupNo", ig.title_vi AS "groupTitleVi",
                   t.text_vi AS "textVi", t.text_en AS "textEn", t.target_value_text AS "targetValueText",
                   t.target_value::text AS "targetValue", t.target_value_max::text AS "targetValueMax", t.unit,
                   t.comparison, t.comparison_inferred AS "comparisonInferred", t.target_year AS "targetYear",
                   t.in_nq57 AS "inNq57", o.code AS "monitoringAgencyCode", o.name_vi AS "monitoringAgencyNameVi",
                   o.name_en AS "monitoringAgencyNameEn", t.monitoring_agency_as_written AS "monitoringAgencyAsWritten",
                   t.notes, t.sources, t.baseline_value::text AS "baselineValue", t.baseline_year AS "baselineYear",
                   t.baseline_source AS "baselineSource", t.version, t.edited_locally AS "editedLocally"
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

/** The editable definition of one target, as the coordinator sees it and as versions record it. */
export interface TargetDefinitionRow {
  id: number;
  programId: number;
  code: string;
  textVi: string;
  textEn: string | null;
  comparison: Comparison;
  comparisonInferred: boolean;
  unit: string | null;
  targetValueText: string;
  targetValue: number | null;
  targetValueMax: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  monitoringAgencyId: number | null;
  monitoringAgencyCode: string | null;
  version: number;
  editedLocally: boolean;
}

export type TargetDefinitionPatch = Partial<
  Pick<
    TargetDefinitionRow,
    | 'textVi'
    | 'textEn'
    | 'comparison'
    | 'comparisonInferred'
    | 'unit'
    | 'targetValueText'
    | 'targetValue'
    | 'targetValueMax'
    | 'targetYear'
    | 'baselineValue'
    | 'baselineYear'
    | 'baselineSource'
    | 'monitoringAgencyId'
  >
>;

export type ObservationRow = typeof targetObservation.$inferSelect;
export type NewObservation = typeof targetObservation.$inferInsert;

const num = (v: string | null) => (v === null ? null : Number(v));

export function targetDefinitionsRepository(db: Db | Tx) {
  return {
    /** Locks the row when called inside a transaction, so two edits never base on the same version. */
    byCode(programId: number, code: string, lock = false): Promise<TargetDefinitionRow | undefined> {
      return this.find(sql`t.program_id = ${programId} AND t.code = ${code}`, lock);
    },
    byId(id: number): Promise<TargetDefinitionRow | undefined> {
      return this.find(sql`t.id = ${id}`, false);
    },
    async find(where: SQL, lock: boolean): Promise<TargetDefinitionRow | undefined> {
      const [row] = await rows<
        Omit<TargetDefinitionRow, 'targetValue' | 'targetValueMax' | 'baselineValue'> & {
          targetValue: string | null;
          targetValueMax: string | null;
          baselineValue: string | null;
        }
      >(
        db,
        sql`SELECT t.id, t.program_id AS "programId", t.code, t.text_vi AS "textVi", t.text_en AS "textEn",
                   t.comparison, t.comparison_inferred AS "comparisonInferred", t.unit,
                   t.target_value_text AS "targetValueText", t.target_value::text AS "targetValue",
                   t.target_value_max::text AS "targetValueMax", t.target_year AS "targetYear",
                   t.baseline_value::text AS "baselineValue", t.baseline_year AS "baselineYear",
                   t.baseline_source AS "baselineSource", t.monitoring_agency_id AS "monitoringAgencyId",
                   (SELECT o.code FROM org_unit o WHERE o.id = t.monitoring_agency_id) AS "monitoringAgencyCode",
                   t.version, t.edited_locally AS "editedLocally"
              FROM target t
             WHERE ${where}
             ${lock ? sql`FOR UPDATE` : sql``}`,
      );
      if (!row) return undefined;
      return {
        ...row,
        targetValue: num(row.targetValue),
        targetValueMax: num(row.targetValueMax),
        baselineValue: num(row.baselineValue),
      };
    },
    async update(id: number, patch: TargetDefinitionPatch, version: number, at: string) {
      await db
        .update(target)
        .set({ ...patch, version, editedLocally: true, updatedAt: at })
        .where(eq(target.id, id));
    },
    async insertVersion(row: typeof targetVersion.$inferInsert) {
      await db.insert(targetVersion).values(row);
    },
    history(targetId: number) {
      return db
        .select()
        .from(targetVersion)
        .where(eq(targetVersion.targetId, targetId))
        .orderBy(desc(targetVersion.version));
    },
    async orgIdByCode(code: string): Promise<number | undefined> {
      const [row] = await db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.code, code));
      return row?.id;
    },
    async provinceCodes(): Promise<Set<string>> {
      const found = await db
        .select({ code: orgUnit.code })
        .from(orgUnit)
        .where(inArray(orgUnit.kind, ['province', 'city']));
      return new Set(found.map((r) => r.code));
    },
  };
}

export function observationsRepository(db: Db | Tx) {
  return {
    async byId(id: number, lock = false): Promise<ObservationRow | undefined> {
      const query = db.select().from(targetObservation).where(eq(targetObservation.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    },
    async findSame(o: {
      targetId: number;
      periodYear: number;
      period: string;
      disaggregationKey: string;
      disaggregationValue: string;
    }): Promise<ObservationRow | undefined> {
      const [row] = await db
        .select()
        .from(targetObservation)
        .where(
          and(
            eq(targetObservation.targetId, o.targetId),
            eq(targetObservation.periodYear, o.periodYear),
            eq(targetObservation.period, o.period),
            eq(targetObservation.disaggregationKey, o.disaggregationKey),
            eq(targetObservation.disaggregationValue, o.disaggregationValue),
          ),
        );
      return row;
    },
    async insert(row: NewObservation): Promise<ObservationRow> {
      const [created] = await db.insert(targetObservation).values(row).returning();
      return created!;
    },
    async update(id: number, patch: Partial<NewObservation>): Promise<ObservationRow> {
      const [updated] = await db
        .update(targetObservation)
        .set(patch)
        .where(eq(targetObservation.id, id))
        .returning();
      return updated!;
    },
    /** A target's values, optionally only some statuses; oldest period first. */
    ofTarget(targetId: number, statuses?: ObservationStatus[]) {
      return db
        .select()
        .from(targetObservation)
        .where(
          and(
            eq(targetObservation.targetId, targetId),
            statuses ? inArray(targetObservation.status, statuses) : undefined,
          ),
        )
        .orderBy(
          asc(targetObservation.periodYear),
          asc(targetObservation.period),
          asc(targetObservation.disaggregationKey),
          asc(targetObservation.disaggregationValue),
        );
    },
    /** Accepted values of the given targets (the page, the overview, the downloads). */
    acceptedOfTargets(targetIds: number[]): Promise<ObservationRow[]> {
      if (targetIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(targetObservation)
        .where(and(inArray(targetObservation.targetId, targetIds), eq(targetObservation.status, 'accepted')))
        .orderBy(
          asc(targetObservation.targetId),
          asc(targetObservation.periodYear),
          asc(targetObservation.period),
          asc(targetObservation.disaggregationKey),
          asc(targetObservation.disaggregationValue),
        );
    },
    /** Values waiting for review, or in one status, across a program; with what a reviewer reads of the target. */
    listByStatus(programId: number, status: ObservationStatus) {
      return db
        .select({ observation: targetObservation, ...targetOfValue })
        .from(targetObservation)
        .innerJoin(target, eq(target.id, targetObservation.targetId))
        .leftJoin(orgUnit, eq(orgUnit.id, target.monitoringAgencyId))
        .where(and(eq(target.programId, programId), eq(targetObservation.status, status)))
        .orderBy(asc(targetObservation.id));
    },
    /**
     * The values of the targets some agencies monitor (an officer's own list), newest first, optionally in
     * one status. Served by target_observation's unique (target, period, breakdown) index per target.
     */
    ofMonitoringAgencies(programId: number, agencyIds: number[], status?: ObservationStatus) {
      if (agencyIds.length === 0) return Promise.resolve([]);
      return db
        .select({ observation: targetObservation, ...targetOfValue })
        .from(targetObservation)
        .innerJoin(target, eq(target.id, targetObservation.targetId))
        .leftJoin(orgUnit, eq(orgUnit.id, target.monitoringAgencyId))
        .where(
          and(
            eq(target.programId, programId),
            inArray(target.monitoringAgencyId, agencyIds),
            status ? eq(targetObservation.status, status) : undefined,
          ),
        )
        .orderBy(desc(targetObservation.updatedAt), desc(targetObservation.id));
    },
  };
}

/** The target fields shown beside a value in the officer's list and the review queue. */
const targetOfValue = {
  targetCode: target.code,
  targetTextVi: target.textVi,
  targetTextEn: target.textEn,
  targetUnit: target.unit,
  targetComparison: target.comparison,
  monitoringAgencyCode: orgUnit.code,
};

/** The targets some agencies monitor, in the order of the public list (indicator group, then code). */
export function monitoredTargetsRepository(db: Db) {
  return {
    async list(programId: number, agencyIds: number[]): Promise<TargetRow[]> {
      if (agencyIds.length === 0) return [];
      const all = await targetsRepository(db).list({ programId });
      const codes = new Set(
        (
          await db
            .select({ code: target.code })
            .from(target)
            .where(and(eq(target.programId, programId), inArray(target.monitoringAgencyId, agencyIds)))
        ).map((r) => r.code),
      );
      return all.filter((t) => codes.has(t.code));
    },
  };
}
