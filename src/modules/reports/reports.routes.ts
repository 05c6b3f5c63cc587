import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, pageQuery, paginated, programCode } from '../../lib/http.ts';
import { notFound } from '../../server/errors.ts';
import { localise, prefersVietnamese } from '../../server/refusal-language.ts';
import { can } from '../access/policies.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { vietnamToday } from '../task-status/dates.ts';
import { actingUser } from './acting-user.ts';
import { generateObligations, listSchedules, programIdOf, setSchedule } from './obligations.service.ts';
import { reportContentSchema } from './report-content.ts';
import {
  obligationSchema,
  presentReport,
  rateSchema,
  reportDetailSchema,
  scheduleSchema,
} from './reports.presenter.ts';
import { reportsRepository } from './reports.repository.ts';
import { FREQUENCIES, ITEM_STATUSES as ITEM_STATUS_LIST, REPORT_STATUSES } from './reports.schema.ts';
import {
  acceptReport,
  correctReport,
  createReport,
  DraftConflict,
  getReport,
  listReports,
  reportPermissions,
  returnReport,
  saveDraft,
  submitReport,
} from './reports.service.ts';

const tags = ['reports'];
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });
const agencyId = z.coerce.number().int().min(1).max(2147483647);
const conflictBody = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    // Present when the draft changed since the caller loaded it: what changed, and the draft as it is now.
    lockVersion: z.number().int().optional(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).optional(),
    current: z.unknown().optional(),
  }),
});

function conflictReply(request: FastifyRequest, error: DraftConflict) {
  return {
    error: {
      code: 'conflict' as const,
      // The one refusal sent by its route (it carries the current draft): in the caller's language too.
      message: prefersVietnamese(request.headers['accept-language'])
        ? localise(error.message)
        : error.message,
      lockVersion: error.currentLockVersion,
      changes: error.changes,
      current: error.current,
    },
  };
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  /** A report as its answers show it, with what the caller may do with it now. */
  const detail = async (request: FastifyRequest, id: number) => {
    const found = await getReport(db(), id);
    return presentReport(found, await reportPermissions(db(), actingUser(request), found.report));
  };

  app.get(
    '/reports/schedules',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: "The program's reporting schedules",
        querystring: z.object({ program: programCode }),
        response: { 200: z.array(scheduleSchema) },
      },
    },
    async (request) => listSchedules(db(), await programIdOf(db(), request.query.program)),
  );

  app.put(
    '/reports/schedules/:frequency',
    {
      config: { policy: 'reports.configure' },
      schema: {
        tags,
        summary: 'Set how often agencies report and when each period is due',
        params: z.object({ frequency: z.enum(FREQUENCIES) }),
        querystring: z.object({ program: programCode }),
        body: z.object({
          dueOffsetDays: z.number().int().min(-180).max(180).default(0),
          dueDates: z.array(z.string()).max(12).nullable().default(null),
          active: z.boolean().default(true),
        }),
        response: { 200: scheduleSchema },
      },
    },
    async (request) =>
      setSchedule(db(), actingUser(request).actor, await programIdOf(db(), request.query.program), {
        frequency: request.params.frequency,
        ...request.body,
      }),
  );

  app.post(
    '/reports/obligations/generate',
    {
      config: { policy: 'reports.configure' },
      schema: {
        tags,
        summary: 'Create the reporting obligations (agency × period × due date) for a date range; idempotent',
        body: z.object({ program: programCode, from: isoDate, to: isoDate }),
        response: {
          200: z.object({
            created: z.number().int(),
            existing: z.number().int(),
            agencies: z.number().int(),
            periods: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      generateObligations(db(), actingUser(request).actor, {
        programId: await programIdOf(db(), request.body.program),
        from: request.body.from,
        to: request.body.to,
      }),
  );

  app.get(
    '/reports/obligations',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: "Reporting obligations with their report's state: an agency's inbox, a period's list",
        querystring: z.object({
          program: programCode,
          agency: agencyId.optional(),
          period: z.string().max(20).optional(),
          dueFrom: isoDate.optional(),
          dueTo: isoDate.optional(),
        }),
        response: { 200: z.array(obligationSchema) },
      },
    },
    async (request) => {
      const calendar = await loadWorkingCalendar(db());
      const today = vietnamToday();
      const found = await reportsRepository(db()).listObligations({
        programId: await programIdOf(db(), request.query.program),
        agencyId: request.query.agency,
        period: request.query.period,
        dueFrom: request.query.dueFrom,
        dueTo: request.query.dueTo,
      });
      return found.map((o) => ({
        id: o.id,
        agency: { id: o.agencyId, code: o.agencyCode, nameVi: o.agencyName },
        frequency: o.frequency,
        period: o.period,
        periodStart: o.periodStart,
        periodEnd: o.periodEnd,
        dueDate: o.dueDate,
        reportId: o.reportId,
        reportStatus: o.reportStatus as (typeof REPORT_STATUSES)[number] | null,
        returnReason: o.returnReason,
        firstSubmittedAt: o.firstSubmittedAt,
        workingDaysLeft: calendar.dueInWorkingDays(o.dueDate, today),
        illustrative: o.illustrative,
      }));
    },
  );

  app.get(
    '/reports/rates',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary:
          'Reporting measured: expected, submitted, submitted on time and accepted, per agency and period',
        querystring: z.object({ program: programCode, dueFrom: isoDate, dueTo: isoDate }),
        response: { 200: z.array(rateSchema) },
      },
    },
    async (request) =>
      reportsRepository(db()).rates({
        programId: await programIdOf(db(), request.query.program),
        dueFrom: request.query.dueFrom,
        dueTo: request.query.dueTo,
      }),
  );

  app.get(
    '/reports',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: "Reports by status and agency: the coordinator's review queue is status=submitted",
        querystring: z.object({
          program: programCode,
          status: z.enum(REPORT_STATUSES).optional(),
          agency: agencyId.optional(),
          period: z.string().max(20).optional(),
          ...pageQuery,
        }),
        response: {
          200: paginated(
            z.object({
              id: z.number().int(),
              agencyId: z.number().int(),
              agencyCode: z.string(),
              agencyNameVi: z.string(),
              agencyNameEn: z.string().nullable(),
              period: z.string(),
              dueDate: z.string(),
              revision: z.number().int(),
              status: z.string(),
              submittedAt: z.string().nullable(),
              acceptedAt: z.string().nullable(),
              itemCount: z.number().int(),
              illustrative: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const { program, agency, ...rest } = request.query;
      const result = await listReports(db(), {
        ...rest,
        agencyId: agency,
        programId: await programIdOf(db(), program),
      });
      return { ...result, items: result.items.map(({ total: _, ...item }) => item) };
    },
  );

  app.post(
    '/reports',
    {
      config: { policy: 'reports.draft' },
      schema: {
        tags,
        summary: "Start the draft of the acting agency's report for an obligation",
        body: z.object({ obligationId: z.number().int().min(1).max(2147483647) }),
        response: { 201: reportDetailSchema },
      },
    },
    async (request, reply) => {
      const id = await createReport(db(), actingUser(request), request.body.obligationId);
      return reply.status(201).send(await detail(request, id));
    },
  );

  app.get(
    '/reports/:id',
    {
      config: { policy: 'reports.read' },
      schema: {
        tags,
        summary: 'A report with its items, evidence, revisions and the reviewer’s assessment',
        params: idParam,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => {
      const found = await getReport(db(), request.params.id);
      // A draft is the agency's own until submitted: only those who may read its drafts see it.
      if (
        found.report.status === 'draft' &&
        !can(request.subject, 'reports.read_drafts', { orgUnitId: found.report.agencyId })
      )
        throw notFound('Report');
      return presentReport(found, await reportPermissions(db(), actingUser(request), found.report));
    },
  );

  app.put(
    '/reports/:id',
    {
      config: { policy: 'reports.draft' },
      schema: {
        tags,
        summary:
          'Save the draft as a whole; lockVersion is the version you loaded (409 with the changes if stale)',
        params: idParam,
        body: reportContentSchema.extend({ lockVersion: z.number().int().min(1) }),
        response: { 200: reportDetailSchema, 409: conflictBody },
      },
    },
    async (request, reply) => {
      const { lockVersion, ...content } = request.body;
      try {
        await saveDraft(db(), actingUser(request), { reportId: request.params.id, lockVersion, content });
      } catch (error) {
        if (error instanceof DraftConflict)
          return reply.header('vary', 'Accept-Language').status(409).send(conflictReply(request, error));
        throw error;
      }
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/reports/:id/submit',
    {
      config: { policy: 'reports.submit' },
      schema: {
        tags,
        summary: "The head approves and submits the agency's report",
        params: idParam,
        body: z.object({ lockVersion: z.number().int().min(1) }),
        response: { 200: reportDetailSchema, 409: conflictBody },
      },
    },
    async (request, reply) => {
      try {
        await submitReport(db(), actingUser(request), {
          reportId: request.params.id,
          lockVersion: request.body.lockVersion,
        });
      } catch (error) {
        if (error instanceof DraftConflict)
          return reply.header('vary', 'Accept-Language').status(409).send(conflictReply(request, error));
        throw error;
      }
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/reports/:id/return',
    {
      config: { policy: 'reports.review' },
      schema: {
        tags,
        summary: 'The coordinator returns a submitted report with a reason',
        params: idParam,
        body: z.object({ reason: z.string().max(5000) }),
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => {
      await returnReport(db(), actingUser(request), {
        reportId: request.params.id,
        reason: request.body.reason,
      });
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/reports/:id/accept',
    {
      config: { policy: 'reports.review' },
      schema: {
        tags,
        summary:
          'The coordinator accepts (locks) a submitted report, optionally marking disagreement per task',
        params: idParam,
        body: z.object({
          assessments: z
            .array(
              z.object({
                taskId: z.number().int().min(1),
                status: z.enum(ITEM_STATUS_LIST).nullable().default(null),
                progress: z.number().int().min(0).max(100).nullable().default(null),
                note: z.string().max(5000).nullable().default(null),
              }),
            )
            .max(500)
            .default([]),
        }),
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => {
      await acceptReport(db(), actingUser(request), {
        reportId: request.params.id,
        assessments: request.body.assessments,
      });
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/reports/:id/corrections',
    {
      config: { policy: 'reports.draft' },
      schema: {
        tags,
        summary: 'Open a correction of an accepted report: a new revision with a reason',
        params: idParam,
        body: z.object({ reason: z.string().max(5000) }),
        response: { 201: reportDetailSchema },
      },
    },
    async (request, reply) => {
      const id = await correctReport(db(), actingUser(request), {
        reportId: request.params.id,
        reason: request.body.reason,
      });
      return reply.status(201).send(await detail(request, id));
    },
  );
};
