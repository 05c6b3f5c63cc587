import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';

/** A task linked to a target (task_target, kept by the register), as the public pages show it. */
export interface LinkedTaskRow {
  targetId: number;
  taskId: number;
  code: string;
  contentVi: string;
  groupNo: number;
}

const ids = (list: number[]): SQL =>
  sql.join(
    list.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * The links between tasks and targets. Only the Program's own tasks (agencies' plan items are not
 * public) that are not cancelled in the register.
 */
export function targetTasksRepository(db: Db) {
  return {
    /** The tasks linked to these targets. Served by task_target_target_idx. */
    tasksOfTargets(targetIds: number[]): Promise<LinkedTaskRow[]> {
      if (targetIds.length === 0) return Promise.resolve([]);
      return rows<LinkedTaskRow>(
        db,
        sql`SELECT tt.target_id AS "targetId", t.id AS "taskId", t.code, t.content_vi AS "contentVi",
                   g.no AS "groupNo"
              FROM task_target tt
              JOIN task t ON t.id = tt.task_id
              JOIN task_group g ON g.id = t.group_id
             WHERE tt.target_id IN (${ids(targetIds)})
               AND t.plan_id IS NULL AND t.register_state <> 'cancelled'
             ORDER BY g.no, t.source_row NULLS LAST, t.id`,
      );
    },

    /** The targets a task serves (by the primary key's leading task_id). */
    async targetIdsOfTask(taskId: number): Promise<number[]> {
      const found = await rows<{ targetId: number }>(
        db,
        sql`SELECT target_id AS "targetId" FROM task_target WHERE task_id = ${taskId} ORDER BY target_id`,
      );
      return found.map((r) => r.targetId);
    },

    /** A public task of the program (not a plan item), or undefined. */
    async publicTask(programId: number, taskId: number) {
      const [found] = await rows<{ id: number; code: string }>(
        db,
        sql`SELECT id, code FROM task WHERE id = ${taskId} AND program_id = ${programId} AND plan_id IS NULL`,
      );
      return found;
    },
  };
}
