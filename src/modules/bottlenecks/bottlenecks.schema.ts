import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const BOTTLENECK_TYPES = [
  'legal',
  'finance',
  'infrastructure',
  'people',
  'coordination',
  'other',
] as const;
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];
export const BOTTLENECK_STATUSES = ['open', 'escalated', 'answered', 'cleared'] as const;
export type BottleneckStatus = (typeof BOTTLENECK_STATUSES)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A bottleneck (điểm nghẽn): raised in a report or by the coordinator, tracked until cleared. */
export const bottleneck = pgTable('bottleneck', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull(),
  agencyId: integer('agency_id'),
  taskId: integer('task_id'),
  reportId: integer('report_id'),
  type: text('type').$type<BottleneckType>().notNull(),
  description: text('description').notNull(),
  status: text('status').$type<BottleneckStatus>().notNull().default('open'),
  escalatedAt: ts('escalated_at'),
  answer: text('answer'),
  answeredAt: ts('answered_at'),
  clearedAt: ts('cleared_at'),
  raisedBy: integer('raised_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const BOTTLENECK_ACTIONS = ['escalate', 'answer', 'clear'] as const;
export type BottleneckAction = (typeof BOTTLENECK_ACTIONS)[number];

/** A move of a bottleneck after it was raised: who, when, and a note (the answer, for "answer"). */
export const bottleneckEvent = pgTable('bottleneck_event', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  bottleneckId: integer('bottleneck_id').notNull(),
  action: text('action').$type<BottleneckAction>().notNull(),
  note: text('note'),
  actorUserId: integer('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  at: ts('at').notNull().defaultNow(),
});
