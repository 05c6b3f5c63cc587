/**
 * The site's two navigation bars. The public one is everyone's; the staff one ("Công việc") holds the
 * signed-in pages, each shown to whoever holds its policy (GET /api/me `can`), so a visitor sees one
 * short bar and an officer sees their work without crowding it. A new staff page adds one line here
 * (and the roles that see it in tests/e2e/account.test.ts).
 */
export interface NavItem {
  to: string;
  key: string;
  /** Current only on this exact path, when a longer path has a link of its own. */
  end: boolean;
}
export interface StaffNavItem extends NavItem {
  policy: string;
}

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/', key: 'nav.overview', end: true },
  { to: '/tasks', key: 'nav.tasks', end: false },
  { to: '/targets', key: 'nav.targets', end: false },
  { to: '/agencies', key: 'nav.agencies', end: false },
  { to: '/evaluations', key: 'nav.evaluations', end: false },
  { to: '/program', key: 'nav.program', end: false },
];

export const STAFF_NAV: readonly StaffNavItem[] = [
  // `end`: /register/import and /register/extensions have their own links; only one link is current.
  { to: '/register', key: 'register.nav', end: true, policy: 'register.read' },
  { to: '/plans', key: 'plans.nav', end: false, policy: 'plans.read' },
  { to: '/register/import', key: 'registerIo.nav', end: false, policy: 'register.manage' },
  { to: '/register/extensions', key: 'extensions.nav', end: false, policy: 'extensions.decide' },
  { to: '/target-values', key: 'targetAdmin.nav.values', end: true, policy: 'targets.values.enter' },
  { to: '/target-values/review', key: 'targetAdmin.nav.review', end: false, policy: 'targets.values.review' },
  { to: '/bottlenecks', key: 'bottlenecks.nav', end: false, policy: 'bottlenecks.read' },
  { to: '/reporting-rates', key: 'reportingRates.nav', end: false, policy: 'reports.read' },
  { to: '/staff/evaluations', key: 'evaluationDesk.nav', end: false, policy: 'evaluation.publish' },
];
