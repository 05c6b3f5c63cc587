import { useMe } from '../../auth/api/get-me.ts';

/**
 * Whether the signed-in person acts for an agency in evaluations (its head or focal officer, held at the
 * agency itself), so the page offers to ask for a recheck of that agency's figures. The server decides.
 */
export function useActsFor(): (agencyId: number) => boolean {
  const me = useMe().data;
  return (agencyId) =>
    me?.can['evaluation.recheck.request'] === true &&
    me.roles.some(
      (r) => (r.role === 'focal_officer' || r.role === 'agency_head') && r.orgUnitId === agencyId,
    );
}
