import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { ADMIN_POLICIES } from '../features/admin/admin-policies.ts';
import { useMe } from '../features/auth/api/get-me.ts';
import { DemoBanner } from '../features/auth/components/demo-banner.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { currentLink, type NavItem, PUBLIC_NAV, STAFF_NAV } from './navigation.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const navigation = useNavigation();
  const shownPath = useRef(location.pathname);
  const can = useMe().data?.can;
  const showAdmin = ADMIN_POLICIES.some((p) => can?.[p]);
  const staffNav: NavItem[] = STAFF_NAV.filter((item) => can?.[item.policy]);
  if (showAdmin) staffNav.push({ to: '/admin', key: 'admin.nav' });

  // After a client-side navigation to another page, move focus to the new page's content, as a full
  // page load would, so screen-reader and keyboard users start at the top of what changed. Filters
  // (a new query string) and the first load keep focus where it is.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname]);

  // On a phone the bars scroll sideways (global.css): bring the current page's link into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the page or the bar changes
  useEffect(() => {
    for (const link of headerRef.current?.querySelectorAll<HTMLElement>('nav a[aria-current="page"]') ?? []) {
      const list = link.closest('ul');
      if (list && list.scrollWidth > list.clientWidth)
        list.scrollLeft = link.offsetLeft - list.offsetLeft - (list.clientWidth - link.offsetWidth) / 2;
    }
  }, [location.pathname, staffNav.length]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <DemoBanner />
      <header className="site-header" ref={headerRef}>
        <div className="site-header__inner">
          <NavLink to="/" className="brand" end>
            <span className="brand__mark" aria-hidden="true">
              57
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </NavLink>
          <div className="site-header__tools">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <NavList items={PUBLIC_NAV} />
        </nav>
        {staffNav.length > 0 && (
          <nav className="staff-nav" aria-label={t('nav.staffLabel')}>
            <div className="staff-nav__inner">
              <span className="staff-nav__title" aria-hidden="true">
                {t('nav.staffLabel')}
              </span>
              <NavList items={staffNav} />
            </div>
          </nav>
        )}
      </header>
      <div className="route-progress" data-active={navigation.state !== 'idle'} aria-hidden="true" />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.provenance')}</p>
          <ul className="site-footer__links">
            <li>
              <NavLink to="/data">{t('footer.dataLink')}</NavLink>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
            <li>
              <a href="/api/openapi.json">{t('footer.openapi')}</a>
            </li>
          </ul>
          <p className="site-footer__licence">{t('footer.licence')}</p>
        </div>
      </footer>
      <ScrollRestoration getKey={(l) => l.pathname} />
    </div>
  );
}

function NavList({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = currentLink(items, pathname);
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <Link to={item.to} aria-current={item === current ? 'page' : undefined}>
            {t(item.key)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
