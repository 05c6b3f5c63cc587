import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import { WorkingCalendar } from './working-calendar.ts';

/** The definition, day by day: working days in (from, to], negative when `to` is before `from`. */
function walked(calendar: WorkingCalendar, from: string, to: string): number {
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
  return sign * count;
}

describe('WorkingCalendar.workingDaysBetween (prefix sums)', () => {
  const calendar = new WorkingCalendar([
    { day: '2025-04-26', kind: 'working_day', reason: 'make-up Saturday' },
    { day: '2025-05-02', kind: 'day_off', reason: 'official day off' },
    { day: '2024-12-31', kind: 'day_off', reason: 'official day off at a year end' },
  ]);

  it('counts exactly as walking day by day, across years, exceptions and leap days', () => {
    // A deterministic spread of pairs from 2023 to 2027 (LCG), plus the edges of years.
    let x = 57;
    const next = () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x;
    };
    const days: string[] = ['2024-02-29', '2024-12-31', '2025-01-01', '2025-04-26', '2025-05-02'];
    for (let i = 0; i < 300; i++) days.push(addDays('2023-01-01', next() % (5 * 365)));
    for (let i = 0; i < days.length; i++) {
      const a = days[i]!;
      const b = days[(i * 7 + 3) % days.length]!;
      expect(calendar.workingDaysBetween(a, b), `${a} → ${b}`).toBe(walked(calendar, a, b));
    }
  });

  it('keeps the rules of the definition: the start day is not counted, a make-up day is', () => {
    expect(calendar.workingDaysBetween('2025-04-25', '2025-04-26')).toBe(1);
    expect(calendar.workingDaysBetween('2025-05-01', '2025-05-02')).toBe(0);
    expect(calendar.workingDaysBetween('2025-06-30', '2025-06-30')).toBe(0);
    expect(calendar.workingDaysBetween('2025-07-01', '2025-06-30')).toBe(-1);
  });
});
