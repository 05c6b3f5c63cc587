/**
 * The HTTP figures of the synthetic endpoints against an existing database (no generation), for
 * iterating on one endpoint: DATABASE_URL=… npx tsx bench/probe.ts [--seconds 3] [name…]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { syntheticIds } from '../src/modules/synthetic/synthetic.repository.ts';
import { load } from './lib/load.ts';
import { startServer } from './lib/server.ts';
import { benchSession, createBenchAdmin, SCALE_ENDPOINTS, writeRates } from './scale.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    writes: { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL');
const database = await openDatabase({ engine: 'postgres', url, poolSize: 10 });
const ids = await syntheticIds(database.db);
if (values.writes) {
  // Two months nobody reported for yet (each run takes new ones).
  const year = 2031 + (Math.floor(Date.now() / 1000) % 60);
  const w = await writeRates(database, Number(values.seconds), Number(values.connections), [
    `${year}-01`,
    `${year}-02`,
  ]);
  console.log(
    `submit ${w.submit.perSecond.toFixed(1)}/s (${w.submit.done}) bare ${w.bare.perSecond.toFixed(1)}/s (${w.bare.done}) ratio ${(w.submit.perSecond / w.bare.perSecond).toFixed(3)}`,
  );
}
await database.close();
if (values.writes && positionals.length === 0) process.exit(0);
const env = { DATABASE_URL: url };
await createBenchAdmin(env);
const server = await startServer(env, 3990);
const options = { seconds: Number(values.seconds), connections: Number(values.connections) };
try {
  const cookie = await benchSession(server.url);
  await load(`${server.url}/api/ping`, { ...options, seconds: 2 });
  const ping = await load(`${server.url}/api/ping`, options);
  console.log(`ping ${ping.requestsPerSecond.toFixed(0)} req/s p99 ${ping.p99}`);
  for (const [name, path] of Object.entries(SCALE_ENDPOINTS(ids))) {
    if (positionals.length && !positionals.includes(name)) continue;
    const kinds = path.startsWith('/api/public/') ? [false, true] : [false];
    for (const bust of kinds) {
      const headers = path.startsWith('/api/public/') ? undefined : { cookie };
      const f = await load(`${server.url}${path}`, { ...options, bust, headers });
      console.log(
        `${name.padEnd(22)} ${bust ? 'uncached' : path.startsWith('/api/public/') ? 'cached  ' : 'private '} ` +
          `${f.requestsPerSecond.toFixed(0).padStart(6)} req/s (${(f.requestsPerSecond / ping.requestsPerSecond).toFixed(3)}) ` +
          `p50 ${f.p50} p99 ${f.p99}${f.errors || f.non2xx ? ` errors ${f.errors} non2xx ${f.non2xx}` : ''}`,
      );
    }
  }
} finally {
  await server.stop();
}
