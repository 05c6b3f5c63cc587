import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { Actor } from '../audit/actor.ts';
import type { Collective, ProductType, Recurrence } from '../tasks/tasks.schema.ts';
import type { RegisterState } from './register.schema.ts';
import type { RegisterAgency, RegisterTask } from './register-task.ts';

const ids = (list: number[]) =>
  sql.join(
    list.map((id) => sql`${id}`),
    sql`, `,
  );

interface TaskRow {
  id: number;
  programId: number;
  planId: number | null;
  parentTaskId: number | null;
  groupId: number;
  groupNo: number;
  code: string;
  contentVi: string;
  sourceDocument: string | null;
  sourceItem: string | null;
  headUserId: number | null;
  headName: string | null;
  focalUserId: number | null;
  focalName: string | null;
  productType: ProductType | null;
  productDescription: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
  deadlineRule: string | null;
  originalDueDate: string | null;
  registerState: RegisterState;
  assignedOn: string | null;
  cancelReason: string | null;
  editedLocally: boolean;
}

/** The columns a register write may set. Undefined leaves a column alone. */
export interface TaskColumns {
  groupId?: number;
  code?: string;
  contentVi?: string;
  sourceDocument?: string | null;
  sourceItem?: string | null;
  accountableHeadUserId?: number | null;
  accountableHeadName?: string | null;
  focalOfficerUserId?: number | null;
  focalOfficerName?: string | null;
  productType?: ProductType | null;
  productAsWritten?: string | null;
  deadlineAsWritten?: string | null;
  dueDate?: string | null;
  recurrence?: Recurrence | null;
  deadlineRule?: string | null;
  leadAsWritten?: string | null;
  partnersAsWritten?: string | null;
  parentTaskId?: number | null;
}

const COLUMN_NAMES: Record<keyof TaskColumns, string> = {
  groupId: 'group_id',
  code: 'code',
  contentVi: 'content_vi',
  sourceDocument: 'source_document',
  sourceItem: 'source_item',
  accountableHeadUserId: 'accountable_head_user_id',
  accountableHeadName: 'accountable_head_name',
  focalOfficerUserId: 'focal_officer_user_id',
  focalOfficerName: 'focal_officer_name',
  productType: 'product_type',
  productAsWritten: 'product_as_written',
  deadlineAsWritten: 'deadline_as_written',
  dueDate: 'due_date',
  recurrence: 'recurrence',
  deadlineRule: 'deadline_rule',
  leadAsWritten: 'lead_as_written',
  partnersAsWritten: 'partners_as_written',
  parentTaskId: 'parent_task_id',
};

export interface AgencyWrite {
  role: 'lead' | 'partner';
  orgUnitId: number | null;
  collective: Collective | null;
  nameAsWritten: string;
}

export interface ResolvedAgency {
  id: number;
  code: string;
  nameVi: string;
  kind: string;
  parentId: number | null;
}

/** The SQL of the register: tasks with their agencies, people and targets; versions; extensions. */
export function registerRepository(db: Db | Tx) {
  async function load(where: SQL): Promise<RegisterTask[]> {
    const tasks = await rows<TaskRow>(
      db,
      sql`SELECT t.id, t.program_id AS "programId", t.plan_id AS "planId", t.parent_task_id AS "parentTaskId",
                 t.group_id AS "groupId", g.no AS "groupNo", t.code, t.content_vi AS "contentVi",
                 t.source_document AS "sourceDocument", t.source_item AS "sourceItem",
                 t.accountable_head_user_id AS "headUserId", t.accountable_head_name AS "headName",
                 t.focal_officer_user_id AS "focalUserId", t.focal_officer_name AS "focalName",
                 t.product_type AS "productType", t.product_as_written AS "productDescription",
                 t.deadline_as_written AS "deadlineAsWritten", t.due_date AS "dueDate", t.recurrence,
                 t.deadline_rule AS "deadlineRule", t.original_due_date AS "originalDueDate",
                 t.register_state AS "registerState", t.assigned_on AS "assignedOn",
                 t.cancel_reason AS "cancelReason", t.edited_locally AS "editedLocally"
            FROM task t JOIN task_group g ON g.id = t.group_id
           WHERE ${where}
           ORDER BY g.no, t.source_row NULLS LAST, t.code`,
    );
    if (tasks.length === 0) return [];
    const taskIds = ids(tasks.map((t) => t.id));
    const [agencies, targets] = await Promise.all([
      rows<RegisterAgency & { taskId: number; role: 'lead' | 'partner' }>(
        db,
        sql`SELECT ta.task_id AS "taskId", ta.role, ta.org_unit_id AS "orgUnitId", o.code, o.name_vi AS "nameVi",
                   ta.collective, ta.name_as_written AS "nameAsWritten"
              FROM task_agency ta LEFT JOIN org_unit o ON o.id = ta.org_unit_id
             WHERE ta.task_id IN (${taskIds}) ORDER BY ta.task_id, ta.role, ta.position`,
      ),
      rows<{ taskId: number; targetId: number }>(
        db,
        sql`SELECT task_id AS "taskId", target_id AS "targetId" FROM task_target
             WHERE task_id IN (${taskIds}) ORDER BY task_id, target_id`,
      ),
    ]);
    const byTask = new Map<number, RegisterTask>();
    const result = tasks.map((t) => {
      const { headUserId, headName, focalUserId, focalName, ...rest } = t;
      const task: RegisterTask = {
        ...rest,
        leads: [],
        partners: [],
        accountableHead: { userId: headUserId, name: headName },
        focalOfficer: { userId: focalUserId, name: focalName },
        targetIds: [],
      };
      byTask.set(t.id, task);
      return task;
    });
    for (const { taskId, role, ...agency } of agencies) {
      byTask.get(taskId)![role === 'lead' ? 'leads' : 'partners'].push(agency);
    }
    for (const { taskId, targetId } of targets) byTask.get(taskId)!.targetIds.push(targetId);
    return result;
  }

  return {
    load,
    async byId(id: number): Promise<RegisterTask | undefined> {
      return (await load(sql`t.id = ${id}`))[0];
    },
    byIds(taskIds: number[]): Promise<RegisterTask[]> {
      return taskIds.length ? load(sql`t.id IN (${ids(taskIds)})`) : Promise.resolve([]);
    },
    /** The Program's own tasks (not agencies' plan items). */
    programTasks(programId: number, includeCancelled = true, q?: string): Promise<RegisterTask[]> {
      // search_text is already unaccented and lower-cased: one trigram-indexed LIKE.
      return load(
        sql`t.program_id = ${programId} AND t.plan_id IS NULL ${
          includeCancelled ? sql`` : sql`AND t.register_state <> 'cancelled'`
        } ${q ? sql`AND t.search_text LIKE '%' || lower(f_unaccent(${q})) || '%'` : sql``}`,
      );
    },
    /** The items of one agency's plan. */
    planItems(planId: number): Promise<RegisterTask[]> {
      return load(sql`t.plan_id = ${planId}`);
    },
    async lockTask(id: number): Promise<boolean> {
      return (await rows(db, sql`SELECT id FROM task WHERE id = ${id} FOR UPDATE`)).length > 0;
    },
    async agencyByCode(code: string): Promise<ResolvedAgency | undefined> {
      const [row] = await rows<ResolvedAgency>(
        db,
        sql`SELECT id, code, name_vi AS "nameVi", kind, parent_id AS "parentId" FROM org_unit WHERE code = ${code}`,
      );
      return row;
    },
    async groupIdByNo(programId: number, no: number): Promise<number | undefined> {
      const [row] = await rows<{ id: number }>(
        db,
        sql`SELECT id FROM task_group WHERE program_id = ${programId} AND no = ${no}`,
      );
      return row?.id;
    },
    async existingTargets(programId: number, targetIds: number[]): Promise<number[]> {
      if (targetIds.length === 0) return [];
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT id FROM target WHERE program_id = ${programId} AND id IN (${ids(targetIds)})`,
      );
      return found.map((r) => r.id);
    },
    async codeTaken(programId: number, code: string, exceptId: number | null): Promise<boolean> {
      const found = await rows(
        db,
        sql`SELECT 1 FROM task WHERE program_id = ${programId} AND code = ${code}
             AND id IS DISTINCT FROM ${exceptId}`,
      );
      return found.length > 0;
    },
    /** Ids of a task and every task above it, nearest first (stops at a cycle). */
    async ancestors(id: number): Promise<number[]> {
      const found = await rows<{ id: number }>(
        db,
        sql`WITH RECURSIVE up(id, parent, depth, path) AS (
              SELECT id, parent_task_id, 0, ARRAY[id] FROM task WHERE id = ${id}
              UNION ALL
              SELECT t.id, t.parent_task_id, up.depth + 1, up.path || t.id
                FROM task t JOIN up ON t.id = up.parent
               WHERE NOT t.id = ANY(up.path))
            SELECT id FROM up ORDER BY depth`,
      );
      return found.map((r) => r.id);
    },
    async insertTask(programId: number, planId: number | null, c: TaskColumns): Promise<number> {
      const entries = Object.entries(c).filter(([, v]) => v !== undefined) as [keyof TaskColumns, unknown][];
      const columns = sql.join(
        [
          sql`program_id`,
          sql`plan_id`,
          sql`edited_locally`,
          ...entries.map(([k]) => sql.raw(COLUMN_NAMES[k])),
        ],
        sql`, `,
      );
      const values = sql.join(
        [sql`${programId}`, sql`${planId}`, sql`true`, ...entries.map(([, v]) => sql`${v}`)],
        sql`, `,
      );
      const [row] = await rows<{ id: number }>(
        db,
        sql`INSERT INTO task (${columns}) VALUES (${values}) RETURNING id`,
      );
      return row!.id;
    },
    async updateTask(id: number, c: TaskColumns): Promise<void> {
      const sets = (Object.entries(c) as [keyof TaskColumns, unknown][])
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => sql`${sql.raw(COLUMN_NAMES[k])} = ${v}`);
      sets.push(sql`edited_locally = true`, sql`updated_at = now()`);
      await rows(db, sql`UPDATE task SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING id`);
    },
    async setState(
      id: number,
      state: RegisterState,
      extra: { assignedOn?: string; originalDueDate?: string | null; cancelReason?: string },
    ): Promise<void> {
      await rows(
        db,
        sql`UPDATE task SET register_state = ${state}, updated_at = now(), edited_locally = true,
              assigned_on = coalesce(${extra.assignedOn ?? null}::date, assigned_on),
              assigned_at = CASE WHEN ${state} = 'assigned' THEN now() ELSE assigned_at END,
              original_due_date = coalesce(original_due_date, ${extra.originalDueDate ?? null}::date),
              cancelled_at = CASE WHEN ${state} = 'cancelled' THEN now() ELSE cancelled_at END,
              cancel_reason = coalesce(${extra.cancelReason ?? null}, cancel_reason)
            WHERE id = ${id} RETURNING id`,
      );
    },
    async setCurrentDeadline(id: number, dueDate: string): Promise<void> {
      await rows(
        db,
        sql`UPDATE task SET due_date = ${dueDate}, deadline_rule = 'extension', updated_at = now()
             WHERE id = ${id} RETURNING id`,
      );
    },
    async replaceAgencies(taskId: number, agencies: AgencyWrite[]): Promise<void> {
      await rows(db, sql`DELETE FROM task_agency WHERE task_id = ${taskId} RETURNING id`);
      const positions = { lead: 0, partner: 0 };
      for (const a of agencies) {
        positions[a.role]++;
        await rows(
          db,
          sql`INSERT INTO task_agency (task_id, role, position, org_unit_id, collective, name_as_written)
              VALUES (${taskId}, ${a.role}, ${positions[a.role]}, ${a.orgUnitId}, ${a.collective}, ${a.nameAsWritten})
              RETURNING id`,
        );
      }
    },
    async replaceTargets(taskId: number, targetIds: number[]): Promise<void> {
      await rows(db, sql`DELETE FROM task_target WHERE task_id = ${taskId} RETURNING task_id`);
      for (const targetId of targetIds) {
        await rows(
          db,
          sql`INSERT INTO task_target (task_id, target_id) VALUES (${taskId}, ${targetId}) RETURNING task_id`,
        );
      }
    },
    /** search_text covers the code, content, product and every agency name, unaccented and lower-cased. */
    async refreshSearchText(taskId: number): Promise<void> {
      await rows(
        db,
        sql`UPDATE task t SET search_text = lower(f_unaccent(concat_ws(' ', t.code, t.content_vi, t.lead_as_written,
                t.partners_as_written, t.product_as_written,
                (SELECT string_agg(concat_ws(' ', o.name_vi, ta.name_as_written), ' ')
                   FROM task_agency ta LEFT JOIN org_unit o ON o.id = ta.org_unit_id WHERE ta.task_id = t.id))))
             WHERE t.id = ${taskId} RETURNING t.id`,
      );
    },

    // Versions ---------------------------------------------------------------------------------------
    async hasVersions(taskId: number): Promise<boolean> {
      return (await rows(db, sql`SELECT 1 FROM task_version WHERE task_id = ${taskId} LIMIT 1`)).length > 0;
    },
    /**
     * Closes the task's open version and opens a new one holding the task as it is now in this
     * transaction. `validFrom` null means now(); a baseline passes the task's creation time.
     */
    async appendVersion(
      taskId: number,
      change: string,
      actor: Actor,
      snapshot: RegisterTask,
      baseline = false,
    ): Promise<number> {
      await rows(
        db,
        sql`UPDATE task_version SET valid_to = now() WHERE task_id = ${taskId} AND valid_to IS NULL RETURNING id`,
      );
      const [row] = await rows<{ versionNo: number }>(
        db,
        sql`INSERT INTO task_version (task_id, version_no, valid_from, valid_to, change, actor_label, snapshot)
            SELECT ${taskId}, coalesce(max(v.version_no), 0) + 1,
                   ${baseline ? sql`least((SELECT created_at FROM task WHERE id = ${taskId}), now())` : sql`now()`},
                   ${baseline ? sql`now()` : sql`NULL`}, ${change}, ${actor.label}, ${JSON.stringify(snapshot)}::jsonb
              FROM task_version v WHERE v.task_id = ${taskId}
            RETURNING version_no AS "versionNo"`,
      );
      return row!.versionNo;
    },
    versionsOf(taskId: number) {
      return rows<{
        versionNo: number;
        validFrom: string;
        validTo: string | null;
        change: string;
        actorLabel: string;
        snapshot: RegisterTask;
      }>(
        db,
        sql`SELECT version_no AS "versionNo", valid_from AS "validFrom", valid_to AS "validTo", change,
                   actor_label AS "actorLabel", snapshot
              FROM task_version WHERE task_id = ${taskId} ORDER BY version_no`,
      );
    },
    /**
     * The register as it stood just before `before`: the version valid then for versioned tasks; for
     * tasks never changed through the register, their current row if it existed by then.
     */
    async asOf(
      programId: number,
      before: Date,
    ): Promise<{ versioned: RegisterTask[]; unversionedIds: number[] }> {
      const at = before.toISOString();
      const versioned = await rows<{ snapshot: RegisterTask | string }>(
        db,
        sql`SELECT DISTINCT ON (v.task_id) v.snapshot
              FROM task_version v JOIN task t ON t.id = v.task_id
             WHERE t.program_id = ${programId} AND v.valid_from < ${at}::timestamptz
             ORDER BY v.task_id, v.valid_from DESC, v.version_no DESC`,
      );
      const unversioned = await rows<{ id: number }>(
        db,
        sql`SELECT t.id FROM task t
             WHERE t.program_id = ${programId} AND t.created_at < ${at}::timestamptz
               AND NOT EXISTS (SELECT 1 FROM task_version v WHERE v.task_id = t.id)`,
      );
      return {
        versioned: versioned.map((r) =>
          typeof r.snapshot === 'string' ? (JSON.parse(r.snapshot) as RegisterTask) : r.snapshot,
        ),
        unversionedIds: unversioned.map((r) => r.id),
      };
    },
  };
}
export type RegisterRepository = ReturnType<typeof registerRepository>;

/** Original and current deadlines as of a date, for the status and reports modules. */
export { deadlinesOf, type TaskDeadlines } from './extensions.repository.ts';
