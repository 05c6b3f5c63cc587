import { date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A version of a scoring method. Rows are never updated: new weights make a new version. */
export const scoringMethod = pgTable('scoring_method', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull(),
  version: integer('version').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  weights: jsonb('weights').$type<Record<string, number>>().notNull(),
  penalties: jsonb('penalties').$type<Record<string, number>>().notNull(),
  partnerSharePct: integer('partner_share_pct').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  createdByUserId: integer('created_by_user_id'),
  createdByLabel: text('created_by_label').notNull(),
});

/** A published evaluation, frozen: the database refuses UPDATE and DELETE. */
export const evaluationSnapshot = pgTable('evaluation_snapshot', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  period: text('period').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  methodId: integer('method_id').notNull(),
  previousSnapshotId: integer('previous_snapshot_id'),
  content: jsonb('content').notNull(),
  contentHash: text('content_hash').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  publishedByUserId: integer('published_by_user_id'),
  publishedByLabel: text('published_by_label').notNull(),
});

/** An agency's request to recheck its figures in a snapshot, and the coordinator's answer. */
export const evaluationRecheck = pgTable('evaluation_recheck', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  snapshotId: integer('snapshot_id').notNull(),
  agencyId: integer('agency_id').notNull(),
  reason: text('reason').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  requestedByUserId: integer('requested_by_user_id'),
  requestedByLabel: text('requested_by_label').notNull(),
  answer: text('answer'),
  outcome: text('outcome').$type<'upheld' | 'corrected_in_next'>(),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  answeredByUserId: integer('answered_by_user_id'),
  answeredByLabel: text('answered_by_label'),
});
