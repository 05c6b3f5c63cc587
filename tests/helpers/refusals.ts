import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { ERROR_CODES } from '../../src/server/errors.ts';
import { changedTables, dataFingerprint } from './fingerprint.ts';

/** What is wrong with a refusal, if anything: a clear 4xx has a known code and a message a person can read. */
export function unclearRefusal(res: LightMyRequestResponse): string | null {
  let body: { error?: { code?: unknown; message?: unknown; issues?: unknown } };
  try {
    body = res.json();
  } catch {
    return `a ${res.statusCode} whose body is not JSON: ${res.body.slice(0, 120)}`;
  }
  const error = body.error;
  if (!error || !ERROR_CODES.includes(error.code as never))
    return `a ${res.statusCode} without a known error code: ${res.body.slice(0, 200)}`;
  if (typeof error.message !== 'string' || error.message.trim().length < 3)
    return `a ${res.statusCode} without a message: ${res.body.slice(0, 200)}`;
  if (error.issues !== undefined) {
    const issues = error.issues as { field?: unknown; problem?: unknown }[];
    if (
      !Array.isArray(issues) ||
      issues.some((i) => typeof i.field !== 'string' || typeof i.problem !== 'string')
    )
      return `a ${res.statusCode} whose issues do not each name a field and a problem: ${res.body.slice(0, 200)}`;
  }
  return null;
}

/**
 * Checks one request after another against the rule of the house: never a 5xx; a 4xx is clear and
 * changes nothing (every table, the audit trail included, has the same content before and after);
 * a 2xx (the input happened to be valid) may change data and becomes the new baseline.
 */
export class RefusalChecker {
  private baseline: Record<string, string> | null = null;
  readonly statuses = new Map<number, number>();

  constructor(private readonly db: Db) {}

  async reset(): Promise<void> {
    this.baseline = await dataFingerprint(this.db);
  }

  /** The problem with this answer, or null when it follows the rule. */
  async check(res: LightMyRequestResponse): Promise<string | null> {
    this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
    if (!this.baseline) await this.reset();
    if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
    if (res.statusCode < 400) {
      await this.reset();
      return null;
    }
    const unclear = unclearRefusal(res);
    if (unclear) return unclear;
    const after = await dataFingerprint(this.db);
    const changed = changedTables(this.baseline!, after);
    this.baseline = after;
    return changed.length ? `refused with ${res.statusCode} but changed ${changed.join(', ')}` : null;
  }
}
