import type { FastifyRequest } from 'fastify';
import { can } from '../access/policies.ts';
import type { Actor } from '../audit/actor.ts';

/**
 * The actor as this module needs it: the audit Actor plus what decides whose targets the person may
 * enter values for. Over HTTP, `monitors` asks the access rules (`targets.values.enter` at the target's
 * monitoring agency, sub-unit grants included); the CLI and tests may give `orgId` instead (the one
 * organisation the person enters for). With neither, the service does not restrict (the console).
 */
export type TargetsActor = Actor & {
  orgId?: number | null;
  monitors?: (monitoringAgencyId: number | null) => boolean;
};

/** The one place this module reads who is acting (set by src/server/access.ts on every request). */
export function actorOf(request: FastifyRequest): TargetsActor {
  const actor = request.actor ?? { userId: null, label: 'anonymous', via: 'api', agencyId: null };
  const subject = request.subject;
  return {
    ...actor,
    orgId: actor.agencyId,
    monitors: (agencyId) =>
      agencyId !== null && subject !== undefined && subject !== null
        ? can(subject, 'targets.values.enter', { orgUnitId: agencyId })
        : false,
  };
}

/** Route policy names this module declares; enforcement belongs to the sign-in module. */
export const TARGET_POLICIES = {
  public: 'public',
  manage: 'targets.manage',
  enterValues: 'targets.values.enter',
  reviewValues: 'targets.values.review',
} as const;
