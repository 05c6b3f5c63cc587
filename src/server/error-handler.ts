import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Issue } from './errors.ts';

function body(code: string, message: string, issues?: Issue[]) {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Maps every thrown error to the closed set in errors.ts; nothing a client sends can produce a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((v) => {
        const issuePath = (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path ?? [];
        const path = issuePath.map(String).join('.') || v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const where = error.validationContext === 'body' || !path ? path || error.validationContext : path;
        return { field: where ?? 'request', problem: v.message ?? 'invalid' };
      });
      return reply
        .status(400)
        .send(body('validation_failed', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), issues));
    }
    const status = error.statusCode ?? 500;
    if (status === 429)
      return reply.status(429).send(body('rate_limited', 'Too many requests; try again shortly'));
    if (status === 413) return reply.status(413).send(body('payload_too_large', error.message));
    if (status === 415) return reply.status(415).send(body('unsupported_media_type', error.message));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, bad content-type): clear, never a 500.
      return reply.status(status).send(body('validation_failed', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side; it has been logged'));
  });
}

/**
 * Errors Fastify's router raises before any route or error handler runs (a malformed percent-encoding,
 * a path segment over `maxParamLength`): answered in the same shape as every other refusal.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'url: a part of the address is too long'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'url: the address is malformed (bad percent-encoding)'
        : `url: ${error.message}`;
  reply.status(status).send(body('validation_failed', message));
}
