import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { type Snapshot, useEvaluation } from '../api/get-evaluations.ts';
import '../evaluations.css';
import { useActsFor } from './acts-for.ts';
import { FiguresSection } from './figures-section.tsx';
import { HowComputedLink } from './how-computed-link.tsx';
import { MethodSection } from './method-section.tsx';
import { periodName } from './period-name.ts';
import { RankingSection } from './ranking-section.tsx';
import { ScorecardsSection } from './scorecards-section.tsx';
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
  const actsFor = useActsFor();
  const agencyHref = (agencyId: number) => `/evaluations/${snapshot.id}/agencies/${agencyId}`;
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
          {t('evaluation.methodUsed', {
            name: pick(c.method.nameVi, c.method.nameEn),
            version: c.method.version,
          })}{' '}
          — <HowComputedLink to="#method" />
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
          ranking={ranking}
          figures={figures}
          changes={changes}
          hasPrevious={hasPrevious}
          hrefOf={agencyHref}
          recheckHrefOf={(agencyId) => (actsFor(agencyId) ? `${agencyHref(agencyId)}#recheck` : null)}
        />
      ))}
      <ScorecardsSection scorecards={c.scorecards} snapshotId={snapshot.id} agencyHrefOf={agencyHref} />
      <FiguresSection figures={c.figures} agencyHrefOf={agencyHref} />
      <Rechecks snapshot={snapshot} names={names} />
      <MethodSection method={c.method} />
    </div>
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
