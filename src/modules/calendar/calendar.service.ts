import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dataEpochRepository } from '../system/data-epoch.repository.ts';
import { calendarRepository } from './calendar.repository.ts';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './calendar.schema.ts';
import { isIsoDate, weekday } from './iso-date.ts';
import { WorkingCalendar } from './working-calendar.ts';

// One calendar per database per process, reloaded when the public-data epoch has moved: calendar_day
// has the epoch trigger, so a day added by another process (a second server on the same PostgreSQL) is
// used from the next call on, never only after a restart. The check is one one-row query; the reload
// reads a table of a few dozen rows and happens only after some public data changed.
const cache = new WeakMap<Db, { epoch: string; calendar: Promise<WorkingCalendar> }>();

export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const epoch = await dataEpochRepository(db).current();
  const cached = cache.get(db);
  if (cached && cached.epoch === epoch) return cached.calendar;
  const calendar = calendarRepository(db)
    .all()
    .then((days) => new WorkingCalendar(days));
  calendar.catch(() => cache.delete(db));
  cache.set(db, { epoch, calendar });
  return calendar;
}

export function invalidateWorkingCalendar(db: Db): void {
  cache.delete(db);
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  reason: string;
  source?: string | null;
}

/**
 * Adds (or corrects) one official exception: a day off or a make-up working day from the Ministry of
 * Home Affairs' announcement for a year. A make-up day must be a weekend day, and a day off a weekday,
 * or the entry would change nothing.
 */
export async function addCalendarDay(db: Db, actor: Actor, input: CalendarDayInput) {
  const reason = cleanText(input.reason ?? '');
  const source = input.source ? cleanText(input.source) : null;
  const issues = [];
  if (!isIsoDate(input.date)) issues.push({ field: 'date', problem: 'must be a real date as YYYY-MM-DD' });
  if (!CALENDAR_DAY_KINDS.includes(input.kind))
    issues.push({ field: 'kind', problem: 'must be day_off or working_day' });
  if (!reason) issues.push({ field: 'reason', problem: 'is required (e.g. the announcement it comes from)' });
  if (reason.length > 300) issues.push({ field: 'reason', problem: 'must be at most 300 characters' });
  if (issues.length === 0) {
    const wd = weekday(input.date);
    const weekend = wd === 0 || wd === 6;
    if (input.kind === 'working_day' && !weekend)
      issues.push({ field: 'date', problem: 'a make-up working day must be a Saturday or Sunday' });
    if (input.kind === 'day_off' && weekend)
      issues.push({ field: 'date', problem: 'is already a weekend day; a day off must be a weekday' });
  }
  if (issues.length) throw invalid(issues);

  const row = await db.transaction(async (tx) => {
    const repo = calendarRepository(tx);
    const before = await repo.byDay(input.date);
    const saved = await repo.upsert(input.date, input.kind, reason, source);
    await recordAudit(tx, actor, {
      action: before ? 'calendar_day.update' : 'calendar_day.create',
      entityType: 'calendar_day',
      entityId: input.date,
      before: before ? { kind: before.kind, reason: before.reason, source: before.source } : undefined,
      after: { kind: saved.kind, reason: saved.reason, source: saved.source },
    });
    return saved;
  });
  invalidateWorkingCalendar(db);
  return row;
}

export async function removeCalendarDay(db: Db, actor: Actor, date: string) {
  if (!isIsoDate(date)) throw invalid([{ field: 'date', problem: 'must be a real date as YYYY-MM-DD' }]);
  await db.transaction(async (tx) => {
    const removed = await calendarRepository(tx).remove(date);
    if (!removed) throw notFound(`Calendar day ${date}`);
    await recordAudit(tx, actor, {
      action: 'calendar_day.delete',
      entityType: 'calendar_day',
      entityId: date,
      before: { kind: removed.kind, reason: removed.reason, source: removed.source },
    });
  });
  invalidateWorkingCalendar(db);
}

/** A year's official exceptions, with every non-working weekday the calendar ends up with. */
export async function calendarYear(db: Db, year: number) {
  const [exceptions, calendar] = await Promise.all([
    calendarRepository(db).ofYear(year),
    loadWorkingCalendar(db),
  ]);
  const daysOff: { date: string; reason: string; note: string | null }[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const day = d.toISOString().slice(0, 10);
    const verdict = calendar.explain(day);
    const wd = weekday(day);
    if (!verdict.working && wd !== 0 && wd !== 6)
      daysOff.push({ date: day, reason: verdict.reason, note: verdict.note ?? null });
  }
  return {
    year,
    exceptions: exceptions.map((e) => ({ date: e.day, kind: e.kind, reason: e.reason, source: e.source })),
    weekdaysOff: daysOff,
    makeUpDays: exceptions.filter((e) => e.kind === 'working_day').map((e) => e.day),
  };
}
