import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import '../admin.css';

/** The administration home: what this person may administer. The tools themselves come next. */
export function AdminPage() {
  const { t } = useTranslation();
  const can = useMe().data?.can ?? {};
  const areas = [
    { key: 'audit', to: '/admin/audit', show: can['audit.read'] },
    { key: 'users', to: '/admin/users', show: can['users.read'] || can['users.manage'] },
    { key: 'orgs', to: '/admin/orgs', show: can['orgs.manage'] },
    { key: 'calendar', label: 'calendar.area', to: '/admin/calendar', show: can['calendar.manage'] },
  ].filter((a) => a.show) as { key: string; label?: string; to: string; show: boolean }[];
  return (
    <div className="page">
      <PageTitle title={t('admin.title')} />
      <p className="lead">{t('admin.intro')}</p>
      <ul className="link-list" data-testid="admin-areas">
        {areas.map((a) => (
          <li key={a.key}>
            {a.to ? (
              <Link to={a.to}>{t(a.label ?? `admin.areas.${a.key}`)}</Link>
            ) : (
              <>
                {t(`admin.areas.${a.key}`)} <span className="muted">{t('admin.soon')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
