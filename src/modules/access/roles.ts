import type { OrgKind } from '../orgs/orgs.schema.ts';

/** The roles of issue 3. Kept in step with the CHECK constraint on role_assignment.role. */
export const ROLES = [
  'system_admin',
  'coordinator',
  'focal_officer',
  'agency_head',
  'steering_viewer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  system_admin: 'System administrator: people, roles and organisations within the scope unit',
  coordinator: "Program coordinator (the coordinating ministry's office): register, review, urge, publish",
  focal_officer: "Focal officer of an agency: keeps the agency's plan and drafts its reports",
  agency_head: 'Head of an agency: approves what the agency sends out; accountable',
  steering_viewer: 'Steering committee member: reads dashboards and bottlenecks',
  auditor: 'Auditor: reads everything, including drafts and the audit trail',
};

/**
 * Which kinds of unit a role may be scoped to. An agency role at the Government root would make its
 * holder an officer of every agency at once, so agency roles need an agency (or a unit below one).
 */
const AGENCY_ONLY: ReadonlySet<Role> = new Set(['focal_officer', 'agency_head', 'coordinator']);

/** Why a role cannot be scoped to a unit of this kind, or null when it can. */
export function roleScopeProblem(role: Role, unitKind: OrgKind): string | null {
  if (AGENCY_ONLY.has(role) && unitKind === 'government') {
    return `${role} must be scoped to an agency, not the Government as a whole`;
  }
  return null;
}
