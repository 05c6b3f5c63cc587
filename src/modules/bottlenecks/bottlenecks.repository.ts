import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import {
  type BottleneckAction,
  type BottleneckStatus,
  type BottleneckType,
  bottleneck,
  bottleneckEvent,
} from './bottlenecks.schema.ts';

export interface BottleneckRow {
  id: number;
  programId: number;
  agencyId: number | null;
  agencyCode: string | null;
  agencyNameVi: string | null;
  agencyNameEn: string | null;
  taskId: number | null;
  taskCode: string | null;
  taskContentVi: string | null;
  reportId: number | null;
  type: BottleneckType;
  description: string;
  status: BottleneckStatus;
  escalatedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  clearedAt: string | null;
  createdAt: string;
  total: number;
}

export interface BottleneckEventRow {
  action: BottleneckAction;
  note: string | null;
  at: string;
  actorName: string;
}

export function bottlenecksRepository(db: Db | Tx) {
  return {
    async insert(values: typeof bottleneck.$inferInsert): Promise<number> {
      const [row] = await db.insert(bottleneck).values(values).returning({ id: bottleneck.id });
      return row!.id;
    },

    /** Which of the references a new bottleneck names do not exist (in this program, for the task). */
    async missingReferences(
      programId: number,
      agencyId: number | null,
      taskId: number | null,
    ): Promise<string[]> {
      const [row] = await rows<{ agency: boolean; task: boolean }>(
        db,
        sql`SELECT (${agencyId}::int IS NULL OR EXISTS (SELECT 1 FROM org_unit WHERE id = ${agencyId}::int)) AS agency,
                   (${taskId}::int IS NULL OR EXISTS (SELECT 1 FROM task WHERE id = ${taskId}::int
                                                   AND program_id = ${programId})) AS task`,
      );
      return [...(row?.agency ? [] : ['agencyId']), ...(row?.task ? [] : ['taskId'])];
    },

    async deleteUntouchedOfReport(reportId: number): Promise<void> {
      await db
        .delete(bottleneck)
        .where(
          and(eq(bottleneck.reportId, reportId), eq(bottleneck.status, 'open'), isNull(bottleneck.answer)),
        );
    },

    async byId(id: number, forUpdate = false): Promise<{ id: number; status: BottleneckStatus } | null> {
      const [row] = await rows<{ id: number; status: BottleneckStatus }>(
        db,
        sql`SELECT id, status FROM bottleneck WHERE id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
      );
      return row ?? null;
    },

    async update(id: number, set: Partial<typeof bottleneck.$inferInsert>): Promise<void> {
      await db
        .update(bottleneck)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(bottleneck.id, id));
    },

    async insertEvent(values: typeof bottleneckEvent.$inferInsert): Promise<void> {
      await db.insert(bottleneckEvent).values(values);
    },

    /** One bottleneck's moves after it was raised, oldest first, with the name of who made each. */
    events(bottleneckId: number): Promise<BottleneckEventRow[]> {
      return rows<BottleneckEventRow>(
        db,
        sql`SELECT e.action, e.note, e.at, coalesce(u.name, e.actor_label) AS "actorName"
              FROM bottleneck_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
             WHERE e.bottleneck_id = ${bottleneckId}
             ORDER BY e.at, e.id`,
      );
    },

    /** Who raised a bottleneck (a person's name), when raised by someone known. */
    async raiserName(bottleneckId: number): Promise<string | null> {
      const [row] = await rows<{ name: string | null }>(
        db,
        sql`SELECT u.name FROM bottleneck b LEFT JOIN app_user u ON u.id = b.raised_by WHERE b.id = ${bottleneckId}`,
      );
      return row?.name ?? null;
    },

    /** Counts per type × status under the board's agency and task filters. Served by bottleneck_status_idx. */
    counts(f: { programId: number; agencyId?: number; taskId?: number }) {
      const parts: SQL[] = [sql`program_id = ${f.programId}`];
      if (f.agencyId) parts.push(sql`agency_id = ${f.agencyId}`);
      if (f.taskId) parts.push(sql`task_id = ${f.taskId}`);
      return rows<{ type: BottleneckType; status: BottleneckStatus; count: number }>(
        db,
        sql`SELECT type, status, count(*)::int AS count FROM bottleneck
             WHERE ${sql.join(parts, sql` AND `)} GROUP BY type, status`,
      );
    },

    list(f: {
      programId: number;
      status?: BottleneckStatus[];
      type?: BottleneckType[];
      agencyId?: number;
      taskId?: number;
      id?: number;
      limit: number;
      offset: number;
    }): Promise<BottleneckRow[]> {
      const parts: SQL[] = [sql`b.program_id = ${f.programId}`];
      const within = (col: SQL, values: string[]) =>
        sql`${col} IN (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`;
      if (f.status?.length) parts.push(within(sql`b.status`, f.status));
      if (f.type?.length) parts.push(within(sql`b.type`, f.type));
      if (f.agencyId) parts.push(sql`b.agency_id = ${f.agencyId}`);
      if (f.taskId) parts.push(sql`b.task_id = ${f.taskId}`);
      if (f.id) parts.push(sql`b.id = ${f.id}`);
      return rows<BottleneckRow>(
        db,
        sql`SELECT b.id, b.program_id AS "programId", b.agency_id AS "agencyId", o.code AS "agencyCode",
                   o.name_vi AS "agencyNameVi", o.name_en AS "agencyNameEn",
                   b.task_id AS "taskId", t.code AS "taskCode", t.content_vi AS "taskContentVi", b.report_id AS "reportId", b.type,
                   b.description, b.status, b.escalated_at AS "escalatedAt", b.answer,
                   b.answered_at AS "answeredAt", b.cleared_at AS "clearedAt", b.created_at AS "createdAt",
                   count(*) OVER ()::int AS total
            FROM bottleneck b
            LEFT JOIN org_unit o ON o.id = b.agency_id
            LEFT JOIN task t ON t.id = b.task_id
            WHERE ${sql.join(parts, sql` AND `)}
            ORDER BY b.created_at DESC, b.id DESC
            LIMIT ${f.limit} OFFSET ${f.offset}`,
      );
    },
  };
}
