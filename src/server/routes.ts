import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bottleneckRoutes } from '../modules/bottlenecks/bottlenecks.routes.ts';
import { notificationRoutes } from '../modules/notifications/notifications.routes.ts';
import { publicAgencyRoutes } from '../modules/orgs/public-agencies.routes.ts';
import { publicProgramRoutes } from '../modules/program/public-program.routes.ts';
import { fileRoutes } from '../modules/reports/files.routes.ts';
import { reportRoutes } from '../modules/reports/reports.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { publicTargetRoutes } from '../modules/targets/public-targets.routes.ts';
import { taskStatusRoutes } from '../modules/task-status/task-status.routes.ts';
import { publicTaskRoutes } from '../modules/tasks/public-tasks.routes.ts';

/** Every module's routes, mounted under /api. One line per module. */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(systemRoutes);
  await app.register(publicProgramRoutes);
  await app.register(publicTaskRoutes);
  await app.register(publicTargetRoutes);
  await app.register(publicAgencyRoutes);
  await app.register(reportRoutes);
  await app.register(fileRoutes);
  await app.register(taskStatusRoutes);
  await app.register(bottleneckRoutes);
  await app.register(notificationRoutes);
};
