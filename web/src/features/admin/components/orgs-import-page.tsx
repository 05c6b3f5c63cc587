import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  type OrgImportPreview,
  type OrgImportType,
  orgTemplateUrl,
  previewOrgImport,
  useCommitOrgImport,
} from '../api/orgs.ts';
import '../admin.css';
import { HiddenRows, ImportPanel, rowsToShow } from './import-panel.tsx';

const TYPES: OrgImportType[] = ['communes', 'departments'];

/** Import of communes (xã, phường, đặc khu) or departments from CSV/.xlsx, all rows or none. */
export function OrgsImportPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<OrgImportType>('communes');
  const commit = useCommitOrgImport();
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/admin/orgs">{t('admin.orgs.title')}</Link>
      </p>
      <PageTitle title={t('admin.orgsImport.title')} />
      <p className="lead">{t('admin.orgsImport.intro')}</p>
      <ImportPanel
        resetKey={type}
        templateHref={orgTemplateUrl(type)}
        preview={(file) => previewOrgImport(type, file)}
        problemCount={(p) => new Set(p.errors.map((e) => e.row)).size}
        rowCount={(p) => p.total}
        renderPreview={(p) => <UnitsPreview preview={p} />}
        commit={(file) => commit.mutateAsync({ type, file })}
        renderDone={(r) => (
          <>
            {t('admin.orgsImport.done', { count: r.created })}{' '}
            {r.byParent.map((p) => `${p.code}: ${p.count}`).join(', ')}{' '}
            <Link to="/admin/orgs">{t('admin.orgsImport.toTree')}</Link>
          </>
        )}
      >
        <fieldset className="admin-form__choice">
          <legend className="field__label">{t('admin.orgsImport.type')}</legend>
          {TYPES.map((k) => (
            <label key={k}>
              <input type="radio" name="org-import-type" checked={type === k} onChange={() => setType(k)} />{' '}
              {t(`admin.orgsImport.types.${k}`)}
            </label>
          ))}
        </fieldset>
        <p className="field__hint">{t(`admin.orgsImport.columns.${type}`)}</p>
      </ImportPanel>
    </div>
  );
}

function UnitsPreview({ preview }: { preview: OrgImportPreview }) {
  const { t } = useTranslation();
  const problemsOf = new Map<number, string[]>();
  for (const e of preview.errors)
    problemsOf.set(e.row, [...(problemsOf.get(e.row) ?? []), `${e.column}: ${e.problem}`]);
  const { shown, hidden } = rowsToShow(preview.units, (u) => problemsOf.has(u.row));
  return (
    <>
      {preview.unknownColumns.length > 0 && (
        <p className="muted">
          {t('admin.orgsImport.ignored', { columns: preview.unknownColumns.join(', ') })}
        </p>
      )}
      {preview.byParent.length > 0 && (
        <p className="muted">
          {t('admin.orgsImport.byParent')} {preview.byParent.map((p) => `${p.code}: ${p.count}`).join(', ')}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table import-table">
          <caption className="visually-hidden">{t('admin.orgsImport.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.row')}</th>
              <th scope="col">{t('admin.orgs.fields.code')}</th>
              <th scope="col">{t('admin.orgs.fields.nameVi')}</th>
              <th scope="col">{t('admin.orgs.fields.kind')}</th>
              <th scope="col">{t('admin.orgs.fields.parentCode')}</th>
              <th scope="col">{t('admin.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => {
              const problems = problemsOf.get(u.row) ?? [];
              return (
                <tr key={u.row} className={problems.length ? 'import-table__bad' : undefined}>
                  <td data-label={t('admin.import.row')}>{u.row}</td>
                  <td data-label={t('admin.orgs.fields.code')}>{u.code || '—'}</td>
                  <th scope="row" data-label={t('admin.orgs.fields.nameVi')}>
                    {u.nameVi || '—'}
                  </th>
                  <td data-label={t('admin.orgs.fields.kind')}>
                    {t(`admin.orgs.kinds.${u.kind}`, { defaultValue: u.kind })}
                  </td>
                  <td data-label={t('admin.orgs.fields.parentCode')}>{u.parentCode || '—'}</td>
                  <td data-label={t('admin.import.problems')}>
                    {problems.length ? (
                      <ul className="import-table__problems">
                        {problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="badge badge--ok">{t('admin.import.ok')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HiddenRows count={hidden} />
    </>
  );
}
