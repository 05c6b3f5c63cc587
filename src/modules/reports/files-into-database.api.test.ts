import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { type Database, rows } from '../../db/database.ts';
import { cliActor } from '../audit/actor.ts';
import { moveDiskFilesIntoDatabase, openStoredFile } from './files.service.ts';

const PDF = (n: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(n)]);

// Decision 096: files stored on disk before the bytes moved into the database are moved by
// `nq57 reports files-into-database`, each checked against the SHA-256 taken at upload.
describe.each(testEngines())('evidence files moved from disk into the database on %s', (engine) => {
  let database: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-old-files-'));
  const files = { good: PDF(70_000), damaged: PDF(1000), missing: PDF(10) };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const [{ agencyId }] = (await rows<{ agencyId: number }>(
      database.db,
      sql`SELECT id AS "agencyId" FROM org_unit WHERE code = 'BKHCN'`,
    )) as [{ agencyId: number }];
    for (const [name, content] of Object.entries(files)) {
      const storageName = crypto.randomBytes(16).toString('hex');
      const sha256 = crypto.createHash('sha256').update(content).digest('hex');
      const [{ id }] = (await rows<{ id: number }>(
        database.db,
        sql`INSERT INTO stored_file (agency_id, storage_name, original_name, mime, size_bytes, sha256)
            VALUES (${agencyId}, ${storageName}, ${`${name}.pdf`}, 'application/pdf', ${content.length}, ${sha256})
            RETURNING id`,
      )) as [{ id: number }];
      ids[name] = id;
      if (name === 'good') fs.writeFileSync(path.join(dir, storageName), content);
      if (name === 'damaged') fs.writeFileSync(path.join(dir, storageName), Buffer.from('altered'));
    }
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves what matches its hash, reports the rest, and can run again', async () => {
    expect(await moveDiskFilesIntoDatabase(database.db, cliActor(), dir)).toEqual({
      moved: 1,
      missing: [ids.missing],
      damaged: [ids.damaged],
    });
    // Served from the database now, even with the disk copy gone.
    fs.rmSync(dir, { recursive: true, force: true });
    const file = await openStoredFile(database.db, ids.good!, dir);
    expect(Buffer.isBuffer(file.body) && file.body.equals(files.good)).toBe(true);
    const [audit] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_event
           WHERE action = 'file.move_into_database' AND entity_id = ${String(ids.good)}`,
    );
    expect(audit!.n).toBe(1);
    expect(await moveDiskFilesIntoDatabase(database.db, cliActor(), dir)).toEqual({
      moved: 0,
      missing: [ids.damaged, ids.missing],
      damaged: [],
    });
  });
});
