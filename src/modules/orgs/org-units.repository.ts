import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import {
  type OrgEventKind,
  type OrgKind,
  orgUnit,
  orgUnitAlias,
  orgUnitEvent,
  orgUnitEventUnit,
} from './orgs.schema.ts';

export interface UnitRow {
  id: number;
  code: string;
  kind: OrgKind;
  nameVi: string;
  nameEn: string | null;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  path: string;
  level: number;
  openChildren: number;
}

export interface UnitFilter {
  /** ltree path of the unit whose subtree is listed (the unit included). */
  rootPath?: string;
  kinds?: OrgKind[];
  q?: string;
  status: 'current' | 'closed' | 'all';
  maxLevel?: number;
  limit: number;
  offset: number;
}

export interface EventRow {
  id: number;
  kind: OrgEventKind;
  effectiveDate: string;
  legalBasis: string | null;
  note: string | null;
  details: Record<string, unknown>;
  fromCodes: string[];
  toCodes: string[];
}

const UNIT_COLUMNS = sql`o.id, o.code, o.kind, o.name_vi AS "nameVi", o.name_en AS "nameEn", o.parent_id AS "parentId",
  p.code AS "parentCode", o.valid_from AS "validFrom", o.valid_to AS "validTo", o.source, o.path::text AS path,
  nlevel(o.path)::int AS level,
  coalesce(c.n, 0) AS "openChildren"`;
// Open children per parent, joined once rather than counted per row.
const UNIT_FROM = sql`org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id
  LEFT JOIN (SELECT parent_id, count(*)::int AS n FROM org_unit WHERE valid_to IS NULL GROUP BY parent_id) c
    ON c.parent_id = o.id`;

function list(values: (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/** The SQL of the organisation hierarchy and its lineage. */
export function orgUnitsRepository(db: Db | Tx) {
  return {
    async byCode(code: string): Promise<UnitRow | undefined> {
      const [row] = await rows<UnitRow>(
        db,
        sql`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE o.code = ${code}`,
      );
      return row;
    },
    byCodes(codes: string[]): Promise<UnitRow[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return rows<UnitRow>(
        db,
        sql`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM}
             WHERE o.code IN (${list(codes)})`,
      );
    },
    byIds(ids: number[]): Promise<UnitRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return rows<UnitRow>(
        db,
        sql`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM}
             WHERE o.id IN (${list(ids)}) ORDER BY o.path`,
      );
    },
    /** The tree in path order (parents before children), filtered; search covers former names. */
    async list(f: UnitFilter): Promise<{ items: UnitRow[]; total: number }> {
      const parts: SQL[] = [sql`true`];
      if (f.rootPath) parts.push(sql`o.path <@ ${f.rootPath}::ltree`);
      if (f.kinds?.length) parts.push(sql`o.kind IN (${list(f.kinds)})`);
      if (f.status === 'current') parts.push(sql`o.valid_to IS NULL`);
      if (f.status === 'closed') parts.push(sql`o.valid_to IS NOT NULL`);
      if (f.maxLevel !== undefined) parts.push(sql`nlevel(o.path) <= ${f.maxLevel}`);
      if (f.q) {
        parts.push(sql`(f_unaccent(o.name_vi) ILIKE '%' || f_unaccent(${f.q}) || '%'
                        OR o.code ILIKE ${f.q}
                        OR EXISTS (SELECT 1 FROM org_unit_alias a WHERE a.org_unit_id = o.id
                                     AND f_unaccent(a.name) ILIKE '%' || f_unaccent(${f.q}) || '%'))`);
      }
      const where = sql.join(parts, sql` AND `);
      const [items, [count]] = await Promise.all([
        rows<UnitRow>(
          db,
          sql`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM}
               WHERE ${where} ORDER BY o.path LIMIT ${f.limit} OFFSET ${f.offset}`,
        ),
        rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM org_unit o WHERE ${where}`),
      ]);
      return { items, total: count?.total ?? 0 };
    },
    async insert(values: {
      code: string;
      kind: OrgKind;
      nameVi: string;
      nameEn: string | null;
      parentId: number | null;
      validFrom: string | null;
      validTo?: string | null;
      source: string | null;
    }): Promise<number> {
      const [row] = await db.insert(orgUnit).values(values).returning({ id: orgUnit.id });
      return row!.id;
    },
    /** Many units at once (an import); the path trigger still runs for each row. */
    async insertMany(
      values: {
        code: string;
        kind: OrgKind;
        nameVi: string;
        nameEn: string | null;
        parentId: number;
        source: string | null;
      }[],
    ) {
      for (let i = 0; i < values.length; i += 500) await db.insert(orgUnit).values(values.slice(i, i + 500));
    },
    async update(
      id: number,
      values: Partial<{
        kind: OrgKind;
        nameVi: string;
        nameEn: string | null;
        parentId: number | null;
        validFrom: string | null;
        validTo: string | null;
        source: string | null;
      }>,
    ) {
      await db
        .update(orgUnit)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(orgUnit.id, id));
    },
    async close(ids: number[], validTo: string) {
      if (ids.length === 0) return;
      await db.update(orgUnit).set({ validTo, updatedAt: new Date() }).where(inArray(orgUnit.id, ids));
    },
    openChildrenOf(ids: number[]): Promise<{ id: number; code: string; kind: OrgKind; parentId: number }[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return rows(
        db,
        sql`SELECT id, code, kind, parent_id AS "parentId" FROM org_unit
             WHERE parent_id IN (${list(ids)}) AND valid_to IS NULL ORDER BY code`,
      );
    },
    /** Codes among these that already exist, with the unit's name: duplicates an import must refuse. */
    existingCodes(codes: string[]): Promise<{ code: string; nameVi: string }[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return rows(db, sql`SELECT code, name_vi AS "nameVi" FROM org_unit WHERE code IN (${list(codes)})`);
    },
    async insertEvent(e: {
      kind: OrgEventKind;
      effectiveDate: string;
      legalBasis: string | null;
      note: string | null;
      details?: Record<string, unknown>;
      sourceKey?: string | null;
    }): Promise<number> {
      const [row] = await db
        .insert(orgUnitEvent)
        .values({ ...e, details: e.details ?? {} })
        .returning({ id: orgUnitEvent.id });
      return row!.id;
    },
    async updateEvent(
      id: number,
      e: { effectiveDate: string; legalBasis: string | null; note: string | null },
    ): Promise<void> {
      await db.update(orgUnitEvent).set(e).where(eq(orgUnitEvent.id, id));
    },
    async linkEvent(eventId: number, from: number[], to: number[]) {
      const links = [
        ...from.map((orgUnitId) => ({ eventId, orgUnitId, role: 'from' as const })),
        ...to.map((orgUnitId) => ({ eventId, orgUnitId, role: 'to' as const })),
      ];
      if (links.length) await db.insert(orgUnitEventUnit).values(links);
    },
    async unlinkEvent(eventId: number) {
      await db.delete(orgUnitEventUnit).where(eq(orgUnitEventUnit.eventId, eventId));
    },
    async eventsBySourceKey(): Promise<Map<string, EventRow & { sourceKey: string }>> {
      const found = await rows<EventRow & { sourceKey: string }>(
        db,
        sql`SELECT ${EVENT_COLUMNS}, e.source_key AS "sourceKey" FROM org_unit_event e WHERE e.source_key IS NOT NULL`,
      );
      return new Map(found.map((e) => [e.sourceKey, e]));
    },
    /** Every event that closed, created or renamed one of these units, newest first. */
    eventsOf(ids: number[]): Promise<EventRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return rows<EventRow>(
        db,
        sql`SELECT ${EVENT_COLUMNS} FROM org_unit_event e
             WHERE e.id IN (SELECT event_id FROM org_unit_event_unit WHERE org_unit_id IN (${list(ids)}))
             ORDER BY e.effective_date DESC, e.id DESC`,
      );
    },
    /** The unit (depth 0) and every unit whose history it carries on. */
    lineage(id: number): Promise<{ orgUnitId: number; depth: number }[]> {
      return rows(
        db,
        sql`SELECT org_unit_id AS "orgUnitId", depth FROM org_unit_lineage(${id}) ORDER BY depth, org_unit_id`,
      );
    },
    /** The units that carry this unit's history on, at any distance (the other direction). */
    successors(id: number): Promise<{ orgUnitId: number; depth: number }[]> {
      return rows(
        db,
        sql`WITH RECURSIVE down(id, depth) AS (
              SELECT ${id}::int, 0
              UNION
              SELECT t.org_unit_id, down.depth + 1 FROM down
                JOIN org_unit_event_unit f ON f.org_unit_id = down.id AND f.role = 'from'
                JOIN org_unit_event_unit t ON t.event_id = f.event_id AND t.role = 'to'
               WHERE t.org_unit_id <> down.id AND down.depth < 100)
            SELECT id AS "orgUnitId", min(depth)::int AS depth FROM down WHERE id <> ${id}
             GROUP BY id ORDER BY depth, id`,
      );
    },
    /**
     * Ids of a unit, optionally with its sub-units and with every predecessor (and theirs), for
     * "everything reported under this unit, including by the units it replaced".
     */
    async scopeIds(id: number, o: { subunits: boolean; predecessors: boolean }): Promise<number[]> {
      const roots = o.predecessors
        ? sql`SELECT org_unit_id FROM org_unit_lineage(${id})`
        : sql`SELECT ${id}::int`;
      const found = await rows<{ id: number }>(
        db,
        o.subunits
          ? sql`SELECT DISTINCT d.id FROM org_unit r JOIN org_unit d ON d.path <@ r.path WHERE r.id IN (${roots})`
          : sql`SELECT org_unit_id AS id FROM (${roots}) AS r(org_unit_id)`,
      );
      return found.map((r) => r.id).sort((a, b) => a - b);
    },
    /** Keeps a former name findable; a name already known (to any unit) is left as it is. */
    async addFormerName(orgUnitId: number, name: string, normalized: string, note: string) {
      await db
        .insert(orgUnitAlias)
        .values({ orgUnitId, name, normalized, kind: 'legacy', note })
        .onConflictDoNothing({ target: orgUnitAlias.normalized });
    },
  };
}

const EVENT_COLUMNS = sql`e.id, e.kind, e.effective_date AS "effectiveDate", e.legal_basis AS "legalBasis", e.note,
  e.details,
  coalesce((SELECT array_agg(o.code ORDER BY o.code) FROM org_unit_event_unit l JOIN org_unit o ON o.id = l.org_unit_id
             WHERE l.event_id = e.id AND l.role = 'from'), '{}') AS "fromCodes",
  coalesce((SELECT array_agg(o.code ORDER BY o.code) FROM org_unit_event_unit l JOIN org_unit o ON o.id = l.org_unit_id
             WHERE l.event_id = e.id AND l.role = 'to'), '{}') AS "toCodes"`;
