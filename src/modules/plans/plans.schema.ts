import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A ministry's or province's own plan for a program. Its items are tasks (task.plan_id) whose parent is
 * a Program task assigned to the agency, or another item of the same plan (down to communes).
 */
export const agencyPlan = pgTable('agency_plan', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  orgUnitId: integer('org_unit_id').notNull(),
  titleVi: text('title_vi').notNull(),
  documentNo: text('document_no'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
