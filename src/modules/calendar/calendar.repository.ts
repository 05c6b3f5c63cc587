import { asc, between, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { type CalendarDayKind, calendarDay } from './calendar.schema.ts';

export function calendarRepository(db: Db | Tx) {
  return {
    all() {
      return db.select().from(calendarDay).orderBy(asc(calendarDay.day));
    },
    ofYear(year: number) {
      return db
        .select()
        .from(calendarDay)
        .where(between(calendarDay.day, `${year}-01-01`, `${year}-12-31`))
        .orderBy(asc(calendarDay.day));
    },
    async byDay(day: string) {
      const [row] = await db.select().from(calendarDay).where(eq(calendarDay.day, day));
      return row;
    },
    async upsert(day: string, kind: CalendarDayKind, reason: string, source: string | null) {
      const values = { kind, reason, source, updatedAt: new Date() };
      const [row] = await db
        .insert(calendarDay)
        .values({ day, ...values })
        .onConflictDoUpdate({ target: calendarDay.day, set: values })
        .returning();
      return row!;
    },
    async remove(day: string) {
      const [row] = await db.delete(calendarDay).where(eq(calendarDay.day, day)).returning();
      return row;
    },
  };
}
