import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page's code fails to load or a page throws; the shell is gone, so it stands alone. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="site-main">
      <h1>{notFound ? t('notFound.title') : t('error.title')}</h1>
      <p>{notFound ? t('notFound.body') : t('error.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}
