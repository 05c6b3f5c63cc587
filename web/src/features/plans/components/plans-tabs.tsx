import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The two views of plans: the plans themselves, and what is missing from them. */
export function PlansTabs({ current }: { current: 'plans' | 'gaps' }) {
  const { t } = useTranslation();
  return (
    <nav className="plans-tabs" aria-label={t('plans.tabsLabel')}>
      <Link to="/plans" aria-current={current === 'plans' ? 'page' : undefined}>
        {t('plans.tabs.plans')}
      </Link>
      <Link to="/plans/gaps" aria-current={current === 'gaps' ? 'page' : undefined}>
        {t('plans.tabs.gaps')}
      </Link>
    </nav>
  );
}
