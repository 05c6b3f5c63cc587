import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor.ts';
import type { ActingUser } from './reports.service.ts';

const ANONYMOUS: Actor = { userId: null, label: 'anonymous', via: 'api' };

/**
 * The one place these modules learn who is acting: `request.actor` once sign-in sets it, else anonymous.
 * The acting user's agency travels on the actor as `agencyId` (null for the coordinator's office).
 */
export function actingUser(request: FastifyRequest): ActingUser {
  const actor = (request as FastifyRequest & { actor?: Actor & { agencyId?: number | null } }).actor;
  if (!actor) return { actor: ANONYMOUS, agencyId: null };
  const { agencyId, ...rest } = actor;
  return { actor: rest, agencyId: agencyId ?? null };
}
