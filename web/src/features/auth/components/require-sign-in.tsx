import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useMe } from '../api/get-me.ts';

/** The sign-in address that brings the person back here afterwards. */
export const signInPath = (next: string) => `/sign-in?next=${encodeURIComponent(next)}`;

/**
 * Route wrapper: signed-out visitors go to /sign-in?next=…; with `anyOf`, a signed-in person who holds
 * none of those policies sees a clear "not allowed" page instead of the content.
 */
export function RequireSignIn({ anyOf, children }: { anyOf?: readonly string[]; children?: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  const can = me.data.can;
  if (anyOf && !anyOf.some((p) => can[p])) return <ForbiddenPage />;
  return <>{children ?? <Outlet />}</>;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle title={t('auth.forbidden.title')} />
      <p role="alert">{t('auth.forbidden.body')}</p>
      <p>
        <Link to="/">{t('auth.forbidden.home')}</Link>
      </p>
    </div>
  );
}
