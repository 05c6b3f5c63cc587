import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';

/**
 * The Actor of an HTTP request, for the audit trail. Sign-in (src/modules/identity) sets
 * `request.actor`; until it does, writes are recorded as an anonymous API caller. This is the one
 * place that decides it: replace the fallback here, nowhere else.
 */
export function actorOf(request: FastifyRequest): Actor {
  const signedIn = (request as FastifyRequest & { actor?: Actor }).actor;
  const where = { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
  if (signedIn) return { ...where, ...signedIn };
  return { userId: null, label: 'anonymous', via: 'api', ...where };
}
