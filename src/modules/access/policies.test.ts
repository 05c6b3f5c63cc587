import { describe, expect, it } from 'vitest';
import { authorize, can, canMap, policies, UI_POLICIES } from './policies.ts';
import type { Role } from './roles.ts';
import { Subject } from './subject.ts';

const MOST = 10;
const MOST_DEPT = 11;
const HANOI = 20;

/** A subject as the session loader builds it: grants plus every unit each role covers. */
function subject(grants: { role: Role; orgUnitId: number; covers: number[] }[]): Subject {
  const scopes = new Map<Role, Set<number>>();
  for (const g of grants) scopes.set(g.role, new Set([...(scopes.get(g.role) ?? []), ...g.covers]));
  return new Subject(
    { id: 1, name: 'A', email: 'a@x.vn', title: null, orgUnitId: grants[0]?.orgUnitId ?? 1, isDemo: false },
    grants.map((g, i) => ({
      id: i,
      role: g.role,
      orgUnitId: g.orgUnitId,
      includeSubUnits: g.covers.length > 1,
    })),
    scopes,
  );
}

describe('policies', () => {
  const officer = subject([{ role: 'focal_officer', orgUnitId: MOST, covers: [MOST] }]);
  const head = subject([{ role: 'agency_head', orgUnitId: MOST, covers: [MOST, MOST_DEPT] }]);
  const auditor = subject([{ role: 'auditor', orgUnitId: 1, covers: [1, MOST, HANOI] }]);

  it("never lets an agency's officer read or write another agency's drafts", () => {
    expect(can(officer, 'reports.draft', { orgUnitId: MOST })).toBe(true);
    expect(can(officer, 'reports.draft', { orgUnitId: HANOI })).toBe(false);
    expect(can(officer, 'reports.read_drafts', { orgUnitId: HANOI })).toBe(false);
    expect(can(officer, 'agency.write', { orgUnitId: HANOI })).toBe(false);
    // Not below their unit either, unless the grant includes sub-units.
    expect(can(officer, 'reports.draft', { orgUnitId: MOST_DEPT })).toBe(false);
    expect(can(head, 'reports.submit', { orgUnitId: MOST_DEPT })).toBe(true);
    expect(can(head, 'reports.submit', { orgUnitId: HANOI })).toBe(false);
  });

  it('lets the auditor read everything and write nothing', () => {
    expect(can(auditor, 'reports.read_drafts', { orgUnitId: HANOI })).toBe(true);
    expect(can(auditor, 'audit.read')).toBe(true);
    for (const write of ['users.manage', 'reports.draft', 'agency.write', 'program.manage'] as const) {
      expect(can(auditor, write, { orgUnitId: HANOI })).toBe(false);
    }
  });

  it('answers 401 to the anonymous and 403 to the signed-in who may not', () => {
    expect(() => authorize(Subject.anonymous, 'signed_in')).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => authorize(officer, 'users.manage')).toThrow(expect.objectContaining({ status: 403 }));
    expect(can(Subject.anonymous, 'public')).toBe(true);
  });

  it('tells the UI every policy it asks about, and only real ones', () => {
    for (const p of UI_POLICIES) expect(Object.hasOwn(policies, p)).toBe(true);
    expect(Object.keys(canMap(officer)).sort()).toEqual([...UI_POLICIES].sort());
  });
});
