import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ColumnMapping,
  type FileColumns,
  REGISTER_FIELDS,
  REQUIRED_FIELDS,
} from '../api/register-import.ts';

/**
 * The mapping step: for each of the register's columns, which column of the person's file holds it.
 * Columns the server recognised by their header come chosen; the person can change any of them and
 * say which row holds the headers.
 */
export function ColumnMappingStep({
  columns,
  mapping,
  onMappingChange,
  onHeaderRow,
  onPreview,
  busy,
}: {
  columns: FileColumns;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  onHeaderRow: (row: number) => void;
  onPreview: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [headerRow, setHeaderRow] = useState(String(columns.headerRow));
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  const used = Object.values(mapping).filter(Boolean);
  const twice = used.filter((c, i) => used.indexOf(c) !== i);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length === 0 && twice.length === 0) onPreview();
  };
  const describe = (c: FileColumns['columns'][number]) =>
    [
      c.column,
      c.header ? `“${c.header}”` : t('registerIo.mapping.noHeader'),
      c.samples.length ? `(${c.samples.join('; ')})` : '',
    ]
      .filter(Boolean)
      .join(' — ');

  return (
    <section className="card section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('registerIo.mapping.title')}</h2>
      <p className="field__hint">
        {columns.detected
          ? t('registerIo.mapping.detected', { row: columns.headerRow })
          : t('registerIo.mapping.notDetected')}
      </p>
      <form
        className="register-io-header-row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(headerRow);
          if (Number.isInteger(n) && n >= 1) onHeaderRow(n);
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-header`}>
            {t('registerIo.mapping.headerRow')}
          </label>
          <input
            id={`${id}-header`}
            type="number"
            min={1}
            max={1000}
            inputMode="numeric"
            value={headerRow}
            onChange={(e) => setHeaderRow(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('registerIo.mapping.readHeader')}
        </button>
      </form>
      <form onSubmit={submit} noValidate>
        <table className="data-table register-io-mapping">
          <caption className="visually-hidden">{t('registerIo.mapping.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registerIo.mapping.ours')}</th>
              <th scope="col">{t('registerIo.mapping.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {REGISTER_FIELDS.map((field) => {
              const required = REQUIRED_FIELDS.includes(field);
              return (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={`${id}-${field}`}>{t(`registerIo.fields.${field}`)}</label>
                    {/* The select itself tells screen readers it is required (aria-required). */}
                    {required && (
                      <span className="badge badge--warn" aria-hidden="true">
                        {t('registerIo.mapping.required')}
                      </span>
                    )}
                  </th>
                  <td>
                    <select
                      id={`${id}-${field}`}
                      value={mapping[field] ?? ''}
                      aria-required={required || undefined}
                      aria-invalid={
                        (required && !mapping[field]) || twice.includes(mapping[field] ?? '') || undefined
                      }
                      onChange={(e) => onMappingChange({ ...mapping, [field]: e.target.value })}
                    >
                      <option value="">{t('registerIo.mapping.none')}</option>
                      {columns.columns.map((c) => (
                        <option key={c.column} value={c.column}>
                          {describe(c)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div role="alert">
          {missing.length > 0 && (
            <p className="field__error">
              {t('registerIo.mapping.missing', {
                fields: missing.map((f) => t(`registerIo.fields.${f}`)).join(', '),
              })}
            </p>
          )}
          {twice.length > 0 && (
            <p className="field__error">
              {t('registerIo.mapping.twice', { columns: [...new Set(twice)].join(', ') })}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy || missing.length > 0 || twice.length > 0}>
          {t('registerIo.mapping.preview')}
        </button>
      </form>
    </section>
  );
}
