import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/tasks">{t('notFound.tasks')}</Link>
        </li>
      </ul>
    </div>
  );
}
