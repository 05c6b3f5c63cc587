import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { ADMIN_POLICIES } from '../features/admin/admin-policies.ts';
import { auditQuery } from '../features/admin/api/get-audit.ts';
import { orgQuery } from '../features/admin/api/orgs.ts';
import { auditSearchFromUrl } from '../features/admin/audit-search.ts';
import { agenciesQuery } from '../features/agencies/api/get-agencies.ts';
import { agencyQuery } from '../features/agencies/api/get-agency.ts';
import { type Me, meQuery } from '../features/auth/api/get-me.ts';
import { RequireSignIn } from '../features/auth/components/require-sign-in.tsx';
import { boardFilterFromUrl, boardQuery, countsQuery } from '../features/bottlenecks/api/bottlenecks.ts';
import { loadReportQuery } from '../features/data/api/get-load-report.ts';
import {
  evaluationAgencyQuery,
  evaluationHeadQuery,
  evaluationQuery,
  evaluationsQuery,
  methodQuery,
} from '../features/evaluations/api/get-evaluations.ts';
import { liveEvaluationQuery, liveRequestFromUrl } from '../features/evaluations/api/live-evaluation.ts';
import { methodsQuery } from '../features/evaluations/api/methods.ts';
import { recheckStateFromUrl, rechecksQuery } from '../features/evaluations/api/rechecks.ts';
import { pendingExtensionsQuery } from '../features/extensions/api/extensions.ts';
import { overviewQuery } from '../features/overview/api/get-overview.ts';
import { gapsByAgencyQuery, plansQuery } from '../features/plans/api/plans.ts';
import { programQuery } from '../features/program/api/get-program.ts';
import {
  loadItemLinks,
  loadRegister,
  loadRegisterTask,
  loadTaskHistory,
} from '../features/register/register-loaders.ts';
import { queueFilterFromUrl, reportQuery, reportQueueQuery } from '../features/reports/api/reports.ts';
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

/**
 * Staff data is prefetched only for those it is meant for: a visitor, or someone without the page's
 * policy, would get a 401/403 for nothing. A failed sign-in check just skips the prefetch; the page
 * asks again and shows its own state.
 */
const prefetchIf = (allowed: (me: Me) => boolean, start: (args: LoaderFunctionArgs) => unknown) =>
  prefetch(async (args) => {
    const me = await queryClient.ensureQueryData(meQuery()).catch(() => null);
    if (me && allowed(me)) await start(args);
  });
const whenSignedIn = (start: (args: LoaderFunctionArgs) => unknown) => prefetchIf(() => true, start);
const prefetchFor = (policy: string, start: (args: LoaderFunctionArgs) => unknown) =>
  prefetchIf((me) => me.can[policy] === true, start);

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
        path: 'reports',
        element: <RequireSignIn anyOf={['reports.read']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/reports/components/reports-inbox-page.tsx'))
                .ReportsInboxPage,
            }),
          },
          {
            path: 'review',
            element: <RequireSignIn anyOf={['reports.review']} />,
            loader: prefetchFor('reports.review', ({ request }) =>
              queryClient.prefetchQuery(
                reportQueueQuery(queueFilterFromUrl(new URL(request.url).searchParams)),
              ),
            ),
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/reports/components/review-queue-page.tsx'))
                    .ReviewQueuePage,
                }),
              },
            ],
          },
          {
            path: ':id',
            loader: whenSignedIn(({ params }) => queryClient.prefetchQuery(reportQuery(Number(params.id)))),
            lazy: async () => ({
              Component: (await import('../features/reports/components/report-page.tsx')).ReportPage,
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
        path: 'evaluations/:id/heads/:number',
        loader: prefetch(({ params }) =>
          queryClient.prefetchQuery(evaluationHeadQuery(Number(params.id), Number(params.number))),
        ),
        lazy: async () => ({
          Component: (await import('../features/evaluations/components/head-page.tsx')).HeadPage,
        }),
      },
      {
        path: 'evaluations/methods/:id',
        loader: prefetch(({ params }) => queryClient.prefetchQuery(methodQuery(Number(params.id)))),
        lazy: async () => ({
          Component: (await import('../features/evaluations/components/method-page.tsx')).MethodPage,
        }),
      },
      {
        // The evaluation desk: live view and publication, scoring methods, rechecks (signed-in staff).
        path: 'staff/evaluations',
        element: <RequireSignIn />,
        loader: prefetch(() => queryClient.prefetchQuery(meQuery())),
        children: [
          {
            lazy: async () => ({
              Component: (await import('../features/evaluations/components/desk-layout.tsx')).DeskLayout,
            }),
            children: [
              {
                index: true,
                loader: whenSignedIn(({ request }) => {
                  void queryClient.prefetchQuery(methodsQuery());
                  void queryClient.prefetchQuery(
                    liveEvaluationQuery(liveRequestFromUrl(new URL(request.url).searchParams)),
                  );
                }),
                lazy: async () => ({
                  Component: (await import('../features/evaluations/components/desk-live-page.tsx'))
                    .DeskLivePage,
                }),
              },
              {
                path: 'methods',
                loader: whenSignedIn(() => queryClient.prefetchQuery(methodsQuery())),
                lazy: async () => ({
                  Component: (await import('../features/evaluations/components/desk-methods-page.tsx'))
                    .DeskMethodsPage,
                }),
              },
              {
                path: 'rechecks',
                loader: whenSignedIn(({ request }) =>
                  queryClient.prefetchQuery(
                    rechecksQuery(recheckStateFromUrl(new URL(request.url).searchParams)),
                  ),
                ),
                lazy: async () => ({
                  Component: (await import('../features/evaluations/components/desk-rechecks-page.tsx'))
                    .DeskRechecksPage,
                }),
              },
            ],
          },
        ],
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
        // The coordinator's register (features/register): signed-in staff read it, coordinators edit it.
        path: 'register',
        element: <RequireSignIn anyOf={['register.read']} />,
        children: [
          {
            index: true,
            loader: prefetch(({ request }) => loadRegister(queryClient, new URL(request.url))),
            lazy: async () => ({
              Component: (await import('../features/register/components/register-page.tsx')).RegisterPage,
            }),
          },
          {
            path: 'tasks/new',
            element: <RequireSignIn anyOf={['register.manage']} />,
            children: [
              {
                index: true,
                loader: prefetch(() => loadRegisterTask(queryClient, 0)),
                lazy: async () => ({
                  Component: (await import('../features/register/components/task-editor-page.tsx'))
                    .TaskEditorPage,
                }),
              },
            ],
          },
          {
            path: 'tasks/:id',
            loader: prefetch(({ params }) => loadRegisterTask(queryClient, Number(params.id))),
            lazy: async () => ({
              Component: (await import('../features/register/components/task-editor-page.tsx'))
                .TaskEditorPage,
            }),
          },
          {
            path: 'tasks/:id/history',
            loader: prefetch(({ params }) => loadTaskHistory(queryClient, Number(params.id))),
            lazy: async () => ({
              Component: (await import('../features/register/components/task-history-page.tsx'))
                .TaskHistoryPage,
            }),
          },
          {
            path: 'links',
            element: <RequireSignIn anyOf={['register.manage']} />,
            children: [
              {
                index: true,
                loader: prefetch(() => loadItemLinks(queryClient)),
                lazy: async () => ({
                  Component: (await import('../features/register/components/item-links-page.tsx'))
                    .ItemLinksPage,
                }),
              },
            ],
          },
        ],
      },
      {
        path: 'plans',
        element: <RequireSignIn />,
        children: [
          {
            index: true,
            loader: prefetch(() => queryClient.prefetchQuery(plansQuery())),
            lazy: async () => ({
              Component: (await import('../features/plans/components/plans-page.tsx')).PlansPage,
            }),
          },
          {
            path: 'gaps',
            loader: prefetch(() => queryClient.prefetchQuery(gapsByAgencyQuery())),
            lazy: async () => ({
              Component: (await import('../features/plans/components/gaps-page.tsx')).GapsPage,
            }),
          },
          {
            path: ':agency',
            loader: prefetch(() => queryClient.prefetchQuery(plansQuery())),
            lazy: async () => ({
              Component: (await import('../features/plans/components/plan-page.tsx')).PlanPage,
            }),
          },
        ],
      },
      {
        path: 'register/import',
        element: <RequireSignIn anyOf={['register.manage']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/register-io/components/import-page.tsx')).ImportPage,
            }),
          },
        ],
      },
      {
        path: 'register/extensions',
        element: <RequireSignIn anyOf={['extensions.decide']} />,
        children: [
          {
            index: true,
            loader: prefetch(() => queryClient.prefetchQuery(pendingExtensionsQuery())),
            lazy: async () => ({
              Component: (await import('../features/extensions/components/extensions-page.tsx'))
                .ExtensionsPage,
            }),
          },
        ],
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
        path: 'notifications',
        element: <RequireSignIn />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/notifications/components/notifications-page.tsx'))
                .NotificationsPage,
            }),
          },
        ],
      },
      {
        path: 'reporting-rates',
        element: <RequireSignIn anyOf={['reports.read']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/reporting-rates/components/reporting-rates-page.tsx'))
                .ReportingRatesPage,
            }),
          },
        ],
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
            path: 'calendar',
            element: <RequireSignIn anyOf={['calendar.manage']} />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/calendar/components/calendar-page.tsx')).CalendarPage,
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
