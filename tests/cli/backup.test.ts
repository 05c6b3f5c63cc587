import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { reportsRepository } from '../../src/modules/reports/reports.repository.ts';
import { dataFingerprint } from '../helpers/fingerprint.ts';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', path.resolve('src/cli/main.ts')];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-backup-'));

async function cli(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [...CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      timeout: 90_000,
    });
    return { code: 0, ...r };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const COUNTS = `SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM target) AS targets,
  (SELECT count(*)::int FROM org_unit) AS orgs, (SELECT count(*)::int FROM audit_event) AS audit`;

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An evidence file's bytes live in the database (decision 096): a backup must carry them. */
const EVIDENCE = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(256 * 1024)]);
async function addEvidence(database: Database): Promise<number> {
  const repo = reportsRepository(database.db);
  const [{ id: agencyId }] = (await database.query("SELECT id FROM org_unit WHERE code = 'BKHCN'")).rows as [
    { id: number },
  ];
  const id = await repo.insertFile({
    agencyId,
    storageName: crypto.randomBytes(16).toString('hex'),
    originalName: 'minh-chung.pdf',
    mime: 'application/pdf',
    sizeBytes: EVIDENCE.length,
    sha256: crypto.createHash('sha256').update(EVIDENCE).digest('hex'),
  });
  await repo.insertFileContent(id, EVIDENCE);
  return id;
}

// Each case runs the CLI several times in fresh processes: minutes, not seconds, on a busy machine.
describe('backup and restore', { timeout: 240_000 }, () => {
  it('round-trips the embedded database', async () => {
    const source = path.join(tmp, 'source');
    expect((await cli(['load-program'], { DATA_DIR: source })).code).toBe(0);
    const withFile = await openDatabase({ engine: 'pglite', dataDir: source });
    const fileId = await addEvidence(withFile);
    await withFile.close();
    const file = path.join(tmp, 'embedded.tar.gz');
    const backup = await cli(['backup', '--out', file], { DATA_DIR: source });
    expect(backup.stdout).toMatch(/Backup of the pglite database written/);

    const target = path.join(tmp, 'target');
    expect((await cli(['restore', file], { DATA_DIR: target })).stdout).toMatch(/Restored/);
    const [a, b] = [
      await openDatabase({ engine: 'pglite', dataDir: source }),
      await openDatabase({ engine: 'pglite', dataDir: target }),
    ];
    const [ca, cb] = [(await a.query(COUNTS)).rows[0], (await b.query(COUNTS)).rows[0]];
    expect(cb).toEqual(ca);
    // Every row of every table, not only the counts.
    expect(await dataFingerprint(b.db, { content: true })).toEqual(
      await dataFingerprint(a.db, { content: true }),
    );
    expect(cb).toMatchObject({ tasks: 140, targets: 67 });
    expect((await reportsRepository(b.db).fileContent(fileId))?.equals(EVIDENCE)).toBe(true);
    expect(await verifyAuditChain(b.db)).toMatchObject({ ok: true });
    await a.close();
    await b.close();

    const again = await cli(['restore', file], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty; restore into a new directory/);
  });

  it('refuses a file that is not a backup', async () => {
    const junk = path.join(tmp, 'junk.bin');
    fs.writeFileSync(junk, 'not a backup');
    const r = await cli(['restore', junk], { DATA_DIR: path.join(tmp, 'never') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an embedded-database backup/);
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false);
  });

  it.runIf(inject('pgAdminUrl'))(
    'round-trips a PostgreSQL database with pg_dump and pg_restore',
    async () => {
      const admin = new pg.Client({ connectionString: inject('pgAdminUrl')! });
      await admin.connect();
      const [src, dst] = [
        `nq57_bk_${crypto.randomBytes(4).toString('hex')}`,
        `nq57_rs_${crypto.randomBytes(4).toString('hex')}`,
      ];
      await admin.query(`CREATE DATABASE ${src}`);
      await admin.query(`CREATE DATABASE ${dst}`);
      const url = (db: string) =>
        Object.assign(new URL(inject('pgAdminUrl')!), { pathname: `/${db}` }).toString();
      try {
        expect((await cli(['load-program'], { DATABASE_URL: url(src) })).code).toBe(0);
        const withFile = await openDatabase({ engine: 'postgres', url: url(src), poolSize: 1 });
        const fileId = await addEvidence(withFile);
        await withFile.close();
        const file = path.join(tmp, 'server.dump');
        expect((await cli(['backup', '--out', file], { DATABASE_URL: url(src) })).code).toBe(0);
        const restored = await cli(['restore', file], { DATABASE_URL: url(dst) });
        expect(restored.stderr).toBe('');
        const [a, b] = [
          await openDatabase({ engine: 'postgres', url: url(src), poolSize: 1 }),
          await openDatabase({ engine: 'postgres', url: url(dst), poolSize: 1 }),
        ];
        expect((await b.query(COUNTS)).rows[0]).toEqual((await a.query(COUNTS)).rows[0]);
        expect(await dataFingerprint(b.db, { content: true })).toEqual(
          await dataFingerprint(a.db, { content: true }),
        );
        expect((await reportsRepository(b.db).fileContent(fileId))?.equals(EVIDENCE)).toBe(true);
        expect(await verifyAuditChain(b.db)).toMatchObject({ ok: true });
        const notEmpty = await cli(['restore', file], { DATABASE_URL: url(dst) });
        expect(notEmpty.stderr).toMatch(/is not empty/);
        await a.close();
        await b.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${src} WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS ${dst} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
