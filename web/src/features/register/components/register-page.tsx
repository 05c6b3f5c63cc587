import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { useRegisterAsOf, useRegisterTasks } from '../api/register-tasks.ts';
import type { ColumnId } from '../columns.ts';
import { filterRows, prepareRows, type RegisterRow, sortRows } from '../register-rows.ts';
import type { RegisterFilters as Filters } from '../register-search.ts';
import { AsOfPicker } from './as-of-picker.tsx';
import { ColumnChooser } from './column-chooser.tsx';
import { IncompleteSummary } from './incomplete-summary.tsx';
import { RegisterFilters } from './register-filters.tsx';
import { RegisterTable } from './register-table.tsx';
import { SavedViews } from './saved-views.tsx';
import { useAgencyLabel } from './use-agency-label.ts';
import { useRegisterSearch } from './use-register-search.ts';
import '../register.css';

/**
 * The coordinator's register: every Program task with its 5 rõ fields and what it lacks, filtered,
 * sorted and shown by columns as the URL says; saved views; the register as of a past date.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const canManage = useCan('register.manage');
  const canDecide = useCan('extensions.decide');
  const [search, update] = useRegisterSearch();
  const current = useRegisterTasks(!search.at);
  const past = useRegisterAsOf(search.at);
  const query = search.at ? past : current;
  const label = useAgencyLabel();

  const updateFilters = useCallback(
    (patch: Partial<Filters>, options?: { replace?: boolean }) => update(patch, options),
    [update],
  );

  const prepared = useMemo(() => prepareRows(query.data?.items ?? [], label), [query.data, label]);
  const groups = useMemo(
    () => [...new Set(prepared.map((r) => r.task.groupNo))].sort((a, b) => a - b),
    [prepared],
  );
  // Sorted once per sort order, then filtered (filtering keeps the order): a filter never re-sorts.
  const sorted = useMemo(
    () => sortRows(prepared, search.sort, search.dir),
    [prepared, search.sort, search.dir],
  );
  const { q, group, lead, state, missing, productType, dueFrom, dueTo } = search;
  const rows = useMemo(
    () => filterRows(sorted, { q, group, lead, state, missing, productType, dueFrom, dueTo }),
    [sorted, q, group, lead, state, missing, productType, dueFrom, dueTo],
  );

  const onSort = (column: ColumnId) =>
    update({ sort: column, dir: search.sort === column && search.dir === 'asc' ? 'desc' : 'asc' });
  const linkFor = (row: RegisterRow) =>
    search.at ? `/register/tasks/${row.task.id}/history` : `/register/tasks/${row.task.id}`;
  const total = query.data?.items.length ?? 0;

  return (
    <div className="page page--wide register-page">
      <PageTitle title={t('register.title')} />
      <p className="lead">{canManage ? t('register.introManage') : t('register.introRead')}</p>
      <nav className="register-actions" aria-label={t('register.actionsLabel')}>
        {canManage && (
          <Link className="button" to="/register/tasks/new">
            {t('register.newTask')}
          </Link>
        )}
        {canManage && (
          <Link className="button button--secondary" to="/register/links">
            {t('register.links.nav')}
          </Link>
        )}
        {canDecide && (
          <Link className="button button--secondary" to="/register/extensions">
            {t('register.extensionsLink')}
          </Link>
        )}
      </nav>
      {!canManage && <p className="notice">{t('register.readOnly')}</p>}

      {search.at ? (
        <p className="notice notice--warn register-as-of" role="status">
          {t('register.asOf.showing', { date: formatDate(search.at) })}{' '}
          <button type="button" className="link-button" onClick={() => update({ at: '' })}>
            {t('register.asOf.backToNow')}
          </button>
        </p>
      ) : (
        <IncompleteSummary onPick={(code) => update({ lead: code, missing: 'any' })} />
      )}

      <RegisterFilters search={search} groups={groups} onChange={updateFilters} />
      <div className="register-tools">
        <SavedViews search={search} onApply={(next) => update({ ...next, at: search.at })} />
        <ColumnChooser columns={search.columns} onChange={(columns) => update({ columns })} />
        <AsOfPicker at={search.at} onChange={(at) => update({ at })} />
      </div>

      <div className="results" aria-busy={query.isFetching}>
        <p className="results__count" role="status" aria-live="polite" aria-atomic="true">
          {query.data &&
            (rows.length === 0
              ? t('register.noResults')
              : t('register.count', {
                  count: rows.length,
                  shown: number(rows.length),
                  total: number(total),
                }))}
        </p>
        {query.isPending && <Loading />}
        {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && rows.length > 0 && (
          <>
            <p id="register-keys" className="field__hint">
              {t('register.keys')}
            </p>
            <RegisterTable
              rows={rows}
              columns={search.columns}
              sort={search.sort}
              dir={search.dir}
              onSort={onSort}
              caption={
                search.at
                  ? t('register.asOf.caption', { date: formatDate(search.at) })
                  : t('register.caption')
              }
              linkFor={linkFor}
            />
          </>
        )}
      </div>
    </div>
  );
}
