import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { methodQuery, type SnapshotSummary, useEvaluations } from '../api/get-evaluations.ts';
import '../evaluations.css';
import { periodName } from './period-name.ts';

/** The published evaluations, newest first; nothing else is public. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const list = useEvaluations();
  return (
    <div className="page page--wide">
      <PageTitle title={t('evaluation.listTitle')} />
      <p className="lead">{t('evaluation.listIntro')}</p>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="card empty-state">{t('evaluation.noneYet')}</p>
          ) : (
            <SnapshotList items={data.items} />
          )
        }
      </QueryState>
    </div>
  );
}

function SnapshotList({ items }: { items: SnapshotSummary[] }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const methodIds = [...new Set(items.map((s) => s.methodId))];
  const methods = useQueries({ queries: methodIds.map((id) => methodQuery(id)) });
  const versionOf = (id: number) => {
    const m = methods.find((q) => q.data?.id === id)?.data;
    return m ? t('evaluation.methodUsed', { name: pick(m.nameVi, m.nameEn), version: m.version }) : '…';
  };
  return (
    <>
      <table className="data-table eval-table eval-list-table">
        <caption className="visually-hidden">{t('evaluation.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.period')}</th>
            <th scope="col">{t('evaluation.asOf')}</th>
            <th scope="col">{t('evaluation.method')}</th>
            <th scope="col">{t('evaluation.publishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/evaluations/${s.id}`}>{periodName(t, s.period)}</Link>
              </th>
              <td>{formatDate(s.asOf)}</td>
              <td>{versionOf(s.methodId)}</td>
              <td>{formatDate(s.publishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="eval-cards" aria-label={t('evaluation.listCaption')}>
        {items.map((s) => (
          <li key={s.id} className="eval-card">
            <Link to={`/evaluations/${s.id}`} className="eval-card__title">
              {periodName(t, s.period)}
            </Link>
            <dl className="eval-card__facts eval-card__facts--stacked">
              <dt>{t('evaluation.asOf')}</dt>
              <dd>{formatDate(s.asOf)}</dd>
              <dt>{t('evaluation.method')}</dt>
              <dd>{versionOf(s.methodId)}</dd>
              <dt>{t('evaluation.publishedAt')}</dt>
              <dd>{formatDate(s.publishedAt)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
