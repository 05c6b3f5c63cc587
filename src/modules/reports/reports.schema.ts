import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ITEM_STATUSES = ['not_started', 'in_progress', 'completed', 'paused', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const EVIDENCE_KINDS = ['document', 'file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** How often a program's agencies report, and when each period's report is due. */
export const reportingSchedule = pgTable('reporting_schedule', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  frequency: text('frequency').$type<Frequency>().notNull(),
  dueOffsetDays: integer('due_offset_days').notNull().default(0),
  dueDates: jsonb('due_dates').$type<string[] | null>(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One agency owes one report for one period by one date. */
export const reportingObligation = pgTable('reporting_obligation', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  scheduleId: integer('schedule_id').notNull(),
  programId: integer('program_id').notNull(),
  agencyId: integer('agency_id').notNull(),
  period: text('period').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  /** Created by demo mode for its illustrative reports (decision 100). */
  illustrative: boolean('illustrative').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const storedFile = pgTable('stored_file', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  agencyId: integer('agency_id').notNull(),
  storageName: text('storage_name').notNull(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: integer('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** One revision of an agency's report for one obligation. */
export const report = pgTable('report', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  obligationId: integer('obligation_id').notNull(),
  agencyId: integer('agency_id').notNull(),
  revision: integer('revision').notNull().default(1),
  status: text('status').$type<ReportStatus>().notNull(),
  summary: text('summary').notNull().default(''),
  lockVersion: integer('lock_version').notNull().default(1),
  correctionReason: text('correction_reason'),
  returnReason: text('return_reason'),
  createdBy: integer('created_by'),
  submittedBy: integer('submitted_by'),
  submittedAt: ts('submitted_at'),
  /** The first submission of this revision, kept when it is returned and submitted again (trigger). */
  firstSubmittedAt: ts('first_submitted_at'),
  reviewedBy: integer('reviewed_by'),
  acceptedAt: ts('accepted_at'),
  supersededAt: ts('superseded_at'),
  /** Demo mode's illustrative report, labelled wherever it shows (decision 100). */
  illustrative: boolean('illustrative').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const reportSnapshot = pgTable(
  'report_snapshot',
  {
    reportId: integer('report_id').notNull(),
    lockVersion: integer('lock_version').notNull(),
    content: jsonb('content').notNull(),
    savedBy: integer('saved_by'),
    savedAt: ts('saved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.lockVersion] })],
);

export const reportItem = pgTable('report_item', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  reportId: integer('report_id').notNull(),
  taskId: integer('task_id').notNull(),
  status: text('status').$type<ItemStatus>().notNull(),
  progress: integer('progress').notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  doneText: text('done_text').notNull().default(''),
  difficulties: text('difficulties').notNull().default(''),
  recommendations: text('recommendations').notNull().default(''),
  bottlenecks: jsonb('bottlenecks').$type<{ type: string; description: string }[]>().notNull().default([]),
  reviewerStatus: text('reviewer_status').$type<ItemStatus>(),
  reviewerProgress: integer('reviewer_progress'),
  reviewerNote: text('reviewer_note'),
});

export const reportEvidence = pgTable('report_evidence', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  reportItemId: integer('report_item_id').notNull(),
  kind: text('kind').$type<EvidenceKind>().notNull(),
  documentNumber: text('document_number'),
  documentDate: date('document_date', { mode: 'string' }),
  documentIssuer: text('document_issuer'),
  fileId: integer('file_id'),
  url: text('url'),
  note: text('note'),
});

export const taskCurrentStatus = pgTable(
  'task_current_status',
  {
    taskId: integer('task_id').notNull(),
    agencyId: integer('agency_id').notNull(),
    reportId: integer('report_id').notNull(),
    status: text('status').$type<ItemStatus>().notNull(),
    progress: integer('progress').notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    hasEvidence: boolean('has_evidence').notNull(),
    acceptedAt: ts('accepted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.agencyId] })],
);
