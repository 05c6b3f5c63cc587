import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const CALENDAR_DAY_KINDS = ['day_off', 'working_day'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * The official exceptions to "Monday to Friday, minus public holidays": extra days off (Tết days, the
 * day adjacent to 2/9, compensatory and swapped days) and make-up working Saturdays, year by year.
 */
export const calendarDay = pgTable('calendar_day', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<CalendarDayKind>().notNull(),
  reason: text('reason').notNull(),
  source: text('source'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
