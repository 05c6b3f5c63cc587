import { describe, expect, it } from 'vitest';
import { occurrences } from './recurrence.ts';

describe('occurrences of recurring tasks', () => {
  it('gives a yearly task one occurrence per calendar year, due 31/12', () => {
    expect(occurrences('yearly', '2025-03-01', '2027-02-01').map((o) => o.dueDate)).toEqual([
      '2025-12-31',
      '2026-12-31',
      '2027-12-31',
    ]);
  });

  it('starts a yearly task at its first due year', () => {
    expect(occurrences('yearly', '2024-01-01', '2026-12-31', '2025-12-31').map((o) => o.period)).toEqual([
      '2025',
      '2026',
    ]);
  });

  it('gives an ongoing task one occurrence per six-monthly reporting period, due 14/6 and 30/11', () => {
    const list = occurrences('ongoing', '2025-01-01', '2025-12-31');
    expect(list.map((o) => [o.period, o.dueDate])).toEqual([
      ['2025-H1', '2025-06-14'],
      ['2025-H2', '2025-11-30'],
      ['2026-H1', '2026-06-14'],
    ]);
    // Periods tile the year: each starts the day after the previous ends.
    expect(list[1]!.periodStart).toBe('2025-06-15');
    expect(list[2]!.periodStart).toBe('2025-12-01');
  });
});
