import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programCode } from '../../lib/http.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { actingUser } from '../reports/acting-user.ts';
import { programIdOf } from '../reports/obligations.service.ts';
import { vietnamToday } from '../task-status/dates.ts';
import { sendersFromEnv } from './channels.ts';
import {
  markAllNotificationsRead,
  markNotificationRead,
  myNotifications,
  myPreference,
  reminderSettings,
  setMyPreference,
  setReminderSettings,
} from './notifications.service.ts';
import { runReminders } from './reminders.service.ts';

const tags = ['notifications'];
const dbId = z.coerce.number().int().min(1).max(2147483647);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http or https address' })
  .max(2000)
  .nullable();
const preferenceSchema = z.object({
  inApp: z.boolean(),
  email: z.email('must be an email address').max(320).nullable(),
  emailEnabled: z.boolean(),
  webhookUrl: httpUrl,
  webhookEnabled: z.boolean(),
});
const settingsSchema = z.object({
  daysBefore: z.array(z.number().int().min(0).max(90)).min(1).max(10),
  escalateAfterDays: z.number().int().min(0).max(60),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/notifications',
    {
      config: { policy: 'notifications.self' },
      schema: {
        tags,
        summary: 'My notifications in the app, newest first',
        querystring: z.object({ unread: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.array(
            z.object({
              id: z.number().int(),
              kind: z.string(),
              title: z.string(),
              body: z.string(),
              link: z.string().nullable(),
              readAt: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => myNotifications(db(), actingUser(request).actor, request.query.unread === 'true'),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { policy: 'notifications.self' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: z.object({ id: dbId }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await markNotificationRead(db(), actingUser(request).actor, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { policy: 'notifications.self' },
      schema: {
        tags,
        summary: 'Mark all my unread notifications read',
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => markAllNotificationsRead(db(), actingUser(request).actor),
  );

  app.get(
    '/notifications/preferences',
    {
      config: { policy: 'notifications.self' },
      schema: { tags, summary: 'My reminder channels', response: { 200: preferenceSchema } },
    },
    async (request) => {
      const { userId: _, ...p } = await myPreference(db(), actingUser(request).actor);
      return p;
    },
  );

  app.put(
    '/notifications/preferences',
    {
      config: { policy: 'notifications.self' },
      schema: {
        tags,
        summary: 'Choose my reminder channels: in the app, email, webhook',
        body: preferenceSchema,
        response: { 200: preferenceSchema },
      },
    },
    async (request) => {
      const { userId: _, ...p } = await setMyPreference(db(), actingUser(request).actor, request.body);
      return p;
    },
  );

  app.get(
    '/reminders/settings',
    {
      config: { policy: 'reminders.configure' },
      schema: {
        tags,
        summary: 'The reminder days in force (7, 3 and 1 working days before, escalation after 5 by default)',
        querystring: z.object({ program: programCode }),
        response: { 200: settingsSchema },
      },
    },
    async (request) => reminderSettings(db(), await programIdOf(db(), request.query.program)),
  );

  app.put(
    '/reminders/settings',
    {
      config: { policy: 'reminders.configure' },
      schema: {
        tags,
        summary: 'Days before a deadline to remind, and working days overdue before escalating to the head',
        querystring: z.object({ program: programCode }),
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) =>
      setReminderSettings(
        db(),
        actingUser(request).actor,
        await programIdOf(db(), request.query.program),
        request.body,
      ),
  );

  app.post(
    '/reminders/run',
    {
      config: { policy: 'reminders.configure' },
      schema: {
        tags,
        summary: 'Send the reminders due today now (each is sent once; repeating the call sends nothing new)',
        querystring: z.object({ program: programCode }),
        response: {
          200: z.object({
            planned: z.number().int(),
            sent: z.number().int(),
            alreadySent: z.number().int(),
            failed: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      runReminders(db(), await loadWorkingCalendar(db()), sendersFromEnv(), {
        programId: await programIdOf(db(), request.query.program),
        today: vietnamToday(),
      }),
  );
};
