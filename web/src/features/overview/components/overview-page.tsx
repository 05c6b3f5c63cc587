import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDate } from '../../../lib/format.ts';
import { useGroupTitle } from '../../program/components/group-title.ts';
import { taskListHref } from '../../tasks/task-search.ts';
import { type Overview, useOverview } from '../api/get-overview.ts';
import { DeadlineChart } from './deadline-chart.tsx';

export function OverviewPage() {
  const overview = useOverview();
  return <QueryState query={overview}>{(data) => <OverviewView overview={data} />}</QueryState>;
}

function OverviewView({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const number = useNumberFormat();
  const groupTitle = useGroupTitle();
  const { program, totals } = overview;
  const stats = [
    { key: 'tasks', value: totals.tasks, to: '/tasks' },
    { key: 'items', value: totals.items, to: '/program' },
    { key: 'indicatorGroups', value: totals.indicatorGroups, to: '/targets' },
    { key: 'targets', value: totals.targets, to: '/targets' },
    { key: 'agencies', value: totals.agencies, to: '/agencies' },
  ] as const;

  return (
    <div className="page page--wide">
      <section className="hero" aria-labelledby="program-title">
        <p className="hero__kicker">{t('overview.kicker')}</p>
        <PageTitle title={pick(program.nameVi, program.nameEn)} />
        <p className="hero__documents">
          {t('overview.documents', {
            documentNo: program.documentNo,
            date: formatDate(program.documentDate),
            replaces: program.replacesDocumentNo,
            parent: program.parentDocumentNo,
          })}
        </p>
        <ul className="stats">
          {stats.map((s) => (
            <li key={s.key}>
              <Link to={s.to} className="stat">
                <span className="stat__value">{number(s.value)}</span>
                <span className="stat__label">{t(`overview.totals.${s.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="groups-title" className="section">
        <h2 id="groups-title">{t('overview.groupsTitle')}</h2>
        <ol className="group-list">
          {overview.groups.map((group) => (
            <li key={group.no}>
              <Link to={taskListHref({ group: String(group.no) })} className="group-card">
                <span className="group-card__no">{group.no}</span>
                <span className="group-card__title">{groupTitle(group)}</span>
                <span className="group-card__count">
                  {t('overview.groupTasks', { count: group.taskCount, n: number(group.taskCount) })}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <div className="columns">
        <section aria-labelledby="deadlines-title" className="section card">
          <h2 id="deadlines-title">{t('overview.deadlinesTitle')}</h2>
          <DeadlineChart quarters={overview.deadlinesByQuarter} kinds={overview.deadlineKinds} />
        </section>

        <section aria-labelledby="agencies-title" className="section card">
          <h2 id="agencies-title">{t('overview.topAgenciesTitle')}</h2>
          <table className="data-table">
            <caption className="visually-hidden">{t('overview.topAgenciesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col" className="num">
                  {t('agencies.leadCount')}
                </th>
                <th scope="col" className="num">
                  {t('agencies.partnerCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.topAgencies.map((agency) => (
                <tr key={agency.code}>
                  <th scope="row">
                    <Link to={`/agencies/${agency.code}`}>{pick(agency.nameVi, agency.nameEn)}</Link>
                  </th>
                  <td className="num">
                    <Link
                      to={taskListHref({ lead: agency.code })}
                      aria-label={t('overview.leadTasksOf', { count: agency.leadCount })}
                    >
                      {number(agency.leadCount)}
                    </Link>
                  </td>
                  <td className="num">{number(agency.partnerCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('overview.collectivesTitle')}</h3>
          <p className="muted">{t('overview.collectivesIntro')}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('overview.collectivesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.collective')}</th>
                <th scope="col" className="num">
                  {t('agencies.leadCount')}
                </th>
                <th scope="col" className="num">
                  {t('agencies.partnerCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...new Set(overview.collectives.map((c) => c.collective))].map((collective) => {
                const count = (role: string) =>
                  overview.collectives.find((c) => c.collective === collective && c.role === role)?.count ??
                  0;
                return (
                  <tr key={collective}>
                    <th scope="row">{t(`collective.${collective}`)}</th>
                    <td className="num">
                      <Link to={taskListHref({ lead: collective })}>{number(count('lead'))}</Link>
                    </td>
                    <td className="num">{number(count('partner'))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
