import { boolean, integer, jsonb, numeric, pgTable, text } from 'drizzle-orm/pg-core';

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
});
