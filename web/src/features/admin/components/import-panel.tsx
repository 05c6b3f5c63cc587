import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { Loading } from '../../../components/query-state.tsx';

/**
 * The rows a preview table shows: every row with a problem, and the first `limit` rows, in file order
 * (a file of 3,321 communes is checked whole, but a table that long helps nobody).
 */
export function rowsToShow<T>(rows: T[], hasProblem: (row: T) => boolean, limit = 200) {
  const shown = rows.filter((r, i) => i < limit || hasProblem(r));
  return { shown, hidden: rows.length - shown.length };
}

/** "N more rows without problems are not shown", when some are hidden. */
export function HiddenRows({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return <p className="muted">{t('admin.import.hiddenRows', { count })}</p>;
}

/** The API refuses larger files (413); saying so before sending spares a 5 MB upload. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The steps every import of the admin area follows: download the template, choose a CSV or .xlsx,
 * see every row and its problems (nothing written), then import all rows or none. `resetKey` (the
 * kind of file, for instance) starts over when it changes.
 */
export function ImportPanel<P, R>({
  templateHref,
  preview,
  renderPreview,
  problemCount,
  rowCount,
  commit,
  renderDone,
  resetKey = '',
  children,
}: {
  templateHref: string;
  preview: (file: File) => Promise<P>;
  renderPreview: (preview: P) => ReactNode;
  /** Rows (or file-wide problems) that stop the import. */
  problemCount: (preview: P) => number;
  rowCount: (preview: P) => number;
  commit: (file: File) => Promise<R>;
  renderDone: (result: R) => ReactNode;
  resetKey?: string;
  /** Choices that go with the file (e.g. communes or departments), shown before it. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<{ file: File; key: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const check = useMutation({ mutationFn: preview });
  const save = useMutation({ mutationFn: commit });
  const current = file?.key === resetKey ? file.file : null;
  const checked = current && check.data && check.variables === current ? check.data : null;

  const choose = (chosen: File | undefined) => {
    check.reset();
    save.reset();
    setTooLarge(false);
    if (!chosen) {
      setFile(null);
      return;
    }
    setFile({ file: chosen, key: resetKey });
    if (chosen.size > MAX_BYTES) setTooLarge(true);
    else check.mutate(chosen);
  };

  const problems = checked ? problemCount(checked) : 0;
  return (
    <div className="import-panel">
      <section className="card section" aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>{t('admin.import.fileTitle')}</h2>
        <p>
          <a href={templateHref} download>
            {t('admin.import.template')}
          </a>{' '}
          <span className="muted">{t('admin.import.templateHint')}</span>
        </p>
        {children}
        <div className="field file-picker">
          <label className="field__label" htmlFor={`${id}-input`}>
            {t('admin.import.choose')}
          </label>
          {/* The native input, visually hidden, keeps the keyboard and screen readers; the label beside
              it is the button people see, in their language (the browser's own says "Choose File"). */}
          <input
            key={resetKey}
            id={`${id}-input`}
            className="file-picker__input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-hint`}
            onChange={(e) => choose(e.target.files?.[0])}
            // Cleared as the dialog opens, so the same file chosen again (after fixing it) is read again.
            onClick={(e) => {
              e.currentTarget.value = '';
            }}
          />
          <span className="file-picker__row" aria-hidden="true">
            <label className="button button--secondary" htmlFor={`${id}-input`}>
              {t('admin.import.chooseButton')}
            </label>
            <span className="file-picker__name">{current?.name ?? t('admin.import.noFile')}</span>
          </span>
          <p className="field__hint" id={`${id}-hint`}>
            {t('admin.import.fileHint')}
          </p>
        </div>
        <div role="alert">{tooLarge && <p className="form-error">{t('admin.import.tooLarge')}</p>}</div>
        <FormError error={current ? check.error : null} />
      </section>
      {check.isPending && <Loading />}
      {checked && (
        <section className="card section" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>{t('admin.import.previewTitle', { name: current?.name })}</h2>
          <p role="status" className={problems ? 'notice notice--warn' : 'notice notice--ok'}>
            {problems
              ? t('admin.import.hasProblems', { count: rowCount(checked), problems })
              : t('admin.import.allGood', { count: rowCount(checked) })}
          </p>
          {renderPreview(checked)}
          <div className="import-panel__actions">
            <button
              type="button"
              className="button"
              disabled={problems > 0 || save.isPending || save.isSuccess}
              onClick={() => current && save.mutate(current)}
            >
              {t('admin.import.commit', { count: rowCount(checked) })}
            </button>
            {problems > 0 && <span className="muted">{t('admin.import.fixFirst')}</span>}
          </div>
          <FormError error={save.error} />
          <div role="status">
            {save.data !== undefined && <div className="notice notice--ok">{renderDone(save.data)}</div>}
          </div>
        </section>
      )}
    </div>
  );
}
