import { forbidden, unauthorized } from '../../server/errors.ts';
import type { Subject } from './subject.ts';

/** What a rule may look at besides the caller: the organisation that owns the thing acted on. */
export interface Resource {
  orgUnitId?: number;
}
type Rule = (s: Subject, r: Resource) => boolean;

/**
 * Every permission of the platform, one line each. Routes name one in `config: { policy }`; the hook in
 * src/server/access.ts checks it before the handler (with no resource: "may do this somewhere"), and
 * services call `authorize()` again with the resource they act on. Agency rules go through `hasIn`,
 * so an officer of one agency never reads another agency's drafts or writes its data.
 */
export const policies = {
  public: () => true,
  signed_in: (s) => s.signedIn,
  'users.read': (s) => s.hasAny('system_admin', 'auditor'),
  'users.manage': (s, r) => s.hasIn('system_admin', r.orgUnitId),
  'roles.grant': (s, r) => s.hasIn('system_admin', r.orgUnitId),
  'dev.mail': (s) => s.has('system_admin'),
  'audit.read': (s) => s.hasAny('system_admin', 'auditor'),
  'orgs.read': (s) => s.signedIn,
  'orgs.manage': (s, r) => s.hasIn('system_admin', r.orgUnitId),
  'program.manage': (s) => s.has('coordinator'),
  'register.read': (s) => s.signedIn,
  'register.manage': (s) => s.has('coordinator'),
  'register.views.self': (s) => s.signedIn,
  'calendar.manage': (s) => s.has('system_admin'),
  'plans.read': (s) => s.signedIn,
  'plans.manage': (s, r) => s.hasIn('focal_officer', r.orgUnitId),
  'extensions.request': (s, r) =>
    s.hasIn('focal_officer', r.orgUnitId) || s.hasIn('agency_head', r.orgUnitId),
  'extensions.decide': (s) => s.has('coordinator'),
  'evaluation.read': (s) => s.signedIn,
  'evaluation.publish': (s) => s.has('coordinator'),
  'evaluation.methods.manage': (s) => s.has('coordinator'),
  'evaluation.recheck.request': (s, r) =>
    s.hasIn('focal_officer', r.orgUnitId) || s.hasIn('agency_head', r.orgUnitId),
  'evaluation.recheck.answer': (s) => s.has('coordinator'),
  'targets.manage': (s) => s.has('coordinator'),
  'targets.values.enter': (s, r) => s.hasIn('focal_officer', r.orgUnitId),
  'targets.values.review': (s) => s.has('coordinator'),
  'dashboards.read': (s) =>
    s.hasAny('steering_viewer', 'coordinator', 'agency_head', 'system_admin', 'auditor'),
  'agency.write': (s, r) => s.hasIn('focal_officer', r.orgUnitId) || s.hasIn('agency_head', r.orgUnitId),
  'reports.draft': (s, r) => s.hasIn('focal_officer', r.orgUnitId),
  'reports.read_drafts': (s, r) =>
    s.hasIn('focal_officer', r.orgUnitId) || s.hasIn('agency_head', r.orgUnitId) || s.has('auditor'),
  // The report modules' names (docs/reports.md on main): the head submits what the agency sends out.
  'reports.read': (s) => s.signedIn,
  'reports.configure': (s) => s.has('coordinator'),
  'reports.submit': (s, r) => s.hasIn('agency_head', r.orgUnitId),
  'reports.review': (s) => s.has('coordinator'),
  'bottlenecks.read': (s) => s.signedIn,
  'bottlenecks.manage': (s) => s.has('coordinator'),
  'bottlenecks.answer': (s) => s.hasAny('steering_viewer', 'coordinator'),
  'reminders.configure': (s) => s.has('coordinator'),
  'notifications.self': (s) => s.signedIn,
} satisfies Record<string, Rule>;

export type PolicyName = keyof typeof policies;

export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === 'string' && Object.hasOwn(policies, name);
}

export function can(s: Subject, policy: PolicyName, resource: Resource = {}): boolean {
  return (policies[policy] as Rule)(s, resource);
}

/** Throws 401 for an anonymous caller and 403 for a signed-in one who may not. */
export function authorize(s: Subject, policy: PolicyName, resource: Resource = {}): void {
  if (can(s, policy, resource)) return;
  // 401 tells the web app to show the sign-in page; 403 that signing in again would not help.
  if (!s.signedIn) throw unauthorized();
  throw forbidden(`You may not do this (${String(policy)})`);
}

/** The policies the web app asks about in GET /api/me, so it hides what the caller may not do. */
export const UI_POLICIES = [
  'users.read',
  'users.manage',
  'roles.grant',
  'audit.read',
  'orgs.manage',
  'program.manage',
  'register.read',
  'register.manage',
  'calendar.manage',
  'targets.manage',
  'targets.values.enter',
  'targets.values.review',
  'dashboards.read',
  'agency.write',
  'reports.read',
  'reports.draft',
  'reports.read_drafts',
  'reports.submit',
  'reports.configure',
  'bottlenecks.read',
  'bottlenecks.manage',
  'bottlenecks.answer',
  'reminders.configure',
  'reports.review',
  'plans.read',
  'plans.manage',
  'extensions.request',
  'extensions.decide',
  'evaluation.publish',
  'evaluation.methods.manage',
  'evaluation.recheck.request',
  'evaluation.recheck.answer',
  'dev.mail',
] as const satisfies readonly PolicyName[];

export function canMap(s: Subject, resource: Resource = {}): Record<(typeof UI_POLICIES)[number], boolean> {
  return Object.fromEntries(UI_POLICIES.map((p) => [p, can(s, p, resource)])) as Record<
    (typeof UI_POLICIES)[number],
    boolean
  >;
}
