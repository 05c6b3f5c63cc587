import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/get-meta.ts';

/** On every page when the server runs in demo mode: the data and the accounts are illustrative. */
export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return (
    <section className="demo-banner" aria-label={t('auth.demo.label')}>
      <p>{t('auth.demo.banner')}</p>
    </section>
  );
}
