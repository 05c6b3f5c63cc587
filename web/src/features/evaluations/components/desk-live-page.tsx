import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import type { SnapshotChanges } from '../api/get-evaluations.ts';
import {
  type EvaluationRequest,
  type LiveEvaluation,
  liveRequestFromUrl,
  useLiveEvaluation,
  usePublishEvaluation,
} from '../api/live-evaluation.ts';
import { useMethods } from '../api/methods.ts';
import { evaluationRefusalText } from './desk-refusal.ts';
import { FiguresSection } from './figures-section.tsx';
import { HowComputedLink } from './how-computed-link.tsx';
import { periodName } from './period-name.ts';
import { PeriodSelect } from './period-select.tsx';
import { RankingSection } from './ranking-section.tsx';
import { FiguresTable, ScoreBreakdown } from './score-breakdown.tsx';
import { ScorecardsSection } from './scorecards-section.tsx';
import { useEvalFormat } from './use-eval-format.ts';

/** The request the address describes: ?period=2025-H1&asOf=2025-05-31&methodId=2 (&agency=… opens one). */
function useRequest() {
  const [params, setParams] = useSearchParams();
  const request = liveRequestFromUrl(params);
  const agency = Number(params.get('agency')) || undefined;
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { request, agency, update, params };
}

/** The evaluation of any period as of any date, computed now; the coordinator publishes it from here. */
export function DeskLivePage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const { request, agency, update, params } = useRequest();
  const live = useLiveEvaluation(request);
  const methods = useMethods();
  return (
    <div className="page page--wide">
      <PageTitle title={t('evaluationDesk.live.title')} />
      <p className="lead">{t('evaluationDesk.live.intro')}</p>
      <section className="filters eval-desk-filters" aria-label={t('evaluationDesk.live.choose')}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            {t('evaluation.period')}
          </label>
          <PeriodSelect
            id={`${id}-period`}
            value={request.period}
            onChange={(period) => update({ period, asOf: undefined, agency: undefined })}
          />
        </div>
        <div className="field">
          <DateField
            label={t('evaluation.asOf')}
            value={request.asOf ?? ''}
            onChange={(asOf) => update({ asOf: asOf || undefined })}
          />
          <p className="field__hint">{t('evaluationDesk.live.asOfHint')}</p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-method`}>
            {t('evaluation.method')}
          </label>
          <select
            id={`${id}-method`}
            value={request.methodId ?? ''}
            onChange={(e) => update({ methodId: e.target.value || undefined })}
          >
            <option value="">{t('evaluationDesk.live.latestDefault')}</option>
            {(methods.data?.items ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {t('evaluation.methodUsed', { name: pick(m.nameVi, m.nameEn), version: m.version })} ({m.code}
                )
              </option>
            ))}
          </select>
        </div>
      </section>
      {live.isPending ? (
        <Loading />
      ) : live.isError ? (
        <p className="form-error" role="alert">
          {evaluationRefusalText(t, live.error)}
        </p>
      ) : (
        <LiveView live={live.data} request={request} agency={agency} params={params} />
      )}
    </div>
  );
}

function LiveView({
  live,
  request,
  agency,
  params,
}: {
  live: LiveEvaluation;
  request: EvaluationRequest;
  agency: number | undefined;
  params: URLSearchParams;
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const canPublish = useCan('evaluation.publish');
  const figures = new Map(live.figures.agencies.map((a) => [a.agencyId, a]));
  const changes = new Map(live.changes.agencies.map((a) => [a.agencyId, a]));
  const hasPrevious = live.changes.previousSnapshotId !== null;
  const empty =
    live.basis.tasksDue === 0 && live.basis.tasksCompleted === 0 && live.basis.reportsExpected === 0;
  const hrefOf = (agencyId: number) => {
    const next = new URLSearchParams(params);
    next.set('agency', String(agencyId));
    return `?${next.toString()}#breakdown`;
  };
  const selected = agency === undefined ? undefined : figures.get(agency);
  const explanation = live.scores.find((s) => s.agencyId === agency)?.explanation;
  return (
    <>
      <dl className="facts card">
        <dt>{t('evaluation.period')}</dt>
        <dd>
          {periodName(t, live.period.code)} ({formatDate(live.period.start)} – {formatDate(live.period.end)})
        </dd>
        <dt>{t('evaluation.asOf')}</dt>
        <dd>{formatDate(live.asOf)}</dd>
        <dt>{t('evaluation.method')}</dt>
        <dd>
          {t('evaluation.methodUsed', {
            name: pick(live.method.nameVi, live.method.nameEn),
            version: live.method.version,
          })}{' '}
          — <HowComputedLink to={`/evaluations/methods/${live.method.id}`} />
        </dd>
        <dt>{t('evaluation.basis')}</dt>
        <dd>
          {t('evaluation.basisText', {
            due: f.number(live.basis.tasksDue),
            completed: f.number(live.basis.tasksCompleted),
            reports: f.number(live.basis.reportsExpected),
          })}
        </dd>
        <dt>{t('evaluationDesk.live.sincePublished')}</dt>
        <dd>
          <ChangesSummary changes={live.changes} />
        </dd>
      </dl>
      {empty && <p className="notice notice--warn">{t('evaluationDesk.live.empty')}</p>}
      {canPublish && (
        <PublishPanel
          key={`${request.period}|${request.asOf ?? ''}|${request.methodId ?? ''}`}
          live={live}
          request={request}
        />
      )}
      {live.rankings.map((ranking) => (
        <RankingSection
          key={ranking.agencyClass}
          ranking={ranking}
          figures={figures}
          changes={changes}
          hasPrevious={hasPrevious}
          hrefOf={hrefOf}
        />
      ))}
      {selected && explanation && (
        <section className="section card eval-breakdown" id="breakdown" aria-labelledby="breakdown-title">
          <h2 id="breakdown-title">
            {t('evaluationDesk.live.breakdownOf')} <span lang="vi">{selected.name}</span>
          </h2>
          <p className="eval-agency-summary__score">
            <span className="eval-agency-summary__label">{t('evaluation.col.score')}</span>
            <span className="eval-agency-summary__value">{f.score(explanation.score)}</span>
          </p>
          <FiguresTable lead={selected.lead} partner={selected.partner} reporting={selected.reporting} />
          <ScoreBreakdown explanation={explanation} />
        </section>
      )}
      <ScorecardsSection scorecards={live.scorecards} agencyHrefOf={hrefOf} />
      <FiguresSection figures={live.figures} agencyHrefOf={hrefOf} />
    </>
  );
}

/** "Compared with 6 tháng đầu năm 2025 (published): 3 up, 2 down, 1 new" — or that nothing is published. */
export function ChangesSummary({ changes }: { changes: SnapshotChanges }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  if (changes.previousSnapshotId === null) return <>{t('evaluationDesk.live.nothingPublished')}</>;
  const up = changes.agencies.filter((a) => (a.move ?? 0) > 0).length;
  const down = changes.agencies.filter((a) => (a.move ?? 0) < 0).length;
  const entered = changes.agencies.filter((a) => a.rank !== null && a.previousRank === null).length;
  const left = changes.agencies.filter((a) => a.rank === null && a.previousRank !== null).length;
  return (
    <>
      <Link to={`/evaluations/${changes.previousSnapshotId}`}>
        {periodName(t, changes.previousPeriod ?? '')}
      </Link>
      {': '}
      {t('evaluationDesk.live.changeCounts', {
        up: f.number(up),
        down: f.number(down),
        entered: f.number(entered),
        left: f.number(left),
      })}
      {changes.methodChanged && <> — {t('evaluation.methodChanged')}</>}
    </>
  );
}

/**
 * Publishing: a confirmation that says what will be frozen, then the server's answer: the new snapshot
 * (with what changed since the previous one) or the refusal (an empty period, a date outside the period…).
 */
function PublishPanel({ live, request }: { live: LiveEvaluation; request: EvaluationRequest }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const publish = usePublishEvaluation();
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const what = {
    period: periodName(t, live.period.code),
    date: formatDate(live.asOf),
    method: t('evaluation.methodUsed', {
      name: pick(live.method.nameVi, live.method.nameEn),
      version: live.method.version,
    }),
  };
  const published = publish.data;
  return (
    <section className="section card eval-publish" aria-labelledby={id}>
      <h2 id={id}>{t('evaluationDesk.publish.title')}</h2>
      <p>{t('evaluationDesk.publish.intro')}</p>
      {publish.isError && (
        <p className="form-error" role="alert">
          {t('evaluationDesk.publish.refused')} {evaluationRefusalText(t, publish.error)}
        </p>
      )}
      <div role="status">
        {published && (
          <div className="notice notice--ok eval-published">
            <p>
              {t('evaluationDesk.publish.done', {
                period: periodName(t, published.period),
                date: formatDate(published.asOf),
              })}{' '}
              <Link to={`/evaluations/${published.id}`}>{t('evaluationDesk.publish.open')}</Link>
            </p>
            <p>
              {t('evaluationDesk.publish.changes')} <ChangesSummary changes={published.content.changes} />
            </p>
          </div>
        )}
      </div>
      {confirming ? (
        <div className="eval-publish__confirm">
          <p>
            <strong>{t('evaluationDesk.publish.confirm', what)}</strong>
          </p>
          <p className="muted">{t('evaluationDesk.publish.forever')}</p>
          <div className="eval-actions">
            <button
              type="button"
              className="button"
              disabled={publish.isPending}
              onClick={() =>
                publish.mutate(request, {
                  onSettled: () => setConfirming(false),
                })
              }
            >
              {t('evaluationDesk.publish.confirmButton')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('evaluationDesk.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            publish.reset();
            setConfirming(true);
          }}
        >
          {t('evaluationDesk.publish.button', { period: what.period })}
        </button>
      )}
    </section>
  );
}
