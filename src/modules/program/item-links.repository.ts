import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import { type ItemLinkStatus, programItemLink } from './item-links.schema.ts';

export interface ItemLinkRow {
  id: number;
  itemCode: string;
  itemText: string;
  taskId: number;
  taskCode: string;
  taskContent: string;
  score: number;
  method: string;
  status: ItemLinkStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export function itemLinksRepository(db: Db | Tx) {
  return {
    itemTexts(programId: number) {
      return rows<{ id: number; text: string }>(
        db,
        sql`SELECT id, text_vi AS text FROM program_item WHERE program_id = ${programId} ORDER BY id`,
      );
    },
    taskTexts(programId: number) {
      return rows<{ id: number; text: string }>(
        db,
        sql`SELECT id, content_vi AS text FROM task WHERE program_id = ${programId} ORDER BY id`,
      );
    },
    existing(programId: number) {
      return db
        .select({
          id: programItemLink.id,
          itemId: programItemLink.itemId,
          taskId: programItemLink.taskId,
          status: programItemLink.status,
        })
        .from(programItemLink)
        .where(eq(programItemLink.programId, programId));
    },
    async insertSuggestions(
      programId: number,
      method: string,
      links: { itemId: number; taskId: number; score: number }[],
    ) {
      if (links.length === 0) return;
      await db.insert(programItemLink).values(links.map((l) => ({ programId, method, ...l })));
    },
    /** One statement for all rescored suggestions; decided links are out of reach by the status filter. */
    async rescoreSuggestions(method: string, links: { id: number; score: number }[]) {
      if (links.length === 0) return;
      const values = sql.join(
        links.map((l) => sql`(${l.id}::int, ${l.score}::real)`),
        sql`, `,
      );
      await db.execute(sql`UPDATE program_item_link l SET score = v.score, method = ${method}, updated_at = now()
                             FROM (VALUES ${values}) AS v(id, score)
                            WHERE l.id = v.id AND l.status = 'suggested'`);
    },
    async withdrawSuggestions(ids: number[]) {
      if (ids.length === 0) return;
      await db
        .delete(programItemLink)
        .where(and(inArray(programItemLink.id, ids), eq(programItemLink.status, 'suggested')));
    },
    async byId(id: number) {
      const [row] = await db.select().from(programItemLink).where(eq(programItemLink.id, id));
      return row;
    },
    async decide(id: number, status: ItemLinkStatus, decidedBy: string | null) {
      await db
        .update(programItemLink)
        .set({
          status,
          decidedBy: status === 'suggested' ? null : decidedBy,
          decidedAt: status === 'suggested' ? null : new Date(),
          updatedAt: new Date(),
        })
        .where(eq(programItemLink.id, id));
    },
    /** Links of a program in the Program's order: item, then best score first. */
    list(programId: number, statuses: ItemLinkStatus[]) {
      return rows<ItemLinkRow>(
        db,
        sql`SELECT l.id, i.code AS "itemCode", i.text_vi AS "itemText", t.id AS "taskId", t.code AS "taskCode",
                   t.content_vi AS "taskContent", round(l.score::numeric, 3)::float8 AS score, l.method, l.status, l.decided_by AS "decidedBy",
                   l.decided_at AS "decidedAt"
              FROM program_item_link l
              JOIN program_item i ON i.id = l.item_id
              JOIN task t ON t.id = l.task_id
             WHERE l.program_id = ${programId}
               AND l.status IN (${sql.join(
                 statuses.map((s) => sql`${s}`),
                 sql`, `,
               )})
             ORDER BY i.group_id, i.position, l.score DESC, t.id`,
      );
    },
  };
}
