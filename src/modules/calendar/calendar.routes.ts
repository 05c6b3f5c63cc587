import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/http.ts';
import { actorOf } from '../audit/request-actor.ts';
import { CALENDAR_DAY_KINDS } from './calendar.schema.ts';
import { addCalendarDay, calendarYear, removeCalendarDay } from './calendar.service.ts';

const tags = ['calendar'];
const exception = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  reason: z.string(),
  source: z.string().nullable(),
});

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/calendar/:year',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          "A year's working-day calendar: weekdays off (public holidays, official days off) and make-up days",
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z.object({
            year: z.number(),
            exceptions: z.array(exception),
            weekdaysOff: z.array(
              z.object({ date: z.string(), reason: z.string(), note: z.string().nullable() }),
            ),
            makeUpDays: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => calendarYear(request.readDb, request.params.year),
  );

  app.post(
    '/calendar/days',
    {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Add or correct an official day off or make-up working day (system administrator)',
        body: z.object({
          date: isoDate,
          kind: z.enum(CALENDAR_DAY_KINDS),
          reason: z.string().min(1).max(300),
          source: z.string().max(300).nullish(),
        }),
        response: { 200: exception },
      },
    },
    async (request) => {
      const row = await addCalendarDay(app.database.db, actorOf(request), request.body);
      return { date: row.day, kind: row.kind, reason: row.reason, source: row.source };
    },
  );

  app.delete(
    '/calendar/days/:date',
    {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Remove an official exception entered by mistake (system administrator)',
        params: z.object({ date: isoDate }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeCalendarDay(app.database.db, actorOf(request), request.params.date);
      return reply.status(204).send(null);
    },
  );
};
