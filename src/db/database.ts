import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PGliteWorkerClient } from './pglite-worker-client.ts';
import * as schema from './schema.ts';

export type Engine = 'pglite' | 'postgres';
export type Schema = typeof schema;
/** A Drizzle handle on either engine; a transaction handle is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'migrations',
);

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** Runs statements that may not run inside a transaction block (VACUUM) or multi-statement scripts. */
  maintenance(statement: string): Promise<void>;
  /** Plain parameterised SQL outside Drizzle, for libraries that bring their own SQL (pg-boss's executeSql). */
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Applies pending migrations from migrations/. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {}

// Raw SQL answers the same on both engines: dates and timestamps as the server's text, as Drizzle's
// PGlite driver does. Typed Drizzle queries are unaffected (each column maps its own values).
for (const oid of [1082, 1114, 1184, 1186]) pg.types.setTypeParser(oid, (v: string) => v);

/** Rows of a raw query, on either engine. Cast aggregates to int in SQL: bigint arrives differently. */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type OpenOptions =
  | {
      engine: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob | File;
      /** 'worker' runs PGlite on its own thread so queries never block the server's event loop. */
      thread?: 'main' | 'worker';
    }
  | { engine: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.engine === 'pglite'
    ? openPglite(options)
    : openPostgres(options.url, options.poolSize ?? 10);
}

async function openPglite(options: Extract<OpenOptions, { engine: 'pglite' }>): Promise<Database> {
  const dataDir = options.dataDir;
  let release = () => {};
  if (dataDir) {
    checkDataDir(dataDir);
    release = lockDataDir(dataDir);
  }
  if (options.thread === 'worker') return openPgliteWorker(options, release);
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { pg_trgm, unaccent, ltree },
    });
  } catch (error) {
    release();
    throw new DatabaseOpenError(
      `Cannot open the embedded database in DATA_DIR (${dataDir}): ${(error as Error).message}`,
    );
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    maintenance: async (statement) => {
      await client.exec(statement);
    },
    query: async (text, values) => ({
      rows: (await client.query<Record<string, unknown>>(text, values)).rows,
    }),
    // biome-ignore lint/suspicious/noExplicitAny: the migrator is typed for its own driver's database.
    migrate: () => migratePglite(db as any, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function openPgliteWorker(
  options: Extract<OpenOptions, { engine: 'pglite' }>,
  release: () => void,
): Promise<Database> {
  let client: PGliteWorkerClient;
  try {
    client = await PGliteWorkerClient.start({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined,
    });
  } catch (error) {
    release();
    throw new DatabaseOpenError(
      `Cannot open the embedded database in DATA_DIR (${options.dataDir}): ${(error as Error).message}`,
    );
  }
  // biome-ignore lint/suspicious/noExplicitAny: the worker client implements the part of PGlite Drizzle calls.
  const db = drizzlePglite(client as any, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    maintenance: async (statement) => {
      await client.exec(statement);
    },
    query: async (text, values) => ({
      rows: (await client.query(text, values)).rows as Record<string, unknown>[],
    }),
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    migrate: () => migratePglite(db as any, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Refuses a directory that exists but is not an embedded database, so nothing of the user's is overwritten. */
function checkDataDir(dataDir: string): void {
  if (!fs.existsSync(dataDir)) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new DatabaseOpenError(
        `Cannot create DATA_DIR (${dataDir}): ${(error as NodeJS.ErrnoException).code}`,
      );
    }
    return;
  }
  const stat = fs.statSync(dataDir);
  if (!stat.isDirectory()) throw new DatabaseOpenError(`DATA_DIR (${dataDir}) is a file, not a directory`);
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new DatabaseOpenError(`DATA_DIR (${dataDir}) cannot be read and written by this user`);
  }
  const entries = fs.readdirSync(dataDir).filter((e) => e !== LOCK_FILE);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DatabaseOpenError(
      `DATA_DIR (${dataDir}) is not empty and holds no database; refusing to write into it. Point DATA_DIR to an empty or existing data directory.`,
    );
  }
}

const LOCK_FILE = 'nq57.lock';

/** One process per data directory: PGlite has no locking of its own, and two writers corrupt it. */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseOpenError(`DATA_DIR (${dataDir}) is in use by another process (pid ${pid})`);
    }
    fs.writeFileSync(file, String(process.pid));
  }
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // The pool's timeout is also how long a request waits for a free connection: in a burst (500 officers
  // at once, issue 8) requests queue behind the pool, so it is generous; the start-up probe below keeps
  // its own 5 s so an unreachable server is still reported at once.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 60_000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    await probe.query('SELECT 1');
    await probe.end();
  } catch (error) {
    await probe.end().catch(() => {});
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(
      `Cannot connect to the database given by DATABASE_URL (${describeUrl(url)}): ${describeError(error)}`,
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    maintenance: async (statement) => {
      await pool.query(statement);
    },
    query: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
    // Several server processes may start at once: a session advisory lock lets one migrate at a time.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(570057)');
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock(570057)').catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'unparseable URL';
  }
}

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  return e.code ?? e.errors?.[0]?.code ?? e.message ?? String(error);
}
