import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Data with an English version (names of bodies, group titles) shows it in English; Vietnamese
 * otherwise, and Vietnamese whenever no English exists.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const pick = useCallback(
    (vi: string, en: string | null | undefined) => (english && en ? en : vi),
    [english],
  );
  return { english, pick };
}
