/**
 * Progress toward a target, classed by the growth-rate method of Statistics Canada as implemented by
 * Open SDG (sdg-build, sdg/ProgressMeasure.py, "methodology 2": a quantitative target). Pure: no I/O.
 * The method, its inputs and thresholds are written out in docs/targets-progress.md.
 */
import type { Comparison } from './targets.schema.ts';

/** The classes of the method, best first (Open SDG's status values). */
export const PROGRESS_CLASSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;
export type ProgressClass = (typeof PROGRESS_CLASSES)[number];

/** A class, or why there is none: too little data, or a qualitative target nobody has assessed yet. */
export const PROGRESS_STATUSES = [...PROGRESS_CLASSES, 'insufficient_data', 'not_assessed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const INSUFFICIENT_REASONS = [
  'no_target_value',
  'no_value',
  'no_baseline',
  'no_value_after_baseline',
  'no_target_year',
  'target_year_not_after_baseline',
  'sign_change',
] as const;
export type InsufficientReason = (typeof INSUFFICIENT_REASONS)[number];

/**
 * Open SDG's thresholds for a quantitative target, on R = observed growth / required growth:
 * R ≥ 0.95 substantial, 0.6 ≤ R < 0.95 moderate, 0 ≤ R < 0.6 limited, R < 0 deterioration.
 */
export const THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;

/** Open SDG replaces a zero base or target by this, so the growth rate stays defined. */
export const ZERO_SUBSTITUTE = 0.001;

export interface YearValue {
  year: number;
  value: number;
}

export interface ProgressInput {
  comparison: Comparison;
  targetValue: number | null;
  /** Upper bound of a range target. */
  targetValueMax: number | null;
  targetYear: number | null;
  baseline: YearValue | null;
  /** The latest accepted headline value. */
  latest: YearValue | null;
  /** Qualitative targets only: the latest accepted assessment. */
  assessment?: { year: number; assessedClass: ProgressClass } | null;
}

export interface ProgressResult {
  status: ProgressStatus;
  method: 'growth_rate' | 'coordinator_assessment';
  reason: InsufficientReason | null;
  /** +1 when higher is better, -1 when lower is better (ranks, "at most"). */
  direction: 1 | -1 | null;
  /** The value progress is measured toward: the target, or the nearer bound of a range. */
  goal: number | null;
  baseline: YearValue | null;
  latest: YearValue | null;
  targetYear: number | null;
  /** Compound annual growth rate from the baseline to the latest value. */
  observedGrowth: number | null;
  /** Compound annual growth rate needed from the baseline to reach the goal in the target year. */
  requiredGrowth: number | null;
  /** direction × sign × observed / |required|: the number compared with THRESHOLDS. */
  ratio: number | null;
  thresholds: typeof THRESHOLDS;
  /** The value expected in the target year if the observed growth continues. */
  projection: YearValue | null;
  /** Year by year from the latest value to the target year at the observed growth. */
  projectionPath: YearValue[];
  /** Year by year from the baseline to the goal at the required growth. */
  neededTrajectory: YearValue[];
}

export function directionOf(comparison: Comparison): 1 | -1 | null {
  switch (comparison) {
    case '>=':
    case '>':
      return 1;
    case '<=':
    case '<':
    case 'rank<=':
      return -1;
    default:
      return null;
  }
}

export function isQualitative(comparison: Comparison): boolean {
  return comparison === 'qualitative' || comparison === 'qualitative_rank';
}

/** Whether a value meets the target as written: "more than" is strict, a range includes its bounds. */
export function meetsTarget(
  comparison: Comparison,
  value: number,
  target: number,
  max: number | null,
): boolean {
  switch (comparison) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
    case 'rank<=':
      return value <= target;
    case '<':
      return value < target;
    case 'range':
      return value >= target && value <= (max ?? target);
    default:
      return false;
  }
}

/** Compound annual growth rate, as Open SDG's growth_calculation(). */
export function growthRate(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

export function classify(ratio: number): Exclude<ProgressClass, 'target_achieved'> {
  if (ratio >= THRESHOLDS.high) return 'substantial_progress';
  if (ratio >= THRESHOLDS.med) return 'moderate_progress';
  if (ratio >= THRESHOLDS.low) return 'limited_progress';
  return 'deterioration';
}

export function assessProgress(input: ProgressInput): ProgressResult {
  const result: ProgressResult = {
    status: 'insufficient_data',
    method: 'growth_rate',
    reason: null,
    direction: directionOf(input.comparison),
    goal: input.targetValue,
    baseline: input.baseline,
    latest: input.latest,
    targetYear: input.targetYear,
    observedGrowth: null,
    requiredGrowth: null,
    ratio: null,
    thresholds: THRESHOLDS,
    projection: null,
    projectionPath: [],
    neededTrajectory: [],
  };
  if (isQualitative(input.comparison)) {
    // The method needs numbers; a qualitative target shows the coordinator's accepted assessment.
    return {
      ...result,
      method: 'coordinator_assessment',
      direction: null,
      goal: null,
      status: input.assessment?.assessedClass ?? 'not_assessed',
    };
  }
  const { targetValue, latest, baseline, targetYear } = input;
  if (targetValue === null) return { ...result, reason: 'no_target_value' };

  // A range is approached from the side the series starts on; inside it, the task is to stay inside.
  let direction = result.direction;
  let goal = targetValue;
  let startsInsideRange = false;
  if (input.comparison === 'range') {
    const max = input.targetValueMax ?? targetValue;
    const start = baseline ?? latest;
    if (start && start.value > max) {
      direction = -1;
      goal = max;
    } else {
      direction = 1;
      goal = targetValue;
      startsInsideRange = start !== null && start.value >= targetValue;
    }
  }
  const base = { ...result, direction, goal };
  if (!latest) return { ...base, reason: 'no_value' };

  // Open SDG checks achievement first: a met target is achieved whatever the baseline.
  const achieved = meetsTarget(input.comparison, latest.value, targetValue, input.targetValueMax);
  if (!achieved && !baseline) return { ...base, reason: 'no_baseline' };
  if (!baseline) return { ...base, status: 'target_achieved' };
  if (latest.year <= baseline.year) {
    return achieved ? { ...base, status: 'target_achieved' } : { ...base, reason: 'no_value_after_baseline' };
  }

  const from = baseline.value === 0 ? ZERO_SUBSTITUTE : baseline.value;
  const to = goal === 0 ? ZERO_SUBSTITUTE : goal;
  // Growth rates of series that cross zero are undefined (Open SDG answers "not available").
  if (from * latest.value < 0 || from * to < 0) {
    return achieved ? { ...base, status: 'target_achieved' } : { ...base, reason: 'sign_change' };
  }
  const sign = from < 0 ? -1 : 1;
  const d = direction ?? 1;
  const observedGrowth = growthRate(from, latest.value, latest.year - baseline.year);
  const withGrowth = {
    ...base,
    observedGrowth: round(observedGrowth),
    projectionPath: targetYear ? path(latest, observedGrowth, targetYear) : [],
  };
  withGrowth.projection = withGrowth.projectionPath.at(-1) ?? null;
  if (achieved) return { ...withGrowth, status: 'target_achieved' };
  if (targetYear === null) return { ...withGrowth, reason: 'no_target_year' };
  if (targetYear <= baseline.year) return { ...withGrowth, reason: 'target_year_not_after_baseline' };

  // Started inside a range and left it: nothing to grow toward, only a range to return to.
  if (startsInsideRange) return { ...withGrowth, status: 'deterioration' };
  const requiredGrowth = growthRate(from, to, targetYear - baseline.year);
  const neededTrajectory = path({ year: baseline.year, value: from }, requiredGrowth, targetYear);
  const progressed = sign * d * observedGrowth;
  // Baseline already at the goal and the latest value fell short: any move was the wrong way; Open SDG
  // divides by zero here and gets −∞ (deterioration).
  const ratio = requiredGrowth === 0 ? null : progressed / Math.abs(requiredGrowth);
  const status = ratio !== null ? classify(ratio) : 'deterioration';
  return {
    ...withGrowth,
    status,
    requiredGrowth: round(requiredGrowth),
    ratio: ratio === null ? null : round(ratio),
    neededTrajectory,
  };
}

/** Values year by year from a start at a constant compound growth, up to and including the end year. */
function path(start: YearValue, growth: number, endYear: number): YearValue[] {
  const points: YearValue[] = [];
  for (let year = start.year; year <= endYear; year++) {
    points.push({ year, value: round(start.value * (1 + growth) ** (year - start.year)) });
  }
  return points.length > 1 ? points : [];
}

/** Six significant digits: enough for display and stable in tests and downloads. */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}
