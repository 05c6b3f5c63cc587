import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { ReminderSettingsSection } from '../../notifications/components/reminder-settings.tsx';
import {
  AGENCY_GROUPS,
  type AgencyGroup,
  groupOf,
  type RatesFilter,
  type ReportingRate,
  ratesFilterFromUrl,
  useRates,
  vietnamToday,
} from '../api/rates.ts';
import { IllustrativeLabel } from './illustrative-label.tsx';
import '../reporting-rates.css';

type Figures = Pick<ReportingRate, 'expected' | 'submitted' | 'onTime' | 'accepted' | 'illustrative'>;
const FIGURES = ['submitted', 'onTime', 'accepted'] as const;

const total = (rows: ReportingRate[]): Figures =>
  rows.reduce(
    (sum, r) => ({
      expected: sum.expected + r.expected,
      submitted: sum.submitted + r.submitted,
      onTime: sum.onTime + r.onTime,
      accepted: sum.accepted + r.accepted,
      illustrative: sum.illustrative + r.illustrative,
    }),
    { expected: 0, submitted: 0, onTime: 0, accepted: 0, illustrative: 0 },
  );

/**
 * Reporting measured (reports.read): per agency and period, how many reports were expected, submitted,
 * submitted on time and accepted, for a year and optionally one period, ministries and provinces apart.
 * The coordinator's reminder settings sit below: reminders are how these figures are moved.
 */
export function ReportingRatesPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(vietnamToday().slice(0, 4));
  const filter = ratesFilterFromUrl(params, thisYear);
  const rates = useRates(filter.year);
  const canConfigure = useCan('reminders.configure');
  const update = (patch: Partial<RatesFilter>) => {
    const next = { ...filter, ...patch };
    const out: Record<string, string> = { year: String(next.year) };
    if (next.period) out.period = next.period;
    if (next.group) out.group = next.group;
    setParams(out);
  };
  const periods = [...new Set((rates.data ?? []).map((r) => r.period))].sort();
  const shown = (rates.data ?? []).filter(
    (r) =>
      (!filter.period || r.period === filter.period) &&
      (!filter.group || groupOf(r.agencyKind) === filter.group),
  );
  const years = Array.from({ length: thisYear - 2025 + 2 }, (_, i) => 2025 + i);

  return (
    <div className="page page--wide reporting-rates">
      <PageTitle title={t('reportingRates.title')} />
      <p className="lead">{t('reportingRates.intro')}</p>
      <form className="filters filters--compact rates-filters" aria-label={t('reportingRates.filters.label')}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-year`}>
            {t('reportingRates.filters.year')}
          </label>
          <select
            id={`${id}-year`}
            value={filter.year}
            onChange={(e) => update({ year: Number(e.target.value), period: undefined })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            {t('reportingRates.filters.period')}
          </label>
          <select
            id={`${id}-period`}
            value={filter.period ?? ''}
            onChange={(e) => update({ period: e.target.value || undefined })}
          >
            <option value="">{t('reportingRates.filters.allPeriods')}</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-group`}>
            {t('reportingRates.filters.group')}
          </label>
          <select
            id={`${id}-group`}
            value={filter.group ?? ''}
            onChange={(e) => update({ group: (e.target.value || undefined) as AgencyGroup | undefined })}
          >
            <option value="">{t('reportingRates.filters.allGroups')}</option>
            {AGENCY_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`reportingRates.group.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {rates.isPending ? (
        <Loading />
      ) : rates.isError ? (
        <ErrorMessage error={rates.error} onRetry={() => void rates.refetch()} />
      ) : shown.length === 0 ? (
        <p className="notice">{t('reportingRates.empty')}</p>
      ) : (
        <>
          <Summary figures={total(shown)} />
          {AGENCY_GROUPS.map((g) => {
            const rows = shown.filter((r) => groupOf(r.agencyKind) === g);
            return rows.length ? <GroupTable key={g} group={g} rows={rows} /> : null;
          })}
        </>
      )}
      <p className="muted">{t('reportingRates.onTimeRule')}</p>
      {canConfigure && <ReminderSettingsSection />}
    </div>
  );
}

function Rate({ n, of }: { n: number; of: number }) {
  const number = useNumberFormat();
  return (
    <>
      {number(n)}
      {of > 0 && <span className="rate__pct"> ({number(Math.round((100 * n) / of))}%)</span>}
    </>
  );
}

function Summary({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  return (
    <dl className="rate-summary" data-testid="rate-summary">
      <div className="rate-summary__item">
        <dt>{t('reportingRates.figures.expected')}</dt>
        <dd>{number(figures.expected)}</dd>
      </div>
      {FIGURES.map((k) => (
        <div key={k} className="rate-summary__item">
          <dt>{t(`reportingRates.figures.${k}`)}</dt>
          <dd>
            <Rate n={figures[k]} of={figures.expected} />
          </dd>
        </div>
      ))}
      {figures.illustrative > 0 && (
        <div className="rate-summary__item rate-summary__item--note">
          <dt>
            <IllustrativeLabel />
          </dt>
          <dd>{t('reportingRates.illustrativeCount', { count: figures.illustrative })}</dd>
        </div>
      )}
    </dl>
  );
}

function GroupTable({ group, rows }: { group: AgencyGroup; rows: ReportingRate[] }) {
  const { t } = useTranslation();
  const id = useId();
  const sum = total(rows);
  const number = useNumberFormat();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{t(`reportingRates.group.${group}`)}</h2>
      <div className="table-scroll">
        <table className="data-table rates-table">
          <caption className="visually-hidden">{t(`reportingRates.group.${group}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reportingRates.figures.agency')}</th>
              <th scope="col">{t('reportingRates.figures.period')}</th>
              <th scope="col" className="num">
                {t('reportingRates.figures.expected')}
              </th>
              {FIGURES.map((k) => (
                <th key={k} scope="col" className="num">
                  {t(`reportingRates.figures.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.agencyId}-${r.period}-${r.frequency}`}>
                <th scope="row">
                  <span lang="vi">{r.agencyName}</span> <span className="tag tag--code">{r.agencyCode}</span>
                  {r.illustrative > 0 && <IllustrativeLabel />}
                </th>
                <td>{r.period}</td>
                <td className="num">{number(r.expected)}</td>
                {FIGURES.map((k) => (
                  <td key={k} className="num">
                    <Rate n={r[k]} of={r.expected} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('reportingRates.figures.total')}
              </th>
              <td className="num">{number(sum.expected)}</td>
              {FIGURES.map((k) => (
                <td key={k} className="num">
                  <Rate n={sum[k]} of={sum.expected} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
