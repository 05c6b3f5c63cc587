import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { actorOf } from '../audit/request-actor.ts';
import { assignSchema, cancelSchema, idParam, taskInputSchema } from '../register/register.inputs.ts';
import { isoTime, presentRegisterTask, registerTaskSchema } from '../register/register.presenter.ts';
import {
  addPlanItem,
  assignPlanItem,
  authorizeForAgency,
  cancelPlanItem,
  copyDown,
  createPlan,
  gapsByAgency,
  gapsByTask,
  getPlan,
  listPlans,
  planProgress,
  rollUpTask,
  updatePlanItem,
} from './plans.service.ts';
import type { RolledUp } from './rollup.ts';

const tags = ['plans'];
const programQuery = z.object({ program: programCode });
const agencyCode = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code');
const agencyParam = z.object({ agency: agencyCode });
const itemParams = agencyParam.extend(idParam.shape);
const read = { policy: 'plans.read' } as const;
const manage = { policy: 'plans.manage' } as const;

const planSchema = z.object({
  id: z.number(),
  agencyCode: z.string(),
  agencyNameVi: z.string(),
  titleVi: z.string(),
  documentNo: z.string().nullable(),
  createdAt: z.string(),
});
const planViewSchema = z.object({
  plan: planSchema,
  items: z.array(registerTaskSchema),
  programTasks: z
    .array(registerTaskSchema)
    .describe('The Program tasks the plan answers to: assigned to the agency, or parents of its items'),
});
const progressSchema = z.object({
  taskId: z.number(),
  progress: z.number(),
  completed: z.boolean(),
  source: z.enum(['reported', 'children', 'none']),
  gaps: z.number().describe('Member agencies of its collective lead with no plan item, counted as 0'),
});

// Recursive, so it is a named OpenAPI component.
const rolledUpSchema: z.ZodType<RolledUp> = z
  .object({
    key: z.string(),
    taskId: z.number().nullable(),
    progress: z.number(),
    completed: z.boolean(),
    source: z.enum(['reported', 'children', 'none']),
    get children() {
      return z.array(rolledUpSchema);
    },
  })
  .meta({ id: 'PlanProgressNode' });

function presentPlanView(v: Awaited<ReturnType<typeof getPlan>>) {
  return {
    plan: { ...v.plan, createdAt: isoTime(v.plan.createdAt)! },
    items: v.items.map(presentRegisterTask),
    programTasks: v.programTasks.map(presentRegisterTask),
  };
}

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/plans',
    {
      config: read,
      schema: {
        tags,
        summary: "Agencies' plans with their item counts",
        querystring: programQuery,
        response: { 200: z.object({ items: z.array(planSchema.extend({ items: z.number() })) }) },
      },
    },
    async (request) => ({
      items: (await listPlans(db(), request.query.program)).map((p) => ({
        ...p,
        createdAt: isoTime(p.createdAt)!,
      })),
    }),
  );

  app.post(
    '/plans',
    {
      config: manage,
      schema: {
        tags,
        summary: "Create an agency's empty plan (use copy-down to start from its assigned tasks)",
        querystring: programQuery,
        body: z.object({
          agency: agencyCode,
          titleVi: z.string().max(500).optional(),
          documentNo: z.string().max(100).nullable().optional(),
        }),
        response: { 201: planViewSchema },
      },
    },
    async (request, reply) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.body.agency);
      return reply
        .code(201)
        .send(presentPlanView(await createPlan(db(), actorOf(request), request.query.program, request.body)));
    },
  );

  app.get(
    '/plans/gaps/by-agency',
    {
      config: read,
      schema: {
        tags,
        summary: 'Per agency: tasks given to all ministries or all provinces it has no plan item for',
        querystring: programQuery.extend({ agency: agencyCode.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                agencyCode: z.string(),
                agencyNameVi: z.string(),
                tasks: z.array(
                  z.object({
                    taskId: z.number(),
                    taskCode: z.string(),
                    taskContentVi: z.string(),
                    collective: z.string(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await gapsByAgency(db(), request.query.program, request.query.agency) }),
  );

  app.get(
    '/plans/gaps/by-task',
    {
      config: read,
      schema: {
        tags,
        summary: 'Per collective task: the member agencies with no plan item for it',
        querystring: programQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                taskId: z.number(),
                taskCode: z.string(),
                taskContentVi: z.string(),
                collective: z.string(),
                agencies: z.array(z.object({ agencyCode: z.string(), agencyNameVi: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await gapsByTask(db(), request.query.program) }),
  );

  app.post(
    '/plans/rollup',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Roll progress up from plan items to a task: each task’s latest accepted report, or the progress given (a what-if)',
        querystring: programQuery,
        body: z.object({
          taskId: z.number().int().min(1),
          progress: z
            .array(
              z.object({
                taskId: z.number().int().min(1),
                progress: z.number().min(0).max(100),
                completed: z.boolean(),
              }),
            )
            .max(100000)
            .optional(),
        }),
        response: { 200: rolledUpSchema },
      },
    },
    async (request) => rollUpTask(db(), request.query.program, request.body.taskId, request.body.progress),
  );

  app.get(
    '/plans/:agency',
    {
      config: read,
      schema: {
        tags,
        summary: "An agency's plan and its items (parentTaskId links each to the task it implements)",
        params: agencyParam,
        querystring: programQuery,
        response: { 200: planViewSchema },
      },
    },
    async (request) => presentPlanView(await getPlan(db(), request.query.program, request.params.agency)),
  );

  app.get(
    '/plans/:agency/progress',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Rolled-up progress of every task in the agency's plan tree (its Program tasks and the items below them)",
        params: agencyParam,
        querystring: programQuery,
        response: { 200: z.object({ items: z.array(progressSchema) }) },
      },
    },
    async (request) => ({ items: await planProgress(db(), request.query.program, request.params.agency) }),
  );

  app.post(
    '/plans/:agency/copy-down',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Copy the Program tasks assigned to the agency into its plan (creates the plan if needed)',
        params: agencyParam,
        querystring: programQuery,
        response: { 200: planViewSchema.extend({ created: z.array(z.number()) }) },
      },
    },
    async (request) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.params.agency);
      const result = await copyDown(db(), actorOf(request), request.query.program, request.params.agency);
      return { ...presentPlanView(result), created: result.created };
    },
  );

  app.post(
    '/plans/:agency/items',
    {
      config: manage,
      schema: {
        tags,
        summary: "Add an item to the agency's plan under a task it implements, led by one of its units",
        params: agencyParam,
        querystring: programQuery,
        body: taskInputSchema.extend({ parentTaskId: z.number().int().min(1) }),
        response: { 201: registerTaskSchema },
      },
    },
    async (request, reply) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.params.agency);
      const item = await addPlanItem(
        db(),
        actorOf(request),
        request.query.program,
        request.params.agency,
        request.body,
      );
      return reply.code(201).send(presentRegisterTask(item));
    },
  );

  app.patch(
    '/plans/:agency/items/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a plan item',
        params: itemParams,
        querystring: programQuery,
        body: taskInputSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.params.agency);
      return presentRegisterTask(
        await updatePlanItem(
          db(),
          actorOf(request),
          request.query.program,
          request.params.agency,
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.post(
    '/plans/:agency/items/:id/assign',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Assign a plan item (5 rõ complete; the assignment date defaults to today)',
        params: itemParams,
        querystring: programQuery,
        body: assignSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.params.agency);
      return presentRegisterTask(
        await assignPlanItem(
          db(),
          actorOf(request),
          request.query.program,
          request.params.agency,
          request.params.id,
          request.body.assignedOn,
        ),
      );
    },
  );

  app.post(
    '/plans/:agency/items/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel a plan item with a reason',
        params: itemParams,
        querystring: programQuery,
        body: cancelSchema,
        response: { 200: registerTaskSchema },
      },
    },
    async (request) => {
      await authorizeForAgency(db(), request.subject, 'plans.manage', request.params.agency);
      return presentRegisterTask(
        await cancelPlanItem(
          db(),
          actorOf(request),
          request.query.program,
          request.params.agency,
          request.params.id,
          request.body.reason,
        ),
      );
    },
  );
};
