import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.ts';

/** Formats numbers for the current language (1.234 in Vietnamese, 1,234 in English). */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (value: number) => formatNumber(value, language);
}
