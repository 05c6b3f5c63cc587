import { describe, expect, it } from 'vitest';
import type { TargetObservation } from './api/get-target.ts';
import { acceptedSeries, periodPosition } from './chart-data.ts';

const value = (year: number, period: string, v: number | null, breakdown = false): TargetObservation => ({
  year,
  period,
  disaggregation: breakdown ? { key: 'province', value: '48' } : null,
  value: v,
  assessedClass: null,
  assessmentText: null,
  unit: null,
  source: null,
  note: null,
  evidenceUrl: null,
});

describe('target chart data', () => {
  it('places finer periods within their year', () => {
    expect(periodPosition(2026, '')).toBe(2026);
    expect(periodPosition(2026, 'Q2')).toBe(2025.5);
    expect(periodPosition(2026, 'H2')).toBe(2026);
    expect(periodPosition(2026, 'M03')).toBe(2025.25);
  });

  it('draws national numbers only, in time order', () => {
    const series = acceptedSeries([value(2026, '', 120.5), value(2025, '', 52), value(2026, '', 9, true)]);
    expect(series).toEqual([
      { x: 2025, value: 52, label: '2025' },
      { x: 2026, value: 120.5, label: '2026' },
    ]);
    expect(acceptedSeries([value(2026, '', null)])).toEqual([]);
  });
});
