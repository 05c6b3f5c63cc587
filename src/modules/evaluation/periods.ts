import { invalid } from '../../server/errors.ts';

/** An evaluation period: a year, a half, a quarter or a month, as written in the Program's reporting rules. */
export interface Period {
  code: string;
  start: string;
  end: string;
}

const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses "2025", "2025-H1", "2025-Q2" or "2025-06"; null when the text is none of those. */
export function parsePeriod(code: string): Period | null {
  const m = PATTERN.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const part = m[2];
  let first = 1;
  let last = 12;
  if (part?.startsWith('H')) {
    first = part === 'H1' ? 1 : 7;
    last = first + 5;
  } else if (part?.startsWith('Q')) {
    first = (Number(part[1]) - 1) * 3 + 1;
    last = first + 2;
  } else if (part) {
    first = Number(part);
    last = first;
  }
  return {
    code: `${year}${part ? `-${part}` : ''}`,
    start: `${year}-${pad(first)}-01`,
    end: lastDay(year, last),
  };
}

export function requirePeriod(code: string, field = 'period'): Period {
  const period = parsePeriod(code);
  if (!period)
    throw invalid([
      { field, problem: 'must be a year, half, quarter or month: 2025, 2025-H1, 2025-Q2, 2025-06' },
    ]);
  return period;
}

/** The date a period is evaluated as of: its last day, or an earlier date inside it (a mid-period view). */
export function resolveAsOf(period: Period, asOf: string | undefined, field = 'asOf'): string {
  if (asOf === undefined) return period.end;
  if (asOf < period.start || asOf > period.end) {
    throw invalid([
      { field, problem: `must fall within the period ${period.code} (${period.start} to ${period.end})` },
    ]);
  }
  return asOf;
}
