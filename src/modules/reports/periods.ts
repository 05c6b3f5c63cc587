import { addDays, isoOf, lastDayOfMonth } from '../task-status/dates.ts';
import type { Frequency } from './reports.schema.ts';

export interface Period {
  /** '2025-W03', '2025-03', '2025-Q2', '2025-H1' or '2025'. */
  key: string;
  start: string;
  end: string;
  /** Position of the period within its year, from 0 (picks the fixed due date). */
  indexInYear: number;
}

export interface ScheduleRule {
  frequency: Frequency;
  dueOffsetDays: number;
  dueDates: string[] | null;
}

/** The Program's rule (71/NQ-CP section III): 6-monthly reports before 15 June and before 1 December. */
export const DEFAULT_SCHEDULES: ScheduleRule[] = [
  { frequency: 'semiannual', dueOffsetDays: 0, dueDates: ['06-14', '11-30'] },
];

export const PERIODS_PER_YEAR: Record<Exclude<Frequency, 'weekly'>, number> = {
  monthly: 12,
  quarterly: 4,
  semiannual: 2,
  yearly: 1,
};

/** Every period of the frequency that overlaps [from, to]. */
export function periodsBetween(frequency: Frequency, from: string, to: string): Period[] {
  const result: Period[] = [];
  if (frequency === 'weekly') {
    // ISO weeks: Monday to Sunday, numbered by the year of their Thursday.
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    for (let start = d.toISOString().slice(0, 10); start <= to; start = addDays(start, 7)) {
      const thursday = new Date(`${addDays(start, 3)}T00:00:00Z`);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400_000)) + 1;
      result.push({
        key: `${year}-W${String(week).padStart(2, '0')}`,
        start,
        end: addDays(start, 6),
        indexInYear: week - 1,
      });
    }
    return result;
  }
  const perYear = PERIODS_PER_YEAR[frequency];
  const months = 12 / perYear;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let i = 0; i < perYear; i++) {
      const start = isoOf(year, i * months + 1, 1);
      const end = lastDayOfMonth(year, (i + 1) * months);
      if (end < from || start > to) continue;
      const key =
        frequency === 'monthly'
          ? `${year}-${String(i + 1).padStart(2, '0')}`
          : frequency === 'quarterly'
            ? `${year}-Q${i + 1}`
            : frequency === 'semiannual'
              ? `${year}-H${i + 1}`
              : String(year);
      result.push({ key, start, end, indexInYear: i });
    }
  }
  return result;
}

/** A period's due date: the fixed day of the year when the schedule names one, else end + offset. */
export function dueDateOf(rule: ScheduleRule, period: Period): string {
  const fixed = rule.dueDates?.[period.indexInYear];
  if (fixed) return `${period.start.slice(0, 4)}-${fixed}`;
  return addDays(period.end, rule.dueOffsetDays);
}

/** Checks a schedule's fixed due dates: one 'MM-DD' per period, each a real day. */
export function dueDatesProblem(frequency: Frequency, dueDates: string[] | null): string | null {
  if (dueDates === null) return null;
  if (frequency === 'weekly') return 'weekly schedules take an offset, not fixed dates';
  if (dueDates.length !== PERIODS_PER_YEAR[frequency])
    return `needs ${PERIODS_PER_YEAR[frequency]} dates, one per period`;
  for (const md of dueDates) {
    const d = new Date(`2023-${md}T00:00:00Z`);
    if (!/^\d{2}-\d{2}$/.test(md) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(`2023-${md}`))
      return `"${md}" is not a day as MM-DD`;
  }
  return null;
}
