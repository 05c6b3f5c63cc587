import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS } from '../columns.ts';

/** Which columns the table shows, in the table's own order; at least one stays. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange: (columns: ColumnId[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The boxes answer at once; the URL (and so the table) follows a moment later.
  const [shown, setShown] = useState(columns);
  useEffect(() => setShown(columns), [columns]);
  const choose = (next: ColumnId[]) => {
    setShown(next);
    onChange(next);
  };
  const toggle = (column: ColumnId, on: boolean) => {
    const next = COLUMN_IDS.filter((c) => (c === column ? on : shown.includes(c)));
    if (next.length) choose(next);
  };
  return (
    <details className="register-tool">
      <summary>{t('register.columnsChooser.summary', { count: shown.length })}</summary>
      <fieldset className="register-tool__panel register-columns">
        <legend className="visually-hidden">{t('register.columnsChooser.legend')}</legend>
        {COLUMN_IDS.map((c) => (
          <label key={c} htmlFor={`${id}-${c}`} className="register-columns__choice">
            <input
              id={`${id}-${c}`}
              type="checkbox"
              checked={shown.includes(c)}
              disabled={shown.length === 1 && shown.includes(c)}
              onChange={(e) => toggle(c, e.target.checked)}
            />
            {t(`register.columns.${c}`)}
          </label>
        ))}
        <button type="button" className="link-button" onClick={() => choose([...DEFAULT_COLUMNS])}>
          {t('register.columnsChooser.reset')}
        </button>
      </fieldset>
    </details>
  );
}
