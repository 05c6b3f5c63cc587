import type { TFunction } from 'i18next';

/** "2025-H1" → "6 tháng đầu năm 2025" / "First half of 2025"; the code as it is when it is not a period. */
export function periodName(t: TFunction, code: string): string {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(code);
  if (!m) return code;
  const year = m[1];
  const part = m[2];
  if (!part) return t('evaluation.periodYear', { year });
  if (part.startsWith('H')) return t(`evaluation.periodHalf${part[1]}`, { year });
  if (part.startsWith('Q')) return t('evaluation.periodQuarter', { year, quarter: part[1] });
  return t('evaluation.periodMonth', { year, month: Number(part) });
}
