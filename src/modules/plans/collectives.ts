import type { OrgKind } from '../orgs/orgs.schema.ts';
import type { Collective } from '../tasks/tasks.schema.ts';

const CENTRAL: OrgKind[] = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCIAL: OrgKind[] = ['province', 'city'];

/**
 * Who a collective lead means: "Các bộ, ngành" → every central body (ministries, ministerial-level and
 * government agencies); "Các địa phương" → every province and centrally-run city; "Các bộ, ngành, địa
 * phương" → both.
 */
export const COLLECTIVE_KINDS: Record<Collective, OrgKind[]> = {
  all_ministries: CENTRAL,
  all_provinces: PROVINCIAL,
  all_ministries_and_provinces: [...CENTRAL, ...PROVINCIAL],
};

export function inCollective(collective: Collective, kind: string): boolean {
  return (COLLECTIVE_KINDS[collective] as string[]).includes(kind);
}

/** Whether a task's leads name this agency, directly or through a collective it belongs to. */
export function leadsInclude(
  leads: { orgUnitId: number | null; collective: Collective | null }[],
  agency: { id: number; kind: string },
): boolean {
  return leads.some(
    (l) => l.orgUnitId === agency.id || (l.collective !== null && inCollective(l.collective, agency.kind)),
  );
}
