import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { type Database, rows } from '../../db/database.ts';
import { cliActor } from './actor.ts';
import { AUDIT_CHAINS } from './audit.repository.ts';
import { recordAudit, recordAuditBatch, verifyAuditChain } from './audit.service.ts';

/** Decision 075: writers append to one of several chains; each chain links and verifies on its own. */
describe.each(testEngines())('audit chains on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  const write = (i: number) =>
    database.db.transaction(async (tx) => {
      await recordAudit(tx, cliActor(), {
        action: 'task.update',
        entityType: 'task',
        entityId: i,
        after: { i },
      });
      // A second append in the same transaction goes to the same chain, right after the first.
      await recordAuditBatch(tx, cliActor(), [{ action: 'task.note', entityType: 'task', entityId: i }]);
    });

  it('verifies after many concurrent writers, spread over several chains, each linked in id order', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => write(i)));
    const verdict = await verifyAuditChain(database.db);
    expect(verdict.ok).toBe(true);
    const chains = await rows<{ chain: number; n: number }>(
      database.db,
      sql`SELECT chain, count(*)::int AS n FROM audit_event GROUP BY chain ORDER BY chain`,
    );
    expect(chains.length).toBeGreaterThan(1);
    expect(chains.every((c) => c.chain >= 0 && c.chain < AUDIT_CHAINS)).toBe(true);
    // The two appends of one transaction are neighbours in their chain.
    const pairs = await rows<{ ok: boolean }>(
      database.db,
      sql`SELECT bool_and(n.prev_hash = f.hash) AS ok FROM audit_event f
            JOIN audit_event n ON n.action = 'task.note' AND n.entity_id = f.entity_id
           WHERE f.action = 'task.update' AND f.entity_type = 'task'`,
    );
    expect(pairs[0]?.ok).toBe(true);
  });

  it('names a changed row and a removed row in any chain', async () => {
    const [victim] = await rows<{ id: number; chain: number }>(
      database.db,
      sql`SELECT id::int AS id, chain FROM audit_event a WHERE chain <> 0 AND action = 'task.update'
            AND EXISTS (SELECT 1 FROM audit_event b WHERE b.chain = a.chain AND b.id > a.id)
          ORDER BY id LIMIT 1`,
    );
    const [next] = await rows<{ id: number }>(
      database.db,
      sql`SELECT id::int AS id FROM audit_event WHERE chain = ${victim!.chain} AND id > ${victim!.id}
          ORDER BY id LIMIT 1`,
    );
    await database.maintenance('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    try {
      await database.db.execute(
        sql`UPDATE audit_event SET after = '{"i": -1}'::jsonb WHERE id = ${victim!.id}`,
      );
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        brokenAt: victim!.id,
        reason: 'hash_mismatch',
      });
      await database.db.execute(sql`DELETE FROM audit_event WHERE id = ${victim!.id}`);
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        brokenAt: next!.id,
        reason: 'link_mismatch',
      });
    } finally {
      await database.maintenance('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    }
  });
});
