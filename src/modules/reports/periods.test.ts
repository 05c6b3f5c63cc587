import { describe, expect, it } from 'vitest';
import { parseDocumentNumber } from './document-number.ts';
import { DEFAULT_SCHEDULES, dueDateOf, dueDatesProblem, periodsBetween } from './periods.ts';

describe('reporting periods', () => {
  it('gives the Program 6-monthly periods due 14 June and 30 November', () => {
    const rule = DEFAULT_SCHEDULES[0]!;
    const periods = periodsBetween('semiannual', '2025-01-01', '2025-12-31');
    expect(periods.map((p) => [p.key, p.start, p.end, dueDateOf(rule, p)])).toEqual([
      ['2025-H1', '2025-01-01', '2025-06-30', '2025-06-14'],
      ['2025-H2', '2025-07-01', '2025-12-31', '2025-11-30'],
    ]);
  });

  it('numbers ISO weeks by their Thursday and dues them by offset', () => {
    const periods = periodsBetween('weekly', '2024-12-31', '2025-01-12');
    expect(periods.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2025-W01', '2024-12-30', '2025-01-05'],
      ['2025-W02', '2025-01-06', '2025-01-12'],
    ]);
    expect(dueDateOf({ frequency: 'weekly', dueOffsetDays: -2, dueDates: null }, periods[0]!)).toBe(
      '2025-01-03',
    );
  });

  it('covers months, quarters and years that overlap the range', () => {
    expect(periodsBetween('monthly', '2025-01-15', '2025-03-01').map((p) => p.key)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(periodsBetween('quarterly', '2025-05-01', '2025-07-01').map((p) => `${p.key} ${p.end}`)).toEqual([
      '2025-Q2 2025-06-30',
      '2025-Q3 2025-09-30',
    ]);
    expect(periodsBetween('yearly', '2025-03-01', '2026-01-01').map((p) => p.key)).toEqual(['2025', '2026']);
  });

  it('checks fixed due dates', () => {
    expect(dueDatesProblem('semiannual', ['06-14', '11-30'])).toBeNull();
    expect(dueDatesProblem('semiannual', ['06-14'])).toBe('needs 2 dates, one per period');
    expect(dueDatesProblem('yearly', ['02-30'])).toBe('"02-30" is not a day as MM-DD');
  });
});

describe('document number and symbol', () => {
  it.each([
    ['71/NQ-CP', '71/NQ-CP'],
    ['179/2024/NĐ-CP', '179/2024/NĐ-CP'],
    ['1131/QĐ-TTg', '1131/QĐ-TTg'],
    [' 01 / 2025 / TT-BKHCN ', '01/2025/TT-BKHCN'],
    ['57-NQ/TW', '57-NQ/TW'],
    ['179/2024/NĐ-CP'.normalize('NFD'), '179/2024/NĐ-CP'],
  ])('accepts %s', (input, stored) => {
    expect(parseDocumentNumber(input)).toBe(stored);
  });

  it.each(['abc', '', '71', 'NQ-CP', '71/nq-cp', '71/1800/NQ-CP', '71//NQ-CP'])('refuses "%s"', (input) => {
    expect(parseDocumentNumber(input)).toBeNull();
  });
});
