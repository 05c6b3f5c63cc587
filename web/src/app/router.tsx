import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { ADMIN_POLICIES } from '../features/admin/admin-policies.ts';
import { auditQuery } from '../features/admin/api/get-audit.ts';
import { orgQuery } from '../features/admin/api/orgs.ts';
import { auditSearchFromUrl } from '../features/admin/audit-search.ts';
import { agenciesQuery } from '../features/agencies/api/get-agencies.ts';
import { agencyQuery } from '../features/agencies/api/get-agency.ts';
import { meQuery } from '../features/auth/api/get-me.ts';
import { RequireSignIn } from '../features/auth/components/require-sign-in.tsx';
import { boardFilterFromUrl, boardQuery, countsQuery } from '../features/bottlenecks/api/bottlenecks.ts';
import { loadReportQuery } from '../features/data/api/get-load-report.ts';
import {
  evaluationAgencyQuery,
  evaluationQuery,
  evaluationsQuery,
} from '../features/evaluations/api/get-evaluations.ts';
import { overviewQuery } from '../features/overview/api/get-overview.ts';
import { programQuery } from '../features/program/api/get-program.ts';
import { definitionQuery } from '../features/target-admin/api/target-definition.ts';
import { myValuesQuery, reviewQueueQuery } from '../features/target-admin/api/target-values.ts';
import { targetQuery } from '../features/targets/api/get-target.ts';
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

/** Prefetches only for those who hold the page's policy: anyone else would get a 401/403 for nothing. */
const prefetchFor = (policy: string, start: (args: LoaderFunctionArgs) => unknown) =>
  prefetch(async (args) => {
    // The page shows its own error if asking who is signed in fails; the prefetch just gives up.
    const me = await queryClient.ensureQueryData(meQuery()).catch(() => null);
    if (me?.can[policy]) await start(args);
  });

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
        path: 'targets/:code',
        loader: prefetch(({ params }) => queryClient.prefetchQuery(targetQuery(params.code ?? ''))),
        lazy: async () => ({
          Component: (await import('../features/targets/components/target-page.tsx')).TargetPage,
        }),
      },
      {
        path: 'targets/:code/definition',
        element: <RequireSignIn anyOf={['targets.manage']} />,
        loader: prefetch(({ params }) => queryClient.prefetchQuery(definitionQuery(params.code ?? ''))),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/target-admin/components/definition-page.tsx'))
                .DefinitionPage,
            }),
          },
        ],
      },
      {
        path: 'target-values',
        element: <RequireSignIn anyOf={['targets.values.enter']} />,
        loader: prefetch(() => queryClient.prefetchQuery(myValuesQuery())),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/target-admin/components/values-page.tsx')).ValuesPage,
            }),
          },
        ],
      },
      {
        path: 'target-values/review',
        element: <RequireSignIn anyOf={['targets.values.review']} />,
        loader: prefetch(() => queryClient.prefetchQuery(reviewQueueQuery())),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/target-admin/components/review-page.tsx')).ReviewPage,
            }),
          },
        ],
      },
      {
        path: 'bottlenecks',
        element: <RequireSignIn anyOf={['bottlenecks.read']} />,
        loader: prefetch(({ request }) => {
          const filter = boardFilterFromUrl(new URL(request.url).searchParams);
          void queryClient.prefetchQuery(boardQuery(filter));
          void queryClient.prefetchQuery(countsQuery({ agency: filter.agency, task: filter.task }));
        }),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/bottlenecks/components/bottlenecks-page.tsx'))
                .BottlenecksPage,
            }),
          },
        ],
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
        path: 'sign-in',
        lazy: async () => ({
          Component: (await import('../features/auth/components/sign-in-page.tsx')).SignInPage,
        }),
      },
      {
        path: 'password-reset',
        lazy: async () => ({
          Component: (await import('../features/auth/components/password-reset-page.tsx'))
            .PasswordResetRequestPage,
        }),
      },
      {
        // The emailed link is PUBLIC_URL/reset-password#token=…; /password-reset/:token also works.
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('../features/auth/components/password-reset-page.tsx'))
            .PasswordResetConfirmPage,
        }),
      },
      {
        path: 'password-reset/:token',
        lazy: async () => ({
          Component: (await import('../features/auth/components/password-reset-page.tsx'))
            .PasswordResetConfirmPage,
        }),
      },
      {
        path: 'profile',
        element: <RequireSignIn />,
        loader: prefetch(() => queryClient.prefetchQuery(meQuery())),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/profile/components/profile-page.tsx')).ProfilePage,
            }),
          },
        ],
      },
      {
        path: 'admin',
        element: <RequireSignIn anyOf={ADMIN_POLICIES} />,
        loader: prefetch(() => queryClient.prefetchQuery(meQuery())),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/admin/components/admin-page.tsx')).AdminPage,
            }),
          },
          {
            path: 'users',
            element: <RequireSignIn anyOf={['users.read', 'users.manage']} />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/admin/components/users-page.tsx')).UsersPage,
                }),
              },
              {
                path: 'import',
                element: <RequireSignIn anyOf={['users.manage']} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/admin/components/users-import-page.tsx'))
                        .UsersImportPage,
                    }),
                  },
                ],
              },
            ],
          },
          {
            path: 'orgs',
            element: <RequireSignIn anyOf={['orgs.manage']} />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/admin/components/orgs-page.tsx')).OrgsPage,
                }),
              },
              {
                path: 'import',
                lazy: async () => ({
                  Component: (await import('../features/admin/components/orgs-import-page.tsx'))
                    .OrgsImportPage,
                }),
              },
              {
                path: 'merge',
                lazy: async () => ({
                  Component: (await import('../features/admin/components/org-merge-page.tsx')).OrgMergePage,
                }),
              },
              {
                path: 'split',
                lazy: async () => ({
                  Component: (await import('../features/admin/components/org-split-page.tsx')).OrgSplitPage,
                }),
              },
              {
                path: ':code',
                loader: prefetchFor('orgs.manage', ({ params }) =>
                  queryClient.prefetchQuery(orgQuery(params.code ?? '')),
                ),
                lazy: async () => ({
                  Component: (await import('../features/admin/components/org-unit-page.tsx')).OrgUnitPage,
                }),
              },
            ],
          },
          {
            path: 'audit',
            element: <RequireSignIn anyOf={['audit.read']} />,
            children: [
              {
                index: true,
                loader: prefetchFor('audit.read', ({ request }) =>
                  queryClient.prefetchQuery(
                    auditQuery(auditSearchFromUrl(new URL(request.url).searchParams)),
                  ),
                ),
                lazy: async () => ({
                  Component: (await import('../features/admin/components/audit-page.tsx')).AuditPage,
                }),
              },
            ],
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }),
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }),
      },
    ],
  },
]);
