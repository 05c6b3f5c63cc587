import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor.ts';

/**
 * The actor of a write made over HTTP. Sign-in is being built separately: until it sets
 * `request.actor`, writes are recorded as anonymous. This is the one place to replace.
 */
export function requestActor(request: FastifyRequest): Actor {
  const actor = (request as FastifyRequest & { actor?: Actor }).actor;
  return actor ?? { userId: null, label: 'anonymous', via: 'api' };
}

/**
 * The permission a route needs, named for the identity module that enforces it ('public',
 * 'register.read', 'register.manage', 'calendar.manage'). Declared as route config so enforcement can
 * read `routeOptions.config.policy` without this module knowing how.
 */
export type RoutePolicy = 'public' | 'register.read' | 'register.manage' | 'calendar.manage';
