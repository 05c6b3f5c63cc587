import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows } from '../db/database.ts';
import { cliActor } from '../modules/audit/actor.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';

/** The real command in a child process, against an embedded database in .tmp: exit codes included. */
describe('nq57 audit verify / list (spawned)', () => {
  const dataDir = path.resolve('.tmp', `cli-audit-${process.pid}`);
  let tamperedId = 0;
  const nq57 = (...args: string[]) => {
    const { DATABASE_URL: _, ...env } = process.env;
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...env, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 90_000,
    });
  };

  beforeAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await database.migrate();
    for (const i of [1, 2, 3])
      await database.db.transaction((tx) =>
        recordAudit(tx, cliActor(), { action: 'task.update', entityType: 'task', entityId: i }),
      );
    await database.maintenance('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    const [third] = await rows<{ id: number }>(database.db, sql`SELECT max(id)::int AS id FROM audit_event`);
    tamperedId = third!.id;
    await database.db.execute(sql`UPDATE audit_event SET entity_id = '99' WHERE id = ${tamperedId}`);
    await database.close();
  });

  it('exits 1 naming the first broken link, and lists newest first', () => {
    const verify = nq57('audit', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain(`Audit trail BROKEN at event ${tamperedId}`);
    const list = nq57('audit', 'list', '--entity-type', 'task');
    expect(list.status).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(new RegExp(`^#${tamperedId} .* task\\.update {2}task 99$`));
    expect(list.stdout).toContain('3 events in all; page 1 of 1.');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
