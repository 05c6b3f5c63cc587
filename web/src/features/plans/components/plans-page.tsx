import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDate } from '../../../lib/format.ts';
import { orgUnitsQuery } from '../../admin/api/orgs.ts';
import { useMe } from '../../auth/api/get-me.ts';
import { usePlans } from '../api/plans.ts';
import { PLAN_AGENCY_KINDS } from '../plan-access.ts';
import { PlansTabs } from './plans-tabs.tsx';
import '../plans.css';

/** Agencies' plans with their item counts, the way to any agency's plan, and one's own. */
export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const number = useNumberFormat();
  const plans = usePlans();
  const me = useMe().data;
  const agencies = useQuery(orgUnitsQuery({ kinds: PLAN_AGENCY_KINDS }));
  const ownIds = new Set(
    (me?.roles ?? [])
      .filter((r) => r.role === 'focal_officer' || r.role === 'agency_head')
      .map((r) => r.orgUnitId),
  );
  const own = (agencies.data?.items ?? []).filter((a) => ownIds.has(a.id));
  return (
    <div className="page page--wide plans">
      <PageTitle title={t('plans.title')} />
      <p className="lead">{t('plans.intro')}</p>
      <PlansTabs current="plans" />
      {own.length > 0 && (
        <ul className="plans-own">
          {own.map((a) => (
            <li key={a.code}>
              <Link className="button" to={`/plans/${a.code}`}>
                {t('plans.ownPlan', { agency: a.nameVi })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="card plans-open">
        <OrgUnitSelect
          label={t('plans.openAgency')}
          value=""
          kinds={PLAN_AGENCY_KINDS}
          onChange={(unit) => unit && navigate(`/plans/${unit.code}`)}
        />
      </div>
      <QueryState query={plans}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty-state">{t('plans.none')}</p>
          ) : (
            <table className="data-table plans-table">
              <caption className="visually-hidden">{t('plans.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.columns.agency')}</th>
                  <th scope="col" className="num">
                    {t('plans.columns.items')}
                  </th>
                  <th scope="col" className="plans-table__wide">
                    {t('plans.columns.created')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/plans/${p.agencyCode}`}>{p.agencyNameVi}</Link>
                      <span className="plans-table__title">{p.titleVi}</span>
                    </th>
                    <td className="num">{number(p.items)}</td>
                    <td className="plans-table__wide">{formatDate(p.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </div>
  );
}
