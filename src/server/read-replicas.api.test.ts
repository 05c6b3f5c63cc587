import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestDatabase, createTestDatabase, testEngines } from '../../tests/helpers/db.ts';
import { makeUser, SAME_ORIGIN, signInAs } from '../../tests/helpers/identity.ts';
import { openConfiguredReplicas } from '../cli/context.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase, rows } from '../db/database.ts';
import { defaultIdentityOptions } from '../modules/identity/identity-options.ts';
import { buildApp } from './app.ts';

/** The public pages an anonymous visitor opens (web/src/features/*): each must work on a read-only replica. */
const PUBLIC_PAGES = [
  '/api/public/overview?program=NQ57',
  '/api/public/program?program=NQ57',
  '/api/public/load-report?program=NQ57',
  '/api/public/tasks?program=NQ57&q=chuyen%20doi%20so',
  '/api/public/agencies?program=NQ57',
  '/api/public/agencies/BKHCN?program=NQ57',
  '/api/public/targets?program=NQ57',
  '/api/public/targets/progress?program=NQ57',
  '/api/public/targets.csv?program=NQ57',
  '/api/public/task-status?program=NQ57&asOf=2025-09-30',
  '/api/public/calendar/2025',
  '/api/public/item-links?program=NQ57',
  '/api/public/evaluations?program=NQ57',
];

async function execute(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/**
 * Decision 097. Two "replicas" are copies of the primary's template, each marked so an answer shows which
 * database it came from; they are opened as the server opens DATABASE_REPLICA_URL, read-only
 * (default_transaction_read_only), so a public page that wrote would fail here.
 */
describe.runIf(testEngines().includes('postgres'))(
  'read replicas for public pages',
  { timeout: 120_000 },
  () => {
    const dbs: { url: string; drop(): Promise<void> }[] = [];
    let primary: Database;
    let replicas: Database[];
    let app: Awaited<ReturnType<typeof buildApp>>;
    let taskId: number;

    beforeAll(async () => {
      dbs.push(...(await Promise.all([0, 1, 2].map(() => createPgTestDatabase()))));
      const [primaryCopy, replicaA, replicaB] = dbs as [(typeof dbs)[0], (typeof dbs)[0], (typeof dbs)[0]];
      primary = await openDatabase({ engine: 'postgres', url: primaryCopy.url, poolSize: 3 });
      [{ id: taskId }] = (await rows<{ id: number }>(
        primary.db,
        sql`SELECT id FROM task ORDER BY code LIMIT 1`,
      )) as [{ id: number }];
      const mark = (url: string, label: string, epochMoves: number) =>
        execute(url, [
          `UPDATE task SET content_vi = content_vi || ' [${label}]' WHERE id = ${taskId}`,
          // Replicas of one primary at one epoch hold the same data; these copies differ, so their epochs must.
          ...Array.from({ length: epochMoves }, () => 'UPDATE public_data_epoch SET epoch = epoch + 1'),
        ]);
      await mark(replicaA.url, 'bản sao A', 0);
      await mark(replicaB.url, 'bản sao B', 5);
      const readOnly = (url: string) => {
        const u = new URL(url);
        u.searchParams.set('options', '-c default_transaction_read_only=on');
        return u.toString();
      };
      const config = loadConfig({
        DATABASE_URL: primaryCopy.url,
        DATABASE_REPLICA_URL: `${readOnly(replicaA.url)}, ${readOnly(replicaB.url)}`,
      });
      replicas = await openConfiguredReplicas(config);
      app = await buildApp({
        database: primary,
        replicas,
        logLevel: 'silent',
        serveWeb: false,
        identity: defaultIdentityOptions({ rateLimits: { signIn: 1000, writes: 1000 } }),
      });
      await makeUser(app.identity, 'admin@replica.gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    });

    afterAll(async () => {
      await app?.close();
      await Promise.all([primary, ...(replicas ?? [])].map((d) => d?.close()));
      await Promise.all(dbs.map((d) => d.drop()));
    });

    it('answers public pages from the replicas in turn, staff pages from the primary', async () => {
      const publicTask = async () =>
        (await app.inject({ method: 'GET', url: `/api/public/tasks/${taskId}?program=NQ57` })).body;
      const seen = [await publicTask(), await publicTask(), await publicTask(), await publicTask()];
      expect(seen.filter((b) => b.includes('[bản sao A]'))).toHaveLength(2);
      expect(seen.filter((b) => b.includes('[bản sao B]'))).toHaveLength(2);

      const admin = await signInAs(app, 'admin@replica.gov.vn');
      const staff = await admin.request({ method: 'GET', url: `/api/register/tasks/${taskId}?program=NQ57` });
      expect(staff.statusCode, staff.body).toBe(200);
      expect(staff.body).not.toContain('[bản sao');
      // Signed in or not, /api/me and the session live on the primary.
      expect((await admin.request({ method: 'GET', url: '/api/me' })).json().user.email).toBe(
        'admin@replica.gov.vn',
      );
    });

    it('works on read-only replicas for every public page, and their connections say so', async () => {
      for (const url of PUBLIC_PAGES) {
        for (let i = 0; i < 2; i++) {
          const res = await app.inject({ method: 'GET', url });
          expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
        }
      }
      const session = async (db: Database) =>
        (
          await rows<{ name: string; readOnly: string }>(
            db.db,
            sql`SELECT current_setting('application_name') AS name,
                     current_setting('transaction_read_only') AS "readOnly"`,
          )
        )[0]!;
      expect(await Promise.all(replicas.map(session))).toEqual([
        { name: 'nq57-replica', readOnly: 'on' },
        { name: 'nq57-replica', readOnly: 'on' },
      ]);
      expect(await session(primary)).toEqual({
        name: expect.not.stringMatching('nq57-replica'),
        readOnly: 'off',
      });
    });

    it('writes go to the primary only; a public read may lag behind them', async () => {
      const admin = await signInAs(app, 'admin@replica.gov.vn');
      const added = await admin.request({
        method: 'POST',
        url: '/api/calendar/days',
        headers: SAME_ORIGIN,
        payload: { date: '2031-01-07', kind: 'day_off', reason: 'Nghỉ bù (kiểm thử bản sao)' },
      });
      expect(added.statusCode, added.body).toBe(200);
      const count = async (db: Database) =>
        (
          await rows<{ n: number }>(
            db.db,
            sql`SELECT count(*)::int AS n FROM calendar_day WHERE day = '2031-01-07'`,
          )
        )[0]!.n;
      expect(await count(primary)).toBe(1);
      expect(await Promise.all(replicas.map(count))).toEqual([0, 0]);
      // These copies never replay the primary, the worst case of replication lag: the public page keeps
      // answering from the replica, and is not cached under the primary's newer epoch.
      for (let i = 0; i < 2; i++) {
        const res = await app.inject({ method: 'GET', url: '/api/public/calendar/2031' });
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain('2031-01-07');
      }
    });
  },
);

describe('without replicas', () => {
  it('the embedded database refuses DATABASE_REPLICA_URL, naming why', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://r1/nq57' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://r1/nq57' })).toThrow(/needs DATABASE_URL/);
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://p/nq57', DATABASE_REPLICA_URL: 'mysql://r1/nq57' }),
    ).toThrow(/DATABASE_REPLICA_URL: must be postgres:\/\/ URLs/);
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://p/nq57',
        DATABASE_REPLICA_URL: 'postgres://r1/nq57, postgresql://r2/nq57',
      }).databaseReplicaUrls,
    ).toEqual(['postgres://r1/nq57', 'postgresql://r2/nq57']);
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
  });

  it.each(testEngines())('reads everything from the primary on %s', async (engine) => {
    const database = await createTestDatabase(engine);
    const app = await buildApp({ database, logLevel: 'silent', serveWeb: false });
    try {
      let seen: unknown;
      app.addHook('onResponse', async (request) => {
        seen = request.readDb;
      });
      expect((await app.inject({ method: 'GET', url: '/api/public/calendar/2025' })).statusCode).toBe(200);
      expect(seen).toBe(database.db);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
