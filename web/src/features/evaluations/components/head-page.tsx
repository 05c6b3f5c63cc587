import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { type ScorecardAgency, type SnapshotHead, useEvaluationHead } from '../api/get-evaluations.ts';
import '../evaluations.css';
import { HashLine, Rechecks } from './evaluation-page.tsx';
import { HowComputedLink } from './how-computed-link.tsx';
import { periodName } from './period-name.ts';
import { FiguresTable, ScoreBreakdown } from './score-breakdown.tsx';
import { HeldRole } from './scorecards-section.tsx';
import { useEvalFormat } from './use-eval-format.ts';

/** A head of agency's scorecard in a published snapshot: `/evaluations/:id/heads/:number`. */
export function HeadPage() {
  const { id = '', number = '' } = useParams();
  const head = useEvaluationHead(Number(id), Number(number));
  return <QueryState query={head}>{(data) => <HeadView head={data} />}</QueryState>;
}

function HeadView({ head }: { head: SnapshotHead }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const back = `/evaluations/${head.snapshotId}`;
  const name = head.scorecard.head.name ?? t('evaluation.headUnnamed');
  const names = new Map(head.scorecard.agencies.map((a) => [a.agencyId, a.name]));
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/evaluations">{t('evaluation.listTitle')}</Link> ›{' '}
        <Link to={back}>{periodName(t, head.period)}</Link>
      </p>
      <PageTitle title={t('evaluation.headPage.title', { name })}>
        {t('evaluation.headPage.titlePrefix')} <span lang="vi">{name}</span>
      </PageTitle>
      {head.scorecard.head.title && (
        <p className="lead" lang="vi">
          {head.scorecard.head.title}
        </p>
      )}
      <p className="muted">{t('evaluation.headPage.intro')}</p>
      <dl className="facts card">
        <dt>{t('evaluation.period')}</dt>
        <dd>{periodName(t, head.period)}</dd>
        <dt>{t('evaluation.asOf')}</dt>
        <dd>{formatDate(head.asOf)}</dd>
        <dt>{t('evaluation.method')}</dt>
        <dd>
          {t('evaluation.methodUsed', {
            name: pick(head.method.nameVi, head.method.nameEn),
            version: head.method.version,
          })}{' '}
          — <HowComputedLink to={`${back}#method`} />
        </dd>
        <HashLine hash={head.contentHash} />
      </dl>
      {head.scorecard.agencies.map((a) => (
        <HeadAgency key={`${a.agencyId}:${a.from ?? ''}`} snapshotId={head.snapshotId} agency={a} />
      ))}
      <Rechecks snapshot={head} names={names} />
    </div>
  );
}

function HeadAgency({ snapshotId, agency: a }: { snapshotId: number; agency: ScorecardAgency }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  const agencyHref = `/evaluations/${snapshotId}/agencies/${a.agencyId}`;
  return (
    <section className="section eval-head-agency" aria-labelledby={id}>
      <h2 id={id} lang="vi">
        {a.name}
      </h2>
      <div className="eval-agency-summary card">
        <p className="eval-agency-summary__score">
          <span className="eval-agency-summary__label">{t('evaluation.col.score')}</span>
          <span className="eval-agency-summary__value">{f.score(a.score)}</span>
        </p>
        <p>
          <HeldRole entry={a} />
        </p>
        <p>
          {a.rank !== null
            ? t('evaluation.scoreRankAmong', {
                score: f.score(a.score),
                rank: f.number(a.rank),
                among: f.number(a.rankedAmong),
              })
            : a.wholePeriod === false
              ? t('evaluation.headPage.partNotRanked')
              : t('evaluation.notRanked')}
        </p>
        <p>
          <Link to={agencyHref}>{t('evaluation.headPage.agencyLink')}</Link>
        </p>
      </div>
      <FiguresTable
        lead={a.lead}
        partner={a.partner}
        reporting={a.reporting}
        caption={t('evaluation.headPage.figuresCaption')}
      />
      {a.explanation && <ScoreBreakdown explanation={a.explanation} />}
    </section>
  );
}
