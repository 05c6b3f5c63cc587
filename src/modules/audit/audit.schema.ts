import { bigint, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const auditEvent = pgTable('audit_event', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
  actorUserId: integer('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  via: text('via').$type<'api' | 'cli' | 'system'>().notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash'),
  hash: text('hash').notNull(),
  /** Which of the AUDIT_CHAINS hash chains the row belongs to (decision 075); rows link within it. */
  chain: smallint('chain').notNull().default(0),
});
