/** Calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC so no local zone shifts a day. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoOf(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** The first instant after the end of a calendar day in Viet Nam (UTC+7, no daylight saving). */
export function endOfVietnamDay(iso: string): string {
  return new Date(`${addDays(iso, 1)}T00:00:00+07:00`).toISOString();
}

/** Today's date in Viet Nam. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The Viet Nam calendar day of an instant (engines return timestamps as text or Date). */
export function vietnamDateOf(instant: string | Date): string {
  return vietnamToday(new Date(instant));
}
