import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor.ts';

/**
 * The actor as this module needs it: the audit Actor plus, once sign-in knows it, the organisation the
 * person works for (a focal officer may enter values only for targets their agency monitors).
 */
export type TargetsActor = Actor & { orgId?: number | null };

/**
 * The one place this module reads who is acting. Sign-in (built separately) sets request.actor;
 * until then requests act as anonymous. Replace here when the session decoration lands.
 */
export function actorOf(request: FastifyRequest): TargetsActor {
  const fromSession = (request as FastifyRequest & { actor?: TargetsActor }).actor;
  return fromSession ?? { userId: null, label: 'anonymous', via: 'api' };
}

/** Route policy names this module declares; enforcement belongs to the sign-in module. */
export const TARGET_POLICIES = {
  public: 'public',
  manage: 'targets.manage',
  enterValues: 'targets.values.enter',
  reviewValues: 'targets.values.review',
} as const;
