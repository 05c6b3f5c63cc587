import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rows } from '../../src/db/database.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import { defaultIdentityOptions } from '../../src/modules/identity/identity-options.ts';
import { REMINDER_QUEUE } from '../../src/modules/notifications/reminder-scheduler.ts';
import {
  generateObligations,
  programIdOf,
  setSchedule,
} from '../../src/modules/reports/obligations.service.ts';
import { addDays, vietnamToday } from '../../src/modules/task-status/dates.ts';
import { createPgliteDataDir, createPgTestDatabase, testEngines } from '../helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../helpers/identity.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { type DeliverySinks, startDeliverySinks } from '../helpers/sinks.ts';

/** A person's requests to one server process, with the session cookie it was given (by any process). */
function client(server: ServerProcess, cookie?: string) {
  const send = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        origin: server.url,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie: `sid=${cookie}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  };
  return { send, get: (url: string) => send('GET', url) };
}

/** Each sign-in from its own address (TRUST_PROXY is on), so the shared per-address limit never bites. */
let nextAddress = 0;
function signInAttempt(server: ServerProcess, email: string, password: string, address?: string) {
  nextAddress += 1;
  return fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      origin: server.url,
      'content-type': 'application/json',
      'x-forwarded-for': address ?? `10.57.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`,
    },
    body: JSON.stringify({ email, password }),
  });
}

async function signIn(server: ServerProcess, email: string): Promise<string> {
  const fetched = await signInAttempt(server, email, TEST_PASSWORD);
  const res = { status: fetched.status, text: await fetched.text(), headers: fetched.headers };
  expect(res.status, res.text).toBe(200);
  const sid = res.headers
    .getSetCookie()
    .map((c) => /^sid=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  return sid!;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Issue 8, "more than one machine": every piece of state lives in PostgreSQL, so two `nq57 serve`
 * processes on one database behave as one service (docs/deployment.md).
 */
describe.runIf(testEngines().includes('postgres'))(
  'two server processes on one PostgreSQL',
  { timeout: 300_000 },
  () => {
    let a: ServerProcess;
    let b: ServerProcess;
    let sinks: DeliverySinks;
    let database: Database;
    let drop = async () => {};

    beforeAll(async () => {
      sinks = await startDeliverySinks();
      // An empty database: both processes migrate and load the Program at the same moment, as a fleet
      // started together would.
      const copy = await createPgTestDatabase({ empty: true });
      drop = copy.drop;
      // Behind a load balancer: client addresses come from X-Forwarded-For (limits are per address).
      const env = {
        DATABASE_URL: copy.url,
        SMTP_URL: sinks.smtpUrl,
        MAIL_FROM: 'nq57@test.local',
        TRUST_PROXY: 'true',
      };
      // B reads its public pages through a "replica": the same database over read-only connections
      // (decision 097), so every public page B answers below is also proven not to write.
      const replica = new URL(copy.url);
      replica.searchParams.set('options', '-c default_transaction_read_only=on');
      [a, b] = await Promise.all([
        startServerProcess(env),
        startServerProcess({ ...env, DATABASE_REPLICA_URL: replica.toString() }),
      ]);
      database = await openDatabase({ engine: 'postgres', url: copy.url, poolSize: 2 });
      const ctx = { db: database.db, options: defaultIdentityOptions(), sendMail: async () => {} };
      await makeUser(ctx, 'admin@multi.gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
      await makeUser(ctx, 'coordinator@multi.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
      await makeUser(ctx, 'locked@multi.gov.vn', 'BKHCN', [{ role: 'focal_officer' }]);
      await makeUser(ctx, 'officer@multi.gov.vn', 'BKHCN', [
        { role: 'focal_officer' },
        { role: 'agency_head' },
      ]);
    }, 240_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.close();
      await drop();
      await sinks?.close();
    });

    it('both started on an empty database: migrated and loaded once', async () => {
      const [loads] = await rows<{ runs: number; tasks: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM program_load_run) AS runs,
                   (SELECT count(*)::int FROM task) AS tasks`,
      );
      expect(loads).toMatchObject({ tasks: 140 });
      for (const server of [a, b]) expect((await client(server).get('/api/health')).status).toBe(200);
      // B opened its replica pool: public pages it answers are read there.
      expect((await client(b).get('/api/public/overview?program=NQ57')).status).toBe(200);
      const [replicaConnections] = await rows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'nq57-replica'`,
      );
      expect(replicaConnections!.n).toBeGreaterThan(0);
    });

    it('a session started on one process is valid on the other, and ends on both', async () => {
      const cookie = await signIn(a, 'officer@multi.gov.vn');
      const me = await client(b, cookie).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.json()).toMatchObject({ user: { email: 'officer@multi.gov.vn' } });
      expect((await client(b, cookie).send('POST', '/api/auth/sign-out')).status).toBe(204);
      // Signed out (decision 065: /api/me answers everyone, `user: null` when signed out).
      const after = await client(a, cookie).get('/api/me');
      expect(after.status).toBe(200);
      expect(after.json()).toMatchObject({ user: null });
    });

    it('sign-in attempts and failures are counted once across both processes', async () => {
      // The per-address rate limit (10 a minute) counted in the database: alternate processes, one address.
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await signInAttempt(
          i % 2 ? b : a,
          'nobody@multi.gov.vn',
          'wrong password',
          '198.51.100.9',
        );
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      // Another address is not affected.
      expect((await signInAttempt(a, 'nobody@multi.gov.vn', 'wrong password', '198.51.100.10')).status).toBe(
        401,
      );

      // The account lockout (5 failures): three on A and two on B lock it on both, even for the right password.
      for (const server of [a, b, a, b, a])
        expect((await signInAttempt(server, 'locked@multi.gov.vn', 'wrong password')).status).toBe(401);
      for (const server of [a, b])
        expect((await signInAttempt(server, 'locked@multi.gov.vn', TEST_PASSWORD)).status).toBe(401);
      const [locked] = await rows<{ locked: boolean }>(
        database.db,
        sql`SELECT locked_until > now() AS locked FROM app_user WHERE email = 'locked@multi.gov.vn'`,
      );
      expect(locked).toEqual({ locked: true });
    });

    it('an evidence file uploaded on one process is downloaded from the other', async () => {
      const officer = await signIn(a, 'officer@multi.gov.vn');
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(3 * 1024 * 1024, 0x20),
        Buffer.from('\n%%EOF\n'),
      ]);
      const up = await fetch(
        `${a.url}/api/files?name=${encodeURIComponent('Minh chứng hai tiến trình.pdf')}`,
        {
          method: 'POST',
          headers: { origin: a.url, cookie: `sid=${officer}`, 'content-type': 'application/octet-stream' },
          body: pdf,
        },
      );
      const uploaded = (await up.json()) as { id: number; mime: string; sizeBytes: number };
      expect(up.status, JSON.stringify(uploaded)).toBe(201);
      expect(uploaded).toMatchObject({ mime: 'application/pdf', sizeBytes: pdf.length });
      const down = await fetch(`${b.url}/api/files/${uploaded.id}`, {
        headers: { cookie: `sid=${officer}` },
      });
      expect(down.status).toBe(200);
      expect(down.headers.get('content-disposition')).toContain(
        encodeURIComponent('Minh chứng hai tiến trình.pdf'),
      );
      expect(Buffer.from(await down.arrayBuffer()).equals(pdf)).toBe(true);
    });

    it('a write on one is seen by the other, public pages included', async () => {
      // The public calendar is cached per URL on each process: read it on B first so B holds a copy.
      const before = await client(b).get('/api/public/calendar/2031');
      expect(before.status).toBe(200);
      expect((await client(b).get('/api/public/calendar/2031')).headers.get('x-cache')).toBe('hit');
      const admin = await signIn(a, 'admin@multi.gov.vn');
      const added = await client(a, admin).send('POST', '/api/calendar/days', {
        date: '2031-01-07',
        kind: 'day_off',
        reason: 'Nghỉ bù (kiểm thử hai tiến trình)',
      });
      expect(added.status, added.text).toBe(200);
      const after = await client(b).get('/api/public/calendar/2031');
      expect(after.headers.get('x-cache')).toBe('miss');
      expect(after.text).toContain('2031-01-07');

      // A report started on A is the same report on B, with the version A gave it.
      const programId = await programIdOf(database.db, 'NQ57');
      await generateObligations(database.db, cliActor(), { programId, from: '2025-01-01', to: '2025-12-31' });
      const [obligation] = await rows<{ id: number }>(
        database.db,
        sql`SELECT o.id FROM reporting_obligation o JOIN org_unit u ON u.id = o.agency_id
             WHERE u.code = 'BKHCN' AND o.period = '2025-H2'`,
      );
      const officer = await signIn(b, 'officer@multi.gov.vn');
      const created = await client(a, officer).send('POST', '/api/reports', { obligationId: obligation!.id });
      expect(created.status, created.text).toBe(201);
      const seen = await client(b, officer).get(`/api/reports/${created.json().id}`);
      expect(seen.status).toBe(200);
      expect(seen.json()).toMatchObject({ id: created.json().id, status: 'draft', lockVersion: 1 });
      // A stale save on B after a save on A is refused: the lock version lives in the database.
      const save = (server: ServerProcess, summary: string) =>
        client(server, officer).send('PUT', `/api/reports/${created.json().id}`, {
          lockVersion: 1,
          summary,
          items: [],
        });
      expect((await save(a, 'Lưu trên A')).status).toBe(200);
      expect((await save(b, 'Lưu trên B')).status).toBe(409);

      // Two colleagues start the same report at the same moment, one on each process: one draft, one 409.
      const others = await rows<{ id: number }>(
        database.db,
        sql`SELECT o.id FROM reporting_obligation o JOIN org_unit u ON u.id = o.agency_id
             WHERE u.code = 'BKHCN' AND o.id <> ${obligation!.id} ORDER BY o.id`,
      );
      for (const { id } of others) {
        const both = await Promise.all(
          [a, b].map((s) => client(s, officer).send('POST', '/api/reports', { obligationId: id })),
        );
        expect(both.map((r) => r.status).sort(), both.map((r) => r.text.slice(0, 200)).join(' | ')).toEqual([
          201, 409,
        ]);
      }
    });

    it('a day off added on one process counts in the other’s working days at once', async () => {
      // An overdue task as the public sees it on B, which now holds the calendar and the answer.
      const asOf = '2025-09-30';
      const all = (await client(b).get(`/api/public/task-status?program=NQ57&asOf=${asOf}`)).json() as {
        taskId: number;
        status: string;
        judgement: { dueDate: string; lateDays: number } | null;
      }[];
      const overdue = all.find(
        (s) =>
          s.status === 'open_overdue' &&
          s.judgement &&
          s.judgement.dueDate >= '2025-06-01' &&
          s.judgement.lateDays > 10,
      )!;
      expect(overdue).toBeDefined();
      const url = `/api/public/task-status?program=NQ57&asOf=${asOf}&task=${overdue.taskId}`;
      const lateOn = async (server: ServerProcess) =>
        (await client(server).get(url)).json()[0].judgement.lateDays;
      const before = await lateOn(b);
      // A weekday between the due date and the day judged that is a working day today.
      const off = new Set(
        ((await client(b).get('/api/public/calendar/2025')).json().weekdaysOff as { date: string }[]).map(
          (d) => d.date,
        ),
      );
      let day = addDays(overdue.judgement!.dueDate, 2);
      while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) || off.has(day)) day = addDays(day, 1);
      const admin = await signIn(a, 'admin@multi.gov.vn');
      const added = await client(a, admin).send('POST', '/api/calendar/days', {
        date: day,
        kind: 'day_off',
        reason: 'Nghỉ đột xuất (kiểm thử hai tiến trình)',
      });
      expect(added.status, added.text).toBe(200);
      expect(await lateOn(b)).toBe(before - 1);
    });

    it('a scheduled reminder is sent exactly once, by whichever process takes the job', async () => {
      const db = database.db;
      const programId = await programIdOf(db, 'NQ57');
      const today = vietnamToday();
      await setSchedule(db, cliActor(), programId, {
        frequency: 'weekly',
        dueOffsetDays: 3,
        dueDates: null,
        active: true,
      });
      await generateObligations(db, cliActor(), {
        programId,
        from: addDays(today, -14),
        to: addDays(today, 28),
      });
      const officer = await signIn(a, 'officer@multi.gov.vn');
      const prefs = await client(b, officer).send('PUT', '/api/notifications/preferences', {
        inApp: true,
        email: 'officer@multi.gov.vn',
        emailEnabled: true,
        webhookUrl: sinks.webhookUrl,
        webhookEnabled: true,
      });
      expect(prefs.status, prefs.text).toBe(200);

      // Both processes run a pg-boss worker on the queue; the job is a row, taken by one of them.
      await waitFor('both schedulers', async () => {
        const [q] = await rows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM pgboss.schedule WHERE name = ${REMINDER_QUEUE}`,
        );
        return q!.n === 1;
      });
      const boss = new PgBoss({
        db: { executeSql: (text: string, values: unknown[]) => database.query(text, values) },
        schedule: false,
        supervise: false,
        migrate: false,
      });
      await boss.start();
      const jobId = await boss.send(REMINDER_QUEUE, { program: 'NQ57' }, { startAfter: 1 });
      await waitFor(
        'the job to complete',
        async () => (await boss.getJobById(REMINDER_QUEUE, jobId!))?.state === 'completed',
      );
      // Two more runs on the same day, one on each process at once (a coordinator's "run now"): nothing new.
      const coordinator = await signIn(a, 'coordinator@multi.gov.vn');
      const manual = await Promise.all(
        [a, b].map((s) => client(s, coordinator).send('POST', '/api/reminders/run?program=NQ57')),
      );
      for (const m of manual) expect(m.status, m.text).toBe(200);
      expect(manual.map((m) => m.json().sent)).toEqual([0, 0]);
      // Mail and webhooks arrive asynchronously: give a duplicate every chance to show up.
      await new Promise((r) => setTimeout(r, 3000));
      await boss.stop({ graceful: false, wait: true });

      const deliveries = await rows<{ channel: string; n: number }>(
        db,
        sql`SELECT channel, count(*)::int AS n FROM reminder_delivery d JOIN app_user u ON u.id = d.user_id
             WHERE u.email = 'officer@multi.gov.vn' AND d.status = 'sent' GROUP BY channel ORDER BY channel`,
      );
      const sent = Object.fromEntries(deliveries.map((d) => [d.channel, d.n]));
      expect(sent.email).toBeGreaterThan(0);
      expect(sinks.mails).toHaveLength(sent.email ?? 0);
      expect(sinks.hooks).toHaveLength(sent.webhook ?? 0);
      // Each reminder reached each channel once: no subject twice.
      expect(new Set(sinks.mails.map((m) => m.subject)).size).toBe(sinks.mails.length);
      expect(new Set(sinks.hooks.map((h) => h.title)).size).toBe(sinks.hooks.length);
      const [inApp] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
             WHERE u.email = 'officer@multi.gov.vn'`,
      );
      expect(inApp!.n).toBe(sent.in_app);
      const jobs = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${REMINDER_QUEUE} AND state = 'completed'`,
      );
      expect(jobs[0]!.n).toBe(1);
    });
  },
);

/** The embedded database is one process's: a second server on the same DATA_DIR is refused, clearly. */
describe('the embedded database serves one process', { timeout: 300_000 }, () => {
  it('refuses a second server on the same data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-single-'));
    await createPgliteDataDir(dir);
    const first = await startServerProcess({ DATA_DIR: dir });
    try {
      await expect(startServerProcess({ DATA_DIR: dir })).rejects.toThrow(
        new RegExp(`DATA_DIR \\(${dir}\\) is in use by another process \\(pid ${first.pid}\\)`),
      );
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
