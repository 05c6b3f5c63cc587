import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const REGISTER_STATES = ['draft', 'assigned', 'cancelled'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** The targets a task serves. */
export const taskTarget = pgTable(
  'task_target',
  {
    taskId: integer('task_id').notNull(),
    targetId: integer('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.targetId], name: 'task_target_pkey' })],
);

/** An agency's request to move a task's deadline, and the coordinator's decision. */
export const deadlineExtension = pgTable('deadline_extension', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer('task_id').notNull(),
  requestingOrgId: integer('requesting_org_id'),
  requestedByUserId: integer('requested_by_user_id'),
  requestedByLabel: text('requested_by_label').notNull(),
  reason: text('reason').notNull(),
  previousDueDate: date('previous_due_date', { mode: 'string' }).notNull(),
  requestedDueDate: date('requested_due_date', { mode: 'string' }).notNull(),
  state: text('state').$type<ExtensionState>().notNull().default('pending'),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decidedByUserId: integer('decided_by_user_id'),
  decidedByLabel: text('decided_by_label'),
  decisionNote: text('decision_note'),
});

/** Every state a task has been in: the full register row as JSON, valid from one change to the next. */
export const taskVersion = pgTable('task_version', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer('task_id').notNull(),
  versionNo: integer('version_no').notNull(),
  validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
  validTo: timestamp('valid_to', { withTimezone: true, mode: 'date' }),
  change: text('change').notNull(),
  actorLabel: text('actor_label').notNull(),
  snapshot: jsonb('snapshot').notNull(),
});

/** A person's saved view of the register: a named set of filters, sort and columns (decision 040). */
export const registerView = pgTable('register_view', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull(),
  programId: integer('program_id').notNull(),
  name: text('name').notNull(),
  settings: jsonb('settings').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
