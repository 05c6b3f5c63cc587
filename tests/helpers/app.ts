import type { FastifyInstance } from 'fastify';
import type { Database, Engine } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The real server on a private database; requests go through app.inject(), no socket. */
export async function createTestApp(engine: Engine, options: { serveWeb?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({ database, logLevel: 'silent', serveWeb: options.serveWeb ?? false });
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
