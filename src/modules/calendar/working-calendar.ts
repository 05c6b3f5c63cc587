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
const DAY_MS = 86_400_000;

/** "2025-03-02" → [2025, 60]: the year and the day's index in it (Jan 1 = 0). */
function yearAndDay(day: string): [number, number] {
  const year = Number(day.slice(0, 4));
  const time = Date.UTC(year, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return [year, (time - Date.UTC(year, 0, 1)) / DAY_MS];
}
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
  /** Per year: prefix[i] = working days among the year's first i days (Jan 1 is day 0). Built on first use. */
  private readonly prefixByYear = new Map<number, Uint16Array>();

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
    // Counted from per-year prefix sums: a status list at national scale asks this for thousands of
    // tasks spanning years, and walking day by day took most of its time (docs/benchmarks.md).
    const [y0, d0] = yearAndDay(start);
    const [y1, d1] = yearAndDay(end);
    let count = this.prefix(y1)[d1 + 1]! - this.prefix(y0)[d0 + 1]!;
    for (let y = y0; y < y1; y++) count += this.prefix(y).at(-1)!;
    return sign * count;
  }

  private prefix(year: number): Uint16Array {
    let prefix = this.prefixByYear.get(year);
    if (!prefix) {
      const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
      prefix = new Uint16Array(days + 1);
      let day = `${String(year).padStart(4, '0')}-01-01`;
      for (let i = 0; i < days; i++, day = addDays(day, 1))
        prefix[i + 1] = prefix[i]! + (this.isWorkingDay(day) ? 1 : 0);
      this.prefixByYear.set(year, prefix);
    }
    return prefix;
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
