import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import type { Scorecard } from '../api/get-evaluations.ts';
import { useEvalFormat } from './use-eval-format.ts';

/** "Held the role over the whole period" or "from 02/01/2025 to 01/04/2025" (older snapshots: nothing). */
export function HeldRole({
  entry,
}: {
  entry: { from?: string | null; to?: string | null; wholePeriod?: boolean | null };
}) {
  const { t } = useTranslation();
  if (!entry.from || !entry.to) return null;
  return (
    <span className="eval-held muted">
      {entry.wholePeriod
        ? t('evaluation.heldWholePeriod')
        : t('evaluation.heldFromTo', { from: formatDate(entry.from), to: formatDate(entry.to) })}
    </span>
  );
}

/**
 * The heads of agencies: one card per person (name and title, nothing else) with each agency they headed
 * in the period, over the days they held the role. In a published snapshot each card opens on its own
 * page (`/evaluations/:id/heads/:n`); in the live view there is none yet.
 */
export function ScorecardsSection({
  scorecards,
  snapshotId,
  agencyHrefOf,
}: {
  scorecards: Scorecard[];
  snapshotId?: number;
  agencyHrefOf: (agencyId: number) => string;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  return (
    <section className="section eval-scorecards-section" aria-labelledby={id}>
      <h2 id={id}>
        {t('evaluation.scorecardsTitle')} <span className="count">({f.number(scorecards.length)})</span>
      </h2>
      <p className="muted">{t('evaluation.scorecardsIntro')}</p>
      {scorecards.length === 0 ? (
        <p className="card empty-state">{t('evaluation.noScorecards')}</p>
      ) : (
        <ul className="eval-scorecards">
          {scorecards.map((card, i) => (
            <li
              key={`${card.head.name ?? ''}:${card.agencies[0]?.agencyId}:${card.agencies[0]?.from ?? ''}`}
              className="card eval-scorecard"
            >
              <h3 lang="vi">
                {snapshotId === undefined ? (
                  (card.head.name ?? t('evaluation.headUnnamed'))
                ) : (
                  <Link to={`/evaluations/${snapshotId}/heads/${i + 1}`}>
                    {card.head.name ?? t('evaluation.headUnnamed')}
                  </Link>
                )}
              </h3>
              {card.head.title && (
                <p className="eval-scorecard__title" lang="vi">
                  {card.head.title}
                </p>
              )}
              <ul className="eval-scorecard__agencies">
                {card.agencies.map((a) => (
                  <li key={`${a.agencyId}:${a.from ?? ''}`}>
                    <Link to={agencyHrefOf(a.agencyId)} lang="vi">
                      {a.name}
                    </Link>{' '}
                    <HeldRole entry={a} />
                    <br />
                    <strong>
                      {a.score === null
                        ? t('evaluation.notRanked')
                        : a.rank === null
                          ? t('evaluation.scoreOnly', { score: f.score(a.score) })
                          : t('evaluation.scoreRankAmong', {
                              score: f.score(a.score),
                              rank: f.number(a.rank),
                              among: f.number(a.rankedAmong),
                            })}
                    </strong>
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
      )}
    </section>
  );
}
