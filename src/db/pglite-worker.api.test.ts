import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { task } from '../modules/tasks/tasks.schema.ts';
import { type Database, openDatabase, rows } from './database.ts';

// The server runs PGlite on a worker thread; this is the same Drizzle code path over that thread.
describe('PGlite on a worker thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ engine: 'pglite', thread: 'worker' });
    await database.migrate();
    await loadProgram(database);
  });
  afterAll(() => database?.close());

  it('answers typed and raw queries like the in-thread engine', async () => {
    const typed = await database.db.select({ code: task.code, dueDate: task.dueDate }).from(task).limit(1);
    expect(typed).toEqual([{ code: '1', dueDate: '2025-06-30' }]);
    const [raw] = await rows<{ n: number; d: string }>(
      database.db,
      sql`SELECT count(*)::int AS n, max(due_date) AS d FROM task`,
    );
    expect(raw).toEqual({ n: 140, d: '2030-12-31' });
  });

  it('commits and rolls back transactions', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE task SET content_vi = 'x' WHERE code = '1'`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [t] = await rows<{ c: string }>(
      database.db,
      sql`SELECT content_vi AS c FROM task WHERE code = '1'`,
    );
    expect(t!.c).not.toBe('x');
  });

  it('keeps PostgreSQL error codes across the thread', async () => {
    await expect(
      database.db.execute(sql`INSERT INTO program (code, name_vi, document_no) VALUES ('NQ57', 'x', 'x')`),
    ).rejects.toMatchObject({
      cause: { code: '23505' },
    });
  });

  it('serialises concurrent calls without mixing them into a transaction', async () => {
    const results = await Promise.all([
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE task SET content_vi = content_vi WHERE code = '2'`);
        return rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM task`);
      }),
      ...Array.from({ length: 10 }, () =>
        rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM task`),
      ),
    ]);
    expect(results.flat().every((r) => (r as { n: number }).n === 140)).toBe(true);
  });
});
