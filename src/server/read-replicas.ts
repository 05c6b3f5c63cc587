import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, Db } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The database this request's reads go to: a read replica for the public pages (isPublicRead) when
     * replicas are configured, the primary for everything else. Public route handlers read through it;
     * writes always go through app.database (decision 097).
     */
    readDb: Db;
  }
}

/** The pages anyone can see, the same for everyone: GET (and HEAD) under /api/public/. Never a write. */
export function isPublicRead(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/api/public/');
}

/**
 * Sends public reads to the replicas, one replica per request in turn (a request's queries, the public
 * cache's epoch read included, all see one replica's state). No replicas: every request reads the primary.
 */
async function plugin(app: FastifyInstance, options: { replicas: Database[] }) {
  const replicas = options.replicas;
  let turn = 0;
  app.decorateRequest('readDb', null as unknown as Db);
  app.addHook('onRequest', async (request) => {
    if (replicas.length > 0 && isPublicRead(request)) {
      request.readDb = replicas[turn % replicas.length]!.db;
      turn = (turn + 1) % replicas.length;
    } else {
      request.readDb = app.database.db;
    }
  });
}

export const readReplicas = fp(plugin, { name: 'read-replicas' });
