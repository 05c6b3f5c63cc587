import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import type { Explanation, ReportingFigures, ScoreComponent, TaskFigures } from '../api/get-evaluations.ts';
import { useEvalFormat } from './use-eval-format.ts';

/**
 * A score opened into its parts, shared by the agency page, a head's scorecard and the live view: the
 * figures by role, the components table, and below each component the tasks, reports and bottlenecks
 * that made it (tasks linked to their pages).
 */
export function ScoreBreakdown({
  explanation: ex,
  headingId,
}: {
  explanation: Explanation;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const fallbackId = useId();
  const id = headingId ?? fallbackId;
  const sum = ex.components.reduce((s, c) => s + c.points, 0);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{t('evaluation.componentsTitle')}</h2>
      {ex.score === null ? (
        <p>{t('evaluation.nothingToScore')}</p>
      ) : (
        <p>
          {t('evaluation.componentsIntro', {
            applicable: f.number(ex.applicableWeight),
            sum: f.score(Math.round(sum * 100) / 100),
            score: f.score(ex.score),
          })}
        </p>
      )}
      <ComponentsTable components={ex.components} />
      {ex.components.map((c) => (
        <ComponentDetail key={c.criterion} component={c} />
      ))}
    </section>
  );
}

/** The four counts and rates of the lead and partner roles side by side, and reporting when known. */
export function FiguresTable({
  lead,
  partner,
  reporting,
  caption,
}: {
  lead: TaskFigures;
  partner?: TaskFigures;
  reporting?: ReportingFigures;
  caption?: string;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const rows = [
    ['completedOnTime', (x: TaskFigures) => f.number(x.completedOnTime)],
    ['completedLate', (x: TaskFigures) => f.number(x.completedLate)],
    ['openWithinDeadline', (x: TaskFigures) => f.number(x.openWithinDeadline)],
    ['openOverdue', (x: TaskFigures) => f.number(x.openOverdue)],
    ['completionRate', (x: TaskFigures) => f.percent(x.completionRate)],
    ['onTimeRate', (x: TaskFigures) => f.percent(x.onTimeRate)],
    ['lateness', (x: TaskFigures) => f.days(x.averageLatenessWorkingDays)],
  ] as const;
  return (
    <section className="section card">
      <table className="data-table eval-figures">
        <caption>{caption ?? t('evaluation.figuresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.figure')}</th>
            <th scope="col" className="num">
              {t('evaluation.role.lead')}
            </th>
            {partner && (
              <th scope="col" className="num">
                {t('evaluation.role.partner')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{t(`evaluation.col.${key}`)}</th>
              <td className="num">{value(lead)}</td>
              {partner && <td className="num">{value(partner)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {reporting && (
        <p className="eval-figures__reporting">
          {t('evaluation.reportingLine', {
            expected: f.number(reporting.expected),
            submitted: f.number(reporting.submitted),
            onTime: f.number(reporting.onTime),
            rate: f.percent(reporting.reportingRate),
          })}
        </p>
      )}
    </section>
  );
}

export function ComponentsTable({ components }: { components: ScoreComponent[] }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  return (
    <table className="data-table eval-components">
      <caption className="visually-hidden">{t('evaluation.componentsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluation.criterion')}</th>
          <th scope="col" className="num">
            {t('evaluation.weight')}
          </th>
          <th scope="col" className="num">
            {t('evaluation.fraction')}
          </th>
          <th scope="col" className="num">
            {t('evaluation.points')}
          </th>
        </tr>
      </thead>
      <tbody>
        {components.map((c) => (
          <tr key={c.criterion} className={c.applicable ? undefined : 'eval-components__na'}>
            <th scope="row">
              <a href={`#c-${c.criterion}`}>{t(`evaluation.criteria.${c.criterion}`)}</a>
            </th>
            <td className="num">{c.kind === 'penalty' ? `−${f.number(c.weight)}` : f.number(c.weight)}</td>
            <td className="num">
              {c.applicable
                ? `${f.number(c.numerator)} / ${f.number(c.denominator)}`
                : t('evaluation.notApplicable')}
            </td>
            <td className="num">{c.applicable ? f.signed(c.points) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComponentDetail({ component: c }: { component: ScoreComponent }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  const tasks = c.tasks ?? [];
  const reports = c.reports ?? [];
  const bottlenecks = c.bottlenecks ?? [];
  const name = t(`evaluation.criteria.${c.criterion}`);
  return (
    <section className="card eval-component" id={`c-${c.criterion}`} aria-labelledby={id}>
      <h3 id={id}>
        {name}{' '}
        <span className="count">({c.applicable ? f.signed(c.points) : t('evaluation.notApplicable')})</span>
      </h3>
      <p className="muted">{t(`evaluation.ratios.${c.criterion}`)}</p>
      {c.applicable && (
        <p>
          {c.kind === 'penalty'
            ? t('evaluation.penaltyWorking', {
                weight: f.number(c.weight),
                num: f.number(c.numerator),
                den: f.number(c.denominator),
                points: f.signed(c.points),
              })
            : t('evaluation.weightWorking', {
                weight: f.number(c.weight),
                num: f.number(c.numerator),
                den: f.number(c.denominator),
                points: f.signed(c.points),
              })}
        </p>
      )}
      {!c.applicable && <p>{t('evaluation.notApplicableWhy')}</p>}
      {tasks.length > 0 && (
        <table className="data-table eval-tasks">
          <caption className="visually-hidden">{t('evaluation.tasksOf', { criterion: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.task')}</th>
              <th scope="col">{t('evaluation.roleCol')}</th>
              <th scope="col">{t('evaluation.status')}</th>
              <th scope="col" className="num">
                {t('evaluation.latenessShort')}
              </th>
              <th scope="col" className="num wide-only">
                {t('evaluation.share')}
              </th>
              <th scope="col" className="wide-only">
                {t('evaluation.counted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={`${task.taskId}:${task.role}:${task.occurrence ?? ''}`}>
                <th scope="row">
                  <Link to={`/tasks/${task.taskId}`}>{task.taskCode}</Link>
                  {task.occurrence && <span className="muted"> ({task.occurrence})</span>}
                </th>
                <td>{t(`evaluation.role.${task.role}`)}</td>
                <td>
                  <span className={`status status--${task.statusClass}`}>
                    {t(`evaluation.statusClass.${task.statusClass}`)}
                  </span>
                </td>
                <td className="num">{f.number(task.latenessWorkingDays)}</td>
                <td className="num wide-only">{f.number(task.share)}</td>
                <td className="wide-only">
                  {task.inNumerator ? t('evaluation.inNumerator') : t('evaluation.inDenominator')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reports.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('evaluation.reportsOf', { criterion: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.reportPeriod')}</th>
              <th scope="col">{t('evaluation.dueOn')}</th>
              <th scope="col" className="num">
                {t('evaluation.expected')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.submitted')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.onTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={`${r.period}:${r.dueOn}`}>
                <th scope="row">{r.period}</th>
                <td>{formatDate(r.dueOn)}</td>
                <td className="num">{f.number(r.expected)}</td>
                <td className="num">{f.number(r.submitted)}</td>
                <td className="num">{f.number(r.onTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {bottlenecks.length > 0 && (
        <ul>
          {bottlenecks.map((b) => (
            <li key={b.bottleneckId}>
              {t('evaluation.bottleneckLine', {
                raised: formatDate(b.raisedOn),
                cleared: b.clearedOn ? formatDate(b.clearedOn) : t('evaluation.notCleared'),
              })}
              {b.taskId !== null && (
                <>
                  {' '}
                  <Link to={`/tasks/${b.taskId}`}>{t('evaluation.task')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.applicable && tasks.length === 0 && reports.length === 0 && bottlenecks.length === 0 && (
        <p className="muted">{t('evaluation.noItems')}</p>
      )}
    </section>
  );
}
