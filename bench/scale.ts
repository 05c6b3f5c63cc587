/**
 * `npm run bench -- --scale S`: the synthetic national dataset (nq57 synthetic generate), generated at two
 * sizes (S and S/10, so 5,000,000 and 500,000 report items at national scale), then on loopback at 50
 * connections: the minimal endpoint as the ceiling, the dashboards, rankings, a task search, as-of
 * figures; the service time of each endpoint's queries without HTTP; report submissions against bare
 * INSERTs. Every figure is bounded in count and time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { Subject } from '../src/modules/access/subject.ts';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { getSnapshotRankings, liveEvaluation } from '../src/modules/evaluation/evaluation.service.ts';
import { getAgency } from '../src/modules/orgs/orgs.service.ts';
import { programOverview } from '../src/modules/program/program.service.ts';
import { createReport, saveDraft, submitReport } from '../src/modules/reports/reports.service.ts';
import {
  bareReportInsert,
  openObligations,
  SYN_PROGRAM_CODE,
  syntheticIds,
} from '../src/modules/synthetic/synthetic.repository.ts';
import { taskStatusesAsOf } from '../src/modules/task-status/task-status.service.ts';
import { listTasks } from '../src/modules/tasks/tasks.service.ts';
import { type LoadFigures, load } from './lib/load.ts';
import type { BenchResults } from './lib/results.ts';
import { startServer } from './lib/server.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const P = SYN_PROGRAM_CODE;
const AS_OF = '2025-06-30';
/** The live evaluation: the running year (as of today, from the current-state summary) and a past date of it. */
const LIVE_PERIOD = '2026';
const LIVE_AS_OF = '2026-06-30';
const SEARCH = 'chuyen doi so';

type Engine = 'pglite' | 'postgres';
interface Size {
  label: 'big' | 'small';
  scale: number;
}

function runCli(args: string[], env: Record<string, string>, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src', 'cli', 'main.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
      },
    );
    if (input !== undefined) child.stdin?.end(`${input}\n`);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`nq57 ${args.join(' ')}: exit ${code}`)),
    );
  });
}

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? 0;
}

/** `workers` concurrent loops over `jobs` for at most `seconds`; completed jobs per second. */
async function rate(jobs: number[], workers: number, seconds: number, job: (n: number) => Promise<void>) {
  let next = 0;
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length && performance.now() < deadline) {
        const n = jobs[next++]!;
        await job(n);
        done++;
      }
    }),
  );
  return { perSecond: done / ((performance.now() - t0) / 1000), done };
}

/**
 * Waits until the server has worked off the previous endpoint's backlog (a slow endpoint leaves queued
 * queries behind when the load stops), so each figure is its own: one fresh request must answer.
 */
async function drain(url: string, headers?: Record<string, string>): Promise<void> {
  const fresh = `${url}${url.includes('?') ? '&' : '?'}_drain=${Date.now()}`;
  await fetch(fresh, { headers, signal: AbortSignal.timeout(120_000) }).catch(() => {});
}

async function freshDatabase(
  engine: Engine,
  adminUrl: string,
): Promise<{ env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-bench-scale-'));
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openDatabase({ engine: 'pglite', dataDir: dir, thread: 'main' }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS nq57_bench_scale WITH (FORCE)');
  await admin.query('CREATE DATABASE nq57_bench_scale');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/nq57_bench_scale';
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 10 }),
    drop: async () => {},
  };
}

/** The service calls behind each endpoint, timed in-process (their SQL and mapping, no HTTP). */
async function serviceTimes(
  database: Database,
  ids: { province: number; programId: number; snapshot: number | null },
) {
  const db = database.db;
  return {
    national_dashboard: await median(5, () => programOverview(db, P)),
    province_dashboard: await median(5, () => getAgency(db, P, 'SYN_T01')),
    task_search: await median(5, () =>
      listTasks(db, P, { q: SEARCH, page: 1, pageSize: 50, sort: 'relevance' } as never),
    ),
    province_status_asof: await median(3, async () =>
      taskStatusesAsOf(db, await loadWorkingCalendar(db), {
        programId: ids.programId,
        asOf: AS_OF,
        agencyId: ids.province,
      }),
    ),
    ...(ids.snapshot ? { rankings: await median(5, () => getSnapshotRankings(db, ids.snapshot!)) } : {}),
    evaluation_current: await median(3, () => liveEvaluation(db, { programCode: P, period: LIVE_PERIOD })),
    evaluation_asof: await median(3, () =>
      liveEvaluation(db, { programCode: P, period: LIVE_PERIOD, asOf: LIVE_AS_OF }),
    ),
  };
}

/** One person who drafts and submits for the agency: its focal officer and head at once (a bench shortcut). */
function benchOfficer(agencyId: number) {
  const user = {
    id: 1,
    name: 'bench officer',
    email: 'bench@synthetic',
    title: null,
    orgUnitId: agencyId,
    isDemo: false,
  };
  const grants = (['focal_officer', 'agency_head'] as const).map((role, i) => ({
    id: i + 1,
    role,
    orgUnitId: agencyId,
    includeSubUnits: false,
  }));
  const scopes = new Map(grants.map((g) => [g.role, new Set([agencyId])] as const));
  return {
    actor: { userId: 1, label: 'bench officer', via: 'api' as const },
    agencyId,
    subject: new Subject(user, grants, scopes),
  };
}

/** Report submissions through the reports service (draft, save, submit) against bare INSERTs of the same rows. */
export async function writeRates(
  database: Database,
  seconds: number,
  workers: number,
  periods: [string, string] = ['2026-11', '2026-12'],
) {
  const db = database.db;
  const submitJobs = await openObligations(db, periods[0]);
  const bareJobs = await openObligations(db, periods[1]);
  const submit = await rate(
    submitJobs.map((o) => o.id),
    workers,
    seconds,
    async (obligationId) => {
      const o = submitJobs.find((j) => j.id === obligationId)!;
      const who = benchOfficer(o.agencyId);
      const reportId = await createReport(db, who, obligationId);
      await saveDraft(db, who, {
        reportId,
        lockVersion: 1,
        content: {
          summary: 'bench',
          items: o.taskIds.map((taskId) => ({ taskId, status: 'in_progress', progress: 50 })),
        },
      });
      await submitReport(db, who, { reportId, lockVersion: 2 });
    },
  );
  const bare = await rate(
    bareJobs.map((o) => o.id),
    workers,
    seconds,
    async (obligationId) => {
      const o = bareJobs.find((j) => j.id === obligationId)!;
      await bareReportInsert(db, obligationId, o.agencyId, o.taskIds);
    },
  );
  return { submit, bare };
}

const BENCH_EMAIL = 'bench@synthetic.invalid';
const BENCH_PASSWORD = 'bench-synthetic-password';

/**
 * An administrator for the staff endpoints (the live evaluation needs a session), created by the CLI
 * before the server starts (PGlite's data directory has one user at a time); kept when it exists.
 */
export async function createBenchAdmin(env: Record<string, string>): Promise<void> {
  await runCli(
    ['create-admin', '--email', BENCH_EMAIL, '--name', 'Bench (synthetic)', '--password-stdin'],
    env,
    BENCH_PASSWORD,
  ).catch(() => {}); // already there from an earlier run on the same database
}

/** Signs the bench administrator in over HTTP; returns the Cookie header. */
export async function benchSession(serverUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench sign-in: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export const SCALE_ENDPOINTS = (ids: {
  province: number;
  snapshot: number | null;
}): Record<string, string> => ({
  national_dashboard: `/api/public/overview?program=${P}`,
  province_dashboard: `/api/public/agencies/SYN_T01?program=${P}`,
  task_search: `/api/public/tasks?program=${P}&q=${encodeURIComponent(SEARCH)}`,
  province_status_asof: `/api/public/task-status?program=${P}&asOf=${AS_OF}&agency=${ids.province}`,
  ...(ids.snapshot
    ? {
        rankings: `/api/public/evaluations/${ids.snapshot}/rankings`,
        evaluation_snapshot: `/api/public/evaluations/${ids.snapshot}`,
      }
    : {}),
  evaluation_current: `/api/evaluations/live?program=${P}&period=${LIVE_PERIOD}`,
  evaluation_asof: `/api/evaluations/live?program=${P}&period=${LIVE_PERIOD}&asOf=${LIVE_AS_OF}`,
});

/** The read endpoints the goals name: the dashboards, the rankings, a search, the as-of ranking. */
const GOAL_READS = [
  'national_dashboard',
  'province_dashboard',
  'rankings',
  'task_search',
  'evaluation_current',
  'evaluation_asof',
];

/** Issue 8's goals, judged on the big size of this engine's run (and growth between the two sizes). */
function judgeGoals(
  engine: Engine,
  figures: Record<string, Record<string, LoadFigures>>,
  results: BenchResults,
): void {
  const r = results.ratios;
  const goal = (text: string, value: number | undefined, met: (v: number) => boolean) => {
    if (value !== undefined && Number.isFinite(value))
      results.goals.push({ goal: `${engine}: ${text}`, value, met: met(value) });
  };
  for (const name of GOAL_READS) {
    for (const kind of ['cached', 'uncached', '']) {
      const key = `${engine}.big.${name}${kind ? `.${kind}` : ''}`;
      const p99 = results.metrics[`${key}.p99`]?.value;
      const ratio = r[`${key}.rps_over_ping`];
      if (ratio === undefined) continue;
      const label = `${name}${kind ? ` ${kind}` : ' (computed per request)'}`;
      const answered = (results.metrics[`${key}.rps`]?.value ?? 0) > 0;
      goal(`${label}: throughput / ping ≥ 0.3`, ratio, (v) => v >= 0.3);
      // No answer within the run (requests queued past its end) is no p99 under 50 ms.
      goal(
        `${label}: p99 < 50 ms${answered ? '' : ' (no answer within the run)'}`,
        p99,
        (v) => answered && v < 50,
      );
    }
  }
  goal('submissions / bare inserts ≥ 0.3', r[`${engine}.submit_over_bare_insert`], (v) => v >= 0.3);
  goal(
    'as-of / current (service time) ≤ 3',
    r[`${engine}.big.evaluation_asof_over_current.service`],
    (v) => v <= 3,
  );
  const cur = figures.big?.evaluation_current;
  const asof = figures.big?.evaluation_asof;
  if (cur && asof)
    goal('as-of / current (p50 at 50 connections) ≤ 3', asof.p50 / Math.max(cur.p50, 0.01), (v) => v <= 3);
  for (const name of GOAL_READS) {
    const b = figures['big.sql']?.[name];
    const s = figures['small.sql']?.[name];
    if (b && s)
      goal(
        `${name}: service time, 10× the reports / 1× ≤ 1.3`,
        b.p50 / Math.max(s.p50, 0.01),
        (v) => v <= 1.3,
      );
  }
}

export async function benchScale(
  engine: Engine,
  scale: number,
  options: { seconds: number; connections: number; port: number; adminUrl: string },
  results: BenchResults,
): Promise<void> {
  const m = (name: string, value: number, unit: string) => {
    results.metrics[`${engine}.${name}`] = { value, unit };
  };
  const sizes: Size[] = [
    { label: 'small', scale: scale / 10 },
    { label: 'big', scale },
  ];
  const figures: Record<string, Record<string, LoadFigures>> = {};
  const put = (group: string, name: string, f: LoadFigures) => {
    figures[group] = { ...figures[group], [name]: f };
  };
  for (const size of sizes) {
    const fresh = await freshDatabase(engine, options.adminUrl);
    try {
      const t0 = performance.now();
      const out = await runCli(['synthetic', 'generate', '--scale', String(size.scale), '--json'], fresh.env);
      const generated = JSON.parse(out.slice(out.indexOf('{'))) as {
        counts: { tasks: number; reportItems: number; reports: number };
      };
      m(`${size.label}.generate`, (performance.now() - t0) / 1000, 's');
      m(`${size.label}.tasks`, generated.counts.tasks, 'rows');
      m(`${size.label}.report_items`, generated.counts.reportItems, 'rows');
      await runCli(
        ['evaluation', 'publish', '--program', P, '--period', '2025', '--as-of', '2025-12-31'],
        fresh.env,
      ).catch((e: Error) => {
        results.notes.push(
          `${engine} ${size.label}: publishing an evaluation failed (${e.message}); no rankings`,
        );
        return '';
      });
      const database = await fresh.open();
      let ids: { province: number; programId: number; snapshot: number | null };
      try {
        ids = await syntheticIds(database.db);
        const sql = await serviceTimes(database, ids);
        for (const [name, ms] of Object.entries(sql)) m(`${size.label}.${name}.service_ms`, ms, 'ms');
        if (size.label === 'big') {
          const w = await writeRates(database, options.seconds, options.connections);
          m('big.submit.rate', w.submit.perSecond, 'reports/s');
          m('big.bare_insert.rate', w.bare.perSecond, 'reports/s');
          results.ratios[`${engine}.submit_over_bare_insert`] = w.submit.perSecond / w.bare.perSecond;
        }
        results.ratios[`${engine}.${size.label}.evaluation_asof_over_current.service`] =
          sql.evaluation_asof / sql.evaluation_current;
        for (const [name, ms] of Object.entries(sql))
          put(`${size.label}.sql`, name, { requestsPerSecond: 0, p50: ms, p99: ms, errors: 0, non2xx: 0 });
      } finally {
        await database.close();
      }
      await createBenchAdmin(fresh.env);
      const server = await startServer(fresh.env, options.port);
      try {
        const cookie = await benchSession(server.url);
        await load(`${server.url}/api/ping`, { ...options, seconds: 2 }); // the server's first seconds (JIT) apart
        const ping = await load(`${server.url}/api/ping`, options);
        m(`${size.label}.ping.rps`, ping.requestsPerSecond, 'req/s');
        // The machine is shared and its load moves: each endpoint is compared with a ping taken right
        // after it, so the ratio is of two figures measured under the same load.
        const pingNow = async (key: string) => {
          const now = await load(`${server.url}/api/ping`, {
            ...options,
            seconds: Math.min(2, options.seconds),
          });
          m(`${key}.ping_rps`, now.requestsPerSecond, 'req/s');
          return Math.max(now.requestsPerSecond, 0.01);
        };
        m(`${size.label}.ping.p99`, ping.p99, 'ms');
        for (const [name, url] of Object.entries(SCALE_ENDPOINTS(ids))) {
          const cached = url.startsWith('/api/public/');
          // Staff endpoints (the live evaluation) as a signed-in person; public pages anonymously.
          const headers = cached ? undefined : { cookie };
          await drain(`${server.url}${url}`, headers);
          const f = await load(`${server.url}${url}`, { ...options, headers });
          put(size.label, name, f);
          const key = `${size.label}.${name}${cached ? '.cached' : ''}`;
          m(`${key}.rps`, f.requestsPerSecond, 'req/s');
          m(`${key}.p50`, f.p50, 'ms');
          m(`${key}.p99`, f.p99, 'ms');
          if (f.errors || f.non2xx)
            results.notes.push(`${engine} ${key}: ${f.errors} errors, ${f.non2xx} non-2xx`);
          results.ratios[`${engine}.${key}.rps_over_ping`] = f.requestsPerSecond / (await pingNow(key));
          const serviceMs = results.metrics[`${engine}.${size.label}.${name}.service_ms`]?.value;
          if (cached) {
            // The public cache answers repeated URLs from memory; a unique URL per request shows the work behind it.
            await drain(`${server.url}${url}`);
            const u = await load(`${server.url}${url}`, { ...options, bust: true });
            put(`${size.label}.uncached`, name, u);
            const k2 = `${size.label}.${name}.uncached`;
            m(`${k2}.rps`, u.requestsPerSecond, 'req/s');
            m(`${k2}.p50`, u.p50, 'ms');
            m(`${k2}.p99`, u.p99, 'ms');
            if (u.errors || u.non2xx)
              results.notes.push(`${engine} ${k2}: ${u.errors} errors, ${u.non2xx} non-2xx`);
            results.ratios[`${engine}.${k2}.rps_over_ping`] = u.requestsPerSecond / (await pingNow(k2));
            if (serviceMs)
              results.ratios[`${engine}.${k2}.p50_over_service`] = u.p50 / Math.max(serviceMs, 0.01);
          } else if (serviceMs) {
            results.ratios[`${engine}.${key}.p50_over_service`] = f.p50 / Math.max(serviceMs, 0.01);
          }
        }
      } finally {
        await server.stop();
      }
    } finally {
      await fresh.drop();
    }
  }
  // As of a past date against now, and the big size against the small one (10× the reports).
  for (const label of ['small', 'big'] as const) {
    const cur = figures[label]?.evaluation_current;
    const asof = figures[label]?.evaluation_asof;
    if (cur && asof)
      results.ratios[`${engine}.${label}.evaluation_asof_over_current.p50`] =
        asof.p50 / Math.max(cur.p50, 0.01);
  }
  judgeGoals(engine, figures, results);
  for (const kind of ['sql', 'uncached', '']) {
    const big = figures[kind ? `big.${kind}` : 'big'] ?? {};
    const small = figures[kind ? `small.${kind}` : 'small'] ?? {};
    for (const [name, b] of Object.entries(big)) {
      const s = small[name];
      if (s)
        results.ratios[`${engine}.${name}${kind ? `.${kind}` : ''}.growth_p50_big_over_small`] =
          b.p50 / Math.max(s.p50, 0.01);
    }
  }
}
