import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Issue } from './errors.ts';
import { localise, prefersVietnamese, zodProblemVi } from './refusal-language.ts';

function body(code: string, message: string, issues?: Issue[]) {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

const joined = (issues: Issue[]) => issues.map((i) => `${i.field}: ${i.problem}`).join('; ');

/**
 * Sends a refusal: in English, or in Vietnamese when the request prefers it ([decision 105](../../docs/decisions/105-refusals-in-vietnamese.md)).
 * `code` and each issue's `field` never change: clients key on them. `problemsVi` carries problems
 * already put in Vietnamese (zod's), `messageVi` a message that is not in the catalogue.
 */
export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  issues?: Issue[],
  vietnamese: { problems?: string[]; message?: string } = {},
): FastifyReply {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  if (!prefersVietnamese(request.headers['accept-language'])) {
    return reply.status(status).send(body(code, message, issues));
  }
  const issuesVi = issues?.map((issue, i) => ({
    ...issue,
    problem: vietnamese.problems?.[i] ?? localise(issue.problem),
  }));
  const messageVi =
    vietnamese.message ??
    (issues && issuesVi && message === joined(issues) ? joined(issuesVi) : localise(message));
  return reply.status(status).send(body(code, messageVi, issuesVi));
}

/**
 * PostgreSQL errors that only input can cause (SQLSTATE class 22 "data exception", and a value too big
 * for an index): a number past its column's range, a date past the calendar, a text the database cannot
 * hold. A request that reaches one of them is bad input, not a server fault.
 */
const INPUT_DATA_ERRORS: Record<string, string> = {
  '22001': 'a text is longer than its field allows',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text contains a character that cannot be stored',
  '22P02': 'a value is not of the expected type',
  '22P05': 'a text contains a character that cannot be stored',
  '54000': 'a value is too large to store',
};

function databaseRefusedInput(error: unknown): string | null {
  // Drizzle wraps the driver's error; the SQLSTATE is on the cause.
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    const problem = typeof e.code === 'string' ? INPUT_DATA_ERRORS[e.code] : undefined;
    if (problem) return `request: ${problem} (${String(e.message ?? '').slice(0, 200)})`;
    e = e.cause as typeof e;
  }
  return null;
}

/** Maps every thrown error to the closed set in errors.ts; nothing a client sends can produce a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return refuse(request, reply, error.status, error.code, error.message, error.issues);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((v) => {
        const issuePath = (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path ?? [];
        const path = issuePath.map(String).join('.') || v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const where = error.validationContext === 'body' || !path ? path || error.validationContext : path;
        return { field: where ?? 'request', problem: v.message ?? 'invalid' };
      });
      const vietnamese = prefersVietnamese(request.headers['accept-language'])
        ? { problems: error.validation.map(zodProblemVi) }
        : {};
      return refuse(request, reply, 400, 'validation_failed', joined(issues), issues, vietnamese);
    }
    const status = error.statusCode ?? 500;
    if (status === 429)
      return refuse(request, reply, 429, 'rate_limited', 'Too many requests; try again shortly');
    if (status === 413) return refuse(request, reply, 413, 'payload_too_large', error.message);
    if (status === 415) return refuse(request, reply, 415, 'unsupported_media_type', error.message);
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, bad content-type): clear, never a 500. The JSON
      // parser's message is the engine's own wording, so its Vietnamese only frames it.
      const messageVi =
        error instanceof SyntaxError ? `Nội dung không phải JSON hợp lệ (${error.message})` : undefined;
      return refuse(request, reply, status, 'validation_failed', error.message, undefined, {
        message: messageVi,
      });
    }
    const refused = databaseRefusedInput(error);
    if (refused) {
      // The input got past the route's schema: the schema should have refused it, so it is logged.
      request.log.warn({ err: error }, 'input refused by the database');
      return refuse(request, reply, 400, 'validation_failed', refused);
    }
    request.log.error({ err: error }, 'unhandled error');
    return refuse(request, reply, 500, 'internal', 'Something went wrong on our side; it has been logged');
  });
}

/**
 * Errors Fastify's router raises before any route or error handler runs (a malformed percent-encoding,
 * a path segment over `maxParamLength`): answered in the same shape as every other refusal.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'url: a part of the address is too long'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'url: the address is malformed (bad percent-encoding)'
        : `url: ${error.message}`;
  refuse(request, reply, status, 'validation_failed', message);
}
