import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { evaluationRoutes } from '../modules/evaluation/evaluation.routes.ts';
import { publicEvaluationRoutes } from '../modules/evaluation/public-evaluations.routes.ts';
import { authRoutes } from '../modules/identity/auth.routes.ts';
import { usersRoutes } from '../modules/identity/users.routes.ts';
import { orgRoutes } from '../modules/orgs/orgs.routes.ts';
import { publicAgencyRoutes } from '../modules/orgs/public-agencies.routes.ts';
import { plansRoutes } from '../modules/plans/plans.routes.ts';
import { itemLinkRoutes } from '../modules/program/item-links.routes.ts';
import { publicProgramRoutes } from '../modules/program/public-program.routes.ts';
import { taskRegisterRoutes } from '../modules/register/register.routes.ts';
import { registerIoRoutes } from '../modules/register-io/register-io.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { publicTargetRoutes } from '../modules/targets/public-targets.routes.ts';
import { targetRoutes } from '../modules/targets/targets.routes.ts';
import { publicTaskRoutes } from '../modules/tasks/public-tasks.routes.ts';

/** Every module's routes, mounted under /api. One line per module. */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(systemRoutes);
  await app.register(publicProgramRoutes);
  await app.register(publicTaskRoutes);
  await app.register(publicTargetRoutes);
  await app.register(targetRoutes);
  await app.register(publicAgencyRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(calendarRoutes);
  await app.register(registerIoRoutes);
  await app.register(itemLinkRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(taskRegisterRoutes);
  await app.register(plansRoutes);
  await app.register(evaluationRoutes);
  await app.register(publicEvaluationRoutes);
};
