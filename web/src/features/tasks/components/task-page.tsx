import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { useGroupTitle } from '../../program/components/group-title.ts';
import { TaskReportedStatus } from '../../reporting-rates/components/reported-status.tsx';
import { TaskTargets } from '../../targets/components/task-targets.tsx';
import { type FiveR, type TaskDetail, useTask } from '../api/get-task.ts';
import { AgencyList } from './agency-label.tsx';

export function TaskPage() {
  const { id } = useParams();
  const task = useTask(Number(id));
  return <QueryState query={task}>{(data) => <TaskView task={data} />}</QueryState>;
}

/** One of the 5 rõ: whether the task states it, and what it says. */
function FiveRItem({ part, ok, children }: { part: keyof FiveR; ok: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`five-r__item five-r__item--${ok ? 'ok' : 'missing'}`}>
      <h3 className="five-r__heading">
        <span className="five-r__mark" aria-hidden="true">
          {ok ? '✓' : '!'}
        </span>
        <span>{t(`fiveR.${part}.title`)}</span>
        <span className={`badge ${ok ? 'badge--ok' : 'badge--warn'}`}>
          {ok ? t('fiveR.present') : t('fiveR.missing')}
        </span>
      </h3>
      <p className="five-r__question">{t(`fiveR.${part}.question`)}</p>
      <div className="five-r__body">{children}</div>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const groupTitle = useGroupTitle();
  const missing = (Object.keys(task.fiveR) as (keyof FiveR)[]).filter((part) => !task.fiveR[part]);
  const none = <span className="muted">{t('common.notStated')}</span>;
  const canManage = useCan('register.manage');

  return (
    <article className="page">
      <p className="breadcrumb">
        <Link to="/tasks">{t('nav.tasks')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/tasks?group=${task.group.no}`}>{t('group.short', { no: task.group.no })}</Link>
      </p>
      <PageTitle title={t('task.title', { code: task.code })} />
      {canManage && (
        <p className="notice">
          <Link to={`/register/tasks/${task.id}`}>{t('register.publicTaskLink')}</Link>
        </p>
      )}
      <p className="task-content" lang="vi">
        {task.contentVi}
      </p>
      <TaskReportedStatus taskId={task.id} />

      <section aria-labelledby="five-r-title" className="card">
        <h2 id="five-r-title">{t('fiveR.title')}</h2>
        <p className={missing.length ? 'notice notice--warn' : 'notice notice--ok'}>
          {missing.length
            ? t('fiveR.summaryMissing', {
                count: missing.length,
                parts: missing.map((part) => t(`fiveR.${part}.title`)).join(', '),
              })
            : t('fiveR.summaryComplete')}
        </p>
        <ol className="five-r">
          <FiveRItem part="who" ok={task.fiveR.who}>
            <dl className="facts">
              <Fact label={t('task.leads')}>
                <AgencyList agencies={task.leads} />
              </Fact>
              <Fact label={t('task.partners')}>
                <AgencyList agencies={task.partners} />
              </Fact>
              <Fact label={t('task.leadAsWritten')}>{task.leadAsWritten ?? none}</Fact>
              <Fact label={t('task.partnersAsWritten')}>{task.partnersAsWritten ?? none}</Fact>
            </dl>
          </FiveRItem>
          <FiveRItem part="what" ok={task.fiveR.what}>
            <dl className="facts">
              <Fact label={t('task.content')}>
                <span lang="vi">{task.contentVi}</span>
              </Fact>
              <Fact label={t('task.code')}>{task.code}</Fact>
              <Fact label={t('task.group')}>
                <Link to={`/tasks?group=${task.group.no}`}>
                  {t('group.short', { no: task.group.no })}: {groupTitle(task.group)}
                </Link>
              </Fact>
            </dl>
          </FiveRItem>
          <FiveRItem part="responsibility" ok={task.fiveR.responsibility}>
            <p>{t('fiveR.responsibility.explain')}</p>
            <dl className="facts">
              <Fact label={t('task.leadRole')}>
                <AgencyList agencies={task.leads} />
              </Fact>
              <Fact label={t('task.partnerRole')}>
                <AgencyList agencies={task.partners} />
              </Fact>
            </dl>
          </FiveRItem>
          <FiveRItem part="when" ok={task.fiveR.when}>
            <dl className="facts">
              <Fact label={t('task.deadlineAsWritten')}>{task.deadlineAsWritten ?? none}</Fact>
              <Fact label={t('task.dueDate')}>{task.dueDate ? formatDate(task.dueDate) : none}</Fact>
              <Fact label={t('task.recurrence')}>{t(`recurrence.${task.recurrence ?? 'none'}`)}</Fact>
              <Fact label={t('task.deadlineRule')}>
                {task.deadlineRule ? (
                  <>
                    {t(`deadlineRule.${task.deadlineRule}`, { defaultValue: task.deadlineRule })}{' '}
                    <code className="muted">({task.deadlineRule})</code>
                  </>
                ) : (
                  <span className="badge badge--warn">{t('task.noRule')}</span>
                )}
              </Fact>
            </dl>
          </FiveRItem>
          <FiveRItem part="result" ok={task.fiveR.result}>
            <dl className="facts">
              <Fact label={t('task.productAsWritten')}>{task.productAsWritten ?? none}</Fact>
              <Fact label={t('task.productType')}>
                {task.productType ? t(`productType.${task.productType}`) : none}
              </Fact>
            </dl>
          </FiveRItem>
        </ol>
      </section>

      <TaskTargets taskId={task.id} />

      <section aria-labelledby="source-title" className="card">
        <h2 id="source-title">{t('task.source')}</h2>
        <dl className="facts">
          <Fact label={t('task.sourceProgram')}>{task.source.program}</Fact>
          <Fact label={t('task.sourceDocument')}>{task.source.document ?? none}</Fact>
          <Fact label={t('task.sourceRow')}>{task.source.row ?? none}</Fact>
        </dl>
        <p className="muted">
          {t('task.sourceNote')} <Link to="/data">{t('footer.dataLink')}</Link>
        </p>
      </section>
    </article>
  );
}
