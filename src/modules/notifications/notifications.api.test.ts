import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, SAME_ORIGIN, signInAs } from '../../../tests/helpers/identity.ts';
import { notificationsRepository } from './notifications.repository.ts';

describe.each(testEngines())('notification and schedule settings on %s', (engine) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  // The coordinator (reminder and schedule settings are theirs) and an agency's focal officer.
  let me: Client;
  let meId: number;
  let other: Client;
  const call = (who: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    who
      ? who.request({ method, url, payload: payload as never })
      : app.inject({ method, url, payload: payload as never, headers: SAME_ORIGIN });
  let database: TestApp['database'];
  beforeAll(async () => {
    ({ app, close, database } = await createTestApp(engine));
    meId = await makeUser(app.identity, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    await makeUser(app.identity, 'officer@mof.gov.vn', 'BTC', [{ role: 'focal_officer' }]);
    me = await signInAs(app, 'coordinator@most.gov.vn');
    other = await signInAs(app, 'officer@mof.gov.vn');
  });
  afterAll(() => close?.());

  it('keeps each person’s channels, in-app only until they choose', async () => {
    expect((await call(me, 'GET', '/api/notifications/preferences')).json()).toEqual({
      inApp: true,
      email: null,
      emailEnabled: false,
      webhookUrl: null,
      webhookEnabled: false,
    });
    const chosen = {
      inApp: false,
      email: 'a@b.vn',
      emailEnabled: true,
      webhookUrl: null,
      webhookEnabled: false,
    };
    expect((await call(me, 'PUT', '/api/notifications/preferences', chosen)).json()).toEqual(chosen);
    expect((await call(me, 'GET', '/api/notifications/preferences')).json()).toEqual(chosen);
  });

  it.each([
    [{ inApp: true, email: null, emailEnabled: true, webhookUrl: null, webhookEnabled: false }, 'email'],
    [
      { inApp: true, email: 'not-an-email', emailEnabled: true, webhookUrl: null, webhookEnabled: false },
      'email',
    ],
    [
      { inApp: true, email: null, emailEnabled: false, webhookUrl: 'ftp://x.vn/h', webhookEnabled: true },
      'webhookUrl',
    ],
  ])('refuses a channel without a usable address (%#)', async (body, field) => {
    const res = await call(me, 'PUT', '/api/notifications/preferences', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('asks for sign-in to read notifications', async () => {
    expect((await call(null, 'GET', '/api/notifications')).statusCode).toBe(401);
  });

  it('lists my notifications and marks one read, once', async () => {
    await notificationsRepository(database.db).insertNotification({
      userId: meId,
      kind: 'overdue',
      title: 'Quá hạn',
      body: 'Báo cáo kỳ 2025-H1 đã quá hạn',
    });
    const unread = (await call(me, 'GET', '/api/notifications?unread=true')).json();
    expect(unread).toHaveLength(1);
    expect((await call(other, 'POST', `/api/notifications/${unread[0].id}/read`)).statusCode).toBe(404);
    expect((await call(me, 'POST', `/api/notifications/${unread[0].id}/read`)).statusCode).toBe(200);
    expect((await call(me, 'POST', `/api/notifications/${unread[0].id}/read`)).statusCode).toBe(404);
    expect((await call(me, 'GET', '/api/notifications?unread=true')).json()).toEqual([]);
  });

  it('marks all my notifications read at once, and nobody else’s', async () => {
    const repo = notificationsRepository(database.db);
    for (const title of ['Một', 'Hai'])
      await repo.insertNotification({ userId: meId, kind: 'before', title, body: title });
    expect((await call(other, 'POST', '/api/notifications/read-all')).json()).toEqual({ marked: 0 });
    expect((await call(me, 'POST', '/api/notifications/read-all')).json()).toEqual({ marked: 2 });
    expect((await call(me, 'GET', '/api/notifications?unread=true')).json()).toEqual([]);
  });

  it('reads the reminder days in force, the defaults until set', async () => {
    expect((await call(me, 'GET', '/api/reminders/settings')).json()).toEqual({
      daysBefore: [7, 3, 1],
      escalateAfterDays: 5,
    });
    expect((await call(other, 'GET', '/api/reminders/settings')).statusCode).toBe(403);
  });

  it('sets reminder days and escalation', async () => {
    const res = await call(me, 'PUT', '/api/reminders/settings', {
      daysBefore: [1, 7, 3, 7],
      escalateAfterDays: 3,
    });
    expect(res.json()).toEqual({ daysBefore: [7, 3, 1], escalateAfterDays: 3 });
    expect(
      (await call(me, 'PUT', '/api/reminders/settings', { daysBefore: [], escalateAfterDays: 3 })).statusCode,
    ).toBe(400);
  });

  it('shows the Program’s 6-monthly schedule by default and lets the coordinator add monthly reports', async () => {
    expect((await call(me, 'GET', '/api/reports/schedules')).json()).toEqual([
      { frequency: 'semiannual', dueOffsetDays: 0, dueDates: ['06-14', '11-30'], active: true },
    ]);
    const monthly = await call(me, 'PUT', '/api/reports/schedules/monthly', { dueOffsetDays: -5 });
    expect(monthly.json()).toMatchObject({ frequency: 'monthly', dueOffsetDays: -5, dueDates: null });
    expect(
      (await call(me, 'GET', '/api/reports/schedules')).json().map((s: { frequency: string }) => s.frequency),
    ).toEqual(['semiannual', 'monthly']);
    const bad = await call(me, 'PUT', '/api/reports/schedules/quarterly', { dueDates: ['03-31'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('dueDates: needs 4 dates, one per period');
    const generated = await call(me, 'POST', '/api/reports/obligations/generate', {
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(generated.json()).toMatchObject({ periods: 4 }); // 2025-H1 and three months
    const obligations = (await call(me, 'GET', '/api/reports/obligations?period=2025-02')).json();
    expect(obligations[0]).toMatchObject({ frequency: 'monthly', dueDate: '2025-02-23' });
    expect(
      (await call(me, 'POST', '/api/reports/obligations/generate', { from: '2025-03-01', to: '2025-01-01' }))
        .statusCode,
    ).toBe(400);
  });
});
