/**
 * Feeds the progress method from stored data: the target's definition and its accepted values.
 * Only accepted national (headline) values count; breakdowns such as provinces are shown, not classed.
 */
import { assessProgress, type ProgressClass, type ProgressResult, type YearValue } from './progress.ts';
import type { Comparison } from './targets.schema.ts';

export interface ProgressTarget {
  comparison: Comparison;
  targetValue: number | null;
  targetValueMax: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
}

export interface AcceptedValue {
  periodYear: number;
  period: string;
  disaggregationKey: string;
  value: number | null;
  assessedClass: string | null;
}

/** Month in which a period ends; a whole-year value sorts after the year's finer periods. */
export function periodEnd(period: string): number {
  if (period === '') return 12.5;
  const n = Number(period.slice(1));
  if (period.startsWith('Q')) return n * 3;
  if (period.startsWith('H')) return n * 6;
  return n;
}

export function byPeriod<T extends { periodYear: number; period: string }>(a: T, b: T): number {
  return a.periodYear - b.periodYear || periodEnd(a.period) - periodEnd(b.period);
}

/** The latest headline value; the method counts in years (as Open SDG does), so a quarter counts as its year. */
export function latestHeadline(values: AcceptedValue[]): AcceptedValue | undefined {
  return values
    .filter((v) => v.disaggregationKey === '')
    .sort(byPeriod)
    .at(-1);
}

export function progressOf(target: ProgressTarget, accepted: AcceptedValue[]): ProgressResult {
  const numeric = accepted.filter((v) => v.value !== null);
  const latestNumeric = latestHeadline(numeric);
  const latestAssessed = latestHeadline(accepted.filter((v) => v.assessedClass !== null));
  const latest: YearValue | null = latestNumeric
    ? { year: latestNumeric.periodYear, value: latestNumeric.value as number }
    : null;
  const baseline: YearValue | null =
    target.baselineValue !== null && target.baselineYear !== null
      ? { year: target.baselineYear, value: target.baselineValue }
      : null;
  return assessProgress({
    comparison: target.comparison,
    targetValue: target.targetValue,
    targetValueMax: target.targetValueMax,
    targetYear: target.targetYear,
    baseline,
    latest,
    assessment: latestAssessed
      ? { year: latestAssessed.periodYear, assessedClass: latestAssessed.assessedClass as ProgressClass }
      : null,
  });
}
