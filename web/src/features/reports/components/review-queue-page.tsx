import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { orgUnitsQuery } from '../../admin/api/orgs.ts';
import { QUEUE_PAGE_SIZE, type QueueFilter, queueFilterFromUrl, useReportQueue } from '../api/reports.ts';
import '../reports.css';
import { IllustrativeLabel } from '../../reporting-rates/components/illustrative-label.tsx';

const toParams = (f: QueueFilter): Record<string, string> => {
  const out: Record<string, string> = {};
  if (f.period) out.period = f.period;
  if (f.agency) out.agency = String(f.agency);
  if (f.page > 1) out.page = String(f.page);
  return out;
};

/** `/reports/review`: the coordinator's queue of submitted reports across agencies, by period and agency. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = queueFilterFromUrl(params);
  const queue = useReportQueue(filter);
  const units = useQuery(orgUnitsQuery({}));
  const agencyCode = units.data?.items.find((u) => u.id === filter.agency)?.code ?? '';
  const update = (patch: Partial<QueueFilter>) => setParams(toParams({ ...filter, page: 1, ...patch }));

  return (
    <div className="page page--wide reports">
      <PageTitle title={t('reports.queue.title')} />
      <p className="lead">{t('reports.queue.intro')}</p>
      <form className="filters" aria-label={t('reports.queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            {t('reports.queue.period')}
          </label>
          <input
            id={`${id}-period`}
            defaultValue={filter.period ?? ''}
            placeholder="2025-H1"
            onBlur={(e) => update({ period: e.target.value.trim() || undefined })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ period: e.currentTarget.value.trim() || undefined });
            }}
          />
        </div>
        <OrgUnitSelect
          label={t('reports.queue.agency')}
          value={agencyCode}
          emptyLabel={t('reports.queue.anyAgency')}
          onChange={(unit) => update({ agency: unit?.id })}
        />
      </form>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <p className="results__count" role="status">
            {t('reports.queue.count', { count: queue.data.total })}
          </p>
          {queue.data.items.length === 0 ? (
            <p className="empty-state">{t('reports.queue.empty')}</p>
          ) : (
            <ul className="report-inbox">
              {queue.data.items.map((r) => (
                <li key={r.id} className="report-inbox__item card" data-agency={r.agencyCode}>
                  <div className="report-inbox__head">
                    <strong>{pick(r.agencyNameVi, r.agencyNameEn)}</strong>{' '}
                    <span className="muted">
                      {t('reports.inbox.period', { period: r.period })} ·{' '}
                      {t('reports.report.revisionShort', { n: r.revision })}
                    </span>
                    {r.illustrative && (
                      <>
                        {' '}
                        <IllustrativeLabel />
                      </>
                    )}
                  </div>
                  <span>
                    {t('reports.inbox.dueOn', { date: formatDate(r.dueDate) })}
                    {r.submittedAt &&
                      ` · ${t('reports.queue.submittedAt', { at: formatDateTime(r.submittedAt) })}`}{' '}
                    · {t('reports.queue.items', { count: r.itemCount })}
                  </span>
                  <div className="report-inbox__actions">
                    <Link className="button" to={`/reports/${r.id}`}>
                      {t('reports.queue.open')}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={filter.page}
            pageCount={Math.ceil(queue.data.total / QUEUE_PAGE_SIZE)}
            hrefFor={(page) => `/reports/review?${new URLSearchParams(toParams({ ...filter, page }))}`}
          />
        </>
      )}
    </div>
  );
}
