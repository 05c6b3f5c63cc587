import type { FastifyInstance } from 'fastify';
import type { Database, Engine } from '../../src/db/database.ts';
import { defaultIdentityOptions, type IdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The real server on a private database; requests go through app.inject(), no socket. */
export async function createTestApp(
  engine: Engine,
  options: { serveWeb?: boolean; identity?: Partial<IdentityOptions> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  // Generous request limits: tests sign in many times from one address; the limits have their own test.
  const identity = defaultIdentityOptions({
    rateLimits: { signIn: 1000, writes: 10000 },
    ...options.identity,
  });
  const app = await buildApp({ database, logLevel: 'silent', serveWeb: options.serveWeb ?? false, identity });
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
