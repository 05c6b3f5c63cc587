import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/register-import.ts';

/** Downloads of the register and the tracking ledger (sổ theo dõi) in the appendix's columns. */
export function ExportPanel() {
  const { t } = useTranslation();
  const kinds = ['register', 'ledger'] as const;
  return (
    <section className="card section" aria-labelledby="export-title">
      <h2 id="export-title">{t('registerIo.export.title')}</h2>
      <p className="field__hint">{t('registerIo.export.intro')}</p>
      <ul className="register-io-downloads">
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="register-io-downloads__name">{t(`registerIo.export.${kind}`)}</span>
            {(['xlsx', 'csv'] as const).map((format) => (
              <a
                key={format}
                className="button button--secondary"
                href={exportUrl(kind, format)}
                download
                aria-label={t('registerIo.export.download', {
                  what: t(`registerIo.export.${kind}`),
                  format: format.toUpperCase(),
                })}
              >
                .{format}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
