import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDate } from '../../../lib/format.ts';
import { AgencyReportedStatus } from '../../reporting-rates/components/reported-status.tsx';
import type { TaskSummary } from '../../tasks/api/get-tasks.ts';
import { TaskResults } from '../../tasks/components/task-results.tsx';
import { taskListHref } from '../../tasks/task-search.ts';
import { type AgencyDetail, useAgency } from '../api/get-agency.ts';

export function AgencyPage() {
  const { code = '' } = useParams();
  const agency = useAgency(code);
  return <QueryState query={agency}>{(data) => <AgencyView agency={data} />}</QueryState>;
}

function TaskSection({ title, intro, tasks }: { title: string; intro: string; tasks: TaskSummary[] }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({number(tasks.length)})</span>
      </h2>
      <p className="muted">{intro}</p>
      {tasks.length === 0 ? <p>{t('agency.noTasks')}</p> : <TaskResults tasks={tasks} caption={title} />}
    </section>
  );
}

function AgencyView({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  const { english, pick } = useLocalized();
  const name = pick(agency.nameVi, agency.nameEn);
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/agencies">{t('nav.agencies')}</Link>
      </p>
      <PageTitle title={name} />
      <dl className="facts card">
        <dt>{t('agencies.kind')}</dt>
        <dd>{t(`agencyKind.${agency.kind}`)}</dd>
        <dt>{english ? t('agency.nameVi') : t('agency.nameEn')}</dt>
        <dd lang={english ? 'vi' : 'en'}>{english ? agency.nameVi : (agency.nameEn ?? '—')}</dd>
        <dt>{t('agency.code')}</dt>
        <dd>{agency.code}</dd>
        {agency.validFrom && (
          <>
            <dt>{t('agency.validFrom')}</dt>
            <dd>{formatDate(agency.validFrom)}</dd>
          </>
        )}
        {agency.source && (
          <>
            <dt>{t('agency.source')}</dt>
            <dd>{agency.source}</dd>
          </>
        )}
        <dt>{t('agency.formerNames')}</dt>
        <dd>
          {agency.formerNames.length === 0 ? (
            <span className="muted">{t('common.none')}</span>
          ) : (
            <ul className="former-names">
              {agency.formerNames.map((former) => (
                <li key={former.name}>
                  <span lang="vi">{former.name}</span>{' '}
                  <span className="tag">{t(`aliasKind.${former.kind}`, { defaultValue: former.kind })}</span>
                  {former.note && <span className="muted"> — {former.note}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <AgencyReportedStatus agencyId={agency.id} />
      {agency.leadTasks.length > 0 && (
        <p>
          <Link to={taskListHref({ lead: agency.code })}>{t('agency.filterTasks')}</Link>
        </p>
      )}
      <TaskSection
        title={t('agency.leadTasks')}
        intro={t('agency.leadTasksIntro')}
        tasks={agency.leadTasks}
      />
      <TaskSection
        title={t('agency.partnerTasks')}
        intro={t('agency.partnerTasksIntro')}
        tasks={agency.partnerTasks}
      />
      <TaskSection
        title={t('agency.collectiveTasks')}
        intro={t('agency.collectiveTasksIntro')}
        tasks={agency.collectiveTasks}
      />
    </div>
  );
}
