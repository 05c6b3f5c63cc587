/**
 * `npm run bench`: speed, measured and reported as ratios against baselines taken in the same run.
 * Loopback only, bounded in time. Writes bench/results/latest.json and latest.md.
 *   --seconds N       measured seconds per endpoint (default 5)
 *   --connections N   concurrent connections (default 50)
 *   --engines LIST    pglite,postgres (default: both when PostgreSQL answers)
 *   --scale S         also the synthetic national dataset (bench/scale.ts): PostgreSQL at S and S/10,
 *                     PGlite at S/10 and S/100 (or --pglite-scale); S = national, small or a fraction
 *   --pglite-scale S  the PGlite size (default S/10)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseScale } from '../src/modules/synthetic/synthetic.plan.ts';
import { measureEventLoop } from './event-loop.ts';
import { load } from './lib/load.ts';
import { newResults, writeResults } from './lib/results.ts';
import { startServer } from './lib/server.ts';
import { benchScale } from './scale.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    engines: { type: 'string' },
    out: { type: 'string', default: path.join('bench', 'results') },
    scale: { type: 'string' },
    'pglite-scale': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The read endpoints measured against the minimal one; each is a page of the public site. */
const ENDPOINTS: Record<string, string> = {
  overview: '/api/public/overview',
  task_search: `/api/public/tasks?q=${encodeURIComponent('chuyen doi so')}`,
  task_filter: '/api/public/tasks?group=2&productType=pm_decision&dueFrom=2025-01-01&dueTo=2025-12-31',
  agency_page: '/api/public/agencies/BKHCN',
  targets: '/api/public/targets',
};

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  port: number,
  results: ReturnType<typeof newResults>,
) {
  let env: Record<string, string>;
  let cleanup = async () => {};
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-bench-'));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS nq57_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE nq57_bench');
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = '/nq57_bench';
    env = { DATABASE_URL: url.toString() };
  }
  const server = await startServer(env, port);
  try {
    const ping = await load(`${server.url}/api/ping`, { connections, seconds });
    results.metrics[`${engine}.ping.rps`] = { value: ping.requestsPerSecond, unit: 'req/s' };
    results.metrics[`${engine}.ping.p99`] = { value: ping.p99, unit: 'ms' };
    for (const [name, url] of Object.entries(ENDPOINTS)) {
      const f = await load(`${server.url}${url}`, { connections, seconds });
      results.metrics[`${engine}.${name}.rps`] = { value: f.requestsPerSecond, unit: 'req/s' };
      results.metrics[`${engine}.${name}.p50`] = { value: f.p50, unit: 'ms' };
      results.metrics[`${engine}.${name}.p99`] = { value: f.p99, unit: 'ms' };
      if (f.errors || f.non2xx)
        results.notes.push(`${engine} ${name}: ${f.errors} errors, ${f.non2xx} non-2xx`);
      results.ratios[`${engine}.${name}.rps_over_ping`] = f.requestsPerSecond / ping.requestsPerSecond;
    }
  } finally {
    await server.stop();
    await cleanup();
  }
}

const results = newResults();
const engines = (values.engines?.split(',') ?? [
  'pglite',
  ...((await postgresReachable()) ? ['postgres'] : []),
]) as ('pglite' | 'postgres')[];
results.notes.push(
  `Data: the bundled Action Program (140 tasks). ${connections} connections, ${seconds} s per endpoint after 1 s warm-up.`,
);

const loop = await measureEventLoop();
results.metrics['pglite.heavy_query'] = { value: loop.worker.heavyMs, unit: 'ms' };
results.metrics['pglite_main_thread.ping_during_heavy_query.max'] = { value: loop.main.max, unit: 'ms' };
results.metrics['pglite_worker_thread.ping_during_heavy_query.max'] = { value: loop.worker.max, unit: 'ms' };
results.metrics['pglite_worker_thread.ping_during_heavy_query.p50'] = { value: loop.worker.p50, unit: 'ms' };
results.ratios['ping_max_during_heavy_query.main_over_worker'] =
  loop.main.max / Math.max(loop.worker.max, 0.001);

let port = 3900;
for (const engine of engines) await benchEngine(engine, port++, results);
if (values.scale) {
  const scale = parseScale(values.scale);
  if (scale === undefined) throw new Error('--scale: national, small or a fraction in (0, 1]');
  const pgliteScale = values['pglite-scale'] ? parseScale(values['pglite-scale']) : scale / 10;
  if (pgliteScale === undefined) throw new Error('--pglite-scale: national, small or a fraction in (0, 1]');
  results.notes.push(
    `Synthetic dataset (nq57 synthetic generate): PostgreSQL at scale ${scale} ("big") and ${scale / 10} ("small"); ` +
      `PGlite at ${pgliteScale} and ${pgliteScale / 10}. Scale 1 = 500,000 tasks and 5,000,000 report items. ` +
      '"service_ms": the endpoint\'s service call in-process (its SQL and mapping, no HTTP), median. ' +
      '"cached": public answers are cached per URL until the data changes, so a repeated URL is served from memory; ' +
      '"uncached": a unique URL per request, so every request runs its queries. ' +
      'Province dashboard: the public agency page (no province dashboard endpoint exists); province_status_asof: ' +
      "the province's task statuses as of a date. Rankings: the rankings of the published 2025 snapshot " +
      '(/api/public/evaluations/:id/rankings); evaluation_snapshot: the whole snapshot with every figure (250 KB at ' +
      'national scale). evaluation_current / evaluation_asof: the live evaluation of 2026 as of today and as of ' +
      '30/06/2026, computed on every request, as a signed-in administrator. Submissions go through the reports ' +
      'service in-process (draft, save 10 items, submit: three transactions), against bare INSERTs of the same ' +
      'report row and items, 50 at a time.',
  );
  // The 10,000-row register import (PGlite), in its own process: preview + commit against exceljs alone.
  const imp = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', 'import-10k.ts')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const full = /= (\d+) ms/.exec(imp.stdout ?? '');
  const ratio = /ratio \(b\)\/\(a\): ([\d.]+)/.exec(imp.stdout ?? '');
  if (full && ratio) {
    results.metrics['pglite.import_10k.ms'] = { value: Number(full[1]), unit: 'ms' };
    results.ratios['pglite.import_10k.over_exceljs_read'] = Number(ratio[1]);
  } else results.notes.push(`import-10k did not report: exit ${imp.status}`);
  for (const engine of engines)
    await benchScale(
      engine,
      engine === 'postgres' ? scale : pgliteScale,
      { seconds, connections, port: port++, adminUrl: PG_ADMIN },
      results,
    );
}
writeResults(results, values.out);
console.log(fs.readFileSync(path.join(values.out, 'latest.md'), 'utf8'));
