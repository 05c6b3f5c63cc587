import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, programCode, searchText } from '../../lib/http.ts';
import { invalid } from '../../server/errors.ts';
import { actorOf } from '../audit/request-actor.ts';
import { authorizeForAgency } from '../plans/plans.service.ts';
import { decideExtension, pendingExtensions, requestExtension, taskDeadlines } from './extensions.service.ts';
import {
  asOfText,
  assignSchema,
  cancelSchema,
  createTaskSchema,
  extensionDecisionSchema,
  extensionRequestSchema,
  idParam,
  taskInputSchema,
} from './register.inputs.ts';
import {
  extensionSchema,
  isoTime,
  presentRegisterTask,
  registerTaskSchema,
  taskDeadlinesSchema,
  versionSchema,
} from './register.presenter.ts';
import { REGISTER_STATES } from './register.schema.ts';
import {
  assignRegisterTask,
  cancelRegisterTask,
  createRegisterTask,
  getRegisterTask,
  incompleteByAgency,
  listRegister,
  registerAsOf,
  taskHistory,
  taskOccurrences,
  updateRegisterTask,
} from './register.service.ts';

const tags = ['register'];
const programQuery = z.object({ program: programCode });
const read = { policy: 'register.read' } as const;
const manage = { policy: 'register.manage' } as const;

const presentExtension = <T extends { requestedAt: string; decidedAt: string | null }>(e: T) => ({
  ...e,
  requestedAt: isoTime(e.requestedAt)!,
  decidedAt: isoTime(e.decidedAt),
});

export const taskRegisterRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/register/tasks',
    {
      config: read,
      schema: {
        tags,
        summary: 'The register: every Program task with its 5 rõ fields and the parts it lacks',
        querystring: programQuery.extend({
          lead: z.string().max(40).optional().describe('Agency code or collective leading the task'),
          incomplete: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          state: z.enum(REGISTER_STATES).optional(),
          q: searchText,
        }),
        response: { 200: z.object({ items: z.array(registerTaskSchema), total: z.number() }) },
      },
    },
    async (request) => {
      const { program, ...filter } = request.query;
      const items = (await listRegister(db(), program, filter)).map(presentRegisterTask);
      return { items, total: items.length };
    },
  );

  app.get(
    '/register/incomplete-by-agency',
    {
      config: read,
      schema: {
        tags,
        summary: 'Per lead agency: tasks, and tasks lacking any 5 rõ part (cancelled tasks aside)',
        querystring: programQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                lead: z.string(),
                nameVi: z.string().nullable(),
                tasks: z.number(),
                incomplete: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await incompleteByAgency(db(), request.query.program) }),
  );

  app.get(
    '/register/as-of',
    {
      config: read,
      schema: {
        tags,
        summary: 'The register as it stood at a past date (end of that day, Viet Nam time) or instant',
        querystring: programQuery.extend({ at: asOfText }),
        response: {
          200: z.object({ at: z.string(), items: z.array(registerTaskSchema), total: z.number() }),
        },
      },
    },
    async (request) => {
      const items = (await registerAsOf(db(), request.query.program, request.query.at)).map(
        presentRegisterTask,
      );
      return { at: request.query.at, items, total: items.length };
    },
  );

  app.post(
    '/register/tasks',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a Program task (draft until assigned)',
        querystring: programQuery,
        body: createTaskSchema,
        response: { 201: registerTaskSchema },
      },
    },
    async (request, reply) => {
      const task = await createRegisterTask(db(), actorOf(request), request.query.program, request.body);
      return reply.code(201).send(presentRegisterTask(task));
    },
  );

  app.get(
    '/register/tasks/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One task of the register',
        params: idParam,
        querystring: programQuery,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) =>
      presentRegisterTask(await getRegisterTask(db(), request.query.program, request.params.id)),
  );

  app.patch(
    '/register/tasks/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit a task's fields; an assigned task's deadline changes only by extension",
        params: idParam,
        querystring: programQuery,
        body: taskInputSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) =>
      presentRegisterTask(
        await updateRegisterTask(
          db(),
          actorOf(request),
          request.query.program,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    '/register/tasks/:id/assign',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Assign a task: refused (422) with the missing 5 rõ parts when any is absent',
        params: idParam,
        querystring: programQuery,
        body: assignSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) =>
      presentRegisterTask(
        await assignRegisterTask(
          db(),
          actorOf(request),
          request.query.program,
          request.params.id,
          request.body.assignedOn,
        ),
      ),
  );

  app.post(
    '/register/tasks/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel a task with a reason; it stays in the register and its history',
        params: idParam,
        querystring: programQuery,
        body: cancelSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) =>
      presentRegisterTask(
        await cancelRegisterTask(
          db(),
          actorOf(request),
          request.query.program,
          request.params.id,
          request.body.reason,
        ),
      ),
  );

  app.get(
    '/register/tasks/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: "A task's versions, oldest first, each the full task as it was and when",
        params: idParam,
        querystring: programQuery,
        response: { 200: z.object({ task: registerTaskSchema, versions: z.array(versionSchema) }) },
      },
    },
    async (request) => {
      const { task, versions } = await taskHistory(db(), request.query.program, request.params.id);
      return {
        task: presentRegisterTask(task),
        versions: versions.map((v) => ({
          ...v,
          validFrom: isoTime(v.validFrom)!,
          validTo: isoTime(v.validTo),
          snapshot: presentRegisterTask(v.snapshot),
        })),
      };
    },
  );

  app.get(
    '/register/tasks/:id/occurrences',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A recurring task's occurrences between two dates: yearly due 31/12, ongoing per six-month period",
        params: idParam,
        querystring: programQuery.extend({ from: isoDate, to: isoDate }),
        response: {
          200: z.object({
            recurrence: z.enum(['yearly', 'ongoing']).nullable(),
            occurrences: z.array(
              z.object({
                period: z.string(),
                periodStart: z.string(),
                periodEnd: z.string(),
                dueDate: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { program, from, to } = request.query;
      if (from > to) throw invalid([{ field: 'to', problem: 'must not be before from' }]);
      return taskOccurrences(db(), program, request.params.id, from, to);
    },
  );

  app.get(
    '/register/tasks/:id/deadlines',
    {
      config: read,
      schema: {
        tags,
        summary: 'Original and current deadline (as of a date, default today) and every extension request',
        params: idParam,
        querystring: programQuery.extend({ asOf: isoDate.optional() }),
        response: { 200: taskDeadlinesSchema },
      },
    },
    async (request) => {
      const d = await taskDeadlines(db(), request.query.program, request.params.id, request.query.asOf);
      return { ...d, extensions: d.extensions.map(presentExtension) };
    },
  );

  app.post(
    '/register/tasks/:id/extensions',
    {
      config: { policy: 'extensions.request' },
      schema: {
        tags,
        summary: "The lead agency asks to extend an assigned task's deadline, with a reason",
        params: idParam,
        querystring: programQuery,
        body: extensionRequestSchema,
        response: { 201: extensionSchema },
      },
    },
    async (request, reply) => {
      // The route checked "focal officer or head somewhere"; the asking agency is where it must hold.
      await authorizeForAgency(db(), request.subject, 'extensions.request', request.body.agency);
      const e = await requestExtension(
        db(),
        actorOf(request),
        request.query.program,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(presentExtension(e));
    },
  );

  app.get(
    '/register/extensions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Pending extension requests, oldest first',
        querystring: programQuery,
        response: { 200: z.object({ items: z.array(extensionSchema) }) },
      },
    },
    async (request) => ({
      items: (await pendingExtensions(db(), request.query.program)).map(presentExtension),
    }),
  );

  app.post(
    '/register/extensions/:id/decision',
    {
      config: { policy: 'extensions.decide' },
      schema: {
        tags,
        summary: 'Approve (the current deadline moves; the original stays) or refuse, with a reason',
        params: idParam,
        querystring: programQuery,
        body: extensionDecisionSchema,
        response: { 200: taskDeadlinesSchema },
      },
    },
    async (request) => {
      const d = await decideExtension(db(), actorOf(request), request.query.program, request.params.id, {
        approve: request.body.decision === 'approve',
        note: request.body.note,
      });
      return { ...d, extensions: d.extensions.map(presentExtension) };
    },
  );
};
