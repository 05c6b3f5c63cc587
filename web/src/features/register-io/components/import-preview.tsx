import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { ImportPreview, PreviewRow, RowIssue } from '../api/register-import.ts';
import { rowIssueText } from './issue-text.ts';

/** The preview step: what the import would create, every row's errors and warnings, then commit. */
export function ImportPreviewStep({
  preview,
  fileName,
  onCommit,
  onReupload,
  onBack,
  busy,
}: {
  preview: ImportPreview;
  fileName: string;
  onCommit: () => void;
  onReupload: (file: File) => void;
  onBack: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [onlyProblems, setOnlyProblems] = useState(preview.summary.withErrors > 0);
  const { summary } = preview;
  const shown = preview.rows.filter((r) => !onlyProblems || r.errors.length || r.warnings.length);
  return (
    <section className="card section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('registerIo.preview.title', { file: fileName })}</h2>
      <p role="status" className={summary.withErrors ? 'notice notice--warn' : 'notice notice--ok'}>
        {t('registerIo.preview.summary', {
          rows: summary.rows,
          ready: summary.ready,
          errors: summary.withErrors,
          warnings: summary.withWarnings,
        })}{' '}
        {summary.withErrors > 0 ? t('registerIo.preview.fixFirst') : t('registerIo.preview.allReady')}
      </p>
      {summary.groupsToCreate.length > 0 && (
        <p>{t('registerIo.preview.groupsToCreate', { groups: summary.groupsToCreate.join(', ') })}</p>
      )}
      <p className="field__hint">
        {t('registerIo.preview.where', {
          row: preview.headerRow,
          sheet: preview.sheet ?? 'CSV',
          assignedOn: formatDate(preview.assignedOn),
        })}
      </p>
      <div className="register-io-actions">
        <button
          type="button"
          className="button"
          onClick={onCommit}
          disabled={busy || summary.withErrors > 0 || summary.rows === 0}
        >
          {t('registerIo.preview.commit', { count: summary.rows })}
        </button>
        <label className="button button--secondary register-io-file-button">
          {t('registerIo.preview.reupload')}
          <input
            type="file"
            accept=".xlsx,.csv"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onReupload(file);
            }}
          />
        </label>
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          {t('registerIo.preview.back')}
        </button>
      </div>
      <label className="register-io-toggle">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />{' '}
        {t('registerIo.preview.onlyProblems')}
      </label>
      <ol className="register-io-rows" aria-label={t('registerIo.preview.rowsLabel')}>
        {shown.map((row) => (
          <PreviewRowCard key={row.row} row={row} />
        ))}
      </ol>
    </section>
  );
}

function PreviewRowCard({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const state = row.errors.length ? 'error' : row.warnings.length ? 'warning' : 'ok';
  return (
    <li className={`register-io-row register-io-row--${state}`} data-testid={`preview-row-${row.row}`}>
      <p className="register-io-row__head">
        <span className="tag tag--code">{t('registerIo.preview.row', { row: row.row })}</span>{' '}
        <span className="tag">
          {t('registerIo.fields.no')}: {row.code || '—'}
        </span>{' '}
        <span className={`badge ${state === 'ok' ? 'badge--ok' : 'badge--warn'}`}>
          {t(`registerIo.preview.state.${state}`)}
        </span>
      </p>
      <p className="register-io-row__task">{row.contentVi || t('registerIo.preview.noTask')}</p>
      <dl className="register-io-row__facts">
        <dt>{t('registerIo.fields.lead')}</dt>
        <dd>{row.leadAsWritten ?? '—'}</dd>
        <dt>{t('registerIo.fields.deadline')}</dt>
        <dd>
          {row.deadlineAsWritten ?? '—'}
          {row.dueDate && ` → ${formatDate(row.dueDate)}`}
        </dd>
      </dl>
      {(row.errors.length > 0 || row.warnings.length > 0) && (
        <ul className="register-io-issues">
          {row.errors.map((issue) => (
            <IssueLine key={`e-${issue.code}-${issue.message}`} issue={issue} level="error" />
          ))}
          {row.warnings.map((issue) => (
            <IssueLine key={`w-${issue.code}-${issue.message}`} issue={issue} level="warning" />
          ))}
        </ul>
      )}
    </li>
  );
}

function IssueLine({ issue, level }: { issue: RowIssue; level: 'error' | 'warning' }) {
  const { t } = useTranslation();
  return (
    <li className={`register-io-issue register-io-issue--${level}`}>
      <strong>{t(`registerIo.preview.level.${level}`)}</strong>
      {issue.column && ` (${t(`registerIo.fields.${issue.column}`)})`}: {rowIssueText(t, issue)}
    </li>
  );
}
