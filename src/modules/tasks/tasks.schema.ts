import { boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const PRODUCT_TYPES = [
  'law',
  'resolution',
  'decree',
  'pm_decision',
  'circular',
  'scheme',
  'program',
  'plan',
  'report',
  'platform',
  'other',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const RECURRENCES = ['yearly', 'ongoing'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/**
 * A tracked task. The "as written" columns keep the source's words; the normalised columns
 * (due date, recurrence, product type, agencies in task_agency) are derived by documented rules.
 */
export const task = pgTable('task', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  groupId: integer('group_id').notNull(),
  code: text('code').notNull(),
  sourceRow: integer('source_row'),
  contentVi: text('content_vi').notNull(),
  leadAsWritten: text('lead_as_written'),
  partnersAsWritten: text('partners_as_written'),
  productAsWritten: text('product_as_written'),
  productType: text('product_type').$type<ProductType>(),
  deadlineAsWritten: text('deadline_as_written'),
  dueDate: date('due_date', { mode: 'string' }),
  recurrence: text('recurrence').$type<Recurrence>(),
  deadlineRule: text('deadline_rule'),
  sourceDocument: text('source_document'),
  sourceHash: text('source_hash'),
  editedLocally: boolean('edited_locally').notNull().default(false),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const COLLECTIVES = ['all_ministries', 'all_provinces', 'all_ministries_and_provinces'] as const;
export type Collective = (typeof COLLECTIVES)[number];

/** Who carries a task: a lead or partner, either one organisation or a collective ("Các bộ, ngành"). */
export const taskAgency = pgTable('task_agency', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer('task_id').notNull(),
  role: text('role').$type<'lead' | 'partner'>().notNull(),
  position: integer('position').notNull(),
  orgUnitId: integer('org_unit_id'),
  collective: text('collective').$type<Collective>(),
  nameAsWritten: text('name_as_written').notNull(),
});
