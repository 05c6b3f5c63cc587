import type { FastifyRequest } from 'fastify';
import { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import type { ActingUser } from './reports.service.ts';

const ANONYMOUS: Actor = { userId: null, label: 'anonymous', via: 'api' };

/**
 * The one place these modules learn who is acting: the signed-in person that src/server/access.ts put
 * on the request (`request.actor`, with `agencyId` = the person's own unit), and their roles
 * (`request.subject`), which the services check against the agency a report belongs to.
 */
export function actingUser(request: FastifyRequest): ActingUser {
  const actor = request.actor;
  const subject = request.subject ?? Subject.anonymous;
  if (!actor) return { actor: ANONYMOUS, agencyId: null, subject };
  const { agencyId, ...rest } = actor;
  return { actor: rest, agencyId: agencyId ?? null, subject };
}
