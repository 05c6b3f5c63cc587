import { useTranslation } from 'react-i18next';

/** A task group's title in the reader's language; the Vietnamese title when no English one exists. */
export function useGroupTitle() {
  const { i18n } = useTranslation();
  return (group: { titleVi: string; titleEn: string | null }) =>
    i18n.resolvedLanguage === 'en' && group.titleEn ? group.titleEn : group.titleVi;
}
