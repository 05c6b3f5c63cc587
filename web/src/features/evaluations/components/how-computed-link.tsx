import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * "How is this score computed?": every evaluation screen links to the method a score was computed with
 * (a snapshot's #method section, or the public page of a method version).
 */
export function HowComputedLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="eval-how">
      {t('evaluation.howTitle')}
    </Link>
  );
}
