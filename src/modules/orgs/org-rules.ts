import { foldKey } from '../../lib/text.ts';
import type { OrgKind } from './orgs.schema.ts';

/**
 * The shape of the administrative map as rules, one line each: which kinds may sit under which, what
 * a code looks like. Services check these before writing, so a wrong request is a 4xx naming the
 * problem, never a half-done change.
 */
export const CENTRAL_KINDS: OrgKind[] = ['ministry', 'ministerial_agency', 'government_agency'];
export const PROVINCIAL_KINDS: OrgKind[] = ['province', 'city'];
export const COMMUNE_KINDS: OrgKind[] = ['commune', 'ward', 'special_zone'];

export const CHILD_KINDS: Record<OrgKind, OrgKind[]> = {
  government: [...CENTRAL_KINDS, ...PROVINCIAL_KINDS, 'other'],
  ministry: ['department', 'other'],
  ministerial_agency: ['department', 'other'],
  government_agency: ['department', 'other'],
  province: ['department', ...COMMUNE_KINDS, 'other'],
  city: ['department', ...COMMUNE_KINDS, 'other'],
  department: [],
  commune: [],
  ward: [],
  special_zone: [],
  other: [],
};

/** Kinds with no parent: the Government alone. */
export const ROOT_KINDS: OrgKind[] = ['government'];

export function kindAllowedUnder(kind: OrgKind, parentKind: OrgKind | null): boolean {
  if (parentKind === null) return ROOT_KINDS.includes(kind);
  return CHILD_KINDS[parentKind].includes(kind);
}

/** "a commune may sit only under a province or city" — the message a 4xx gives. */
export function describeAllowedParents(kind: OrgKind): string {
  const parents = (Object.keys(CHILD_KINDS) as OrgKind[]).filter((p) => CHILD_KINDS[p].includes(kind));
  if (ROOT_KINDS.includes(kind)) return `a ${kind} has no parent`;
  return parents.length === 0
    ? `a ${kind} cannot be created here`
    : `a ${kind} may sit only under a ${parents.join(' or ')}`;
}

/** Commune codes: 5 digits (QĐ 19/2025/QĐ-TTg). Province codes: 2 digits. */
export const COMMUNE_CODE = /^\d{5}$/;
export const PROVINCE_CODE = /^\d{2}$/;
/** Codes the platform gives other units: letters, digits and underscores, like "BKHCN" or "48_SKHCN". */
export const UNIT_CODE = /^[A-Za-z0-9_]{1,40}$/;

/**
 * Spreadsheets drop leading zeros ("00004" typed into Excel becomes 4). A code made only of digits
 * and shorter than its width is padded back; anything else is left for validation to name.
 */
export function padDigits(value: string, width: number): string {
  return /^\d+$/.test(value) && value.length < width ? value.padStart(width, '0') : value;
}

/** "xã", "Phường", "dac khu", "ward" → the kind; null when it is none of them. */
export function communeKindOf(text: string): OrgKind | null {
  const key = foldKey(text).replace(/\s+/g, '_');
  if (['xa', 'commune'].includes(key)) return 'commune';
  if (['phuong', 'ward'].includes(key)) return 'ward';
  if (['dac_khu', 'special_zone', 'specialzone'].includes(key)) return 'special_zone';
  return null;
}

/** The kind a commune's official name announces ("Phường Hoàn Kiếm" → ward), if any. */
export function communeKindFromName(name: string): OrgKind | null {
  const key = foldKey(name);
  if (key.startsWith('xa ')) return 'commune';
  if (key.startsWith('phuong ')) return 'ward';
  if (key.startsWith('dac khu ')) return 'special_zone';
  return null;
}

/** The day before a date, as YYYY-MM-DD: a unit closed by an event effective on `date` ends then. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
