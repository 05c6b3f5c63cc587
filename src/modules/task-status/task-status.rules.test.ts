import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type StatusFact, taskStatusAsOf } from './task-status.rules.ts';

const fact = (over: Partial<StatusFact>): StatusFact => ({
  reportId: 1,
  agencyId: 1,
  acceptedAt: '2025-07-01T03:00:00.000Z',
  agencyStatus: 'in_progress',
  reviewerStatus: null,
  progress: 50,
  completedOn: null,
  hasEvidence: false,
  ...over,
});
const done = (completedOn: string, over: Partial<StatusFact> = {}) =>
  fact({ agencyStatus: 'completed', progress: 100, completedOn, hasEvidence: true, ...over });
const oneOff = { dueDate: '2025-06-30', recurrence: null };

// The real calendar with the 2025 swap the seed migration holds (Fri 2/5 off, Sat 26/4 worked instead),
// so these pure tests need no database.
const calendar = new WorkingCalendar([
  { day: '2025-05-02', kind: 'day_off', reason: '30/4–1/5 2025' },
  { day: '2025-04-26', kind: 'working_day', reason: 'làm bù 2/5' },
]);

describe('working days (the calendar module)', () => {
  it('skips weekends, public holidays and official days off', () => {
    // Tue 29/4 → Tue 6/5/2025: 30/4 and 1/5 holidays, 2/5 an official day off, 3–4/5 a weekend.
    expect(calendar.workingDaysBetween('2025-04-29', '2025-05-06')).toBe(2);
    expect(calendar.workingDaysBetween('2025-06-30', '2025-06-30')).toBe(0);
    expect(calendar.lateness('2025-07-01', '2025-06-30')).toBe(0);
  });

  it('counts Tết out of lateness', () => {
    // Due Fri 24/1/2025, done Mon 3/2/2025: Giao thừa and mùng 1 from the library, the rest of Tết
    // from the table (here only the library's days, so the other Tết weekdays still count).
    expect(calendar.lateness('2025-01-24', '2025-01-27')).toBe(1);
  });
});

describe('task status as of a date', () => {
  it('is open within deadline, then overdue by working days, with no facts', () => {
    expect(taskStatusAsOf(oneOff, [], '2025-06-30', calendar).status).toBe('open_within_deadline');
    const late = taskStatusAsOf(oneOff, [], '2025-07-07', calendar);
    expect(late.status).toBe('open_overdue');
    expect(late.judgement?.lateDays).toBe(5); // 1–4/7 and 7/7
  });

  it('is not yet due when the deadline lies in a later year', () => {
    expect(
      taskStatusAsOf({ dueDate: '2026-12-31', recurrence: null }, [], '2025-07-01', calendar).status,
    ).toBe('not_yet_due');
  });

  it('is completed on time or late by the completion date, in working days', () => {
    expect(taskStatusAsOf(oneOff, [done('2025-06-20')], '2025-08-01', calendar).judgement).toMatchObject({
      status: 'completed_on_time',
      lateDays: 0,
      completedOn: '2025-06-20',
    });
    expect(taskStatusAsOf(oneOff, [done('2025-07-02')], '2025-08-01', calendar).judgement).toMatchObject({
      status: 'completed_late',
      lateDays: 2,
    });
  });

  it('does not count "completed" without evidence, nor when the reviewer disagrees', () => {
    expect(
      taskStatusAsOf(oneOff, [done('2025-06-20', { hasEvidence: false })], '2025-08-01', calendar).status,
    ).toBe('open_overdue');
    expect(
      taskStatusAsOf(oneOff, [done('2025-06-20', { reviewerStatus: 'in_progress' })], '2025-08-01', calendar)
        .status,
    ).toBe('open_overdue');
  });

  it('judges against the original deadline and shows the current one beside it', () => {
    const s = taskStatusAsOf(
      { ...oneOff, currentDeadline: '2025-09-30' },
      [done('2025-07-02')],
      '2025-08-01',
      calendar,
    );
    expect(s.judgement).toMatchObject({
      status: 'completed_late',
      dueDate: '2025-06-30',
      againstCurrent: { status: 'completed_on_time', dueDate: '2025-09-30', lateDays: 0 },
    });
  });

  it('takes the latest accepted fact: a later report can reopen a task', () => {
    const reopened = fact({ reportId: 2, acceptedAt: '2025-09-01T03:00:00.000Z', progress: 80 });
    expect(taskStatusAsOf(oneOff, [done('2025-06-20'), reopened], '2025-10-01', calendar).status).toBe(
      'open_overdue',
    );
  });

  it('gives recurring tasks one occurrence per year', () => {
    const s = taskStatusAsOf(
      { dueDate: null, recurrence: 'yearly' },
      [done('2025-11-15')],
      '2026-03-01',
      calendar,
    );
    expect(s.status).toBe('recurring');
    expect(s.occurrences.map((o) => [o.period, o.status, o.dueDate])).toEqual([
      ['2025', 'completed_on_time', '2025-12-31'],
      ['2026', 'open_within_deadline', '2026-12-31'],
    ]);
  });

  it('gives ongoing tasks one occurrence per six-monthly reporting period (the register rule)', () => {
    const s = taskStatusAsOf(
      { dueDate: null, recurrence: 'ongoing' },
      [done('2025-06-10'), done('2025-12-05', { reportId: 2, acceptedAt: '2025-12-06T03:00:00.000Z' })],
      '2025-12-20',
      calendar,
    );
    expect(s.occurrences.map((o) => [o.period, o.status, o.dueDate])).toEqual([
      ['2025-H1', 'completed_on_time', '2025-06-14'],
      ['2025-H2', 'open_overdue', '2025-11-30'],
      ['2026-H1', 'completed_on_time', '2026-06-14'],
    ]);
  });

  it('has no deadline when the source gives none', () => {
    expect(taskStatusAsOf({ dueDate: null, recurrence: null }, [], '2025-08-01', calendar).status).toBe(
      'no_deadline',
    );
  });
});
