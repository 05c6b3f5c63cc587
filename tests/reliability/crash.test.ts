import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, type Db, type Engine, openDatabase, rows } from '../../src/db/database.ts';
import * as schema from '../../src/db/schema.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { defaultIdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { createPgliteDataDir, createPgTestDatabase, reliabilityEngines } from '../helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../helpers/identity.ts';
import { type Officer, prepareOfficers } from '../helpers/officers.ts';
import { checkAcknowledged, ReportWorkload } from '../helpers/report-workload.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const KILLS = Number(process.env.RELIABILITY_KILLS ?? 20);
const OFFICERS = 4;
const IMPORT_ROWS = 200;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 100_000);

/** A small deterministic generator (the seed is printed, so a failing run can be replayed). */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A register file of `rows` new tasks whose codes start with `prefix`, in the appendix's columns. */
function registerCsv(prefix: string, count: number): string {
  const lines = ['STT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Sản phẩm,Thời hạn,Nhóm'];
  for (let i = 1; i <= count; i++)
    lines.push(
      `${prefix}-${String(i).padStart(4, '0')},"Nhiệm vụ kiểm thử sự cố ${prefix}, dòng ${i}: xây dựng cơ sở dữ liệu chuyển đổi số",` +
        `Bộ Khoa học và Công nghệ,Bộ Tài chính,Báo cáo,Quý IV/2027,${(i % 7) + 1}`,
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** Opens and closes as the crash test needs: the server is down, or the database is a server. */
async function withDatabase<T>(
  engine: Engine,
  env: Record<string, string>,
  use: (db: Db, database: Database | null) => Promise<T>,
): Promise<T> {
  if (engine === 'postgres') {
    const database = await openDatabase({ engine: 'postgres', url: env.DATABASE_URL!, poolSize: 2 });
    try {
      return await use(database.db, database);
    } finally {
      await database.close();
    }
  }
  // amcheck is not one of the server's extensions: the check opens the directory itself.
  const client = await PGlite.create({
    dataDir: env.DATA_DIR!,
    extensions: { pg_trgm, unaccent, ltree, amcheck },
  });
  try {
    return await use(drizzle(client, { schema }) as unknown as Db, null);
  } finally {
    await client.close();
  }
}

interface ImportAttempt {
  prefix: string;
  fileName: string;
  acknowledged: boolean;
}

/**
 * Issue 8, crash: SIGKILL the server (no shutdown of any kind) while a register import of 300 rows is in
 * flight and officers are submitting reports, at least 20 times on each engine. After every restart: the
 * audit chain verifies, the import is all there or not there at all, and every write the server had
 * acknowledged is present. At the end, with the server stopped, the same in SQL and more: every index
 * agrees with its table (amcheck), every report's rows agree with its saved version.
 */
describe.each(reliabilityEngines())(
  'SIGKILL during imports and submissions on %s',
  { timeout: 1_800_000 },
  (engine) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c().catch(() => {});
    });

    it(`recovers after each of ${KILLS} kills with nothing half done and nothing acknowledged lost`, async () => {
      const next = random(SEED + (engine === 'postgres' ? 1 : 0));
      let env: Record<string, string>;
      if (engine === 'postgres') {
        const copy = await createPgTestDatabase();
        cleanups.push(copy.drop);
        env = { DATABASE_URL: copy.url };
      } else {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-crash-'));
        cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
        await createPgliteDataDir(dir);
        env = { DATA_DIR: dir };
      }
      env.TRUST_PROXY = '127.0.0.1';

      // People: officers who submit, a coordinator who imports, an auditor who verifies the trail.
      const setup =
        engine === 'postgres'
          ? await openDatabase({ engine: 'postgres', url: env.DATABASE_URL!, poolSize: 2 })
          : await openDatabase({ engine: 'pglite', dataDir: env.DATA_DIR! });
      let officers: Officer[];
      try {
        officers = await prepareOfficers(setup, OFFICERS, {
          prefix: 'crash',
          from: '2027-01-04',
          to: '2031-12-28',
        });
        const ctx = { db: setup.db, options: defaultIdentityOptions(), sendMail: async () => {} };
        await makeUser(ctx, 'coordinator@crash.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
        await makeUser(ctx, 'auditor@crash.gov.vn', 'CP', [{ role: 'auditor', subUnits: true }]);
      } finally {
        await setup.close();
      }

      const port = await freePort();
      let server: ServerProcess = await startServerProcess(env, { port });
      cleanups.push(() => server.stop());
      const base = `http://127.0.0.1:${port}`;
      const session = async (email: string) => {
        const res = await fetch(`${base}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.58.0.${email.length}` },
          body: JSON.stringify({ email, password: TEST_PASSWORD }),
        });
        expect(res.status).toBe(200);
        return /^sid=([^;]+)/.exec(res.headers.getSetCookie().find((c) => c.startsWith('sid=')) ?? '')![1]!;
      };
      const coordinator = await session('coordinator@crash.gov.vn');
      const auditor = await session('auditor@crash.gov.vn');
      const api = (cookie: string, method: string, url: string, body?: string, type = 'application/json') =>
        fetch(`${base}${url}`, {
          method,
          headers: { origin: base, cookie: `sid=${cookie}`, ...(body ? { 'content-type': type } : {}) },
          body,
        });

      // Officers work throughout; a request that dies with the server is retried on the next obligation.
      const workload = new ReportWorkload(officers, () => base, 600);
      await workload.signIn(10);
      let up: Promise<void> = Promise.resolve();
      let markUp = () => {};
      let stopped = false;
      const running = workload.run(
        () => stopped,
        () => up,
      );

      const imports: ImportAttempt[] = [];
      const startImport = (n: number) => {
        const attempt: ImportAttempt = {
          prefix: `CR${String(n).padStart(3, '0')}`,
          fileName: `crash-${n}.csv`,
          acknowledged: false,
        };
        imports.push(attempt);
        const started = performance.now();
        const done = api(
          coordinator,
          'POST',
          `/api/register/import?program=NQ57&fileName=${attempt.fileName}`,
          registerCsv(attempt.prefix, IMPORT_ROWS),
          'text/csv',
        ).then(async (res) => {
          const text = await res.text();
          if (res.status !== 200) throw new Error(`import ${attempt.prefix}: ${res.status} ${text}`);
          attempt.acknowledged = true;
          return performance.now() - started;
        });
        return { attempt, done };
      };
      const importedCount = async (prefix: string) => {
        const res = await api(
          coordinator,
          'GET',
          `/api/register/tasks?program=NQ57&q=${prefix.toLowerCase()}-`,
        );
        expect(res.status).toBe(200);
        return ((await res.json()) as { total: number }).total;
      };

      // One import runs to the end first: how long an import takes on this machine, now.
      let n = 0;
      const calibration = startImport(n++);
      const importMs = await calibration.done;
      if (process.env.RELIABILITY_VERBOSE)
        console.log(`${engine}: an import takes ${importMs.toFixed(0)} ms`);
      expect(await importedCount(calibration.attempt.prefix)).toBe(IMPORT_ROWS);

      let kills = 0;
      let verifiedAcks = 0;
      const restarts: number[] = [];
      while (kills < KILLS) {
        const { attempt, done } = startImport(n++);
        let settled = false;
        const outcome = done.then(
          () => {
            settled = true;
          },
          (error: Error) => {
            settled = true;
            return error;
          },
        );
        await new Promise((r) => setTimeout(r, 20 + next() * importMs * 0.95));
        if (settled) {
          const failed = await outcome;
          if (failed) throw failed;
          continue; // finished before the kill: it counts as an import, not as a crash
        }
        const submissionsInFlight = workload.inflight;
        const acksBefore = workload.acks.length;
        up = new Promise((resolve) => {
          markUp = resolve;
        });
        await server.kill();
        kills++;
        await outcome;
        const started = performance.now();
        server = await startServerProcess(env, { port });
        restarts.push(performance.now() - started);
        markUp();

        const context = `kill ${kills} (seed ${SEED}, ${submissionsInFlight} submissions in flight)`;
        if (process.env.RELIABILITY_VERBOSE)
          console.log(`${engine} ${context}: restarted in ${(restarts.at(-1)! / 1000).toFixed(1)} s`);
        const verdict = await (await api(auditor, 'GET', '/api/audit/verify')).json();
        expect(verdict, context).toMatchObject({ ok: true });
        const count = await importedCount(attempt.prefix);
        expect([0, IMPORT_ROWS], `${context}: import ${attempt.prefix} has ${count} rows`).toContain(count);
        // Every write acknowledged before the kill is there after the restart.
        for (const ack of workload.acks.slice(verifiedAcks, acksBefore)) {
          const officer = officers.find((o) => o.id === ack.officerId)!;
          const res = await api(workload.cookieOf(officer)!, 'GET', `/api/reports/${ack.reportId}`);
          expect(res.status, `${context}: acknowledged ${ack.kind} of report ${ack.reportId}`).toBe(200);
          const report = (await res.json()) as { lockVersion: number; status: string };
          if (ack.kind === 'save')
            expect(report.lockVersion, context).toBeGreaterThanOrEqual(ack.lockVersion);
          if (ack.kind === 'submit') expect(report.status, context).not.toBe('draft');
        }
        verifiedAcks = acksBefore;
      }

      stopped = true;
      await running;
      await server.stop();
      console.log(
        `crash on ${engine} (seed ${SEED}): ${kills} kills during imports of ${IMPORT_ROWS} rows ` +
          `(an import takes ${(importMs / 1000).toFixed(1)} s) and submissions; ${imports.length} imports tried, ` +
          `${imports.filter((i) => i.acknowledged).length} acknowledged; ${workload.acks.length} report writes acknowledged, ` +
          `${workload.uncertain.size} cut short; restart median ${(restarts.sort((a, b) => a - b)[Math.floor(restarts.length / 2)]! / 1000).toFixed(1)} s`,
      );
      expect(workload.failures.slice(0, 10)).toEqual([]);

      // With the server stopped, in SQL: the whole story.
      await withDatabase(engine, env, async (db) => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        for (const attempt of imports) {
          const [found] = await rows<{ tasks: number; leads: number; audits: number }>(
            db,
            sql`SELECT (SELECT count(*)::int FROM task WHERE code LIKE ${`${attempt.prefix}-%`}) AS tasks,
                     (SELECT count(*)::int FROM task_agency ta JOIN task t ON t.id = ta.task_id
                       WHERE t.code LIKE ${`${attempt.prefix}-%`} AND ta.role = 'lead') AS leads,
                     (SELECT count(*)::int FROM audit_event WHERE action = 'register.import'
                       AND after->>'file' = ${attempt.fileName}) AS audits`,
          );
          const whole = { tasks: IMPORT_ROWS, leads: IMPORT_ROWS, audits: 1 };
          const none = { tasks: 0, leads: 0, audits: 0 };
          expect([whole, none], `import ${attempt.prefix}`).toContainEqual(found);
          if (attempt.acknowledged) expect(found, `acknowledged import ${attempt.prefix}`).toEqual(whole);
        }
        const checked = await checkAcknowledged(
          db,
          workload,
          officers.map((o) => o.id),
        );
        expect(checked.problems.slice(0, 20)).toEqual([]);
        // Each report's rows agree with the version it was saved at.
        const disagreeing = await rows<{ id: number }>(
          db,
          sql`SELECT r.id FROM report r
              LEFT JOIN report_snapshot s ON s.report_id = r.id AND s.lock_version = r.lock_version
             WHERE s.report_id IS NULL
                OR (SELECT count(*) FROM report_item i WHERE i.report_id = r.id)
                   <> jsonb_array_length(s.content->'items')
                OR (r.status = 'submitted' AND r.submitted_at IS NULL)`,
        );
        expect(disagreeing).toEqual([]);
        // Every index agrees with its table.
        await db.execute(sql`CREATE EXTENSION IF NOT EXISTS amcheck`);
        const indexes = await rows<{ name: string }>(
          db,
          sql`SELECT c.relname AS name FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE a.amname = 'btree' AND n.nspname = 'public'`,
        );
        expect(indexes.length).toBeGreaterThan(20);
        for (const { name } of indexes) await db.execute(sql`SELECT bt_index_check(${name}::regclass, true)`);
      });
      expect(kills).toBeGreaterThanOrEqual(KILLS);
    });
  },
);
