import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor.ts';

/**
 * The one place the register and plans read who is acting. Identity sets `request.actor` from the
 * session; until it is merged (or for an anonymous call) the actor is anonymous over the API.
 */
export function actorOf(request: FastifyRequest): Actor {
  const actor = (request as FastifyRequest & { actor?: Actor }).actor;
  return actor ?? { userId: null, label: 'anonymous', via: 'api' };
}
