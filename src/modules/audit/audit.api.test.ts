import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { type Database, rows } from '../../db/database.ts';
import { cliActor } from './actor.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';

describe.each(testEngines())('audit trail on %s', (engine) => {
  let database: Database;
  let before = 0; // the loaded program already left its own events
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    before = (await verifyAuditChain(database.db)).checked;
    for (let i = 0; i < 5; i++) {
      await database.db.transaction((tx) =>
        recordAudit(tx, cliActor(), {
          action: 'task.update',
          entityType: 'task',
          entityId: i,
          before: { n: i },
          after: { n: i + 1, text: 'Chuyển đổi số' },
        }),
      );
    }
  });
  afterAll(() => database?.close());

  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: before + 5 });
  });

  it('refuses updates and deletes', async () => {
    await expect(database.db.execute(sql`UPDATE audit_event SET action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
  });

  it('rolls the record back with the change it describes', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, cliActor(), { action: 'task.update', entityType: 'task', entityId: 99 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: before + 5 });
  });

  it('names the first broken link when a row is tampered with', async () => {
    await database.maintenance('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    const [third] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id::int AS id FROM audit_event ORDER BY id OFFSET 2 LIMIT 1`,
    );
    await database.db.execute(
      sql`UPDATE audit_event SET after = '{"n": 100}'::jsonb WHERE id = ${third!.id}`,
    );
    await database.maintenance('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: Number(third!.id),
      reason: 'hash_mismatch',
    });
  });
});

describe.each(testEngines())('audit trail with a row deleted on %s', (engine) => {
  let database: Database;
  afterAll(() => database?.close());

  it('names the row after a deleted one: its link to the previous hash no longer matches', async () => {
    database = await createTestDatabase(engine);
    const before = (await verifyAuditChain(database.db)).checked;
    // One transaction, so the three rows are neighbours in one of the sixteen chains (decision 075).
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++)
        await recordAudit(tx, cliActor(), { action: 'user.update', entityType: 'user', entityId: i });
    });
    const [middle, last] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id::int AS id FROM audit_event ORDER BY id OFFSET ${before + 1} LIMIT 2`,
    );
    await database.maintenance('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    await database.db.execute(sql`DELETE FROM audit_event WHERE id = ${middle!.id}`);
    await database.maintenance('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      checked: before + 1,
      brokenAt: last!.id,
      reason: 'link_mismatch',
    });
  });
});
