import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Role } from '../access/roles.ts';

/** A person who signs in. Minimal personal data (Decree 13/2023/NĐ-CP): name, work email, unit, title. */
export const appUser = pgTable('app_user', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  title: text('title'),
  orgUnitId: integer('org_unit_id').notNull(),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const roleAssignment = pgTable('role_assignment', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull(),
  role: text('role').$type<Role>().notNull(),
  orgUnitId: integer('org_unit_id').notNull(),
  includeSubUnits: boolean('include_sub_units').notNull().default(false),
  grantedBy: integer('granted_by'),
  grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const session = pgTable('session', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  method: text('method').$type<'password' | 'oidc'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
});

export const passwordReset = pgTable('password_reset', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
});

export const loginThrottle = pgTable('login_throttle', {
  ip: text('ip').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'string' }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
});

export const oidcLogin = pgTable('oidc_login', {
  stateHash: text('state_hash').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export const devMail = pgTable('dev_mail', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
});
