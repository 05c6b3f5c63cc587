import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format.ts';

/** 'd/m/yyyy' or 'dd/mm/yyyy' → 'YYYY-MM-DD'; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's locale (a native date field shows mm/dd/yyyy
 * in an English-US browser). The value is applied when the field is left or Enter is pressed.
 */
export function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (isoDate: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatDate(value));
    setInvalid(false);
  }, [value]);

  const apply = () => {
    if (text.trim() === '') {
      setInvalid(false);
      if (value) onChange('');
      return;
    }
    const parsed = parseDate(text);
    setInvalid(parsed === null);
    if (parsed && parsed !== value) onChange(parsed);
  };

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="date-field">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
        {invalid && (
          <span id={`${id}-error`} className="field__error" role="alert">
            {t('date.invalid')}
          </span>
        )}
      </span>
    </>
  );
}
