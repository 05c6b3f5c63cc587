import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/database.ts';
import { rateLimitRepository } from '../modules/system/rate-limit.repository.ts';

/** Ended windows are deleted after this many hits counted by one process (a cheap, rare DELETE). */
const SWEEP_EVERY = 1000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * @fastify/rate-limit's store on the database (decision 095), so a limit holds across every server
 * process: a person's writes and an address's sign-ins are counted once, wherever they land. The global
 * limit's keys are used as they are; a route with its own limit counts in its own namespace, as the
 * plugin's in-memory store does (a store per route).
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const repo = rateLimitRepository(db);
  let counted = 0;
  const sweep = () => {
    counted += 1;
    // Best effort: a failed sweep leaves ended windows, which the next hit on the key restarts anyway.
    if (counted % SWEEP_EVERY === 0) repo.deleteEnded().catch(() => {});
  };

  // The types name the route as RouteOptions; at run time the plugin passes its merged params with routeInfo.
  class DatabaseStore {
    constructor(
      _options: unknown,
      private readonly namespace = '',
    ) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      sweep();
      repo.hit(this.namespace + key, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }
    read(key: string, callback: Callback): void {
      repo.peek(this.namespace + key).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }): DatabaseStore {
      const route = routeOptions.routeInfo ?? {};
      return new DatabaseStore(undefined, `${[route.method ?? ''].flat().join(',')} ${route.url ?? ''}|`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
