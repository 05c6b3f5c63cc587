import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';

export function dataEpochRepository(db: Db) {
  return {
    /** The public-data counter, moved by statement triggers on every table public pages read. */
    async current(): Promise<string> {
      const [row] = await rows<{ epoch: string }>(
        db,
        sql`SELECT epoch::text AS epoch FROM public_data_epoch`,
      );
      return row?.epoch ?? '0';
    },
  };
}
