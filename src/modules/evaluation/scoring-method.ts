import type { Issue } from '../../server/errors.ts';

/** The criteria that earn points. Their weights are whole numbers that sum to exactly 100. */
export const WEIGHT_CRITERIA = [
  'on_time_completion',
  'late_completion',
  'evidence_first_review',
  'reporting_on_time',
  'bottlenecks_cleared',
] as const;
export type WeightCriterion = (typeof WEIGHT_CRITERIA)[number];

/** The criteria that take points away. Each is a whole number of points; together at most 50. */
export const PENALTY_CRITERIA = ['overdue'] as const;
export type PenaltyCriterion = (typeof PENALTY_CRITERIA)[number];

export type Criterion = WeightCriterion | PenaltyCriterion;

export const MAX_PENALTY_TOTAL = 50;

/** The part of a scoring method that decides a score; what a new version changes. */
export interface ScoringRules {
  weights: Record<WeightCriterion, number>;
  penalties: Record<PenaltyCriterion, number>;
  /** How much a partner's task counts beside a lead's (1). 0 scores the lead alone. */
  partnerShare: number;
}

export interface ScoringMethod extends ScoringRules {
  id: number;
  code: string;
  version: number;
  nameVi: string;
  nameEn: string | null;
}

/** The default method, version 1 (docs/evaluation.md works an example through it by hand). */
export const DEFAULT_RULES: ScoringRules = {
  weights: {
    on_time_completion: 40,
    late_completion: 10,
    evidence_first_review: 15,
    reporting_on_time: 25,
    bottlenecks_cleared: 10,
  },
  penalties: { overdue: 20 },
  partnerShare: 0.5,
};

/**
 * The documented rules for a weight set, as "field: problem" issues (none when valid): every criterion
 * named, whole numbers, weights 0–100 summing to exactly 100, each penalty 0–50 and all penalties
 * together at most 50, partner share 0–1 in steps of 0.05.
 */
export function validateRules(rules: ScoringRules): Issue[] {
  const issues: Issue[] = [];
  let sum = 0;
  for (const key of WEIGHT_CRITERIA) {
    const w = rules.weights[key];
    if (!Number.isInteger(w) || w < 0 || w > 100) {
      issues.push({ field: `weights.${key}`, problem: 'must be a whole number from 0 to 100' });
    } else sum += w;
  }
  const unknownWeights = Object.keys(rules.weights).filter(
    (k) => !(WEIGHT_CRITERIA as readonly string[]).includes(k),
  );
  for (const k of unknownWeights) issues.push({ field: `weights.${k}`, problem: 'is not a criterion' });
  if (issues.length === 0 && sum !== 100) {
    issues.push({ field: 'weights', problem: `must sum to 100 (they sum to ${sum})` });
  }
  let penaltyTotal = 0;
  for (const key of PENALTY_CRITERIA) {
    const p = rules.penalties[key];
    if (!Number.isInteger(p) || p < 0 || p > MAX_PENALTY_TOTAL) {
      issues.push({
        field: `penalties.${key}`,
        problem: `must be a whole number from 0 to ${MAX_PENALTY_TOTAL}`,
      });
    } else penaltyTotal += p;
  }
  for (const k of Object.keys(rules.penalties).filter(
    (k) => !(PENALTY_CRITERIA as readonly string[]).includes(k),
  )) {
    issues.push({ field: `penalties.${k}`, problem: 'is not a criterion' });
  }
  if (penaltyTotal > MAX_PENALTY_TOTAL) {
    issues.push({
      field: 'penalties',
      problem: `must total at most ${MAX_PENALTY_TOTAL} (they total ${penaltyTotal})`,
    });
  }
  const s = rules.partnerShare;
  if (typeof s !== 'number' || s < 0 || s > 1 || Math.abs(Math.round(s * 20) - s * 20) > 1e-9) {
    issues.push({ field: 'partnerShare', problem: 'must be from 0 to 1 in steps of 0.05' });
  }
  return issues;
}
