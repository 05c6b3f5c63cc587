import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { type SnapshotAgency, useEvaluationAgency } from '../api/get-evaluations.ts';
import '../evaluations.css';
import { HashLine, Rechecks } from './evaluation-page.tsx';
import { HowComputedLink } from './how-computed-link.tsx';
import { periodName } from './period-name.ts';
import { RankMove } from './rank-move.tsx';
import { RecheckRequest } from './recheck-request.tsx';
import { FiguresTable, ScoreBreakdown } from './score-breakdown.tsx';
import { HeldRole } from './scorecards-section.tsx';
import { useEvalFormat } from './use-eval-format.ts';

export function EvaluationAgencyPage() {
  const { id = '', agencyId = '' } = useParams();
  const agency = useEvaluationAgency(Number(id), Number(agencyId));
  return <QueryState query={agency}>{(data) => <AgencyScoreView agency={data} />}</QueryState>;
}

function AgencyScoreView({ agency }: { agency: SnapshotAgency }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const ex = agency.explanation;
  const back = `/evaluations/${agency.snapshotId}`;
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/evaluations">{t('evaluation.listTitle')}</Link> ›{' '}
        <Link to={back}>{periodName(t, agency.period)}</Link>
      </p>
      <PageTitle title={agency.figures.name}>
        <span lang="vi">{agency.figures.name}</span>
      </PageTitle>
      <div className="eval-agency-summary card">
        <p className="eval-agency-summary__score">
          <span className="eval-agency-summary__label">{t('evaluation.col.score')}</span>
          <span className="eval-agency-summary__value">{f.score(ex.score)}</span>
        </p>
        <dl className="facts">
          <dt>{t('evaluation.col.rank')}</dt>
          <dd>
            {agency.rank
              ? t('evaluation.rankAmong', {
                  rank: f.number(agency.rank.rank),
                  among: f.number(agency.rank.among),
                  ranking: t(`evaluation.ranking.${agency.rank.agencyClass}`),
                })
              : t('evaluation.notRanked')}
            {agency.rank?.tied && ` (${t('evaluation.tied')})`}
          </dd>
          <dt>{t('evaluation.col.change')}</dt>
          <dd>
            <RankMove change={agency.change ?? undefined} hasPrevious={agency.change !== null} />
          </dd>
          <dt>{t('evaluation.asOf')}</dt>
          <dd>{formatDate(agency.asOf)}</dd>
          <dt>{t('evaluation.method')}</dt>
          <dd>
            {t('evaluation.methodUsed', {
              name: pick(agency.method.nameVi, agency.method.nameEn),
              version: agency.method.version,
            })}{' '}
            — <HowComputedLink to={`${back}#method`} />
          </dd>
          {agency.heads.length > 0 && (
            <>
              <dt>{t('evaluation.headsOfAgency')}</dt>
              <dd>
                <ul className="eval-inline-list">
                  {agency.heads.map((h) => (
                    <li key={`${h.scorecard}:${h.from ?? ''}`}>
                      <Link to={`${back}/heads/${h.scorecard}`} lang="vi">
                        {h.name ?? t('evaluation.headUnnamed')}
                      </Link>
                      {h.title && <span lang="vi">, {h.title}</span>} <HeldRole entry={h} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <HashLine hash={agency.contentHash} />
        </dl>
      </div>
      <FiguresTable
        lead={agency.figures.lead}
        partner={agency.figures.partner}
        reporting={agency.figures.reporting}
      />
      <ScoreBreakdown explanation={ex} headingId="components" />
      <RecheckRequest snapshotId={agency.snapshotId} agencyId={agency.figures.agencyId} />
      <Rechecks snapshot={agency} />
    </div>
  );
}
