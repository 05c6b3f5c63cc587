import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, pageQuery, paginated, programCode, searchText } from '../../lib/http.ts';
import { invalid } from '../../server/errors.ts';
import {
  presentTaskDetail,
  presentTaskSummary,
  taskDetailSchema,
  taskSummarySchema,
} from './tasks.presenter.ts';
import { PRODUCT_TYPES, RECURRENCES } from './tasks.schema.ts';
import { getTask, listTasks } from './tasks.service.ts';

const tags = ['public: tasks'];

/** Accepts ?x=a&x=b and ?x=a,b alike. */
function list<T extends z.ZodType>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50) as unknown as z.ZodType<z.output<T>[], string[]>)
    .optional();
}

export const taskListQuery = z.object({
  program: programCode,
  q: searchText,
  group: list(z.coerce.number().int().min(1).max(99)),
  lead: list(z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code')),
  productType: list(z.enum(PRODUCT_TYPES)),
  recurrence: z.enum([...RECURRENCES, 'none']).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z.enum(['code', 'due_date', 'relevance']).default('code'),
  ...pageQuery,
});

export const publicTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/tasks',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Tasks of the program, filtered and searched (accent- and case-insensitive)',
        querystring: taskListQuery,
        response: { 200: paginated(taskSummarySchema) },
      },
    },
    async (request) => {
      const { program, group, lead, productType, ...rest } = request.query;
      if (rest.dueFrom && rest.dueTo && rest.dueFrom > rest.dueTo) {
        throw invalid([{ field: 'dueTo', problem: 'must not be before dueFrom' }]);
      }
      const result = await listTasks(request.readDb, program, {
        ...rest,
        groupNos: group,
        leadCodes: lead,
        productTypes: productType,
      });
      return { ...result, items: result.items.map(presentTaskSummary) };
    },
  );

  app.get(
    '/public/tasks/:id',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'One task with its 5 rõ (who, what, responsibility, when, result) and its source',
        params: z.object({ id: z.coerce.number().int().min(1).max(2147483647) }),
        querystring: z.object({ program: programCode }),
        response: { 200: taskDetailSchema },
      },
    },
    async (request) =>
      presentTaskDetail(await getTask(request.readDb, request.query.program, request.params.id)),
  );
};
