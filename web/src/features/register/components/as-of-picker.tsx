import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';

/** Choose a past date to read the register as it stood at the end of that day (Viet Nam time). */
export function AsOfPicker({ at, onChange }: { at: string; onChange: (at: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(at);
  return (
    <details className="register-tool" open={Boolean(at) || undefined}>
      <summary>{t('register.asOf.summary')}</summary>
      <form
        className="register-tool__panel register-as-of__form"
        onSubmit={(e) => {
          e.preventDefault();
          onChange(date);
        }}
      >
        <p className="field__hint">{t('register.asOf.hint')}</p>
        <DateField label={t('register.asOf.date')} value={date} onChange={setDate} />
        <div className="register-as-of__buttons">
          <button type="submit" className="button" disabled={!date}>
            {t('register.asOf.show')}
          </button>
        </div>
      </form>
    </details>
  );
}
