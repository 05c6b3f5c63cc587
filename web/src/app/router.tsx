import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { agenciesQuery } from '../features/agencies/api/get-agencies.ts';
import { agencyQuery } from '../features/agencies/api/get-agency.ts';
import { loadReportQuery } from '../features/data/api/get-load-report.ts';
import {
  evaluationAgencyQuery,
  evaluationQuery,
  evaluationsQuery,
} from '../features/evaluations/api/get-evaluations.ts';
import { overviewQuery } from '../features/overview/api/get-overview.ts';
import { programQuery } from '../features/program/api/get-program.ts';
import { targetsQuery } from '../features/targets/api/get-targets.ts';
import { targetSearchFromUrl } from '../features/targets/target-search.ts';
import { taskQuery } from '../features/tasks/api/get-task.ts';
import { tasksQuery } from '../features/tasks/api/get-tasks.ts';
import { taskSearchFromUrl, toTaskListParams } from '../features/tasks/task-search.ts';
import { AppLayout } from './app-layout.tsx';
import { queryClient } from './query-client.ts';
import { RouteError } from './route-error.tsx';

/**
 * Each page's code is split out (`lazy`) and its data is requested by the loader at the same time,
 * so a navigation costs one round trip, not "load the code, then ask for the data".
 * Loaders only start the requests; pages show their own loading state.
 */
const prefetch = (start: (args: LoaderFunctionArgs) => unknown) => (args: LoaderFunctionArgs) => {
  void start(args);
  return null;
};

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div className="page-loading" />,
    children: [
      {
        index: true,
        loader: prefetch(() => queryClient.prefetchQuery(overviewQuery())),
        lazy: async () => ({
          Component: (await import('../features/overview/components/overview-page.tsx')).OverviewPage,
        }),
      },
      {
        path: 'tasks',
        loader: prefetch(({ request }) => {
          const search = taskSearchFromUrl(new URL(request.url).searchParams);
          void queryClient.prefetchQuery(tasksQuery(toTaskListParams(search)));
          void queryClient.prefetchQuery(agenciesQuery({})); // the lead-agency filter
          void queryClient.prefetchQuery(overviewQuery()); // the group filter's titles
        }),
        lazy: async () => ({
          Component: (await import('../features/tasks/components/task-list-page.tsx')).TaskListPage,
        }),
      },
      {
        path: 'tasks/:id',
        loader: prefetch(({ params }) => queryClient.prefetchQuery(taskQuery(Number(params.id)))),
        lazy: async () => ({
          Component: (await import('../features/tasks/components/task-page.tsx')).TaskPage,
        }),
      },
      {
        path: 'targets',
        loader: prefetch(({ request }) =>
          queryClient.prefetchQuery(targetsQuery(targetSearchFromUrl(new URL(request.url).searchParams))),
        ),
        lazy: async () => ({
          Component: (await import('../features/targets/components/targets-page.tsx')).TargetsPage,
        }),
      },
      {
        path: 'agencies',
        loader: prefetch(({ request }) => {
          const q = new URL(request.url).searchParams.get('q')?.trim();
          void queryClient.prefetchQuery(agenciesQuery(q ? { q } : {}));
        }),
        lazy: async () => ({
          Component: (await import('../features/agencies/components/agencies-page.tsx')).AgenciesPage,
        }),
      },
      {
        path: 'agencies/:code',
        loader: prefetch(({ params }) => queryClient.prefetchQuery(agencyQuery(params.code ?? ''))),
        lazy: async () => ({
          Component: (await import('../features/agencies/components/agency-page.tsx')).AgencyPage,
        }),
      },
      {
        path: 'evaluations',
        loader: prefetch(() => queryClient.prefetchQuery(evaluationsQuery())),
        lazy: async () => ({
          Component: (await import('../features/evaluations/components/evaluations-page.tsx'))
            .EvaluationsPage,
        }),
      },
      {
        path: 'evaluations/:id',
        loader: prefetch(({ params }) => queryClient.prefetchQuery(evaluationQuery(Number(params.id)))),
        lazy: async () => ({
          Component: (await import('../features/evaluations/components/evaluation-page.tsx')).EvaluationPage,
        }),
      },
      {
        path: 'evaluations/:id/agencies/:agencyId',
        loader: prefetch(({ params }) =>
          queryClient.prefetchQuery(evaluationAgencyQuery(Number(params.id), Number(params.agencyId))),
        ),
        lazy: async () => ({
          Component: (await import('../features/evaluations/components/evaluation-agency-page.tsx'))
            .EvaluationAgencyPage,
        }),
      },
      {
        path: 'program',
        loader: prefetch(() => queryClient.prefetchQuery(programQuery())),
        lazy: async () => ({
          Component: (await import('../features/program/components/program-page.tsx')).ProgramPage,
        }),
      },
      {
        path: 'data',
        loader: prefetch(() => {
          void queryClient.prefetchQuery(loadReportQuery());
          void queryClient.prefetchQuery(overviewQuery());
        }),
        lazy: async () => ({
          Component: (await import('../features/data/components/data-page.tsx')).DataPage,
        }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }),
      },
    ],
  },
]);
