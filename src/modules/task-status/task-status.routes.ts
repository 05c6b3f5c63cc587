import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { isoDate, programCode } from '../../lib/http.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { illustrativeReportsRepository } from '../reports/illustrative-reports.repository.ts';
import { programIdOf } from '../reports/obligations.service.ts';
import { vietnamToday } from './dates.ts';
import { STATUS_KINDS } from './task-status.rules.ts';
import { taskStatusesAsOf } from './task-status.service.ts';

const tags = ['task status'];
const kind = z.enum(STATUS_KINDS);
const judgement = z.object({
  status: kind,
  dueDate: z.string().nullable(),
  completedOn: z.string().nullable(),
  lateDays: z.number().int(),
  againstCurrent: z.object({ status: kind, dueDate: z.string(), lateDays: z.number().int() }).nullable(),
  progress: z.number().int(),
  basisReportId: z.number().int().nullable(),
  /** The basis is one of demo mode's illustrative reports: show "Minh hoạ" (decision 100). */
  illustrative: z.boolean(),
});
const statusSchema = z.object({
  taskId: z.number().int(),
  code: z.string(),
  deadlineAsWritten: z.string().nullable(),
  asOf: z.string(),
  originalDueDate: z.string().nullable(),
  currentDueDate: z.string().nullable(),
  status: kind,
  judgement: judgement.nullable(),
  occurrences: z.array(judgement.extend({ period: z.string() })),
});

type Judged = { basis: { reportId: number } | null } & Omit<
  z.infer<typeof judgement>,
  'basisReportId' | 'illustrative'
>;
const present = ({ basis, ...j }: Judged, illustrative: ReadonlySet<number>) => ({
  ...j,
  basisReportId: basis?.reportId ?? null,
  illustrative: basis ? illustrative.has(basis.reportId) : false,
});

const statusQuery = z.object({
  program: programCode,
  asOf: isoDate.optional(),
  agency: z.coerce.number().int().min(1).max(2147483647).optional(),
  task: z.coerce.number().int().min(1).max(2147483647).optional(),
  currentDeadline: isoDate.optional(),
});

export const taskStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  // Public answers read a replica when there is one (request.readDb); staff answers the primary.
  const answer = async (db: Db, q: z.infer<typeof statusQuery>) => {
    const found = await taskStatusesAsOf(db, await loadWorkingCalendar(db), {
      programId: await programIdOf(db, q.program),
      asOf: q.asOf ?? vietnamToday(),
      agencyId: q.agency,
      taskIds: q.task ? [q.task] : undefined,
      currentDeadlines: q.task && q.currentDeadline ? new Map([[q.task, q.currentDeadline]]) : undefined,
    });
    const bases = found.flatMap((s) =>
      [s.judgement, ...s.occurrences].flatMap((j) => (j?.basis ? [j.basis.reportId] : [])),
    );
    const illustrative = await illustrativeReportsRepository(app.database.db).illustrativeOf([
      ...new Set(bases),
    ]);
    return found.map((s) => ({
      ...s,
      judgement: s.judgement ? present(s.judgement, illustrative) : null,
      occurrences: s.occurrences.map(({ period, ...o }) => ({ period, ...present(o, illustrative) })),
    }));
  };

  // Public: accepted reports are what the Program publishes. The date is required so a cached answer
  // (per URL) never outlives its day.
  app.get(
    '/public/task-status',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['public: task status'],
        summary: 'Each task’s status as of a date, from accepted reports only; lateness in working days',
        querystring: statusQuery.extend({ asOf: isoDate }),
        response: { 200: z.array(statusSchema) },
      },
    },
    async (request) => answer(request.readDb, request.query),
  );

  app.get(
    '/task-status',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: 'Each task’s status as of a date, from reports accepted by then; lateness in working days',
        querystring: statusQuery,
        response: { 200: z.array(statusSchema) },
      },
    },
    async (request) => answer(request.readDb, request.query),
  );
};
