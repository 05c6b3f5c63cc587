import { date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A program is data, never code: Resolution 57's Action Program is the first of several. */
export const program = pgTable('program', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  documentNo: text('document_no').notNull(),
  documentDate: date('document_date', { mode: 'string' }),
  replacesDocumentNo: text('replaces_document_no'),
  parentDocumentNo: text('parent_document_no'),
  sources: jsonb('sources').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const taskGroup = pgTable('task_group', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  no: integer('no').notNull(),
  titleVi: text('title_vi').notNull(),
  titleEn: text('title_en'),
  titleSource: text('title_source'),
});

/** The lettered items of section II ("1.a", "2.đ"): the Program's own text, shown with its group. */
export const programItem = pgTable('program_item', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  groupId: integer('group_id').notNull(),
  code: text('code').notNull(),
  position: integer('position').notNull(),
  textVi: text('text_vi').notNull(),
  textSource: text('text_source'),
});

/** What the last run of the program loader could not map, kept so the UI can show the caveats. */
export const programLoadRun = pgTable('program_load_run', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  sourceHash: text('source_hash').notNull(),
  summary: jsonb('summary').notNull(),
});
