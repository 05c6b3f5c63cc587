import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const notification = pgTable('notification', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  readAt: ts('read_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Each person's channels; a missing row means in-app only. */
export const notificationPreference = pgTable('notification_preference', {
  userId: integer('user_id').primaryKey(),
  inApp: boolean('in_app').notNull().default(true),
  email: text('email'),
  emailEnabled: boolean('email_enabled').notNull().default(false),
  webhookUrl: text('webhook_url'),
  webhookEnabled: boolean('webhook_enabled').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const reminderSetting = pgTable('reminder_setting', {
  programId: integer('program_id').primaryKey(),
  daysBefore: jsonb('days_before').$type<number[]>().notNull(),
  escalateAfterDays: integer('escalate_after_days').notNull().default(5),
});

export const reminderDelivery = pgTable('reminder_delivery', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  reminderKey: text('reminder_key').notNull(),
  userId: integer('user_id').notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
  error: text('error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  sentAt: ts('sent_at'),
});
