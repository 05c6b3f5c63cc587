import { useTranslation } from 'react-i18next';
import '../reporting-rates.css';

/** Demo mode's illustrative data says so wherever it shows: "Minh hoạ" / "Illustrative". */
export function IllustrativeLabel() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--illustrative" title={t('illustrative.hint')} data-testid="illustrative">
      {t('illustrative.label')}
    </span>
  );
}
