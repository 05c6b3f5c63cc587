/**
 * The site's two navigation bars. The public one is everyone's; the staff one ("Công việc") holds the
 * signed-in pages, each shown to whoever holds its policy (GET /api/me `can`), so a visitor sees one
 * short bar and an officer sees their work without crowding it. A new staff page adds one line here
 * (and the roles that see it in tests/e2e/account.test.ts).
 */
export interface NavItem {
  to: string;
  key: string;
}
export interface StaffNavItem extends NavItem {
  policy: string;
}

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/', key: 'nav.overview' },
  { to: '/tasks', key: 'nav.tasks' },
  { to: '/targets', key: 'nav.targets' },
  { to: '/agencies', key: 'nav.agencies' },
  { to: '/evaluations', key: 'nav.evaluations' },
  { to: '/program', key: 'nav.program' },
];

export const STAFF_NAV: readonly StaffNavItem[] = [
  { to: '/register', key: 'register.nav', policy: 'register.read' },
  { to: '/plans', key: 'plans.nav', policy: 'plans.read' },
  { to: '/register/import', key: 'registerIo.nav', policy: 'register.manage' },
  { to: '/register/extensions', key: 'extensions.nav', policy: 'extensions.decide' },
  { to: '/target-values', key: 'targetAdmin.nav.values', policy: 'targets.values.enter' },
  { to: '/target-values/review', key: 'targetAdmin.nav.review', policy: 'targets.values.review' },
  { to: '/reports', key: 'reports.nav', policy: 'reports.read' },
  { to: '/reports/review', key: 'reports.reviewNav', policy: 'reports.review' },
  { to: '/bottlenecks', key: 'bottlenecks.nav', policy: 'bottlenecks.read' },
  { to: '/reporting-rates', key: 'reportingRates.nav', policy: 'reports.read' },
  { to: '/staff/evaluations', key: 'evaluationDesk.nav', policy: 'evaluation.publish' },
];

/**
 * The bar's link for this page: the longest link the path is at or under ("/reports/12" is the inbox's,
 * "/reports/review" the review queue's), so exactly one link of a bar is current. "/" only on itself.
 */
export function currentLink(items: readonly NavItem[], pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const under =
      item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (under && (!best || item.to.length > best.to.length)) best = item;
  }
  return best;
}
