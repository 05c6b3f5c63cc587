import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, and the browser tab's title ("Title · platform"). */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.shortName')}`;
  }, [title, t]);
  return (
    <h1 tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
