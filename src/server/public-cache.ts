import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';
import { sharedRead } from '../lib/shared-read.ts';
import { dataEpochRepository } from '../modules/system/data-epoch.repository.ts';
import { isPublicRead } from './read-replicas.ts';

/**
 * Public answers are the same for everyone and change only when the data does, so they are cached
 * per URL and reused while the public-data epoch (moved by triggers on every table public pages read,
 * see migrations/*_public_data_epoch.sql) is unchanged. One tiny query per request instead of the page's
 * queries; never a stale answer, on one process or many. A table that public pages read must get the
 * epoch trigger, or its changes will not show until another table changes. Concurrent requests share
 * one epoch read that started after they arrived (sharedRead), so a crowd costs a read or two, not one each.
 */
interface Entry {
  epoch: string;
  /** Encoded once: a large answer (a published evaluation is ~250 KB) is not re-encoded on every hit. */
  body: Buffer;
  headers: Record<string, string>;
}

const MAX_ENTRIES = 2000;
const MAX_BODY = 2 * 1024 * 1024;
/** All bodies together: many distinct large answers must not grow the server's memory without bound. */
const MAX_BYTES = 64 * 1024 * 1024;
const KEPT_HEADERS = ['content-type', 'content-disposition'];

declare module 'fastify' {
  interface FastifyRequest {
    publicEpoch?: string;
  }
}

function cacheable(request: FastifyRequest): boolean {
  return request.method === 'GET' && isPublicRead(request);
}

async function plugin(app: FastifyInstance) {
  const cache = new Map<string, Entry>();
  let bytes = 0;
  const forget = (url: string) => {
    const old = cache.get(url);
    if (old) bytes -= old.body.length;
    cache.delete(url);
  };
  // The map's order is the eviction order: oldest (least recently used) first.
  const remember = (url: string, entry: Entry) => {
    forget(url);
    cache.set(url, entry);
    bytes += entry.body.length;
    while (cache.size > MAX_ENTRIES || bytes > MAX_BYTES) forget(cache.keys().next().value as string);
  };
  // Per database read (the primary, or each replica): an answer is cached under the epoch of the database
  // it was read from, so a lagging replica's answer is never kept under the primary's newer epoch.
  const epochReaders = new WeakMap<Db, () => Promise<string>>();
  const currentEpoch = (db: Db) => {
    let read = epochReaders.get(db);
    if (!read) {
      const repo = dataEpochRepository(db);
      read = sharedRead(() => repo.current());
      epochReaders.set(db, read);
    }
    return read();
  };

  const send = (reply: FastifyReply, request: FastifyRequest, entry: Entry) => {
    const etag = `"${entry.epoch}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache').header('x-cache', 'hit');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    for (const [k, v] of Object.entries(entry.headers)) reply.header(k, v);
    return reply.send(entry.body);
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const epoch = await currentEpoch(request.readDb);
    request.publicEpoch = epoch;
    const entry = cache.get(request.url);
    if (entry && entry.epoch === epoch) {
      // Refresh its place in the eviction order.
      cache.delete(request.url);
      cache.set(request.url, entry);
      return send(reply, request, entry);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.publicEpoch || reply.statusCode !== 200 || reply.getHeader('x-cache') === 'hit')
      return payload;
    reply
      .header('etag', `"${request.publicEpoch}"`)
      .header('cache-control', 'no-cache')
      .header('x-cache', 'miss');
    if (typeof payload === 'string' && payload.length <= MAX_BODY) {
      const body = Buffer.from(payload);
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      remember(request.url, { epoch: request.publicEpoch, body, headers });
      return body;
    }
    return payload;
  });
}

export const publicCache = fp(plugin, { name: 'public-cache' });
