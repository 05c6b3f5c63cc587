import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import type { Collective, ProductType, Recurrence } from './tasks.schema.ts';

export interface TaskFilter {
  programId: number;
  q?: string;
  ids?: number[];
  groupNos?: number[];
  leadCodes?: string[];
  productTypes?: ProductType[];
  recurrence?: Recurrence | 'none';
  dueFrom?: string;
  dueTo?: string;
  sort: 'code' | 'due_date' | 'relevance';
  limit: number;
  offset: number;
}

export interface TaskListRow {
  id: number;
  code: string;
  groupNo: number;
  contentVi: string;
  leadAsWritten: string | null;
  productAsWritten: string | null;
  productType: ProductType | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
}

export interface TaskAgencyRow {
  taskId: number;
  role: 'lead' | 'partner';
  position: number;
  code: string | null;
  nameVi: string | null;
  nameEn: string | null;
  kind: string | null;
  collective: Collective | null;
  nameAsWritten: string;
}

function where(f: TaskFilter): SQL {
  // Agencies' plan items are tasks too (task.plan_id); the public list shows the Program's own.
  const parts: SQL[] = [sql`t.program_id = ${f.programId}`, sql`t.plan_id IS NULL`];
  // search_text is lower(f_unaccent(...)) at write time, so one trigram-indexed LIKE matches
  // "chuyen doi so", "CHUYỂN ĐỔI SỐ" and "Chuyển đổi số" alike.
  if (f.ids)
    parts.push(
      f.ids.length
        ? sql`t.id IN (${sql.join(
            f.ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.q) parts.push(sql`t.search_text LIKE '%' || lower(f_unaccent(${f.q})) || '%'`);
  if (f.groupNos?.length)
    parts.push(
      sql`g.no IN (${sql.join(
        f.groupNos.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
  if (f.productTypes?.length) {
    parts.push(
      sql`t.product_type IN (${sql.join(
        f.productTypes.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    );
  }
  if (f.recurrence === 'none') parts.push(sql`t.recurrence IS NULL`);
  else if (f.recurrence) parts.push(sql`t.recurrence = ${f.recurrence}`);
  if (f.dueFrom) parts.push(sql`t.due_date >= ${f.dueFrom}`);
  if (f.dueTo) parts.push(sql`t.due_date <= ${f.dueTo}`);
  if (f.leadCodes?.length) {
    const codes = sql.join(
      f.leadCodes.map((c) => sql`${c}`),
      sql`, `,
    );
    parts.push(sql`EXISTS (SELECT 1 FROM task_agency ta LEFT JOIN org_unit o ON o.id = ta.org_unit_id
                           WHERE ta.task_id = t.id AND ta.role = 'lead'
                             AND (o.code IN (${codes}) OR ta.collective IN (${codes})))`);
  }
  return sql.join(parts, sql` AND `);
}

export function tasksRepository(db: Db) {
  return {
    async list(f: TaskFilter): Promise<{ items: TaskListRow[]; total: number }> {
      const order =
        f.sort === 'due_date'
          ? sql`t.due_date ASC NULLS LAST, t.source_row, t.code`
          : f.sort === 'relevance' && f.q
            ? sql`position(lower(f_unaccent(${f.q})) in t.search_text), t.source_row, t.code`
            : sql`g.no, t.source_row NULLS LAST, t.code`;
      const filter = where(f);
      const [items, [count]] = await Promise.all([
        rows<TaskListRow>(
          db,
          sql`SELECT t.id, t.code, g.no AS "groupNo", t.content_vi AS "contentVi", t.lead_as_written AS "leadAsWritten",
                     t.product_as_written AS "productAsWritten", t.product_type AS "productType",
                     t.deadline_as_written AS "deadlineAsWritten", t.due_date AS "dueDate", t.recurrence
                FROM task t JOIN task_group g ON g.id = t.group_id
               WHERE ${filter} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}`,
        ),
        rows<{ total: number }>(
          db,
          sql`SELECT count(*)::int AS total FROM task t JOIN task_group g ON g.id = t.group_id WHERE ${filter}`,
        ),
      ]);
      return { items, total: count?.total ?? 0 };
    },
    agenciesOf(taskIds: number[]): Promise<TaskAgencyRow[]> {
      if (taskIds.length === 0) return Promise.resolve([]);
      return rows<TaskAgencyRow>(
        db,
        sql`SELECT ta.task_id AS "taskId", ta.role, ta.position, o.code, o.name_vi AS "nameVi", o.name_en AS "nameEn",
                   o.kind, ta.collective, ta.name_as_written AS "nameAsWritten"
              FROM task_agency ta LEFT JOIN org_unit o ON o.id = ta.org_unit_id
             WHERE ta.task_id IN (${sql.join(
               taskIds.map((id) => sql`${id}`),
               sql`, `,
             )})
             ORDER BY ta.task_id, ta.role, ta.position`,
      );
    },
    async byId(programId: number, id: number) {
      const [row] = await rows<
        TaskListRow & {
          groupTitleVi: string;
          groupTitleEn: string | null;
          partnersAsWritten: string | null;
          deadlineRule: string | null;
          sourceDocument: string | null;
          sourceRow: number | null;
          updatedAt: string;
        }
      >(
        db,
        sql`SELECT t.id, t.code, g.no AS "groupNo", g.title_vi AS "groupTitleVi", g.title_en AS "groupTitleEn",
                   t.content_vi AS "contentVi", t.lead_as_written AS "leadAsWritten",
                   t.partners_as_written AS "partnersAsWritten", t.product_as_written AS "productAsWritten",
                   t.product_type AS "productType", t.deadline_as_written AS "deadlineAsWritten",
                   t.due_date AS "dueDate", t.recurrence, t.deadline_rule AS "deadlineRule",
                   t.source_document AS "sourceDocument", t.source_row AS "sourceRow", t.updated_at AS "updatedAt"
              FROM task t JOIN task_group g ON g.id = t.group_id
             WHERE t.program_id = ${programId} AND t.id = ${id} AND t.plan_id IS NULL`,
      );
      return row;
    },
  };
}
