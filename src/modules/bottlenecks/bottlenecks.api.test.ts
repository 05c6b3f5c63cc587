import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { type Database, rows } from '../../db/database.ts';

describe.each(testEngines())('bottlenecks on %s', (engine) => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;
  let agencyId: number;
  let taskId: number;
  let coordinator: Client;
  const call = (who: Client, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    who.request({ method, url, payload: payload as never });

  beforeAll(async () => {
    ({ app, database, close } = await createTestApp(engine));
    // The coordinator (docs/roles.md): raises, escalates, records the steering committee's answer.
    await makeUser(app.identity, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    coordinator = await signInAs(app, 'coordinator@most.gov.vn');
    const [row] = await rows<{ agencyId: number; taskId: number }>(
      database.db,
      sql`SELECT ta.org_unit_id AS "agencyId", ta.task_id AS "taskId" FROM task_agency ta
          JOIN org_unit o ON o.id = ta.org_unit_id WHERE o.code = 'BTC' AND ta.role = 'lead' ORDER BY ta.task_id LIMIT 1`,
    );
    ({ agencyId, taskId } = row!);
  });
  afterAll(() => close?.());

  const raise = (type: string, description: string) =>
    call(coordinator, 'POST', '/api/bottlenecks', { agencyId, taskId, type, description });

  it('raises typed bottlenecks and refuses an unknown type or an empty description', async () => {
    expect((await raise('legal', 'Chưa có nghị định hướng dẫn thí điểm sandbox')).statusCode).toBe(201);
    expect((await raise('finance', 'Chưa bố trí vốn đầu tư công')).statusCode).toBe(201);
    expect((await raise('people', 'Thiếu nhân lực an ninh mạng')).statusCode).toBe(201);
    const bad = await raise('weather', 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('type');
    expect((await raise('other', '   ')).statusCode).toBe(400);
    const unknown = await call(coordinator, 'POST', '/api/bottlenecks', {
      agencyId: 999999,
      taskId: 999999,
      type: 'other',
      description: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      'agencyId',
      'taskId',
    ]);
    const [{ n }] = (await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM bottleneck`,
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('escalates to the steering committee, records the answer, and tracks until cleared', async () => {
    const board = (await call(coordinator, 'GET', '/api/bottlenecks?type=legal')).json();
    const id = board.items[0].id;
    expect((await call(coordinator, 'POST', `/api/bottlenecks/${id}/escalate`, {})).statusCode).toBe(200);
    expect((await call(coordinator, 'POST', `/api/bottlenecks/${id}/escalate`, {})).statusCode).toBe(409);
    expect(
      (await call(coordinator, 'POST', `/api/bottlenecks/${id}/answer`, { answer: '' })).statusCode,
    ).toBe(400);
    const answered = await call(coordinator, 'POST', `/api/bottlenecks/${id}/answer`, {
      answer: 'Ban Chỉ đạo giao Bộ Tư pháp trình nghị định trong quý III',
    });
    expect(answered.statusCode).toBe(200);
    expect((await call(coordinator, 'POST', `/api/bottlenecks/${id}/clear`, {})).statusCode).toBe(200);
    expect(
      (await call(coordinator, 'POST', `/api/bottlenecks/${id}/answer`, { answer: 'muộn' })).statusCode,
    ).toBe(409);
    const after = (await call(coordinator, 'GET', `/api/bottlenecks?status=cleared`)).json();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      id,
      status: 'cleared',
      answer: 'Ban Chỉ đạo giao Bộ Tư pháp trình nghị định trong quý III',
    });
    expect(after.items[0].escalatedAt).not.toBeNull();
    expect(after.items[0].clearedAt).not.toBeNull();
  });

  it('lists and filters by status, type, agency and task', async () => {
    const open = (await call(coordinator, 'GET', '/api/bottlenecks?status=open,escalated')).json();
    expect(open.items.map((b: { type: string }) => b.type).sort()).toEqual(['finance', 'people']);
    const byType = (
      await call(coordinator, 'GET', '/api/bottlenecks?type=finance&type=people&pageSize=1')
    ).json();
    expect(byType).toMatchObject({ total: 2, pageSize: 1 });
    expect(byType.items).toHaveLength(1);
    const byTask = (
      await call(coordinator, 'GET', `/api/bottlenecks?agency=${agencyId}&task=${taskId}`)
    ).json();
    expect(byTask.total).toBe(3);
    expect(byTask.items[0]).toMatchObject({ agencyCode: 'BTC' });
    expect((await call(coordinator, 'GET', '/api/bottlenecks?status=lost')).statusCode).toBe(400);
  });

  it('counts by type and status, under the agency and task filters', async () => {
    const counts = (await call(coordinator, 'GET', `/api/bottlenecks/counts?agency=${agencyId}`)).json();
    expect(counts).toMatchObject({
      total: 3,
      byType: { legal: 1, finance: 1, people: 1, infrastructure: 0, coordination: 0, other: 0 },
      byStatus: { open: 2, escalated: 0, answered: 0, cleared: 1 },
    });
    expect(counts.cells).toContainEqual({ type: 'legal', status: 'cleared', count: 1 });
    const none = (await call(coordinator, 'GET', '/api/bottlenecks/counts?task=999999')).json();
    expect(none).toMatchObject({ total: 0, byStatus: { open: 0 } });
  });

  it('shows one bottleneck with its history: raised, escalated with a note, answered, cleared', async () => {
    const board = (await call(coordinator, 'GET', '/api/bottlenecks?type=legal')).json();
    const detail = await call(coordinator, 'GET', `/api/bottlenecks/${board.items[0].id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({ type: 'legal', status: 'cleared', agencyCode: 'BTC' });
    expect(body.agencyNameVi).toBe('Bộ Tài chính');
    expect(body.taskContentVi).toEqual(expect.any(String));
    expect(body.history.map((h: { action: string }) => h.action)).toEqual([
      'raise',
      'escalate',
      'answer',
      'clear',
    ]);
    expect(body.history[0]).toMatchObject({
      actorName: 'Người dùng coordinator@most.gov.vn',
      reportId: null,
    });
    expect(body.history[2].note).toBe('Ban Chỉ đạo giao Bộ Tư pháp trình nghị định trong quý III');

    const people = (await call(coordinator, 'GET', '/api/bottlenecks?type=people')).json().items[0];
    const note = 'Cần Ban Chỉ đạo quyết định điều chuyển biên chế';
    expect(
      (await call(coordinator, 'POST', `/api/bottlenecks/${people.id}/escalate`, { note })).statusCode,
    ).toBe(200);
    const escalated = (await call(coordinator, 'GET', `/api/bottlenecks/${people.id}`)).json();
    expect(escalated.history.at(-1)).toMatchObject({ action: 'escalate', note });
    expect((await call(coordinator, 'GET', '/api/bottlenecks/999999')).statusCode).toBe(404);
  });

  it('records every change in the audit trail', async () => {
    const actions = await rows<{ action: string }>(
      database.db,
      sql`SELECT action FROM audit_event WHERE entity_type = 'bottleneck' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'bottleneck.raise',
      'bottleneck.raise',
      'bottleneck.raise',
      'bottleneck.escalate',
      'bottleneck.answer',
      'bottleneck.clear',
      'bottleneck.escalate',
    ]);
  });
});
