import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { Recurrence } from '../tasks/tasks.schema.ts';
import type { ExtensionState } from './register.schema.ts';

export interface ExtensionRow {
  id: number;
  taskId: number;
  taskCode: string;
  taskContentVi: string;
  requestingOrgCode: string | null;
  requestingOrgNameVi: string | null;
  requestedByLabel: string;
  reason: string;
  previousDueDate: string;
  requestedDueDate: string;
  state: ExtensionState;
  requestedAt: string;
  decidedAt: string | null;
  decidedByLabel: string | null;
  decisionNote: string | null;
}

const SELECT = sql`SELECT e.id, e.task_id AS "taskId", t.code AS "taskCode", t.content_vi AS "taskContentVi",
       o.code AS "requestingOrgCode", o.name_vi AS "requestingOrgNameVi",
       e.requested_by_label AS "requestedByLabel", e.reason, e.previous_due_date AS "previousDueDate",
       e.requested_due_date AS "requestedDueDate", e.state, e.requested_at AS "requestedAt",
       e.decided_at AS "decidedAt", e.decided_by_label AS "decidedByLabel", e.decision_note AS "decisionNote"
  FROM deadline_extension e JOIN task t ON t.id = e.task_id LEFT JOIN org_unit o ON o.id = e.requesting_org_id`;

export function extensionsRepository(db: Db | Tx) {
  return {
    ofTask(taskId: number): Promise<ExtensionRow[]> {
      return rows<ExtensionRow>(db, sql`${SELECT} WHERE e.task_id = ${taskId} ORDER BY e.id`);
    },
    pending(programId: number): Promise<ExtensionRow[]> {
      return rows<ExtensionRow>(
        db,
        sql`${SELECT}
             WHERE e.state = 'pending' AND t.program_id = ${programId} ORDER BY e.requested_at, e.id`,
      );
    },
    async byIdForUpdate(id: number): Promise<ExtensionRow | undefined> {
      const [row] = await rows<ExtensionRow>(db, sql`${SELECT} WHERE e.id = ${id} FOR UPDATE OF e`);
      return row;
    },
    async insert(e: {
      taskId: number;
      requestingOrgId: number;
      actor: { userId: number | null; label: string };
      reason: string;
      previousDueDate: string;
      requestedDueDate: string;
    }): Promise<number> {
      const [row] = await rows<{ id: number }>(
        db,
        sql`INSERT INTO deadline_extension (task_id, requesting_org_id, requested_by_user_id, requested_by_label,
                                           reason, previous_due_date, requested_due_date)
            VALUES (${e.taskId}, ${e.requestingOrgId}, ${e.actor.userId}, ${e.actor.label}, ${e.reason},
                    ${e.previousDueDate}, ${e.requestedDueDate})
            RETURNING id`,
      );
      return row!.id;
    },
    async decide(
      id: number,
      state: 'approved' | 'refused',
      actor: { userId: number | null; label: string },
      note: string | null,
    ): Promise<void> {
      await rows(
        db,
        sql`UPDATE deadline_extension SET state = ${state}, decided_at = now(), decided_by_user_id = ${actor.userId},
                   decided_by_label = ${actor.label}, decision_note = ${note}
             WHERE id = ${id} RETURNING id`,
      );
    },
  };
}

export interface TaskDeadlines {
  taskId: number;
  /** The deadline at assignment (for tasks not yet assigned, the deadline as loaded or edited). */
  originalDueDate: string | null;
  /** The original moved by the latest extension approved by the end of `asOf`. */
  currentDueDate: string | null;
  recurrence: Recurrence | null;
}

/**
 * Original and current deadline of each task as of a date (end of that day, Viet Nam time): the
 * reports and task-status modules judge on-time against the original and show both.
 */
export async function deadlinesOf(db: Db | Tx, taskIds: number[], asOf: string): Promise<TaskDeadlines[]> {
  if (taskIds.length === 0) return [];
  const endOfDay = `${asOf}T23:59:59.999999+07:00`;
  return rows<TaskDeadlines>(
    db,
    sql`SELECT t.id AS "taskId", coalesce(t.original_due_date, t.due_date) AS "originalDueDate",
               coalesce((SELECT e.requested_due_date FROM deadline_extension e
                          WHERE e.task_id = t.id AND e.state = 'approved' AND e.decided_at <= ${endOfDay}::timestamptz
                          ORDER BY e.decided_at DESC, e.id DESC LIMIT 1),
                        t.original_due_date, t.due_date) AS "currentDueDate",
               t.recurrence
          FROM task t
         WHERE t.id IN (${sql.join(
           taskIds.map((id) => sql`${id}`),
           sql`, `,
         )})
         ORDER BY t.id`,
  );
}
