import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  // The cheapest answer this server can give: the ceiling benchmarks compare every endpoint with.
  app.get(
    '/ping',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Answers without touching the database (benchmark baseline)',
        response: { 200: z.object({ pong: z.literal(true) }) },
      },
    },
    async () => ({ pong: true as const }),
  );

  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database engine',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await app.database.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: app.database.engine };
    },
  );
};
