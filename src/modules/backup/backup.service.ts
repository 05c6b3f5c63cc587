import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AppConfig } from '../../config.ts';
import { DatabaseOpenError, openDatabase } from '../../db/database.ts';

/**
 * Backups with the tools each engine's users already rely on: pg_dump's custom format for a PostgreSQL
 * server (restored by pg_restore), and PGlite's own data-directory dump for the embedded engine
 * (restored by opening an empty DATA_DIR from it). The file says which it is by its content.
 */
export class BackupError extends Error {}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (e) =>
      reject(new BackupError(`${command} could not run: ${e.message} (install postgresql-client)`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed: ${stderr.trim()}`)),
    );
  });
}

export async function backup(config: AppConfig, outFile: string): Promise<{ engine: string; bytes: number }> {
  if (fs.existsSync(outFile)) throw new BackupError(`${outFile} exists; choose a new file name`);
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', outFile, config.databaseUrl]);
    return { engine: 'postgres', bytes: fs.statSync(outFile).size };
  }
  if (!fs.existsSync(config.dataDir)) throw new BackupError(`DATA_DIR (${config.dataDir}) holds no database`);
  // Opening takes the directory's lock: a running server keeps it, so the copy is never taken mid-write.
  const database = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  try {
    // biome-ignore lint/suspicious/noExplicitAny: dumpDataDir lives on the PGlite client under Drizzle.
    const client = (database.db as any).$client as { dumpDataDir(c: 'gzip'): Promise<Blob> };
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(outFile, Buffer.from(await dump.arrayBuffer()), { flag: 'wx' });
  } finally {
    await database.close();
  }
  return { engine: 'pglite', bytes: fs.statSync(outFile).size };
}

/** A pg_dump custom-format file starts with "PGDMP"; a PGlite dump is a gzip (1f 8b). */
function kindOf(file: string): 'pg_dump' | 'pglite' | 'unknown' {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return 'unknown';
}

export async function restore(config: AppConfig, file: string): Promise<{ engine: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = kindOf(file);
  if (config.databaseUrl) {
    if (kind !== 'pg_dump')
      throw new BackupError(`${file} is not a pg_dump backup; DATABASE_URL restores need one`);
    // Into an empty database only: restoring over live data would mix two histories.
    const database = await openDatabase({ engine: 'postgres', url: config.databaseUrl, poolSize: 1 });
    try {
      const { rows } = await database.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')",
      );
      if (Number(rows[0]?.n) > 0)
        throw new BackupError('the database given by DATABASE_URL is not empty; restore into a new database');
    } finally {
      await database.close();
    }
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', config.databaseUrl, file]);
    return { engine: 'postgres' };
  }
  if (kind !== 'pglite')
    throw new BackupError(
      `${file} is not an embedded-database backup; set DATABASE_URL to restore a pg_dump file`,
    );
  if (fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0) {
    throw new BackupError(`DATA_DIR (${config.dataDir}) is not empty; restore into a new directory`);
  }
  try {
    const database = await openDatabase({
      engine: 'pglite',
      dataDir: config.dataDir,
      loadDataDir: new Blob([fs.readFileSync(file)]),
    });
    await database.close();
  } catch (error) {
    fs.rmSync(config.dataDir, { recursive: true, force: true });
    throw error instanceof DatabaseOpenError
      ? new BackupError(`${file} could not be restored: ${error.message}`)
      : error;
  }
  return { engine: 'pglite' };
}
