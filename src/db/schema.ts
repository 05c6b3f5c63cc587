// The typed view of the database for Drizzle queries. The SQL in migrations/ is the source of truth;
// src/db/schema.test.ts checks that every column declared here exists there with the same name.

export * from '../modules/audit/audit.schema.ts';
export * from '../modules/bottlenecks/bottlenecks.schema.ts';
export * from '../modules/calendar/calendar.schema.ts';
export * from '../modules/evaluation/evaluation.schema.ts';
export * from '../modules/identity/identity.schema.ts';
export * from '../modules/notifications/notifications.schema.ts';
export * from '../modules/orgs/orgs.schema.ts';
export * from '../modules/plans/plans.schema.ts';
export * from '../modules/program/item-links.schema.ts';
export * from '../modules/program/program.schema.ts';
export * from '../modules/register/register.schema.ts';
export * from '../modules/reports/reports.schema.ts';
export * from '../modules/targets/targets.schema.ts';
export * from '../modules/tasks/tasks.schema.ts';
