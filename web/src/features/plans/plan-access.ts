import type { OrgUnit } from '../admin/api/orgs.ts';
import type { Me } from '../auth/api/get-me.ts';
import type { Collective, PlanTask } from './api/plans.ts';

const CENTRAL = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCIAL = ['province', 'city'];

/** The kinds of body a collective lead means (src/modules/plans/collectives.ts). */
export const COLLECTIVE_KINDS: Record<Collective, string[]> = {
  all_ministries: CENTRAL,
  all_provinces: PROVINCIAL,
  all_ministries_and_provinces: [...CENTRAL, ...PROVINCIAL],
};

/** The kinds of body that keep a plan: ministries and their peers, provinces and cities. */
export const PLAN_AGENCY_KINDS = [...CENTRAL, ...PROVINCIAL];

/** Whether a task's leads name the agency, directly or through a collective it belongs to. */
export function leadsInclude(task: PlanTask, agency: Pick<OrgUnit, 'code' | 'kind'>): boolean {
  return task.leads.some(
    (l) =>
      l.code === agency.code ||
      (l.collective !== null && COLLECTIVE_KINDS[l.collective].includes(agency.kind)),
  );
}

/**
 * Whether the person holds a role at the agency itself, where the screens offer its buttons (the server
 * checks again: a focal officer of one agency never writes another's plan; decision 046).
 */
export function holdsAt(
  me: Me | null | undefined,
  roles: readonly string[],
  agency: OrgUnit | undefined,
): boolean {
  if (!me || !agency) return false;
  return me.roles.some((r) => roles.includes(r.role) && r.orgUnitId === agency.id);
}
