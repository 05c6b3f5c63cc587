import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

/** Scores, rates, lateness and changes in the reader's language; an empty denominator is "–", never 0 %. */
export function useEvalFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const number = (value: number) => formatNumber(value, language);
  const score = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '–'
      : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }).format(value);
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '–'
      : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
          style: 'percent',
          maximumFractionDigits: 2,
        }).format(value);
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : number(value);
  const signed = (value: number) =>
    value > 0 ? `+${number(value)}` : value < 0 ? `−${number(-value)}` : '0';
  return { number, score, percent, days, signed, language };
}
