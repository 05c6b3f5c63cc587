import { useTranslation } from 'react-i18next';
import { periodsUpTo, vietnamToday } from '../periods.ts';
import { periodName } from './period-name.ts';

export function PeriodSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const years = periodsUpTo(vietnamToday());
  // A period from the address that the list does not offer (before 2025) is still shown as chosen.
  const listed = years.some((y) => y.codes.includes(value));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {!listed && <option value={value}>{periodName(t, value)}</option>}
      {years.map(({ year, codes }) => (
        <optgroup key={year} label={String(year)}>
          {codes.map((code) => (
            <option key={code} value={code}>
              {periodName(t, code)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
