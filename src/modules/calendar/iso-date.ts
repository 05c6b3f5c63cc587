/** Calendar dates as ISO text (YYYY-MM-DD), computed in UTC so no time zone shifts a day. */

export function parseIso(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parseIso(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toIso(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return parseIso(day).getUTCDay();
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = parseIso(value);
  return !Number.isNaN(d.getTime()) && toIso(d) === value;
}

/** "2025-06-30" → "30/06/2025", the way Vietnamese documents write dates. */
export function toVietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
