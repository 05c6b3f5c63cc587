import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * "How is this score computed?": every evaluation screen links to the method a score was computed with
 * (a snapshot's #method section, or the public page of a method version).
 */
export function HowComputedLink({ to, context }: { to: string; context?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="eval-how">
      {t('evaluation.howTitle')}
      {/* Where a list repeats the link, screen readers hear which one it is. */}
      {context && <span className="visually-hidden"> ({context})</span>}
    </Link>
  );
}
