import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, programCode } from '../../lib/http.ts';
import { STATUS_KINDS } from '../task-status/task-status.rules.ts';
import { PROGRESS_STATUSES } from './progress.ts';
import { WARNING_KINDS } from './target-task-warnings.ts';
import type { LinkedTask } from './target-tasks.service.ts';
import { targetsOfTask, tasksOfTarget } from './target-tasks.service.ts';
import { presentTarget, targetSchema } from './targets.presenter.ts';
import { TARGET_POLICIES } from './targets-actor.ts';

const tags = ['public: targets'];
const config = { policy: TARGET_POLICIES.public };
// The date is part of the URL so a cached public answer never outlives its day (as /public/task-status).
const asOfQuery = z.object({ program: programCode, asOf: isoDate });

const warningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  targetCode: z.string(),
  progressStatus: z.enum(PROGRESS_STATUSES),
  taskCodes: z.array(z.string()),
});

const linkedTaskSchema = z.object({
  id: z.number(),
  code: z.string(),
  contentVi: z.string(),
  groupNo: z.number(),
  status: z.enum(STATUS_KINDS),
  originalDueDate: z.string().nullable(),
  currentDueDate: z.string().nullable(),
  /** Working days late (the worst overdue occurrence for a recurring task); 0 when not late. */
  lateDays: z.number(),
  overdueOccurrences: z.number(),
});

const presentLinkedTask = (t: LinkedTask): z.infer<typeof linkedTaskSchema> => ({
  id: t.taskId,
  code: t.code,
  contentVi: t.contentVi,
  groupNo: t.groupNo,
  status: t.status,
  originalDueDate: t.originalDueDate,
  currentDueDate: t.currentDueDate,
  lateDays: t.lateDays,
  overdueOccurrences: t.occurrences.filter((o) => o.status === 'open_overdue').length,
});

/** Tasks serve targets: the links both ways, with status, progress and warnings (public data only). */
export const targetTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/targets/:code/tasks',
    {
      config,
      schema: {
        tags,
        summary:
          "A target's tasks with their status on a date (accepted reports), and warnings where tasks and progress disagree",
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a target code') }),
        querystring: asOfQuery,
        response: {
          200: z.object({
            asOf: z.string(),
            progressStatus: z.enum(PROGRESS_STATUSES),
            tasks: z.array(linkedTaskSchema),
            warnings: z.array(warningSchema),
          }),
        },
      },
    },
    async (request) => {
      const { program, asOf } = request.query;
      const found = await tasksOfTarget(request.readDb, program, request.params.code, asOf);
      return {
        asOf,
        progressStatus: found.progress.status,
        tasks: found.tasks.map(presentLinkedTask),
        warnings: found.warnings,
      };
    },
  );

  app.get(
    '/public/tasks/:id/targets',
    {
      config,
      schema: {
        tags,
        summary:
          'The targets a task serves, with their progress (accepted values), and warnings where tasks and progress disagree',
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        querystring: asOfQuery,
        response: {
          200: z.object({
            asOf: z.string(),
            taskStatus: z.enum(STATUS_KINDS).nullable(),
            targets: z.array(targetSchema),
            warnings: z.array(warningSchema),
          }),
        },
      },
    },
    async (request) => {
      const { program, asOf } = request.query;
      const found = await targetsOfTask(request.readDb, program, request.params.id, asOf);
      return {
        asOf,
        taskStatus: found.task.status,
        targets: found.targets.map((i) => presentTarget(i.target, i.progress)),
        warnings: found.warnings,
      };
    },
  );
};
