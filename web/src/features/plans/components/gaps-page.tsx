import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { foldText } from '../../../lib/text.ts';
import { gapsByAgencyQuery, gapsByTaskQuery } from '../api/plans.ts';
import { PlansTabs } from './plans-tabs.tsx';
import '../plans.css';

/**
 * Gaps: Program tasks given to "all ministries" / "all provinces" for which an agency has no plan item,
 * per agency or per task.
 */
export function GapsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The choice shows at once; the address follows it (a link to the view keeps it).
  const [by, setBy] = useState<'agency' | 'task'>(params.get('by') === 'task' ? 'task' : 'agency');
  const [filter, setFilter] = useState('');
  return (
    <div className="page page--wide plans">
      <PageTitle title={t('plans.gaps.title')} />
      <p className="lead">{t('plans.gaps.intro')}</p>
      <PlansTabs current="gaps" />
      <fieldset className="plans-gaps-view">
        <legend className="field__label">{t('plans.gaps.view')}</legend>
        {(['agency', 'task'] as const).map((v) => (
          <label key={v}>
            <input
              type="radio"
              name="gaps-by"
              checked={by === v}
              onChange={() => {
                setBy(v);
                setParams(v === 'task' ? { by: 'task' } : {}, { replace: true });
              }}
            />{' '}
            {t(`plans.gaps.by.${v}`)}
          </label>
        ))}
      </fieldset>
      <div className="field plans-gaps-filter">
        <label className="field__label" htmlFor="gaps-filter">
          {t('plans.gaps.filter')}
        </label>
        <input id="gaps-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {by === 'agency' ? <ByAgency filter={foldText(filter)} /> : <ByTask filter={foldText(filter)} />}
    </div>
  );
}

function ByAgency({ filter }: { filter: string }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const gaps = useQuery(gapsByAgencyQuery());
  return (
    <QueryState query={gaps}>
      {(data) => {
        const shown = data.items.filter(
          (a) =>
            !filter || foldText(a.agencyNameVi).includes(filter) || foldText(a.agencyCode).includes(filter),
        );
        const total = data.items.reduce((n, a) => n + a.tasks.length, 0);
        return (
          <>
            <p className="results__count" role="status">
              {t('plans.gaps.agencyCount', { agencies: number(data.items.length), gaps: number(total) })}
            </p>
            {shown.length === 0 ? (
              <p className="empty-state">{t('plans.gaps.none')}</p>
            ) : (
              <ul className="plans-gaps" aria-label={t('plans.gaps.by.agency')}>
                {shown.map((a) => (
                  <li key={a.agencyCode} className="card" data-testid={`gap-agency-${a.agencyCode}`}>
                    <details>
                      <summary>
                        <Link to={`/plans/${a.agencyCode}`}>{a.agencyNameVi}</Link>{' '}
                        <span className="badge badge--warn">
                          {t('plans.gaps.tasks', { count: a.tasks.length })}
                        </span>
                      </summary>
                      <ul className="plans-gaps__list">
                        {a.tasks.map((task) => (
                          <li key={task.taskId}>
                            <span className="tag tag--code">{task.taskCode}</span>{' '}
                            <span className="tag">{t(`collective.${task.collective}`)}</span>{' '}
                            {task.taskContentVi}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function ByTask({ filter }: { filter: string }) {
  const { t } = useTranslation();
  const gaps = useQuery(gapsByTaskQuery());
  return (
    <QueryState query={gaps}>
      {(data) => {
        const shown = data.items.filter(
          (g) =>
            !filter ||
            foldText(`${g.taskCode} ${g.taskContentVi}`).includes(filter) ||
            g.agencies.some((a) => foldText(a.agencyNameVi).includes(filter)),
        );
        return (
          <>
            <p className="results__count" role="status">
              {t('plans.gaps.taskCount', { count: data.items.length })}
            </p>
            {shown.length === 0 ? (
              <p className="empty-state">{t('plans.gaps.none')}</p>
            ) : (
              <ul className="plans-gaps" aria-label={t('plans.gaps.by.task')}>
                {shown.map((g) => (
                  <li key={g.taskId} className="card" data-testid={`gap-task-${g.taskCode}`}>
                    <p className="plans-gaps__task">
                      <span className="tag tag--code">{g.taskCode}</span>{' '}
                      <span className="tag">{t(`collective.${g.collective}`)}</span> {g.taskContentVi}
                    </p>
                    <details>
                      <summary>{t('plans.gaps.agencies', { count: g.agencies.length })}</summary>
                      <ul className="plans-gaps__agencies">
                        {g.agencies.map((a) => (
                          <li key={a.agencyCode}>
                            <Link to={`/plans/${a.agencyCode}`}>{a.agencyNameVi}</Link>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
