import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNumberFormat } from '../../../components/use-number.ts';
import { quarterRange } from '../../../lib/format.ts';
import { taskListHref } from '../../tasks/task-search.ts';
import type { Overview } from '../api/get-overview.ts';

/** Every quarter from the first to the last that has tasks, empty ones included, so the axis is true to time. */
function quarterAxis(quarters: Overview['deadlinesByQuarter']) {
  if (quarters.length === 0) return [];
  const index = (q: { year: number; quarter: number }) => q.year * 4 + q.quarter - 1;
  const counts = new Map(quarters.map((q) => [index(q), q.count]));
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    year: Math.floor((first + i) / 4),
    quarter: ((first + i) % 4) + 1,
    count: counts.get(first + i) ?? 0,
  }));
}

/**
 * Tasks due per quarter as bars, with the same numbers in a table for screen readers and anyone who
 * prefers figures. Recurring ("Hằng năm", "Thường xuyên") and undated tasks have no quarter, so they
 * are counted beside the chart, never spread over it.
 */
export function DeadlineChart({
  quarters,
  kinds,
}: {
  quarters: Overview['deadlinesByQuarter'];
  kinds: Overview['deadlineKinds'];
}) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const id = useId();
  const max = Math.max(1, ...quarters.map((q) => q.count));
  const axis = quarterAxis(quarters);
  const label = (q: { year: number; quarter: number }) =>
    t('overview.quarter', { quarter: q.quarter, year: q.year });
  const dated = quarters.reduce((n, q) => n + q.count, 0);

  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {t('overview.deadlinesCaption', { count: dated, n: number(dated) })}
      </figcaption>
      <div className="bar-chart" aria-hidden="true">
        {axis.map((q) => (
          <div
            key={`${q.year}-${q.quarter}`}
            className={`bar-chart__column${q.quarter === 1 ? ' bar-chart__column--year' : ''}`}
          >
            <span className="bar-chart__value">{q.count > 0 ? number(q.count) : ''}</span>
            <span className="bar-chart__bar" style={{ height: `${(q.count / max) * 100}%` }} />
            <span className="bar-chart__label">{t('overview.quarterShort', { quarter: q.quarter })}</span>
            {(q.quarter === 1 || q === axis[0]) && <span className="bar-chart__year">{q.year}</span>}
          </div>
        ))}
      </div>
      <details className="chart__table">
        <summary>{t('overview.showTable')}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{t('overview.deadlinesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.period')}</th>
              <th scope="col" className="num">
                {t('overview.taskCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => {
              const range = quarterRange(q.year, q.quarter);
              return (
                <tr key={`${q.year}-${q.quarter}`}>
                  <th scope="row">{label(q)}</th>
                  <td className="num">
                    <Link to={taskListHref({ dueFrom: range.from, dueTo: range.to, sort: 'due_date' })}>
                      {number(q.count)}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <ul className="deadline-kinds">
        <li>
          <Link to={taskListHref({ recurrence: 'yearly' })}>
            <strong>{number(kinds.yearly)}</strong> {t('overview.kinds.yearly')}
          </Link>
        </li>
        <li>
          <Link to={taskListHref({ recurrence: 'ongoing' })}>
            <strong>{number(kinds.ongoing)}</strong> {t('overview.kinds.ongoing')}
          </Link>
        </li>
        <li>
          <strong>{number(kinds.undated)}</strong> {t('overview.kinds.undated')}
        </li>
      </ul>
    </figure>
  );
}
