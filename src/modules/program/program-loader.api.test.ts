import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../tests/helpers/db.ts';
import { type Database, rows } from '../../db/database.ts';
import { registerAsOf } from '../register/register.service.ts';
import { loadProgram } from './program-loader.service.ts';

describe.each(testEngines())('program loader on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine); // the template already ran the loader once
  });
  afterAll(() => database?.close());

  it('holds the whole Program: 7 groups, 140 tasks, 102 items, 41 indicator groups, 67 targets, 22 + 34 bodies', async () => {
    const [c] = await rows<Record<string, number>>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM task_group) AS groups, (SELECT count(*)::int FROM task) AS tasks,
                 (SELECT count(*)::int FROM program_item) AS items, (SELECT count(*)::int FROM indicator_group) AS ig,
                 (SELECT count(*)::int FROM target) AS targets,
                 (SELECT count(*)::int FROM org_unit WHERE kind IN ('ministry','ministerial_agency','government_agency') AND valid_to IS NULL) AS central,
                 (SELECT count(*)::int FROM org_unit WHERE kind IN ('province','city') AND valid_to IS NULL) AS provinces`,
    );
    expect(c).toEqual({ groups: 7, tasks: 140, items: 102, ig: 41, targets: 67, central: 22, provinces: 34 });
  });

  it('keeps the 2025 restructuring: 7 former ministries and 52 former provinces, closed, with merge events', async () => {
    const [c] = await rows<Record<string, number>>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM org_unit WHERE valid_to = '2025-02-28') AS ministries,
                 (SELECT count(*)::int FROM org_unit WHERE valid_to = '2025-06-30') AS provinces,
                 (SELECT count(*)::int FROM org_unit_event WHERE kind = 'merge') AS merges`,
    );
    // 6 ministries received merged ones (BNNMT took two); 23 provinces were formed by merger.
    expect(c).toEqual({ ministries: 7, provinces: 52, merges: 29 });
  });

  it('answers plain parameterised SQL for libraries that bring their own', async () => {
    const { rows: found } = await database.query(
      'SELECT count(*)::int AS n FROM task WHERE group_id IN (SELECT id FROM task_group WHERE no = $1)',
      [1],
    );
    expect(found).toEqual([{ n: 13 }]);
  });

  it('is idempotent: loading again changes nothing and says so', async () => {
    const before = await rows(database.db, sql`SELECT id, updated_at FROM task ORDER BY id`);
    const summary = await loadProgram(database);
    expect(summary.changed).toBe(false);
    expect(summary.counts.tasks).toEqual({ inserted: 0, updated: 0, unchanged: 140, keptLocalEdits: 0 });
    expect(summary.counts.predecessors).toMatchObject({ inserted: 0, updated: 0, unchanged: 59 });
    expect(summary.counts.lineageEvents).toMatchObject({ inserted: 0, updated: 0, unchanged: 29 });
    expect(await rows(database.db, sql`SELECT id, updated_at FROM task ORDER BY id`)).toEqual(before);
  });

  it('maps merged ministries to today’s bodies and keeps the name as written', async () => {
    const mapped = await rows<{ code: string; nameAsWritten: string }>(
      database.db,
      sql`SELECT o.code, ta.name_as_written AS "nameAsWritten" FROM task_agency ta JOIN org_unit o ON o.id = ta.org_unit_id
           WHERE ta.name_as_written = 'Bộ Thông tin và Truyền thông' LIMIT 1`,
    );
    expect(mapped[0]).toEqual({ code: 'BKHCN', nameAsWritten: 'Bộ Thông tin và Truyền thông' });
  });

  it('reports what it could not map, and never invents a due date', async () => {
    const summary = await loadProgram(database);
    expect(summary.issues.unparsedDeadlines).toEqual([{ taskCode: '42', asWritten: null, reason: 'empty' }]);
    expect(summary.issues.unmappedAgencies.map((u) => u.asWritten)).toContain('Ban Tuyên giáo Trung ương');
    const [t42] = await rows<{ dueDate: string | null; recurrence: string | null }>(
      database.db,
      sql`SELECT due_date AS "dueDate", recurrence FROM task WHERE code = '42'`,
    );
    expect(t42).toEqual({ dueDate: null, recurrence: null });
  });

  it('leaves a task a coordinator corrected alone when the source changes', async () => {
    await database.db.execute(
      sql`UPDATE task SET edited_locally = true, content_vi = 'Sửa bởi điều phối viên', source_hash = 'old' WHERE code = '5'`,
    );
    const summary = await loadProgram(database);
    expect(summary.counts.tasks.keptLocalEdits).toBe(1);
    const [t] = await rows<{ contentVi: string }>(
      database.db,
      sql`SELECT content_vi AS "contentVi" FROM task WHERE code = '5'`,
    );
    expect(t!.contentVi).toBe('Sửa bởi điều phối viên');
  });

  it('versions a task it re-writes, so the register as of an earlier date keeps the old values', async () => {
    // A task as an older load left it: different text, an older source hash, created in 2025.
    await database.db.execute(
      sql`UPDATE task SET content_vi = 'Nội dung cũ', source_hash = 'older', created_at = '2025-04-01T00:00:00Z'
          WHERE code = '7' AND plan_id IS NULL AND edited_locally = false`,
    );
    const before = new Date();
    const summary = await loadProgram(database);
    expect(summary.counts.tasks.updated).toBe(1);
    const versions = await rows<{ change: string; content: string; validTo: string | null }>(
      database.db,
      sql`SELECT v.change, v.snapshot->>'contentVi' AS content, v.valid_to AS "validTo"
            FROM task_version v JOIN task t ON t.id = v.task_id
           WHERE t.code = '7' AND t.plan_id IS NULL ORDER BY v.version_no`,
    );
    expect(versions.map((v) => [v.change, v.content === 'Nội dung cũ'])).toEqual([
      ['baseline', true],
      ['program-load', false],
    ]);
    expect(versions[1]!.validTo).toBeNull();
    const then = await registerAsOf(database.db, 'NQ57', new Date(before.getTime() - 1000).toISOString());
    expect(then.find((t) => t.code === '7')?.contentVi).toBe('Nội dung cũ');
    const now = await registerAsOf(database.db, 'NQ57', new Date(Date.now() + 1000).toISOString());
    expect(now.find((t) => t.code === '7')?.contentVi).not.toBe('Nội dung cũ');
  });
});
