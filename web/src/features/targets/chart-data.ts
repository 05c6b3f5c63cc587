import type { TargetDetail, TargetObservation } from './api/get-target.ts';

export interface ChartPoint {
  /** The year (a year's value sits at its end), or between years for a finer period (Q2/2026 → 2025.5). */
  x: number;
  value: number;
  label: string;
}

/** Where a period sits on a year axis: a whole year at the year, a quarter, half or month at its end. */
export function periodPosition(year: number, period: string): number {
  const match = /^(Q|H|M)(\d{1,2})$/.exec(period);
  if (!match) return year;
  const parts = match[1] === 'Q' ? 4 : match[1] === 'H' ? 2 : 12;
  return year - 1 + Number(match[2]) / parts;
}

export const periodLabel = (o: Pick<TargetObservation, 'year' | 'period'>) =>
  o.period ? `${o.period}/${o.year}` : String(o.year);

/** The accepted national (no breakdown) numbers, in time order: the series the chart draws. */
export function acceptedSeries(values: TargetObservation[]): ChartPoint[] {
  return values
    .filter((v) => v.disaggregation === null && v.value !== null)
    .map((v) => ({ x: periodPosition(v.year, v.period), value: v.value as number, label: periodLabel(v) }))
    .sort((a, b) => a.x - b.x);
}

/** The years the chart spans: baseline or first value to the target year, whichever reach further. */
export function yearSpan(detail: TargetDetail, series: ChartPoint[]): { min: number; max: number } {
  const xs = [
    ...series.map((p) => p.x),
    ...detail.progress.neededTrajectory.map((p) => p.year),
    ...detail.progress.projectionPath.map((p) => p.year),
  ];
  if (detail.target.baseline) xs.push(detail.target.baseline.year);
  if (detail.target.targetYear) xs.push(detail.target.targetYear);
  return { min: Math.floor(Math.min(...xs)), max: Math.ceil(Math.max(...xs)) };
}
