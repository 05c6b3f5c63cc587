import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Issue, invalid } from './errors.ts';

// NUL cannot be stored in a PostgreSQL text; an unpaired surrogate is not a character at all (it
// would be stored as U+FFFD). Both only come from broken or hostile clients.
const UNSTORABLE = new RegExp(
  `${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
);

/**
 * A raw upload body (decision 066) is the request stream itself: walking its fields would walk the socket,
 * the server and every connection (a 3 MB upload over a real socket took 13 s, almost all of it here).
 */
const isStream = (value: object) => typeof (value as { pipe?: unknown }).pipe === 'function';

function collect(value: unknown, path: string, issues: Issue[], depth: number): void {
  if (issues.length >= 20 || depth > 20) return;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value))
      issues.push({
        field: path || 'body',
        problem: 'contains a character that is not text (NUL or a broken surrogate)',
      });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collect(v, path ? `${path}.${i}` : String(i), issues, depth + 1);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !isStream(value)) {
    for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k, issues, depth + 1);
  }
}

/** Refuses, before any schema or handler, text in the body, query or path that the database cannot hold. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const issues: Issue[] = [];
    collect(request.params, '', issues, 0);
    collect(request.query, '', issues, 0);
    collect(request.body, '', issues, 0);
    if (issues.length) throw invalid(issues);
  });
}
