import { boolean, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const COMPARISONS = [
  '>=',
  '>',
  '<=',
  '<',
  'rank<=',
  'range',
  'qualitative',
  'qualitative_rank',
] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** One of the 41 indicator groups of the Action Program's appendix I. */
export const indicatorGroup = pgTable('indicator_group', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  no: integer('no').notNull(),
  titleVi: text('title_vi').notNull(),
  horizonYear: integer('horizon_year'),
});

/** A target of Resolution 57 (67 in the bundled data). */
export const target = pgTable('target', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  code: text('code').notNull(),
  indicatorGroupId: integer('indicator_group_id'),
  indicatorNo: text('indicator_no'),
  textVi: text('text_vi').notNull(),
  textEn: text('text_en'),
  targetValueText: text('target_value_text').notNull(),
  targetValue: numeric('target_value', { mode: 'number' }),
  targetValueMax: numeric('target_value_max', { mode: 'number' }),
  unit: text('unit'),
  comparison: text('comparison').$type<Comparison>().notNull(),
  comparisonInferred: boolean('comparison_inferred').notNull().default(false),
  targetYear: integer('target_year'),
  inNq57: boolean('in_nq57').notNull(),
  monitoringAgencyId: integer('monitoring_agency_id'),
  monitoringAgencyAsWritten: text('monitoring_agency_as_written'),
  notes: jsonb('notes').$type<Record<string, string>>().notNull().default({}),
  sources: jsonb('sources').$type<string[]>().notNull().default([]),
  sourceHash: text('source_hash'),
  editedLocally: boolean('edited_locally').notNull().default(false),
  baselineValue: numeric('baseline_value', { mode: 'number' }),
  baselineYear: integer('baseline_year'),
  baselineSource: text('baseline_source'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }),
});

/** Each change of a target's definition, with the whole definition before and after. */
export const targetVersion = pgTable('target_version', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  targetId: integer('target_id').notNull(),
  version: integer('version').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull(),
  actorUserId: integer('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  reason: text('reason'),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
});

export const OBSERVATION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** A measured value of a target for a period and an optional breakdown (e.g. one province). */
export const targetObservation = pgTable('target_observation', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  targetId: integer('target_id').notNull(),
  periodYear: integer('period_year').notNull(),
  period: text('period').notNull().default(''),
  disaggregationKey: text('disaggregation_key').notNull().default(''),
  disaggregationValue: text('disaggregation_value').notNull().default(''),
  value: numeric('value', { mode: 'number' }),
  assessedClass: text('assessed_class'),
  assessmentText: text('assessment_text'),
  unit: text('unit'),
  source: text('source'),
  note: text('note'),
  evidenceUrl: text('evidence_url'),
  status: text('status').$type<ObservationStatus>().notNull().default('draft'),
  returnReason: text('return_reason'),
  agencyId: integer('agency_id'),
  enteredByUserId: integer('entered_by_user_id'),
  enteredByLabel: text('entered_by_label').notNull(),
  enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'string' }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  reviewedByUserId: integer('reviewed_by_user_id'),
  reviewedByLabel: text('reviewed_by_label'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});
