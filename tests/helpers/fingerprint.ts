import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/db/database.ts';

/**
 * Bookkeeping that a refused request may legitimately change: a session's sliding expiry (every signed-in
 * request), the per-address count of failed sign-ins (login_throttle), an account's failure count, which
 * exist precisely to record refusals, and the request rate-limit counters (rate_limit_hit, decision 095),
 * which count every write request, refused or not.
 */
const IGNORED_COLUMNS: Record<string, string[]> = {
  session: ['last_seen_at', 'expires_at'],
  app_user: ['failed_logins', 'locked_until'],
};
const IGNORED_TABLES = new Set(['login_throttle', 'rate_limit_hit']);

/**
 * A digest of every table in the public schema (the audit trail included), per table.
 * - `content` (default false): a hash of every row's values, so two databases can be compared (a backup
 *   and its restore). Order-independent (a sum of row hashes), so no sort.
 * - otherwise: the row count and the newest row version (`max(xmin)`) of each table: any committed
 *   insert, update or delete moves one of them, and reading them costs no text conversion, so it can run
 *   after every request ("a refused request changed nothing"). The bookkeeping tables above are hashed
 *   by content without their ignored columns instead.
 */
export async function dataFingerprint(
  db: Db,
  options: { content?: boolean } = {},
): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const parts = tables
    .filter((t) => !IGNORED_TABLES.has(t.name))
    .map((t) => {
      const ignored = IGNORED_COLUMNS[t.name];
      if (!options.content && !ignored)
        return `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS digest FROM "${t.name}" x`;
      const row = ignored ? `(to_jsonb(x)${ignored.map((c) => ` - '${c}'`).join('')})::text` : 'x::text';
      return `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(sum(hashtextextended(${row}, 0)), 0)::text AS digest FROM "${t.name}" x`;
    });
  const found = await rows<{ name: string; digest: string }>(db, sql.raw(parts.join(' UNION ALL ')));
  return Object.fromEntries(found.map((f) => [f.name, f.digest]));
}

/** The tables whose digests differ between two fingerprints. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}
