import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useTasks } from '../api/get-tasks.ts';
import {
  PAGE_SIZE,
  type TaskSearch,
  taskListHref,
  taskSearchFromUrl,
  taskSearchToUrl,
  toTaskListParams,
} from '../task-search.ts';
import { TaskFilters } from './task-filters.tsx';
import { TaskResults } from './task-results.tsx';

export function TaskListPage() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const [params, setParams] = useSearchParams();
  const search = taskSearchFromUrl(params);
  const tasks = useTasks(toTaskListParams(search));

  const update = useCallback(
    (patch: Partial<TaskSearch>, options?: { replace?: boolean }) => {
      setParams(
        (current) => {
          const next = { ...taskSearchFromUrl(current), ...patch };
          if (!('page' in patch)) next.page = 1; // a new filter starts at the first page
          if (next.sort === 'relevance' && !next.q) next.sort = 'code';
          return taskSearchToUrl(next);
        },
        { replace: options?.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );

  const total = tasks.data?.total ?? 0;
  const pageCount = Math.ceil(total / PAGE_SIZE);
  const first = (search.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(search.page * PAGE_SIZE, total);

  return (
    <div className="page page--wide">
      <PageTitle title={t('tasks.title')} />
      <p className="lead">{t('tasks.intro')}</p>
      <TaskFilters search={search} onChange={update} />
      <div className="results" aria-busy={tasks.isFetching}>
        <p className="results__count" role="status" aria-live="polite" aria-atomic="true">
          {tasks.data &&
            (total === 0
              ? t('tasks.noResults')
              : t('tasks.resultCount', {
                  count: total,
                  total: number(total),
                  first: number(first),
                  last: number(last),
                }))}
        </p>
        {tasks.isPending && <Loading />}
        {tasks.isError && <ErrorMessage error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.data && total > 0 && (
          <>
            <TaskResults tasks={tasks.data.items} caption={t('tasks.tableCaption')} />
            <Pagination
              page={search.page}
              pageCount={pageCount}
              hrefFor={(page) => taskListHref({ ...search, page })}
            />
          </>
        )}
      </div>
    </div>
  );
}
