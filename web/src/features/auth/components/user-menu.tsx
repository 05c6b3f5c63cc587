import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLocalized } from '../../../components/use-localized.ts';
import { useSignOut } from '../api/auth-actions.ts';
import { useMe } from '../api/get-me.ts';
import { signInPath } from './require-sign-in.tsx';
import '../auth.css';

/** The header's account corner: the person's name, profile and sign out; or a sign-in link. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const { pick } = useLocalized();
  const menu = useRef<HTMLDetailsElement>(null);
  // Close the menu once the person has gone where it led.
  useEffect(() => {
    if (menu.current && location.pathname) menu.current.open = false;
  }, [location.pathname]);
  if (me.isPending) return <div className="user-menu" />;
  if (!me.data) {
    if (location.pathname === '/sign-in') return <div className="user-menu" />;
    return (
      <div className="user-menu">
        <Link className="user-menu__sign-in" to={signInPath(location.pathname + location.search)}>
          {t('auth.signIn.link')}
        </Link>
      </div>
    );
  }
  return (
    <details
      className="user-menu"
      ref={menu}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menu.current?.open) {
          menu.current.open = false;
          menu.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="user-menu__name" data-testid="user-name">
        {me.data.user.name}
      </summary>
      <ul className="user-menu__list">
        <li className="user-menu__who" data-testid="user-unit">
          {me.data.user.title && <span>{me.data.user.title}</span>}
          <span>{pick(me.data.user.orgUnit.nameVi, me.data.user.orgUnit.nameEn)}</span>
        </li>
        <li>
          <Link to="/profile">{t('auth.menu.profile')}</Link>
        </li>
        <li>
          <button
            type="button"
            className="link-button"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}
          >
            {t('auth.menu.signOut')}
          </button>
        </li>
      </ul>
    </details>
  );
}
