import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor.ts';

/** The access layer (src/modules/access) attaches these to a request; this module only reads them. */
interface AttachedByAccess {
  actor?: Actor;
  subject?: { hasIn(role: string, orgUnitId: number | undefined): boolean };
}

const ANONYMOUS: Actor = { userId: null, label: 'anonymous', via: 'api' };

/** Who is calling: the actor the access layer attached, else anonymous. The one place routes get it from. */
export function actorOf(request: FastifyRequest): Actor {
  return (request as FastifyRequest & AttachedByAccess).actor ?? ANONYMOUS;
}

/**
 * Whether the caller acts for an agency (its head or focal officer), for rechecks of that agency's
 * figures. The access layer's subject answers; without one nobody acts for any agency.
 */
export function actsForAgency(request: FastifyRequest): (agencyId: number) => boolean {
  const subject = (request as FastifyRequest & AttachedByAccess).subject;
  return (agencyId) =>
    subject !== undefined &&
    (subject.hasIn('agency_head', agencyId) || subject.hasIn('focal_officer', agencyId));
}
