import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  PEOPLE_TEMPLATE_URL,
  type PeopleImportPreview,
  previewPeopleImport,
  useCommitPeopleImport,
} from '../api/users.ts';
import '../admin.css';
import { HiddenRows, ImportPanel, rowsToShow } from './import-panel.tsx';

/** Import of people from CSV/.xlsx: template, preview of every row with its problems, all or nothing. */
export function UsersImportPage() {
  const { t } = useTranslation();
  const commit = useCommitPeopleImport();
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/admin/users">{t('admin.users.title')}</Link>
      </p>
      <PageTitle title={t('admin.usersImport.title')} />
      <p className="lead">{t('admin.usersImport.intro')}</p>
      <ImportPanel
        templateHref={PEOPLE_TEMPLATE_URL}
        preview={previewPeopleImport}
        problemCount={(p) => p.rows.filter((r) => r.problems.length).length}
        rowCount={(p) => p.rows.length}
        renderPreview={(p) => <PeoplePreview preview={p} />}
        commit={(file) => commit.mutateAsync(file)}
        renderDone={(r) => (
          <>
            {t('admin.usersImport.done', { count: r.created })}{' '}
            <Link to="/admin/users">{t('admin.usersImport.toPeople')}</Link>
          </>
        )}
      >
        <p className="field__hint">{t('admin.usersImport.columns')}</p>
      </ImportPanel>
    </div>
  );
}

function PeoplePreview({ preview }: { preview: PeopleImportPreview }) {
  const { t } = useTranslation();
  const { shown, hidden } = rowsToShow(preview.rows, (r) => r.problems.length > 0);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table import-table">
          <caption className="visually-hidden">{t('admin.usersImport.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.row')}</th>
              <th scope="col">{t('admin.users.fields.name')}</th>
              <th scope="col">{t('admin.users.fields.email')}</th>
              <th scope="col">{t('admin.users.fields.title')}</th>
              <th scope="col">{t('admin.users.unit')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row} className={r.problems.length ? 'import-table__bad' : undefined}>
                <td data-label={t('admin.import.row')}>{r.row}</td>
                <th scope="row" data-label={t('admin.users.fields.name')}>
                  {r.name || '—'}
                </th>
                <td className="import-table__email" data-label={t('admin.users.fields.email')}>
                  {r.email || '—'}
                </td>
                <td data-label={t('admin.users.fields.title')}>{r.title ?? '—'}</td>
                <td data-label={t('admin.users.unit')}>{r.unitCode || '—'}</td>
                <td data-label={t('admin.users.role')}>
                  {r.roles.map((role) => t(`auth.roles.${role}`, { defaultValue: role })).join(', ') || '—'}
                </td>
                <td data-label={t('admin.import.problems')}>
                  {r.problems.length ? (
                    <ul className="import-table__problems">
                      {r.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="badge badge--ok">{t('admin.import.ok')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HiddenRows count={hidden} />
    </>
  );
}
