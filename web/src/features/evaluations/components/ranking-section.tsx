import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgencyFigures, RankChange, Ranking } from '../api/get-evaluations.ts';
import { RankMove } from './rank-move.tsx';
import { useEvalFormat } from './use-eval-format.ts';

/**
 * One ranking (ministries or provinces): a table from 48rem, cards on phones; each agency links to its
 * breakdown (`hrefOf`). In a published snapshot, the agency of the signed-in head or focal officer gets a
 * link to ask for a recheck (`recheckHrefOf`).
 */
export function RankingSection({
  ranking,
  figures,
  changes,
  hasPrevious,
  hrefOf,
  recheckHrefOf,
}: {
  ranking: Ranking;
  figures: Map<number, AgencyFigures>;
  changes: Map<number, RankChange>;
  hasPrevious: boolean;
  hrefOf: (agencyId: number) => string;
  recheckHrefOf?: (agencyId: number) => string | null;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  const title = t(`evaluation.ranking.${ranking.agencyClass}`);
  const href = hrefOf;
  const recheck = (agencyId: number) => {
    const to = recheckHrefOf?.(agencyId);
    return to ? (
      <Link to={to} className="eval-recheck-link">
        {t('evaluation.recheckRequest.link')}
      </Link>
    ) : null;
  };
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
                      <th scope="row">
                        <Link to={href(a.agencyId)} lang="vi">
                          {a.name}
                        </Link>
                        {recheck(a.agencyId)}
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
                  {recheck(a.agencyId)}
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
