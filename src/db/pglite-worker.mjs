// The embedded database in a worker thread. PGlite runs PostgreSQL compiled to WebAssembly on the
// thread that calls it and blocks it for the length of every query; here it blocks only this thread,
// so the server's event loop keeps answering. Plain JavaScript: it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const identity = (value) => value;

function serializeError(error) {
  const out = { message: error?.message ?? String(error) };
  for (const key of [
    'code',
    'detail',
    'hint',
    'constraint',
    'table',
    'column',
    'schema',
    'severity',
    'position',
    'where',
  ]) {
    if (error && error[key] !== undefined) out[key] = error[key];
  }
  return out;
}

let db;
try {
  db = await PGlite.create({
    dataDir: workerData.dataDir ?? undefined,
    loadDataDir: workerData.loadDataDir ? new Blob([workerData.loadDataDir]) : undefined,
    extensions: { pg_trgm, unaccent, ltree },
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: serializeError(error) });
}

parentPort.on('message', async (message) => {
  const { id, op } = message;
  try {
    let result;
    if (op === 'query') {
      // Drizzle asks for identity parsers on date/time types; functions cannot cross threads, so
      // the caller sends their type ids and they are rebuilt here.
      const parsers = Object.fromEntries((message.identityTypes ?? []).map((oid) => [oid, identity]));
      const r = await db.query(message.sql, message.params ?? [], { rowMode: message.rowMode, parsers });
      result = { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    } else if (op === 'exec') {
      const r = await db.exec(message.sql);
      result = r.map((x) => ({ rows: x.rows, fields: x.fields, affectedRows: x.affectedRows }));
    } else if (op === 'dump') {
      const blob = await db.dumpDataDir(message.compression ?? 'gzip');
      result = await blob.arrayBuffer();
    } else if (op === 'close') {
      await db.close();
      result = null;
    } else {
      throw new Error(`unknown operation ${op}`);
    }
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
