import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { Database, Engine } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import type { Actor } from '../audit/actor.ts';

export type TestUser = Actor & { agencyId: number | null };

export const user = (userId: number, agencyId: number | null): TestUser => ({
  userId,
  label: `user${userId}@test`,
  via: 'api',
  agencyId,
});

/**
 * The real app on a private database, with one stand-in for sign-in (not merged yet): the test names
 * the acting user in an x-test-actor header, which becomes request.actor as sign-in will set it.
 */
export async function createActingTestApp(
  engine: Engine,
): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({ database, logLevel: 'silent', serveWeb: false });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers['x-test-actor'];
    if (typeof header === 'string')
      (request as FastifyRequest & { actor?: TestUser }).actor = JSON.parse(header);
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
