/**
 * Which kinds of unit may hold each kind, as the server's CHILD_KINDS (src/modules/orgs/org-rules.ts)
 * says; the pickers offer only those parents. The server checks again and names the rule when refused.
 */
const CENTRAL = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCIAL = ['province', 'city'];

export const PARENT_KINDS: Record<string, readonly string[]> = {
  ministry: ['government'],
  ministerial_agency: ['government'],
  government_agency: ['government'],
  province: ['government'],
  city: ['government'],
  department: [...CENTRAL, ...PROVINCIAL],
  commune: PROVINCIAL,
  ward: PROVINCIAL,
  special_zone: PROVINCIAL,
  other: ['government', ...CENTRAL, ...PROVINCIAL],
};

/** Every kind, in the order of the map: for labels (admin.orgs.kinds.*). */
export const ORG_KINDS = [
  'government',
  'ministry',
  'ministerial_agency',
  'government_agency',
  'province',
  'city',
  'department',
  'commune',
  'ward',
  'special_zone',
  'other',
] as const;
