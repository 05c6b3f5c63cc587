import { conflict } from '../../server/errors.ts';

/** PostgreSQL's unique_violation, as either engine's driver reports it (Drizzle wraps it in `cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Rules are checked before writing, but two requests can pass the same check at once; the unique
 * index then decides, and the loser gets a 409 instead of a 500.
 */
export async function conflictOnRace<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}
