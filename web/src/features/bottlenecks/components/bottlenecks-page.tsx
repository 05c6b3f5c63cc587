import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { orgUnitsQuery } from '../../admin/api/orgs.ts';
import { useCan } from '../../auth/api/get-me.ts';
import {
  BOARD_PAGE_SIZE,
  BOTTLENECK_STATUSES,
  BOTTLENECK_TYPES,
  type BoardFilter,
  boardFilterFromUrl,
  useBoard,
  useCounts,
} from '../api/bottlenecks.ts';
import { BottleneckCard } from './bottleneck-card.tsx';
import { RaiseForm } from './raise-form.tsx';
import { TaskPicker } from './task-picker.tsx';
import '../bottlenecks.css';

const toParams = (f: BoardFilter): Record<string, string> => {
  const out: Record<string, string> = {};
  if (f.status) out.status = f.status;
  if (f.type) out.type = f.type;
  if (f.agency) out.agency = String(f.agency);
  if (f.task) out.task = String(f.task);
  if (f.page > 1) out.page = String(f.page);
  return out;
};

/**
 * The bottleneck board (bottlenecks.read): counts by type and status, the list filtered by status,
 * type, agency and task, and the moves each person may make: the coordinator raises, escalates and
 * clears; the steering committee (or the coordinator) answers.
 */
export function BottlenecksPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = boardFilterFromUrl(params);
  const board = useBoard(filter);
  const counts = useCounts({ agency: filter.agency, task: filter.task });
  const units = useQuery(orgUnitsQuery({}));
  const canManage = useCan('bottlenecks.manage');
  const agencyCode = units.data?.items.find((u) => u.id === filter.agency)?.code ?? '';
  const update = (patch: Partial<BoardFilter>) => setParams(toParams({ ...filter, page: 1, ...patch }));
  const anyFilter = Boolean(filter.status || filter.type || filter.agency || filter.task);

  return (
    <div className="page page--wide bottlenecks">
      <PageTitle title={t('bottlenecks.title')} />
      <p className="lead">{t('bottlenecks.intro')}</p>

      {counts.data && (
        <section className="bottleneck-counts" aria-labelledby={`${id}-counts`}>
          <h2 id={`${id}-counts`} className="visually-hidden">
            {t('bottlenecks.counts.title')}
          </h2>
          <div className="bottleneck-counts__group">
            <h3>{t('bottlenecks.counts.byStatus')}</h3>
            <ul>
              {BOTTLENECK_STATUSES.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className="count-chip"
                    aria-pressed={filter.status === s}
                    onClick={() => update({ status: filter.status === s ? undefined : s })}
                  >
                    <span className="count-chip__n">{counts.data.byStatus[s]}</span>{' '}
                    {t(`bottlenecks.status.${s}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="bottleneck-counts__group">
            <h3>{t('bottlenecks.counts.byType')}</h3>
            <ul>
              {BOTTLENECK_TYPES.map((type) => (
                <li key={type}>
                  <button
                    type="button"
                    className="count-chip"
                    aria-pressed={filter.type === type}
                    onClick={() => update({ type: filter.type === type ? undefined : type })}
                  >
                    <span className="count-chip__n">{counts.data.byType[type]}</span>{' '}
                    {t(`bottlenecks.type.${type}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}

      <form className="filters bottleneck-filters" aria-label={t('bottlenecks.filters.label')}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-status`}>
            {t('bottlenecks.filters.status')}
          </label>
          <select
            id={`${id}-status`}
            value={filter.status ?? ''}
            onChange={(e) => update({ status: (e.target.value || undefined) as BoardFilter['status'] })}
          >
            <option value="">{t('bottlenecks.filters.any')}</option>
            {BOTTLENECK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`bottlenecks.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-type`}>
            {t('bottlenecks.filters.type')}
          </label>
          <select
            id={`${id}-type`}
            value={filter.type ?? ''}
            onChange={(e) => update({ type: (e.target.value || undefined) as BoardFilter['type'] })}
          >
            <option value="">{t('bottlenecks.filters.any')}</option>
            {BOTTLENECK_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`bottlenecks.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <OrgUnitSelect
          label={t('bottlenecks.filters.agency')}
          value={agencyCode}
          emptyLabel={t('bottlenecks.filters.anyAgency')}
          onChange={(unit) => update({ agency: unit?.id })}
        />
        <TaskPicker
          label={t('bottlenecks.filters.task')}
          value={filter.task ?? null}
          onChange={(task) => update({ task: task ?? undefined })}
        />
        {anyFilter && (
          <div className="field">
            <Link className="filters__reset" to="/bottlenecks">
              {t('bottlenecks.filters.reset')}
            </Link>
          </div>
        )}
      </form>

      {canManage && <RaiseForm />}

      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <p className="results__count" role="status">
            {t('bottlenecks.count', { count: board.data.total })}
          </p>
          {board.data.items.length === 0 ? (
            <p className="empty-state">{t('bottlenecks.empty')}</p>
          ) : (
            <ul className="bottleneck-list">
              {board.data.items.map((b) => (
                <BottleneckCard key={b.id} bottleneck={b} />
              ))}
            </ul>
          )}
          <Pagination
            page={filter.page}
            pageCount={Math.ceil(board.data.total / BOARD_PAGE_SIZE)}
            hrefFor={(page) => `/bottlenecks?${new URLSearchParams(toParams({ ...filter, page }))}`}
          />
        </>
      )}
    </div>
  );
}
