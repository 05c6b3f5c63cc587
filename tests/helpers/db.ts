import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type Engine, openDatabase } from '../../src/db/database.ts';

/** The engines this run tests on: PGlite always, PostgreSQL when the global setup reached a server. */
export function testEngines(): Engine[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** The engines of a reliability test; RELIABILITY_ENGINES=pglite (or postgres) narrows a local run. */
export function reliabilityEngines(): Engine[] {
  const only = process.env.RELIABILITY_ENGINES;
  return testEngines().filter((e) => !only || only.split(',').includes(e));
}

/**
 * A fresh database with migrations applied and the Action Program loaded, private to the caller.
 * Closing it drops it (PostgreSQL) or discards it (PGlite, in memory).
 */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ engine: 'pglite', loadDataDir: dump });
  }
  const copy = await createPgTestDatabase();
  const database = await openDatabase({ engine: 'postgres', url: copy.url, poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await copy.drop();
    },
  };
}

/**
 * A PostgreSQL copy of the template (migrated, Program loaded) for a server process to open by URL;
 * `empty: true` gives a database with nothing in it. `drop()` removes it, closing any connection left.
 */
export async function createPgTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  if (!adminUrl || !template) throw new Error('PostgreSQL is not available in this run');
  const name = `nq57_test_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`,
  );
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** An embedded data directory on disk holding a copy of the template, for a server process (DATA_DIR). */
export async function createPgliteDataDir(dir: string): Promise<void> {
  const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const database = await openDatabase({ engine: 'pglite', dataDir: dir, loadDataDir: dump });
  await database.close();
}
