import type { Recurrence } from '../tasks/tasks.schema.ts';

/** One due instance of a recurring task: the period it covers and the day it is due. */
export interface Occurrence {
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

/**
 * The occurrences of a recurring task whose period overlaps [from, to] (dates YYYY-MM-DD):
 * - yearly ("Hằng năm"): one per calendar year, due 31/12 of that year;
 * - ongoing ("Thường xuyên"): one per six-monthly reporting period of 03/NQ-CP section III — the
 *   first half (1/1–14/6, reported "before 15 June", so due 14/6) and the second (15/6–30/11, reported
 *   "before 1 December", so due 30/11); 1/12–31/12 falls in the next year's first period.
 * `startsOn` (the first due date or the assignment date) drops periods that end before it.
 */
export function occurrences(
  recurrence: Recurrence,
  from: string,
  to: string,
  startsOn?: string | null,
): Occurrence[] {
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4)) + 1;
  const all: Occurrence[] = [];
  for (let year = firstYear - 1; year <= lastYear; year++) {
    if (recurrence === 'yearly') {
      all.push({
        period: String(year),
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        dueDate: `${year}-12-31`,
      });
    } else {
      all.push(
        {
          period: `${year}-H1`,
          periodStart: `${year - 1}-12-01`,
          periodEnd: `${year}-06-14`,
          dueDate: `${year}-06-14`,
        },
        {
          period: `${year}-H2`,
          periodStart: `${year}-06-15`,
          periodEnd: `${year}-11-30`,
          dueDate: `${year}-11-30`,
        },
      );
    }
  }
  return all.filter(
    (o) => o.periodEnd >= from && o.periodStart <= to && (!startsOn || o.periodEnd >= startsOn),
  );
}
