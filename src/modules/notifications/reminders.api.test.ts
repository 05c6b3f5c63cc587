import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { type Database, openDatabase, rows } from '../../db/database.ts';
import { cliActor } from '../audit/actor.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { generateObligations, programIdOf } from '../reports/obligations.service.ts';
import { emailSender, type Senders, webhookSender } from './channels.ts';
import { setMyPreference, setReminderSettings } from './notifications.service.ts';
import { REMINDER_QUEUE, startReminderScheduler } from './reminder-scheduler.ts';
import { runReminders } from './reminders.service.ts';

interface Sink {
  mails: { to: string; subject: string }[];
  hooks: { title: string; text: string }[];
  senders: Senders;
  close(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes Vietnamese subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A real SMTP server and a real HTTP endpoint on 127.0.0.1 that record what reaches them. */
async function startSinks(): Promise<Sink> {
  const mails: Sink['mails'] = [];
  const hooks: Sink['hooks'] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        const subject = decodeHeader(folded.replace(/\r?\n[ \t]/g, ' '));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const web = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      hooks.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const webPort = (web.address() as AddressInfo).port;
  return {
    mails,
    hooks,
    senders: {
      email: emailSender(`smtp://127.0.0.1:${smtpPort}`, 'nq57@test.local'),
      webhook: webhookSender(),
    },
    webhookUrl: `http://127.0.0.1:${webPort}/hook`,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  } as Sink & { webhookUrl: string };
}

async function prepare(database: Database, webhookUrl: string) {
  const db = database.db;
  const programId = await programIdOf(db, 'NQ57');
  await generateObligations(db, cliActor(), { programId, from: '2025-01-01', to: '2025-12-31' });
  // The agency leading most one-off tasks due in the first half of 2025, so task reminders have work too.
  const [agency] = await rows<{ id: number }>(
    db,
    sql`SELECT ta.org_unit_id AS id FROM task t JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead'
        WHERE ta.org_unit_id IS NOT NULL AND t.recurrence IS NULL AND t.due_date BETWEEN '2025-01-01' AND '2025-06-16'
        GROUP BY ta.org_unit_id ORDER BY count(*) DESC, ta.org_unit_id LIMIT 1`,
  );
  // The agency's people, as identity keeps them: a focal officer and a head (roles at the agency).
  const person = async (email: string, role: 'focal_officer' | 'agency_head') => {
    const [u] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO app_user (name, email, org_unit_id) VALUES (${email}, ${email}, ${agency!.id}) RETURNING id`,
    );
    await rows(
      db,
      sql`INSERT INTO role_assignment (user_id, role, org_unit_id) VALUES (${u!.id}, ${role}, ${agency!.id})`,
    );
    return u!.id;
  };
  const officerId = await person('can.bo.dau.moi@bo.gov.vn', 'focal_officer');
  const headId = await person('lanh.dao@bo.gov.vn', 'agency_head');
  await setReminderSettings(db, cliActor(), programId, { daysBefore: [7, 3, 1], escalateAfterDays: 5 });
  const officer = { userId: officerId, label: 'officer', via: 'api' as const };
  const head = { userId: headId, label: 'head', via: 'api' as const };
  await setMyPreference(db, officer, {
    inApp: true,
    email: 'can.bo.dau.moi@bo.gov.vn',
    emailEnabled: true,
    webhookUrl,
    webhookEnabled: true,
  });
  await setMyPreference(db, head, {
    inApp: true,
    email: 'lanh.dao@bo.gov.vn',
    emailEnabled: true,
    webhookUrl: null,
    webhookEnabled: false,
  });
  const [obligation] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM reporting_obligation WHERE agency_id = ${agency!.id} AND period = '2025-H1'`,
  );
  return { programId, agencyId: agency!.id, obligationId: obligation!.id, officerId, headId };
}

const deliveries = (database: Database, like: string) =>
  rows<{ userId: number; channel: string; status: string; key: string }>(
    database.db,
    sql`SELECT user_id AS "userId", channel, status, reminder_key AS key FROM reminder_delivery
        WHERE reminder_key LIKE ${like} ORDER BY reminder_key, user_id, channel`,
  );

describe.each(testEngines())('reminders on %s', (engine) => {
  let database: Database;
  let sink: Sink & { webhookUrl: string };
  let ids: Awaited<ReturnType<typeof prepare>>;
  beforeAll(async () => {
    sink = (await startSinks()) as Sink & { webhookUrl: string };
    database = await createTestDatabase(engine);
    ids = await prepare(database, sink.webhookUrl);
  });
  afterAll(async () => {
    await database?.close();
    await sink?.close();
  });

  it('reminds the focal officer before a report deadline, by app, email and webhook, once', async () => {
    // Tue 10/6/2025 → due Sat 14/6: 3 working days left (11, 12, 13/6), so the 3-day reminder.
    const first = await runReminders(database.db, await loadWorkingCalendar(database.db), sink.senders, {
      programId: ids.programId,
      today: '2025-06-10',
    });
    expect(first.failed).toBe(0);
    expect(await deliveries(database, `obligation:${ids.obligationId}:%`)).toEqual([
      {
        userId: ids.officerId,
        channel: 'email',
        status: 'sent',
        key: `obligation:${ids.obligationId}:before:3`,
      },
      {
        userId: ids.officerId,
        channel: 'in_app',
        status: 'sent',
        key: `obligation:${ids.obligationId}:before:3`,
      },
      {
        userId: ids.officerId,
        channel: 'webhook',
        status: 'sent',
        key: `obligation:${ids.obligationId}:before:3`,
      },
    ]);
    expect(sink.mails).toContainEqual({
      to: 'can.bo.dau.moi@bo.gov.vn',
      subject: expect.stringContaining('2025-H1'),
    });
    expect(sink.hooks.some((h) => h.title.includes('2025-H1'))).toBe(true);
    // Every email that arrived is one recorded delivery: nothing was sent twice.
    const [{ n }] = (await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM reminder_delivery WHERE channel = 'email' AND status = 'sent'`,
    )) as [{ n: number }];
    expect(sink.mails).toHaveLength(n);

    const mailsBefore = sink.mails.length;
    const again = await runReminders(database.db, await loadWorkingCalendar(database.db), sink.senders, {
      programId: ids.programId,
      today: '2025-06-10',
    });
    expect(again).toMatchObject({ sent: 0, alreadySent: first.planned, failed: 0 });
    expect(sink.mails).toHaveLength(mailsBefore);
  });

  it('tells officer and head once overdue, and escalates to the head after 5 working days', async () => {
    await runReminders(database.db, await loadWorkingCalendar(database.db), sink.senders, {
      programId: ids.programId,
      today: '2025-06-17',
    });
    expect(
      (await deliveries(database, `obligation:${ids.obligationId}:overdue`)).map((d) => d.userId),
    ).toEqual([ids.officerId, ids.officerId, ids.officerId, ids.headId, ids.headId]);
    expect(await deliveries(database, `obligation:${ids.obligationId}:escalate`)).toEqual([]);
    // Each one-off task the agency leads, due in the year before and not completed, is overdue too.
    const overdueTasks = await rows<{ id: number }>(
      database.db,
      sql`SELECT DISTINCT t.id FROM task t JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead'
          WHERE ta.org_unit_id = ${ids.agencyId} AND t.recurrence IS NULL
            AND t.due_date BETWEEN '2024-06-16' AND '2025-06-16'`,
    );
    expect(overdueTasks.length).toBeGreaterThan(0);
    const taskKeys = new Set((await deliveries(database, 'task:%:overdue')).map((d) => d.key));
    expect(taskKeys).toEqual(new Set(overdueTasks.map((t) => `task:${t.id}:agency:${ids.agencyId}:overdue`)));
    // 16/6 to 23/6/2025 is 6 working days late.
    await runReminders(database.db, await loadWorkingCalendar(database.db), sink.senders, {
      programId: ids.programId,
      today: '2025-06-23',
    });
    expect(
      (await deliveries(database, `obligation:${ids.obligationId}:escalate`)).map((d) => [
        d.userId,
        d.channel,
      ]),
    ).toEqual([
      [ids.headId, 'email'],
      [ids.headId, 'in_app'],
    ]);
    const inbox = await rows<{ kind: string }>(
      database.db,
      sql`SELECT kind FROM notification WHERE user_id = ${ids.headId} AND link LIKE ${`/reports?agency=%&obligation=${ids.obligationId}`} ORDER BY id`,
    );
    expect(inbox.map((i) => i.kind)).toEqual(['overdue', 'escalation']);
  });

  it('records a failed channel once and does not retry it', async () => {
    const failing: Senders = { ...sink.senders, webhook: webhookSender(1000) };
    await setMyPreference(
      database.db,
      { userId: ids.officerId, label: 'officer', via: 'api' },
      {
        inApp: true,
        email: 'can.bo.dau.moi@bo.gov.vn',
        emailEnabled: true,
        webhookUrl: 'http://127.0.0.1:9/unreachable',
        webhookEnabled: true,
      },
    );
    const run = await runReminders(database.db, await loadWorkingCalendar(database.db), failing, {
      programId: ids.programId,
      today: '2025-11-25',
    });
    expect(run.failed).toBeGreaterThan(0);
    const failed = await deliveries(database, `obligation:%:before:3`);
    expect(failed.filter((d) => d.status === 'failed').every((d) => d.channel === 'webhook')).toBe(true);
    const rerun = await runReminders(database.db, await loadWorkingCalendar(database.db), failing, {
      programId: ids.programId,
      today: '2025-11-25',
    });
    expect(rerun.failed).toBe(0);
  });
});

/** Waits until a pg-boss job has finished, polling its row. */
async function completed(boss: PgBoss, id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const job = await boss.getJobById(REMINDER_QUEUE, id);
    if (job && ['completed', 'failed'].includes(job.state)) return job.state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the job did not finish');
}

describe.each(testEngines())(
  'a scheduled reminder on %s survives a restart and is not repeated',
  (engine) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-boss-'));
    let sink: Sink & { webhookUrl: string };
    beforeAll(async () => {
      sink = (await startSinks()) as Sink & { webhookUrl: string };
    });
    afterAll(async () => {
      await sink?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    // The embedded database restarts for real (closed and reopened from its directory); on PostgreSQL the
    // queue's process restarts against the same server.
    let shared: Database | undefined;
    const open = async (first: boolean): Promise<Database> => {
      if (engine === 'postgres') {
        shared ??= await createTestDatabase('postgres');
        return shared;
      }
      return openDatabase({
        engine: 'pglite',
        dataDir,
        loadDataDir: first ? new Blob([fs.readFileSync(inject('pgliteTemplate'))]) : undefined,
      });
    };
    const start = (database: Database) =>
      startReminderScheduler(database, {
        senders: sink.senders,
        cron: null,
        pollingSeconds: 0.5,
      });

    it('runs the job after the restart exactly once', async () => {
      let database = await open(true);
      const ids = await prepare(database, sink.webhookUrl);
      let boss = await start(database);
      const jobId = await boss.send(
        REMINDER_QUEUE,
        { program: 'NQ57', today: '2025-06-10' },
        { startAfter: new Date(Date.now() + 4000) },
      );
      expect(jobId).toBeTruthy();
      await boss.stop({ graceful: true, wait: true, timeout: 2000 });
      if (engine === 'pglite') await database.close();
      expect(sink.mails).toHaveLength(0);

      database = await open(false);
      boss = await start(database);
      try {
        expect(await completed(boss, jobId!)).toBe('completed');
        const sent = await deliveries(database, `obligation:${ids.obligationId}:before:3`);
        expect(sent.map((d) => d.channel)).toEqual(['email', 'in_app', 'webhook']);
        const mails = sink.mails.length;
        expect(mails).toBeGreaterThan(0);
        // The same reminder scheduled again (a second trigger, a cron overlap) sends nothing new.
        const second = await boss.send(REMINDER_QUEUE, { program: 'NQ57', today: '2025-06-10' });
        expect(await completed(boss, second!)).toBe('completed');
        expect(sink.mails).toHaveLength(mails);
        expect(await deliveries(database, `obligation:${ids.obligationId}:before:3`)).toEqual(sent);
      } finally {
        await boss.stop({ graceful: true, wait: true, timeout: 2000 });
        await database.close();
      }
    });
  },
);
