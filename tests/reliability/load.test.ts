import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rows } from '../../src/db/database.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { createPgliteDataDir, createPgTestDatabase, testEngines } from '../helpers/db.ts';
import { type Officer, prepareOfficers } from '../helpers/officers.ts';
import { checkAcknowledged, ReportWorkload } from '../helpers/report-workload.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const OFFICERS = 500;
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);

/**
 * Issue 8, load: 500 officers, each a real account signed in, submit reports for 60 seconds against
 * the real server in its own process on 127.0.0.1. No request may fail, and every write the server
 * acknowledged must be in the database afterwards, counted row by row. On PostgreSQL, the production
 * engine (decision 070); on PGlite when no server is reachable. Throughput is printed, never asserted.
 */
const engine = testEngines().includes('postgres') ? 'postgres' : 'pglite';

describe(`${OFFICERS} officers submitting for ${SECONDS} s on ${engine}`, { timeout: 600_000 }, () => {
  let server: ServerProcess;
  let database: Database;
  let officers: Officer[];
  let cleanup = async () => {};
  let env: Record<string, string>;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const copy = await createPgTestDatabase();
      env = { DATABASE_URL: copy.url };
      cleanup = copy.drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-load-'));
      await createPgliteDataDir(dir);
      env = { DATA_DIR: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    // Prepared before the server starts (PGlite allows one process), through the services.
    const setup =
      engine === 'postgres'
        ? await openDatabase({ engine: 'postgres', url: env.DATABASE_URL!, poolSize: 2 })
        : await openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR! });
    officers = await prepareOfficers(setup, OFFICERS, {
      prefix: 'load',
      from: '2027-01-04',
      to: '2031-12-28',
    });
    await setup.close();
    server = await startServerProcess({ ...env, TRUST_PROXY: '127.0.0.1' });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await cleanup();
  });

  it('answers every request and keeps every acknowledged write', async () => {
    const workload = new ReportWorkload(officers, () => server.url);
    let started = performance.now();
    await workload.signIn();
    const signInSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const until = started + SECONDS * 1000;
    await workload.run(() => performance.now() >= until);
    const seconds = (performance.now() - started) / 1000;
    await server.stop();

    database =
      engine === 'postgres'
        ? await openDatabase({ engine: 'postgres', url: env.DATABASE_URL!, poolSize: 2 })
        : await openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR! });
    const checked = await checkAcknowledged(
      database.db,
      workload,
      officers.map((o) => o.id),
    );
    const submitted = workload.acks.filter((a) => a.kind === 'submit').length;
    console.log(
      `load on ${engine}: ${OFFICERS} officers signed in in ${signInSeconds.toFixed(1)} s; ` +
        `${workload.requests - OFFICERS} requests in ${seconds.toFixed(1)} s ` +
        `(${((workload.requests - OFFICERS) / seconds).toFixed(1)} per second), ` +
        `${workload.acks.length} writes acknowledged, ${submitted} reports submitted ` +
        `(${(submitted / seconds).toFixed(1)} per second), ${workload.failures.length} failed`,
    );
    if (workload.failures.length) {
      const kinds = new Map<string, number>();
      for (const f of workload.failures) {
        const key = `${f.step} ${f.status} ${f.body.slice(0, 120)}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
      console.log(`failures by kind:\n${[...kinds].map(([k, n]) => `  ${n}× ${k}`).join('\n')}`);
      console.log(`server output (last lines):\n${server.output().split('\n').slice(-15).join('\n')}`);
    }
    expect(workload.failures.slice(0, 10)).toEqual([]);
    expect(workload.networkErrors).toBe(0);
    expect(checked.problems.slice(0, 20)).toEqual([]);
    expect(submitted).toBeGreaterThan(0);
    // Counted against the database: one report per acknowledged creation, one audit event per write.
    expect(checked.reports).toBe(workload.acks.filter((a) => a.kind === 'create').length);
    const [audit] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_event
           WHERE action IN ('report.create', 'report.save_draft', 'report.submit')
             AND actor_user_id = ANY(${`{${officers.map((o) => o.id).join(',')}}`}::int[])`,
    );
    expect(audit!.n).toBe(workload.acks.length);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
