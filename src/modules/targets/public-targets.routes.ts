import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode, searchText } from '../../lib/http.ts';
import { PROGRESS_STATUSES, type ProgressStatus } from './progress.ts';
import { targetTaskRoutes } from './target-tasks.routes.ts';
import {
  presentPublicValue,
  presentTarget,
  progressSchema,
  publicValueSchema,
  targetSchema,
} from './targets.presenter.ts';
import { progressOverview, publicTarget, targetsWithProgress } from './targets.service.ts';
import { TARGET_POLICIES } from './targets-actor.ts';
import { DOWNLOAD_COLUMNS, downloadRows, toCsv } from './targets-download.ts';

const tags = ['public: targets'];
const config = { policy: TARGET_POLICIES.public };

const filterQuery = z.object({
  program: programCode,
  q: searchText,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  group: z.coerce.number().int().min(1).max(999).optional(),
  agency: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code')
    .optional(),
});

const progressSummary = z.object({
  code: z.string(),
  textVi: z.string(),
  indicatorGroupNo: z.number().nullable(),
  ratio: z.number().nullable(),
  reason: z.string().nullable(),
  latest: z.object({ year: z.number(), value: z.number() }).nullable(),
});

const targetCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a target code');

export const publicTargetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/targets',
    {
      config,
      schema: {
        tags,
        summary: 'Targets of Resolution 57 with values, units, years and progress class, by indicator group',
        querystring: filterQuery,
        response: { 200: z.object({ items: z.array(targetSchema), total: z.number() }) },
      },
    },
    async (request) => {
      const { program, ...filter } = request.query;
      const { items } = await targetsWithProgress(request.readDb, program, filter);
      return { items: items.map((i) => presentTarget(i.target, i.progress)), total: items.length };
    },
  );

  app.get(
    '/public/targets/progress',
    {
      config,
      schema: {
        tags,
        summary: 'All targets by progress status (accepted values only)',
        querystring: z.object({ program: programCode }),
        response: {
          200: z.object({
            total: z.number(),
            counts: z.record(z.enum(PROGRESS_STATUSES), z.number()),
            byStatus: z.record(z.enum(PROGRESS_STATUSES), z.array(progressSummary)),
          }),
        },
      },
    },
    async (request) => {
      const { total, byStatus } = await progressOverview(request.readDb, request.query.program);
      const counts = {} as Record<ProgressStatus, number>;
      const summaries = {} as Record<ProgressStatus, z.infer<typeof progressSummary>[]>;
      for (const status of PROGRESS_STATUSES) {
        counts[status] = byStatus[status].length;
        summaries[status] = byStatus[status].map(({ target, progress }) => ({
          code: target.code,
          textVi: target.textVi,
          indicatorGroupNo: target.groupNo,
          ratio: progress.ratio,
          reason: progress.reason,
          latest: progress.latest,
        }));
      }
      return { total, counts, byStatus: summaries };
    },
  );

  app.get(
    '/public/targets.json',
    {
      config,
      schema: {
        tags,
        summary: 'Download: every target with its accepted values and progress, as JSON',
        querystring: z.object({ program: programCode }),
      },
    },
    async (request, reply) => {
      const { program, items } = await targetsWithProgress(request.readDb, request.query.program);
      reply.header(
        'content-disposition',
        `attachment; filename="${program.code.toLowerCase()}-targets.json"`,
      );
      return {
        program: program.code,
        generatedAt: new Date().toISOString(),
        note: 'Only values accepted by the coordinator are included. Method: docs/targets-progress.md',
        targets: items.map((i) => ({
          ...presentTarget(i.target, i.progress),
          progress: i.progress,
          values: i.values.map(presentPublicValue),
        })),
      };
    },
  );

  app.get(
    '/public/targets.csv',
    {
      config,
      schema: {
        tags,
        summary: `Download: one row per target and accepted value, as CSV (UTF-8 with BOM). Columns: ${DOWNLOAD_COLUMNS.join(', ')}`,
        querystring: z.object({ program: programCode }),
      },
    },
    async (request, reply) => {
      const { program, items } = await targetsWithProgress(request.readDb, request.query.program);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${program.code.toLowerCase()}-targets.csv"`)
        .send(toCsv(downloadRows(items)));
    },
  );

  app.get(
    '/public/targets/:code',
    {
      config,
      schema: {
        tags,
        summary:
          'One target: definition, accepted values, progress class with its inputs, projection and needed trajectory',
        params: z.object({ code: targetCode }),
        querystring: z.object({ program: programCode }),
        response: {
          200: z.object({
            target: targetSchema,
            values: z.array(publicValueSchema),
            progress: progressSchema,
          }),
        },
      },
    },
    async (request) => {
      const { target, values, progress } = await publicTarget(
        request.readDb,
        request.query.program,
        request.params.code,
      );
      return { target: presentTarget(target, progress), values: values.map(presentPublicValue), progress };
    },
  );

  await app.register(targetTaskRoutes);
};
