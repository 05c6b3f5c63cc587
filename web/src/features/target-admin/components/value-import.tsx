import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { previewImport, TEMPLATE_URL, useCommitImport } from '../api/target-values.ts';

/**
 * Import of values from .xlsx or .csv in long format: the template, a preview that checks every row
 * and stores nothing, then the import of all rows as drafts, or none (the server refuses the whole
 * file while any row is wrong).
 */
export function ValueImport() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: previewImport });
  const commit = useCommitImport();
  const report = preview.data;

  return (
    <div className="value-import">
      <p>
        {t('targetAdmin.import.intro')}{' '}
        <a href={TEMPLATE_URL} download>
          {t('targetAdmin.import.template')}
        </a>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) preview.mutate(file);
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('targetAdmin.import.file')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              preview.reset();
              commit.reset();
            }}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={!file || preview.isPending}>
          {t('targetAdmin.import.preview')}
        </button>
      </form>
      <FormError error={preview.error} />
      {report && (
        <div className="value-import__preview" aria-live="polite">
          <p className={report.errors ? 'notice notice--warn' : 'notice notice--ok'} role="status">
            {report.errors
              ? t('targetAdmin.import.hasErrors', { total: report.total, errors: report.errors })
              : t('targetAdmin.import.allValid', { count: report.total })}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('targetAdmin.import.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('targetAdmin.import.row')}</th>
                  <th scope="col">{t('targetAdmin.import.target')}</th>
                  <th scope="col">{t('targetAdmin.period')}</th>
                  <th scope="col" className="num">
                    {t('targetAdmin.value')}
                  </th>
                  <th scope="col">{t('targetAdmin.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} className={r.ok ? undefined : 'value-import__bad'}>
                    <th scope="row">{r.row}</th>
                    <td>{r.targetCode ?? '—'}</td>
                    <td>
                      {r.year ?? '—'}
                      {r.period ? ` ${r.period}` : ''}
                      {r.disaggregation ? ` · ${r.disaggregation}` : ''}
                    </td>
                    <td className="num">
                      {r.value !== null
                        ? number(r.value)
                        : r.assessedClass
                          ? t(`progressStatus.${r.assessedClass}`)
                          : '—'}
                    </td>
                    <td>
                      {r.ok
                        ? t('targetAdmin.import.rowOk')
                        : r.issues.map((i) => `${i.field}: ${i.problem}`).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errors === 0 && file && !commit.isSuccess && (
            <button
              type="button"
              className="button"
              disabled={commit.isPending}
              onClick={() => commit.mutate(file)}
            >
              {t('targetAdmin.import.commit', { count: report.total })}
            </button>
          )}
        </div>
      )}
      <FormError error={commit.error} />
      {commit.data && (
        <p className="notice notice--ok" role="status">
          {t('targetAdmin.import.done', { count: commit.data.imported })}
        </p>
      )}
    </div>
  );
}
