import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '../../auth/api/get-me.ts';
import '../evaluations.css';

/**
 * The evaluation desk for staff (`/staff/evaluations`): the live evaluation and publication, scoring
 * methods, rechecks. Any signed-in staff member reads them (evaluation.read); the writes show only to
 * those who hold their policy, and the server checks again.
 */
export function DeskLayout() {
  const { t } = useTranslation();
  const can = useMe().data?.can ?? {};
  return (
    <div className="eval-desk">
      <nav className="eval-desk__nav" aria-label={t('evaluationDesk.navLabel')}>
        <ul>
          <li>
            <NavLink to="/staff/evaluations" end>
              {t('evaluationDesk.tabs.live')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/staff/evaluations/methods">{t('evaluationDesk.tabs.methods')}</NavLink>
          </li>
          <li>
            <NavLink to="/staff/evaluations/rechecks">
              {can['evaluation.recheck.answer']
                ? t('evaluationDesk.tabs.rechecksAnswer')
                : t('evaluationDesk.tabs.rechecks')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/evaluations">{t('evaluationDesk.tabs.public')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
