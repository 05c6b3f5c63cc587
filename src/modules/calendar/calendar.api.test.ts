import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { cliActor } from '../audit/actor.ts';
import { addCalendarDay, loadWorkingCalendar } from './calendar.service.ts';
import { addDays, weekday } from './iso-date.ts';

/**
 * The official schedules for civil servants, written out from the announcements (sources in
 * migrations/202611222102_working_calendar_2025_2026.sql): every weekday off, every Saturday worked.
 */
const OFFICIAL: Record<number, { weekdaysOff: string[]; makeUpDays: string[] }> = {
  2025: {
    weekdaysOff: [
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ],
    makeUpDays: ['2025-04-26'],
  },
  2026: {
    weekdaysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ],
    makeUpDays: ['2026-01-10', '2026-08-22'],
  },
};

describe.each(testEngines())('working-day calendar on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as the role the routes need (docs/roles.md).
    await makeUser(t.app.identity, 'admin@gov.vn', 'CP', [{ role: 'system_admin', subUnits: true }]);
    client = await signInAs(t.app, 'admin@gov.vn');
  });
  afterAll(() => t?.close());

  it.each([2025, 2026])('matches the official schedule of %i on every day of the year', async (year) => {
    const calendar = await loadWorkingCalendar(t.database.db);
    const expected = OFFICIAL[year]!;
    const wrong: string[] = [];
    for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
      const weekend = weekday(day) === 0 || weekday(day) === 6;
      const working = expected.makeUpDays.includes(day) || (!weekend && !expected.weekdaysOff.includes(day));
      if (calendar.isWorkingDay(day) !== working)
        wrong.push(`${day} should be ${working ? 'worked' : 'off'}`);
    }
    expect(wrong).toEqual([]);
    const res = await client.request({ method: 'GET', url: `/api/public/calendar/${year}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().weekdaysOff.map((d: { date: string }) => d.date)).toEqual(expected.weekdaysOff);
    expect(res.json().makeUpDays).toEqual(expected.makeUpDays);
  });

  it('counts lateness across Tết and a weekend in working days', async () => {
    const calendar = await loadWorkingCalendar(t.database.db);
    // Due Friday 24/1/2025, done Monday 3/2/2025: the weekend and Tết (25/1–2/2) do not count.
    expect(calendar.lateness('2025-01-24', '2025-02-03')).toBe(1);
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-05')).toBe(3);
    // Due Friday 13/2/2026, assessed Monday 23/2/2026: 14/2–22/2 off.
    expect(calendar.lateness('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.lateness('2026-02-13', '2026-02-10')).toBe(0);
    // The make-up Saturday 10/1/2026 is a working day.
    expect(calendar.workingDaysBetween('2026-01-09', '2026-01-12')).toBe(2);
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(calendar.addWorkingDays('2025-02-03', -1)).toBe('2025-01-24');
    expect(calendar.dueInWorkingDays('2025-02-03', '2025-01-24')).toBe(1);
    expect(calendar.dueInWorkingDays('2025-01-24', '2025-02-04')).toBe(-2);
  });

  it('lets an administrator add a day off, which changes the count at once, and records it', async () => {
    const before = await loadWorkingCalendar(t.database.db);
    expect(before.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    const res = await client.request({
      method: 'POST',
      url: '/api/calendar/days',
      payload: { date: '2026-11-24', kind: 'day_off', reason: 'Ngày Văn hóa Việt Nam' },
    });
    expect(res.statusCode).toBe(200);
    const after = await loadWorkingCalendar(t.database.db);
    expect(after.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(4);
    await addCalendarDay(t.database.db, cliActor(), {
      date: '2027-01-09',
      kind: 'working_day',
      reason: 'Làm bù (thử)',
    });
    expect((await loadWorkingCalendar(t.database.db)).isWorkingDay('2027-01-09')).toBe(true);
  });

  it.each([
    [{ date: '2026-02-30', kind: 'day_off', reason: 'x' }, 'date'],
    [{ date: '2026-11-28', kind: 'day_off', reason: 'x' }, 'date: is already a weekend day'],
    [{ date: '2026-11-25', kind: 'working_day', reason: 'x' }, 'date: a make-up working day'],
    [{ date: '2026-11-25', kind: 'holiday', reason: 'x' }, 'kind'],
    [{ date: '2026-11-25', kind: 'day_off', reason: '   ' }, 'reason'],
  ])('refuses %j with a 400 naming the field', async (payload, message) => {
    const res = await client.request({ method: 'POST', url: '/api/calendar/days', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(message);
  });
});
