import { integer, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

export const ITEM_LINK_STATUSES = ['suggested', 'confirmed', 'rejected'] as const;
export type ItemLinkStatus = (typeof ITEM_LINK_STATUSES)[number];

/** A suggested or decided link between a section II item and a task; only `confirmed` asserts it. */
export const programItemLink = pgTable('program_item_link', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  itemId: integer('item_id').notNull(),
  taskId: integer('task_id').notNull(),
  score: real('score').notNull(),
  method: text('method').notNull(),
  status: text('status').$type<ItemLinkStatus>().notNull().default('suggested'),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
