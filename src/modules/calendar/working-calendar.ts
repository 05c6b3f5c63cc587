import Holidays from 'date-holidays';
import type { CalendarDayKind } from './calendar.schema.ts';
import { addDays, weekday } from './iso-date.ts';

export interface CalendarException {
  day: string;
  kind: CalendarDayKind;
  reason: string;
}

export type DayVerdict =
  | { working: true; reason: 'weekday' | 'make_up_day'; note?: string }
  | { working: false; reason: 'weekend' | 'public_holiday' | 'official_day_off'; note?: string };

const holidayLibrary = new Holidays('VN');
const publicHolidaysByYear = new Map<number, Map<string, string>>();

/**
 * The fixed and lunar public holidays (1/1, Giao thừa and mùng 1 Tết, Hùng Kings day, 30/4, 1/5, 2/9)
 * from date-holidays; its "observance" days are not days off. Pure and shared by every calendar.
 */
function publicHolidays(year: number): Map<string, string> {
  let days = publicHolidaysByYear.get(year);
  if (!days) {
    days = new Map(
      holidayLibrary
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    publicHolidaysByYear.set(year, days);
  }
  return days;
}

/**
 * Working days for civil servants: Monday to Friday, minus public holidays and the official days off,
 * plus make-up working days. An official exception always wins over the weekday and the library.
 */
export class WorkingCalendar {
  private readonly exceptions: Map<string, CalendarException>;

  constructor(exceptions: CalendarException[]) {
    this.exceptions = new Map(exceptions.map((e) => [e.day, e]));
  }

  explain(day: string): DayVerdict {
    const exception = this.exceptions.get(day);
    if (exception) {
      return exception.kind === 'working_day'
        ? { working: true, reason: 'make_up_day', note: exception.reason }
        : { working: false, reason: 'official_day_off', note: exception.reason };
    }
    const holiday = publicHolidays(Number(day.slice(0, 4))).get(day);
    if (holiday) return { working: false, reason: 'public_holiday', note: holiday };
    const wd = weekday(day);
    if (wd === 0 || wd === 6) return { working: false, reason: 'weekend' };
    return { working: true, reason: 'weekday' };
  }

  isWorkingDay(day: string): boolean {
    return this.explain(day).working;
  }

  /**
   * Working days in (from, to]: how late a task completed or assessed on `to` is against a due date
   * `from` (the due date itself is not late). Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return sign * count;
  }

  /** Lateness in working days: 0 when done on or before the due date. */
  lateness(dueDate: string, doneOrAsOf: string): number {
    return Math.max(0, this.workingDaysBetween(dueDate, doneOrAsOf));
  }

  /** The working day `n` working days after (n > 0) or before (n < 0) `day`; `day` itself for 0. */
  addWorkingDays(day: string, n: number): string {
    let d = day;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** "Due in N working days": positive while time is left, 0 on the due date, negative once overdue. */
  dueInWorkingDays(dueDate: string, today: string): number {
    return this.workingDaysBetween(today, dueDate);
  }
}
