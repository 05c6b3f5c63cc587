import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { ViewSettings } from './register-views.inputs.ts';

export interface RegisterViewRow {
  id: number;
  name: string;
  settings: ViewSettings;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = sql`id, name, settings, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The SQL of saved register views; every query is scoped to the owner, so one never reads another's. */
export function registerViewsRepository(db: Db | Tx) {
  const parse = (r: RegisterViewRow): RegisterViewRow => ({
    ...r,
    // jsonb arrives parsed on PostgreSQL and on PGlite alike; text only if a driver ever changes.
    settings: typeof r.settings === 'string' ? (JSON.parse(r.settings) as ViewSettings) : r.settings,
  });
  return {
    /** Served by register_view_user_program_name_key (user, program, name). */
    async list(userId: number, programId: number): Promise<RegisterViewRow[]> {
      const found = await rows<RegisterViewRow>(
        db,
        sql`SELECT ${COLUMNS} FROM register_view
             WHERE user_id = ${userId} AND program_id = ${programId} ORDER BY name`,
      );
      return found.map(parse);
    },

    async count(userId: number, programId: number): Promise<number> {
      const [row] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM register_view WHERE user_id = ${userId} AND program_id = ${programId}`,
      );
      return row?.n ?? 0;
    },

    /** The view if it is this person's, locked for the change; undefined otherwise. */
    async ownForUpdate(userId: number, id: number): Promise<RegisterViewRow | undefined> {
      const [row] = await rows<RegisterViewRow>(
        db,
        sql`SELECT ${COLUMNS} FROM register_view WHERE id = ${id} AND user_id = ${userId} FOR UPDATE`,
      );
      return row && parse(row);
    },

    async insert(userId: number, programId: number, name: string, settings: ViewSettings) {
      const [row] = await rows<RegisterViewRow>(
        db,
        sql`INSERT INTO register_view (user_id, program_id, name, settings)
            VALUES (${userId}, ${programId}, ${name}, ${JSON.stringify(settings)}::jsonb)
            RETURNING ${COLUMNS}`,
      );
      return parse(row!);
    },

    async update(id: number, name: string, settings: ViewSettings) {
      const [row] = await rows<RegisterViewRow>(
        db,
        sql`UPDATE register_view SET name = ${name}, settings = ${JSON.stringify(settings)}::jsonb,
                   updated_at = now()
             WHERE id = ${id} RETURNING ${COLUMNS}`,
      );
      return parse(row!);
    },

    async remove(id: number): Promise<void> {
      await rows(db, sql`DELETE FROM register_view WHERE id = ${id}`);
    },
  };
}
