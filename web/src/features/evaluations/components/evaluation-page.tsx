import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import {
  type AgencyFigures,
  type RankChange,
  type Ranking,
  type Snapshot,
  useEvaluation,
} from '../api/get-evaluations.ts';
import { MethodSection } from './method-section.tsx';
import { periodName } from './period-name.ts';
import { RankMove } from './rank-move.tsx';
import { useEvalFormat } from './use-eval-format.ts';

export function EvaluationPage() {
  const { id = '' } = useParams();
  const snapshot = useEvaluation(Number(id));
  return <QueryState query={snapshot}>{(data) => <SnapshotView snapshot={data} />}</QueryState>;
}

/** The content hash, and whether the stored content still hashes to it. */
export function HashLine({ hash, verified }: { hash: string; verified?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('evaluation.hash')}</dt>
      <dd>
        <code className="eval-hash">{hash}</code>{' '}
        {verified !== undefined &&
          (verified ? (
            <span className="badge badge--ok eval-verify">{t('evaluation.hashVerified')}</span>
          ) : (
            <span className="badge badge--warn eval-verify">{t('evaluation.hashMismatch')}</span>
          ))}
      </dd>
    </>
  );
}

function SnapshotView({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const c = snapshot.content;
  const figures = new Map(c.figures.agencies.map((a) => [a.agencyId, a]));
  const changes = new Map(c.changes.agencies.map((a) => [a.agencyId, a]));
  const hasPrevious = c.changes.previousSnapshotId !== null;
  const names = new Map(c.figures.agencies.map((a) => [a.agencyId, a.name]));
  const title = t('evaluation.snapshotTitle', { period: periodName(t, snapshot.period) });
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/evaluations">{t('evaluation.listTitle')}</Link>
      </p>
      <PageTitle title={title} />
      <p className="lead">{t('evaluation.snapshotIntro')}</p>
      <dl className="facts card">
        <dt>{t('evaluation.period')}</dt>
        <dd>
          {periodName(t, snapshot.period)} ({formatDate(snapshot.periodStart)} –{' '}
          {formatDate(snapshot.periodEnd)})
        </dd>
        <dt>{t('evaluation.asOf')}</dt>
        <dd>{formatDate(snapshot.asOf)}</dd>
        <dt>{t('evaluation.method')}</dt>
        <dd>
          <a href="#method">
            {t('evaluation.methodUsed', {
              name: pick(c.method.nameVi, c.method.nameEn),
              version: c.method.version,
            })}
          </a>
        </dd>
        <dt>{t('evaluation.publishedAt')}</dt>
        <dd>{formatDate(snapshot.publishedAt)}</dd>
        <dt>{t('evaluation.basis')}</dt>
        <dd>
          {t('evaluation.basisText', {
            due: f.number(c.basis.tasksDue),
            completed: f.number(c.basis.tasksCompleted),
            reports: f.number(c.basis.reportsExpected),
          })}
        </dd>
        <dt>{t('evaluation.previous')}</dt>
        <dd>
          {c.changes.previousSnapshotId === null ? (
            t('evaluation.firstSnapshot')
          ) : (
            <>
              <Link to={`/evaluations/${c.changes.previousSnapshotId}`}>
                {periodName(t, c.changes.previousPeriod ?? '')}
              </Link>
              {c.changes.methodChanged && <> — {t('evaluation.methodChanged')}</>}
            </>
          )}
        </dd>
        <HashLine hash={snapshot.contentHash} verified={snapshot.hashVerified} />
      </dl>
      {c.rankings.map((ranking) => (
        <RankingSection
          key={ranking.agencyClass}
          snapshotId={snapshot.id}
          ranking={ranking}
          figures={figures}
          changes={changes}
          hasPrevious={hasPrevious}
        />
      ))}
      {c.scorecards.length > 0 && <Scorecards snapshot={snapshot} />}
      <Rechecks snapshot={snapshot} names={names} />
      <MethodSection method={c.method} />
    </div>
  );
}

function RankingSection({
  snapshotId,
  ranking,
  figures,
  changes,
  hasPrevious,
}: {
  snapshotId: number;
  ranking: Ranking;
  figures: Map<number, AgencyFigures>;
  changes: Map<number, RankChange>;
  hasPrevious: boolean;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  const title = t(`evaluation.ranking.${ranking.agencyClass}`);
  const href = (agencyId: number) => `/evaluations/${snapshotId}/agencies/${agencyId}`;
  return (
    <section className="section eval-ranking" aria-labelledby={id} data-class={ranking.agencyClass}>
      <h2 id={id}>
        {title} <span className="count">({f.number(ranking.ranked.length)})</span>
      </h2>
      {ranking.ranked.length === 0 ? (
        <p className="muted">{t('evaluation.noneRanked')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table eval-table eval-rank-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('evaluation.col.rank')}
                  </th>
                  <th scope="col">{t('evaluation.col.agency')}</th>
                  <th scope="col" className="num">
                    {t('evaluation.col.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.completedOnTime')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.completedLate')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.openWithinDeadline')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.openOverdue')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.completionRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.onTimeRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.reportingRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.col.lateness')}
                  </th>
                  <th scope="col">{t('evaluation.col.change')}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.ranked.map((a) => {
                  const fig = figures.get(a.agencyId);
                  return (
                    <tr key={a.agencyId}>
                      <td className="num">
                        {f.number(a.rank)}
                        {a.tied && (
                          <>
                            <span aria-hidden="true" title={t('evaluation.tied')}>
                              =
                            </span>
                            <span className="visually-hidden"> ({t('evaluation.tied')})</span>
                          </>
                        )}
                      </td>
                      <th scope="row" lang="vi">
                        <Link to={href(a.agencyId)}>{a.name}</Link>
                      </th>
                      <td className="num eval-score">{f.score(a.score)}</td>
                      <td className="num">{fig ? f.number(fig.lead.completedOnTime) : '–'}</td>
                      <td className="num">{fig ? f.number(fig.lead.completedLate) : '–'}</td>
                      <td className="num">{fig ? f.number(fig.lead.openWithinDeadline) : '–'}</td>
                      <td className="num">{fig ? f.number(fig.lead.openOverdue) : '–'}</td>
                      <td className="num">{f.percent(fig?.lead.completionRate)}</td>
                      <td className="num">{f.percent(fig?.lead.onTimeRate)}</td>
                      <td className="num">{f.percent(fig?.reporting.reportingRate)}</td>
                      <td className="num">{f.days(fig?.lead.averageLatenessWorkingDays)}</td>
                      <td>
                        <RankMove change={changes.get(a.agencyId)} hasPrevious={hasPrevious} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ol className="eval-cards" aria-label={title}>
            {ranking.ranked.map((a) => {
              const fig = figures.get(a.agencyId);
              return (
                <li key={a.agencyId} className="eval-card">
                  <p className="eval-card__head">
                    <span className="eval-card__rank">
                      {t('evaluation.rankN', { rank: f.number(a.rank) })}
                      {a.tied && ` (${t('evaluation.tied')})`}
                    </span>
                    <span className="eval-card__score">{f.score(a.score)}</span>
                  </p>
                  <Link to={href(a.agencyId)} className="eval-card__title" lang="vi">
                    {a.name}
                  </Link>
                  <p className="eval-card__counts">
                    {fig
                      ? t('evaluation.fourCountsText', {
                          onTime: f.number(fig.lead.completedOnTime),
                          late: f.number(fig.lead.completedLate),
                          open: f.number(fig.lead.openWithinDeadline),
                          overdue: f.number(fig.lead.openOverdue),
                        })
                      : '–'}
                  </p>
                  <dl className="eval-card__facts">
                    <dt>{t('evaluation.col.completionRate')}</dt>
                    <dd>{f.percent(fig?.lead.completionRate)}</dd>
                    <dt>{t('evaluation.col.onTimeRate')}</dt>
                    <dd>{f.percent(fig?.lead.onTimeRate)}</dd>
                    <dt>{t('evaluation.col.reportingRate')}</dt>
                    <dd>{f.percent(fig?.reporting.reportingRate)}</dd>
                    <dt>{t('evaluation.col.lateness')}</dt>
                    <dd>{f.days(fig?.lead.averageLatenessWorkingDays)}</dd>
                    <dt>{t('evaluation.col.change')}</dt>
                    <dd>
                      <RankMove change={changes.get(a.agencyId)} hasPrevious={hasPrevious} />
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {ranking.unranked.length > 0 && (
        <div className="eval-unranked">
          <h3>
            {t('evaluation.unrankedTitle')}{' '}
            <span className="count">({f.number(ranking.unranked.length)})</span>
          </h3>
          <p className="muted">{t('evaluation.unrankedIntro')}</p>
          <ul className="eval-unranked__list" lang="vi">
            {ranking.unranked.map((a) => (
              <li key={a.agencyId}>
                <Link to={href(a.agencyId)}>{a.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Scorecards({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{t('evaluation.scorecardsTitle')}</h2>
      <ul className="eval-scorecards">
        {snapshot.content.scorecards.map((card) => (
          <li key={`${card.head.userId ?? ''}:${card.head.name ?? ''}`} className="card">
            <h3 lang="vi">{card.head.name ?? t('evaluation.headUnnamed')}</h3>
            <ul>
              {card.agencies.map((a) => (
                <li key={a.agencyId}>
                  <Link to={`/evaluations/${snapshot.id}/agencies/${a.agencyId}`} lang="vi">
                    {a.name}
                  </Link>
                  {': '}
                  {a.rank === null
                    ? t('evaluation.notRanked')
                    : t('evaluation.scoreRankAmong', {
                        score: f.score(a.score),
                        rank: f.number(a.rank),
                        among: f.number(a.rankedAmong),
                      })}
                  {' · '}
                  {t('evaluation.fourCountsText', {
                    onTime: f.number(a.lead.completedOnTime),
                    late: f.number(a.lead.completedLate),
                    open: f.number(a.lead.openWithinDeadline),
                    overdue: f.number(a.lead.openOverdue),
                  })}
                  {' · '}
                  {t('evaluation.col.reportingRate')}: {f.percent(a.reporting.reportingRate)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Rechecks({
  snapshot,
  names,
}: {
  snapshot: { rechecks: Snapshot['rechecks'] };
  names?: Map<number, string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="section card eval-rechecks" aria-labelledby={id}>
      <h2 id={id}>{t('evaluation.rechecksTitle')}</h2>
      {snapshot.rechecks.length === 0 ? (
        <p className="muted">{t('evaluation.noRechecks')}</p>
      ) : (
        <ul className="eval-recheck-list">
          {snapshot.rechecks.map((r) => (
            <li key={r.id}>
              <p>
                {names && <strong lang="vi">{names.get(r.agencyId) ?? `#${r.agencyId}`}</strong>}{' '}
                <span className="muted">
                  {t('evaluation.recheckAsked', { date: formatDate(r.requestedAt) })}
                </span>
              </p>
              <blockquote lang="vi">{r.reason}</blockquote>
              {r.answeredAt ? (
                <p>
                  <span
                    className={`badge ${r.outcome === 'upheld' ? 'badge--ok' : 'badge--warn'} eval-verify`}
                  >
                    {t(`evaluation.outcome.${r.outcome ?? 'upheld'}`)}
                  </span>{' '}
                  <span className="muted">
                    {t('evaluation.recheckAnswered', { date: formatDate(r.answeredAt) })}
                  </span>
                  <span className="eval-recheck__answer" lang="vi">
                    {r.answer}
                  </span>
                </p>
              ) : (
                <p className="muted">{t('evaluation.recheckPending')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
