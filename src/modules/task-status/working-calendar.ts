/**
 * What lateness needs from the working-day calendar (src/modules/calendar, built separately). Services
 * take it as a parameter, so the real calendar replaces the stand-in below without touching them.
 */
export interface WorkingCalendar {
  /** Working days after `fromIso` up to and including `toIso`; 0 when `toIso` is not after `fromIso`. */
  workingDaysBetween(fromIso: string, toIso: string): number;
}

// Stand-in until the calendar module is merged: weekends and the fixed-date public holidays
// (1/1, 30/4, 1/5, 2/9). It knows nothing of Tết, Hùng Kings day or compensatory days.
const FIXED_HOLIDAYS = new Set(['01-01', '04-30', '05-01', '09-02']);

export const fixedHolidayCalendar: WorkingCalendar = {
  workingDaysBetween(fromIso, toIso) {
    let count = 0;
    const day = new Date(`${fromIso}T00:00:00Z`);
    const end = new Date(`${toIso}T00:00:00Z`).getTime();
    for (day.setUTCDate(day.getUTCDate() + 1); day.getTime() <= end; day.setUTCDate(day.getUTCDate() + 1)) {
      const weekday = day.getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      if (FIXED_HOLIDAYS.has(day.toISOString().slice(5, 10))) continue;
      count++;
    }
    return count;
  },
};
