import { z } from 'zod';
import { INSUFFICIENT_REASONS, PROGRESS_STATUSES, type ProgressResult } from './progress.ts';
import type { ObservationRow, TargetRow } from './targets.repository.ts';
import { COMPARISONS, OBSERVATION_STATUSES } from './targets.schema.ts';

const yearValue = z.object({ year: z.number(), value: z.number() });

export const progressSchema = z.object({
  status: z.enum(PROGRESS_STATUSES),
  method: z.enum(['growth_rate', 'coordinator_assessment']),
  reason: z.enum(INSUFFICIENT_REASONS).nullable(),
  direction: z.union([z.literal(1), z.literal(-1)]).nullable(),
  goal: z.number().nullable(),
  baseline: yearValue.nullable(),
  latest: yearValue.nullable(),
  targetYear: z.number().nullable(),
  observedGrowth: z.number().nullable(),
  requiredGrowth: z.number().nullable(),
  ratio: z.number().nullable(),
  thresholds: z.object({ high: z.number(), med: z.number(), low: z.number() }),
  projection: yearValue.nullable(),
  projectionPath: z.array(yearValue),
  neededTrajectory: z.array(yearValue),
});

export const targetSchema = z.object({
  id: z.number(),
  code: z.string(),
  indicatorNo: z.string().nullable(),
  indicatorGroup: z.object({ no: z.number(), titleVi: z.string() }).nullable(),
  textVi: z.string(),
  textEn: z.string().nullable(),
  targetValueText: z.string(),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  unit: z.string().nullable(),
  comparison: z.enum(COMPARISONS),
  comparisonInferred: z.boolean(),
  targetYear: z.number().nullable(),
  baseline: z.object({ value: z.number(), year: z.number(), source: z.string().nullable() }).nullable(),
  inNq57: z.boolean(),
  monitoringAgency: z
    .object({
      code: z.string().nullable(),
      nameVi: z.string().nullable(),
      nameEn: z.string().nullable(),
      asWritten: z.string().nullable(),
    })
    .nullable(),
  notes: z.record(z.string(), z.string()),
  sources: z.array(z.string()),
  version: z.number(),
  progressStatus: z.enum(PROGRESS_STATUSES),
});

export function presentTarget(t: TargetRow, progress: ProgressResult): z.infer<typeof targetSchema> {
  const num = (v: string | null) => (v === null ? null : Number(v));
  const baselineValue = num(t.baselineValue);
  return {
    id: t.id,
    code: t.code,
    indicatorNo: t.indicatorNo,
    indicatorGroup: t.groupNo !== null ? { no: t.groupNo, titleVi: t.groupTitleVi ?? '' } : null,
    textVi: t.textVi,
    textEn: t.textEn,
    targetValueText: t.targetValueText,
    targetValue: num(t.targetValue),
    targetValueMax: num(t.targetValueMax),
    unit: t.unit,
    comparison: t.comparison as (typeof COMPARISONS)[number],
    comparisonInferred: t.comparisonInferred,
    targetYear: t.targetYear,
    baseline:
      baselineValue !== null && t.baselineYear !== null
        ? { value: baselineValue, year: t.baselineYear, source: t.baselineSource }
        : null,
    inNq57: t.inNq57,
    monitoringAgency:
      t.monitoringAgencyAsWritten || t.monitoringAgencyCode
        ? {
            code: t.monitoringAgencyCode,
            nameVi: t.monitoringAgencyNameVi,
            nameEn: t.monitoringAgencyNameEn,
            asWritten: t.monitoringAgencyAsWritten,
          }
        : null,
    notes: t.notes,
    sources: t.sources,
    version: t.version,
    progressStatus: progress.status,
  };
}

/** A value as the public sees it: who entered or reviewed it is not published, the source is. */
export const publicValueSchema = z.object({
  year: z.number(),
  period: z.string(),
  disaggregation: z.object({ key: z.string(), value: z.string() }).nullable(),
  value: z.number().nullable(),
  assessedClass: z.string().nullable(),
  assessmentText: z.string().nullable(),
  unit: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
});

export function presentPublicValue(o: ObservationRow): z.infer<typeof publicValueSchema> {
  return {
    year: o.periodYear,
    period: o.period,
    disaggregation: o.disaggregationKey ? { key: o.disaggregationKey, value: o.disaggregationValue } : null,
    value: o.value === null ? null : Number(o.value),
    assessedClass: o.assessedClass,
    assessmentText: o.assessmentText,
    unit: o.unit,
    source: o.source,
    note: o.note,
    evidenceUrl: o.evidenceUrl,
  };
}

/** A value as the people who enter and review it see it, with its status and history fields. */
export const valueSchema = publicValueSchema.extend({
  id: z.number(),
  targetId: z.number(),
  status: z.enum(OBSERVATION_STATUSES),
  returnReason: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export function presentValue(o: ObservationRow): z.infer<typeof valueSchema> {
  return {
    ...presentPublicValue(o),
    id: o.id,
    targetId: o.targetId,
    status: o.status,
    returnReason: o.returnReason,
    enteredBy: o.enteredByLabel,
    enteredAt: iso(o.enteredAt),
    submittedAt: o.submittedAt ? iso(o.submittedAt) : null,
    reviewedBy: o.reviewedByLabel,
    reviewedAt: o.reviewedAt ? iso(o.reviewedAt) : null,
  };
}

/** Timestamps arrive as server text on one engine and ISO on the other; answer ISO on both. */
function iso(v: string): string {
  return new Date(v).toISOString();
}

/** A value with the target it measures, as the officer's list and the review queue show it. */
export const valueWithTargetSchema = valueSchema.extend({
  target: z.object({
    code: z.string(),
    textVi: z.string(),
    textEn: z.string().nullable(),
    unit: z.string().nullable(),
    comparison: z.enum(COMPARISONS),
    monitoringAgencyCode: z.string().nullable(),
  }),
});

export function presentValueWithTarget(f: {
  observation: ObservationRow;
  targetCode: string;
  targetTextVi: string;
  targetTextEn: string | null;
  targetUnit: string | null;
  targetComparison: string;
  monitoringAgencyCode: string | null;
}): z.infer<typeof valueWithTargetSchema> {
  return {
    ...presentValue(f.observation),
    target: {
      code: f.targetCode,
      textVi: f.targetTextVi,
      textEn: f.targetTextEn,
      unit: f.targetUnit,
      comparison: f.targetComparison as (typeof COMPARISONS)[number],
      monitoringAgencyCode: f.monitoringAgencyCode,
    },
  };
}

/** A target an officer's agency monitors: what the entry form needs to know of it. */
export const monitoredTargetSchema = z.object({
  code: z.string(),
  textVi: z.string(),
  textEn: z.string().nullable(),
  unit: z.string().nullable(),
  comparison: z.enum(COMPARISONS),
  targetValueText: z.string(),
  targetYear: z.number().nullable(),
  monitoringAgencyCode: z.string().nullable(),
});

export function presentMonitoredTarget(t: TargetRow): z.infer<typeof monitoredTargetSchema> {
  return {
    code: t.code,
    textVi: t.textVi,
    textEn: t.textEn,
    unit: t.unit,
    comparison: t.comparison as (typeof COMPARISONS)[number],
    targetValueText: t.targetValueText,
    targetYear: t.targetYear,
    monitoringAgencyCode: t.monitoringAgencyCode,
  };
}
