import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paginated, programCode } from '../../lib/http.ts';
import { actingUser } from '../reports/acting-user.ts';
import { programIdOf } from '../reports/obligations.service.ts';
import { BOTTLENECK_ACTIONS, BOTTLENECK_STATUSES, BOTTLENECK_TYPES } from './bottlenecks.schema.ts';
import {
  countBottlenecks,
  getBottleneck,
  listBottlenecks,
  moveBottleneck,
  raiseBottleneck,
} from './bottlenecks.service.ts';

const tags = ['bottlenecks'];
const dbId = z.coerce.number().int().min(1).max(2147483647);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(10))
    .optional();

const bottleneckSchema = z.object({
  id: z.number().int(),
  agencyId: z.number().int().nullable(),
  agencyCode: z.string().nullable(),
  agencyNameVi: z.string().nullable(),
  agencyNameEn: z.string().nullable(),
  taskId: z.number().int().nullable(),
  taskCode: z.string().nullable(),
  taskContentVi: z.string().nullable(),
  reportId: z.number().int().nullable(),
  type: z.enum(BOTTLENECK_TYPES),
  description: z.string(),
  status: z.enum(BOTTLENECK_STATUSES),
  escalatedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const bottleneckRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/bottlenecks',
    {
      config: { policy: 'bottlenecks.read' },
      schema: {
        tags,
        summary: 'The bottleneck board, filtered by status, type, agency and task',
        querystring: z.object({
          program: programCode,
          status: list(BOTTLENECK_STATUSES),
          type: list(BOTTLENECK_TYPES),
          agency: dbId.optional(),
          task: dbId.optional(),
          ...pageQuery,
        }),
        response: { 200: paginated(bottleneckSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listBottlenecks(db(), {
        programId: await programIdOf(db(), q.program),
        status: q.status,
        type: q.type,
        agencyId: q.agency,
        taskId: q.task,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...result, items: result.items.map(({ total: _, programId: __, ...b }) => b) };
    },
  );

  app.get(
    '/bottlenecks/counts',
    {
      config: { policy: 'bottlenecks.read' },
      schema: {
        tags,
        summary: 'How many bottlenecks of each type and in each status (for an agency or a task)',
        querystring: z.object({ program: programCode, agency: dbId.optional(), task: dbId.optional() }),
        response: {
          200: z.object({
            total: z.number().int(),
            byType: z.record(z.enum(BOTTLENECK_TYPES), z.number().int()),
            byStatus: z.record(z.enum(BOTTLENECK_STATUSES), z.number().int()),
            cells: z.array(
              z.object({
                type: z.enum(BOTTLENECK_TYPES),
                status: z.enum(BOTTLENECK_STATUSES),
                count: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return countBottlenecks(db(), {
        programId: await programIdOf(db(), q.program),
        agencyId: q.agency,
        taskId: q.task,
      });
    },
  );

  app.get(
    '/bottlenecks/:id',
    {
      config: { policy: 'bottlenecks.read' },
      schema: {
        tags,
        summary:
          'One bottleneck and its history: raised (by whom, in which report), escalated, answered, cleared',
        params: z.object({ id: dbId }),
        querystring: z.object({ program: programCode }),
        response: {
          200: bottleneckSchema.extend({
            history: z.array(
              z.object({
                action: z.enum(['raise', ...BOTTLENECK_ACTIONS]),
                at: z.string(),
                actorName: z.string().nullable(),
                note: z.string().nullable(),
                reportId: z.number().int().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { bottleneck, history } = await getBottleneck(
        db(),
        await programIdOf(db(), request.query.program),
        request.params.id,
      );
      const { total: _, programId: __, ...b } = bottleneck;
      return {
        ...b,
        history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
      };
    },
  );

  app.post(
    '/bottlenecks',
    {
      config: { policy: 'bottlenecks.manage' },
      schema: {
        tags,
        summary: 'The coordinator raises a bottleneck',
        body: z.object({
          program: programCode,
          agencyId: z.number().int().min(1).nullable().default(null),
          taskId: z.number().int().min(1).nullable().default(null),
          type: z.enum(BOTTLENECK_TYPES),
          description: z.string().min(1).max(5000),
        }),
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const { program, ...rest } = request.body;
      const id = await raiseBottleneck(db(), actingUser(request).actor, {
        ...rest,
        programId: await programIdOf(db(), program),
      });
      return reply.status(201).send({ id });
    },
  );

  for (const action of ['escalate', 'answer', 'clear'] as const) {
    app.post(
      `/bottlenecks/:id/${action}`,
      {
        config: { policy: action === 'answer' ? 'bottlenecks.answer' : 'bottlenecks.manage' },
        schema: {
          tags,
          summary:
            action === 'escalate'
              ? 'Escalate a bottleneck to the steering committee'
              : action === 'answer'
                ? 'Record the answer to a bottleneck'
                : 'Mark a bottleneck cleared',
          params: z.object({ id: dbId }),
          body:
            action === 'answer'
              ? z.object({ answer: z.string().min(1).max(10000) })
              : z.object({ note: z.string().max(5000).optional() }).optional(),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        const body = request.body as { answer?: string; note?: string } | undefined;
        await moveBottleneck(db(), actingUser(request).actor, {
          id: request.params.id,
          action,
          answer: body?.answer,
          note: body?.note,
        });
        return { ok: true as const };
      },
    );
  }
};
