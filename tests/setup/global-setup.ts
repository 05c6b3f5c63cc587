import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR, openDatabase } from '../../src/db/database.ts';
import { PROGRAM_DATA_DIR } from '../../src/modules/program/program-data.ts';
import { loadProgram } from '../../src/modules/program/program-loader.service.ts';

/**
 * Migrates and loads the program once per run into a template, which every test file copies:
 * a PGlite data-dir dump (0.6 s to load) and, when a PostgreSQL server is reachable, a template
 * database (CREATE DATABASE … TEMPLATE). Templates are keyed by the hash of migrations and data.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgAdminUrl: string | null;
    pgTemplate: string | null;
  }
}

const TMP = path.resolve('.tmp');
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function contentHash(): string {
  const hash = crypto.createHash('sha256');
  for (const dir of [MIGRATIONS_DIR, PROGRAM_DATA_DIR]) {
    for (const file of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
    }
  }
  // Any source file can change what the loader writes (it records audit events, for one): hash them all.
  for (const file of fs.readdirSync('src', { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.(ts|mjs)$/.test(file) && !file.endsWith('.test.ts'))
      hash.update(file).update(fs.readFileSync(path.join('src', file)));
  }
  return hash.digest('hex').slice(0, 12);
}

async function buildPgliteTemplate(hash: string): Promise<string> {
  const file = path.join(TMP, `pglite-template-${hash}.tar.gz`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(TMP, { recursive: true });
  const database = await openDatabase({ engine: 'pglite' });
  await database.migrate();
  await loadProgram(database);
  // biome-ignore lint/suspicious/noExplicitAny: dumpDataDir lives on the PGlite client under Drizzle.
  const client = (database.db as any).$client as { dumpDataDir(c: 'gzip'): Promise<Blob> };
  const dump = await client.dumpDataDir('gzip');
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  await database.close();
  return file;
}

async function buildPgTemplate(hash: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null; // no server: tests run on PGlite only, and say so
  }
  const name = `nq57_tpl_${hash}`;
  try {
    await admin.query('SELECT pg_advisory_lock(570058)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      // Built under a temporary name and renamed when complete, so a run that dies half-way (a timeout
      // on a busy machine) never leaves a broken template that later runs would trust.
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${building}`;
      const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 2 });
      await database.migrate();
      await loadProgram(database);
      await database.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(570058)').catch(() => {});
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const hash = contentHash();
  const [pgliteTemplate, pgTemplate] = await Promise.all([buildPgliteTemplate(hash), buildPgTemplate(hash)]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('pgTemplate', pgTemplate);
  project.provide('pgAdminUrl', pgTemplate ? PG_ADMIN_URL : null);
  if (!pgTemplate)
    console.warn(`PostgreSQL not reachable at ${PG_ADMIN_URL}: database tests run on PGlite only`);
}
