import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';

export function rateLimitRepository(db: Db) {
  return {
    /**
     * Counts one hit on a key in one atomic statement, whichever process counts it: a key whose window
     * has ended starts a new one of `windowMs`. Answers the hits in the window and the milliseconds left.
     */
    async hit(key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
      const [row] = await rows<{ hits: number; ttlMs: number }>(
        db,
        sql`INSERT INTO rate_limit_hit AS r (key, hits, window_ends_at)
            VALUES (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
            ON CONFLICT (key) DO UPDATE SET
              hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
              window_ends_at = CASE WHEN r.window_ends_at <= now() THEN excluded.window_ends_at
                                    ELSE r.window_ends_at END
            RETURNING hits,
              greatest(0, ceil(extract(epoch FROM window_ends_at - now()) * 1000))::int AS "ttlMs"`,
      );
      return row!;
    },
    /** The hits in a key's current window, without counting one (0 when none or ended). */
    async peek(key: string): Promise<{ hits: number; ttlMs: number }> {
      const [row] = await rows<{ hits: number; ttlMs: number }>(
        db,
        sql`SELECT hits, greatest(0, ceil(extract(epoch FROM window_ends_at - now()) * 1000))::int AS "ttlMs"
              FROM rate_limit_hit WHERE key = ${key} AND window_ends_at > now()`,
      );
      return row ?? { hits: 0, ttlMs: 0 };
    },
    /** Forgets windows that ended: the table holds live windows only. */
    async deleteEnded(): Promise<number> {
      const gone = await rows<{ key: string }>(
        db,
        sql`DELETE FROM rate_limit_hit WHERE window_ends_at <= now() RETURNING key`,
      );
      return gone.length;
    },
  };
}
