import { lazy, Suspense, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { type TargetDetail, useTarget } from '../api/get-target.ts';
import type { Target } from '../api/get-targets.ts';
import { acceptedSeries, periodLabel } from '../chart-data.ts';
import { useAgencyName } from './agency-name.ts';
import { HOW_PROGRESS_ID, HowProgressIsClassed } from './how-progress.tsx';
import { ProgressBadge } from './progress-badge.tsx';
import { TargetTasks } from './target-tasks.tsx';
import { TargetValue } from './target-value.tsx';

const TargetChart = lazy(() => import('./target-chart.tsx'));

export function TargetPage() {
  const { code = '' } = useParams();
  const target = useTarget(code);
  return <QueryState query={target}>{(data) => <TargetView detail={data} />}</QueryState>;
}

const isQualitative = (target: Target) =>
  target.comparison === 'qualitative' || target.comparison === 'qualitative_rank';

function TargetView({ detail }: { detail: TargetDetail }) {
  const { t } = useTranslation();
  const { english } = useLocalized();
  const number = useNumberFormat();
  const agencyName = useAgencyName();
  const canManage = useCan('targets.manage');
  const id = useId();
  const { target, progress } = detail;
  const unit = target.unit ? ` ${target.unit}` : '';
  const qualitative = isQualitative(target);
  const series = acceptedSeries(detail.values);
  const breakdowns = detail.values.filter((v) => v.disaggregation !== null);

  // A printout shows the chart's figures too: open the table before the browser lays out the page.
  useEffect(() => {
    const openTables = () => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>('details.chart-table'))
        details.open = true;
    };
    window.addEventListener('beforeprint', openTables);
    return () => window.removeEventListener('beforeprint', openTables);
  }, []);

  const summary = t('targetPage.chart.summary', {
    code: target.code,
    values: series.map((p) => `${p.label}: ${number(p.value)}${unit}`).join('; '),
    target: target.targetValue === null ? target.targetValueText : `${number(target.targetValue)}${unit}`,
    year: target.targetYear ?? t('targets.noYear'),
    status: t(`progressStatus.${progress.status}`),
  });

  return (
    <div className="page page--wide target-page">
      <p className="breadcrumb">
        <Link to="/targets">{t('nav.targets')}</Link>
      </p>
      <PageTitle title={t('targetPage.title', { code: target.code })} />
      <p className="target-page__text" lang="vi">
        {target.textVi}
      </p>
      {english && target.textEn && (
        <p className="target__gloss" lang="en">
          {target.textEn}
        </p>
      )}

      <div className="target-page__grid">
        <section className="card" aria-labelledby={`${id}-def`}>
          <h2 id={`${id}-def`}>{t('targetPage.definition')}</h2>
          <dl className="facts">
            <dt>{t('targets.value')}</dt>
            <dd>
              <TargetValue target={target} />
            </dd>
            <dt>{t('targets.unit')}</dt>
            <dd>{target.unit ?? <span className="muted">{t('common.notStated')}</span>}</dd>
            <dt>{t('targets.year')}</dt>
            <dd>{target.targetYear ?? <span className="muted">{t('targets.noYear')}</span>}</dd>
            <dt>{t('targetPage.baseline')}</dt>
            <dd>
              {target.baseline ? (
                <>
                  {t('targetPage.baselineValue', {
                    value: `${number(target.baseline.value)}${unit}`,
                    year: target.baseline.year,
                  })}
                  <br />
                  <span className="muted">
                    {t('targetPage.source')}: {target.baseline.source ?? t('common.notStated')}
                  </span>
                </>
              ) : (
                <span className="muted">{t('targetPage.noBaseline')}</span>
              )}
            </dd>
            <dt>{t('targets.monitoringAgency')}</dt>
            <dd>{agencyName(target) ?? <span className="muted">{t('common.notStated')}</span>}</dd>
          </dl>
          {canManage && (
            <p className="no-print">
              <Link to={`/targets/${encodeURIComponent(target.code)}/definition`}>
                {t('targetPage.links.editDefinition')}
              </Link>
            </p>
          )}
        </section>

        <section className="card target-progress" aria-labelledby={`${id}-progress`}>
          <h2 id={`${id}-progress`}>{t('targetPage.progress')}</h2>
          <p>
            <ProgressBadge status={progress.status} />
          </p>
          <ProgressExplanation detail={detail} />
          <p className="no-print">
            <a href={`#${HOW_PROGRESS_ID}`}>{t('targetPage.howLink')}</a>
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby={`${id}-chart`}>
        <h2 id={`${id}-chart`}>{qualitative ? t('targetPage.assessment') : t('targetPage.chartTitle')}</h2>
        {qualitative ? (
          <LatestAssessment detail={detail} />
        ) : series.length === 0 ? (
          <p className="empty-state">{t('targetPage.noValues')}</p>
        ) : (
          <>
            <Suspense fallback={<div className="target-chart target-chart--loading" />}>
              <TargetChart detail={detail} summary={summary} />
            </Suspense>
            <p className="muted chart-note">{t('targetPage.chart.note')}</p>
            <ChartTable detail={detail} />
          </>
        )}
      </section>

      {detail.values.length > 0 && (
        <section className="card" aria-labelledby={`${id}-values`}>
          <h2 id={`${id}-values`}>{t('targetPage.values')}</h2>
          <div className="table-scroll">
            <table className="data-table values-table">
              <caption className="visually-hidden">{t('targetPage.values')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('targetPage.period')}</th>
                  {breakdowns.length > 0 && <th scope="col">{t('targetPage.breakdown')}</th>}
                  <th scope="col" className={qualitative ? undefined : 'num'}>
                    {qualitative ? t('targetPage.assessedClass') : t('targetPage.value')}
                  </th>
                  <th scope="col">{t('targetPage.source')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.values.map((v) => (
                  <tr key={`${v.year}-${v.period}-${v.disaggregation?.key}-${v.disaggregation?.value}`}>
                    <td>{periodLabel(v)}</td>
                    {breakdowns.length > 0 && (
                      <td>
                        {v.disaggregation
                          ? `${v.disaggregation.key}=${v.disaggregation.value}`
                          : t('targetPage.national')}
                      </td>
                    )}
                    <td className={qualitative ? undefined : 'num'}>
                      {v.value !== null
                        ? `${number(v.value)}${unit}`
                        : v.assessedClass
                          ? t(`progressStatus.${v.assessedClass}`, { defaultValue: v.assessedClass })
                          : '—'}
                    </td>
                    <td>
                      {v.evidenceUrl ? (
                        <a href={v.evidenceUrl} rel="noopener noreferrer">
                          {v.source ?? v.evidenceUrl}
                        </a>
                      ) : (
                        (v.source ?? <span className="muted">{t('common.notStated')}</span>)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <TargetTasks code={target.code} />

      <HowProgressIsClassed />
    </div>
  );
}

/** The class in plain words, with the numbers that produced it. */
function ProgressExplanation({ detail }: { detail: TargetDetail }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const { progress, target } = detail;
  const unit = target.unit ? ` ${target.unit}` : '';
  const withUnit = (v: number) => `${number(v)}${unit}`;
  const percent = (v: number) => `${number(Math.round(v * 1000) / 10)} %`;

  if (progress.method === 'coordinator_assessment') {
    return <p>{t(progress.status === 'not_assessed' ? 'explain.notAssessed' : 'explain.assessed')}</p>;
  }
  if (progress.status === 'insufficient_data') {
    return (
      <p>
        {t(`explain.reason.${progress.reason ?? 'no_value'}`, {
          defaultValue: t('explain.reason.no_value'),
        })}
      </p>
    );
  }
  if (progress.status === 'target_achieved' && progress.latest) {
    return (
      <p>{t('explain.achieved', { value: withUnit(progress.latest.value), year: progress.latest.year })}</p>
    );
  }
  if (
    !progress.baseline ||
    !progress.latest ||
    progress.goal === null ||
    progress.observedGrowth === null ||
    progress.requiredGrowth === null
  ) {
    return <p>{t('explain.deteriorated')}</p>;
  }
  const { high, med, low } = progress.thresholds;
  return (
    <>
      <p>
        {t('explain.growth', {
          baseline: withUnit(progress.baseline.value),
          baseYear: progress.baseline.year,
          latest: withUnit(progress.latest.value),
          latestYear: progress.latest.year,
          observed: percent(progress.observedGrowth),
        })}{' '}
        {t('explain.needed', {
          goal: withUnit(progress.goal),
          targetYear: progress.targetYear,
          required: percent(progress.requiredGrowth),
        })}
      </p>
      {progress.ratio !== null ? (
        <p>
          {t('explain.ratio', {
            ratio: number(Math.round(progress.ratio * 100) / 100),
            high: number(high),
            med: number(med),
            low: number(low),
            status: t(`progressStatus.${progress.status}`),
          })}
        </p>
      ) : (
        <p>{t('explain.deteriorated')}</p>
      )}
      {progress.direction === -1 && <p>{t('explain.lowerIsBetter')}</p>}
      {progress.projection && (
        <p>
          {t('explain.projection', {
            year: progress.projection.year,
            value: withUnit(progress.projection.value),
          })}
        </p>
      )}
    </>
  );
}

/** The chart's numbers as a table: the same information without the picture. */
function ChartTable({ detail }: { detail: TargetDetail }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const series = acceptedSeries(detail.values);
  const byYear = new Map<string, { accepted?: number; needed?: number; projection?: number }>();
  const row = (key: string) => {
    let r = byYear.get(key);
    if (!r) {
      r = {};
      byYear.set(key, r);
    }
    return r;
  };
  const sortKey = new Map<string, number>();
  for (const p of series) {
    row(p.label).accepted = p.value;
    sortKey.set(p.label, p.x);
  }
  for (const p of detail.progress.neededTrajectory) {
    row(String(p.year)).needed = p.value;
    sortKey.set(String(p.year), p.year);
  }
  for (const p of detail.progress.projectionPath) {
    row(String(p.year)).projection = p.value;
    sortKey.set(String(p.year), p.year);
  }
  const rows = [...byYear.entries()].sort((a, b) => (sortKey.get(a[0]) ?? 0) - (sortKey.get(b[0]) ?? 0));
  const cell = (v: number | undefined) => (v === undefined ? '' : number(v));
  return (
    <details className="chart-table">
      <summary>{t('overview.showTable')}</summary>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('targetPage.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('targetPage.period')}</th>
              <th scope="col" className="num">
                {t('targetPage.chart.accepted')}
              </th>
              <th scope="col" className="num">
                {t('targetPage.chart.needed')}
              </th>
              <th scope="col" className="num">
                {t('targetPage.chart.projection')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, r]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{cell(r.accepted)}</td>
                <td className="num">{cell(r.needed)}</td>
                <td className="num">{cell(r.projection)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A qualitative target: the latest accepted assessment, in words; no chart. */
function LatestAssessment({ detail }: { detail: TargetDetail }) {
  const { t } = useTranslation();
  const latest = detail.values
    .filter((v) => v.disaggregation === null && (v.assessedClass || v.assessmentText))
    .sort((a, b) => b.year - a.year || b.period.localeCompare(a.period))[0];
  if (!latest) return <p className="empty-state">{t('targetPage.noAssessment')}</p>;
  return (
    <div className="assessment">
      <p>
        <strong>{periodLabel(latest)}</strong>
        {latest.assessedClass && (
          <ProgressBadge status={latest.assessedClass as TargetDetail['progress']['status']} />
        )}
      </p>
      {latest.assessmentText && <p lang="vi">{latest.assessmentText}</p>}
      {latest.source && (
        <p className="muted">
          {t('targetPage.source')}: {latest.source}
        </p>
      )}
    </div>
  );
}
