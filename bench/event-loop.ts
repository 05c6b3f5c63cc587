import { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';

/**
 * Does the embedded database freeze the server? A trivial endpoint is asked every 20 ms while a heavy
 * query runs, once with PGlite on the server's thread and once on its worker thread.
 */
const HEAVY = `SELECT count(*) FROM generate_series(1, 4000000) a WHERE (a * 7) % 13 = 3`;

async function pingLatencies(
  thread: 'main' | 'worker',
  dump: Blob,
): Promise<{ p50: number; max: number; heavyMs: number }> {
  const database: Database = await openDatabase({ engine: 'pglite', thread, loadDataDir: dump });
  const app = await buildApp({ database, logLevel: 'silent', serveWeb: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const latencies: number[] = [];
  const started = performance.now();
  const heavy = database.query(HEAVY).then(() => performance.now() - started);
  let done = false;
  void heavy.then(() => {
    done = true;
  });
  while (!done) {
    const t0 = performance.now();
    await fetch(`${address}/api/ping`).then((r) => r.json());
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  const heavyMs = await heavy;
  await app.close();
  await database.close();
  latencies.sort((a, b) => a - b);
  return { p50: latencies[Math.floor(latencies.length / 2)] ?? 0, max: latencies.at(-1) ?? 0, heavyMs };
}

export async function measureEventLoop() {
  const seed = await PGlite.create();
  const dump = await seed.dumpDataDir('gzip');
  await seed.close();
  const main = await pingLatencies('main', dump);
  const worker = await pingLatencies('worker', dump);
  return { main, worker };
}
