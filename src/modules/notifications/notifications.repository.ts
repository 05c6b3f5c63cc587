import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import {
  type Channel,
  notification,
  notificationPreference,
  reminderDelivery,
  reminderSetting,
} from './notifications.schema.ts';

export interface Preference {
  userId: number;
  inApp: boolean;
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookEnabled: boolean;
}

export interface DueObligation {
  obligationId: number;
  agencyId: number;
  agencyName: string;
  period: string;
  dueDate: string;
}

export interface DueTask {
  taskId: number;
  code: string;
  agencyId: number;
  agencyName: string;
  dueDate: string;
}

export function notificationsRepository(db: Db) {
  return {
    async settings(programId: number): Promise<{ daysBefore: number[]; escalateAfterDays: number }> {
      const [row] = await rows<{ daysBefore: number[]; escalateAfterDays: number }>(
        db,
        sql`SELECT days_before AS "daysBefore", escalate_after_days AS "escalateAfterDays"
            FROM reminder_setting WHERE program_id = ${programId}`,
      );
      return row ?? { daysBefore: [7, 3, 1], escalateAfterDays: 5 };
    },

    async saveSettings(programId: number, s: { daysBefore: number[]; escalateAfterDays: number }) {
      await db
        .insert(reminderSetting)
        .values({ programId, ...s })
        .onConflictDoUpdate({ target: reminderSetting.programId, set: s });
    },

    /** Obligations not yet submitted whose due date lies in [from, to]. Served by reporting_obligation_due_idx. */
    unsubmittedObligations(programId: number, from: string, to: string): Promise<DueObligation[]> {
      return rows<DueObligation>(
        db,
        sql`SELECT ob.id AS "obligationId", ob.agency_id AS "agencyId", o.name_vi AS "agencyName", ob.period,
                   ob.due_date AS "dueDate"
            FROM reporting_obligation ob JOIN org_unit o ON o.id = ob.agency_id
            WHERE ob.program_id = ${programId} AND ob.due_date BETWEEN ${from} AND ${to} AND NOT ob.illustrative
              AND NOT EXISTS (SELECT 1 FROM report r WHERE r.obligation_id = ob.id AND r.submitted_at IS NOT NULL)
            ORDER BY ob.due_date, ob.id`,
      );
    },

    /**
     * One-off tasks with an original deadline in [from, to], per agency named as lead, not completed with
     * evidence in the current state. Agencies where nobody holds a focal officer's or head's role get
     * nothing, so they are left out early.
     */
    openTasks(programId: number, from: string, to: string): Promise<DueTask[]> {
      return rows<DueTask>(
        db,
        sql`SELECT t.id AS "taskId", t.code, ta.org_unit_id AS "agencyId", o.name_vi AS "agencyName",
                   t.due_date AS "dueDate"
            FROM task t
            JOIN task_agency ta ON ta.task_id = t.id AND ta.role = 'lead' AND ta.org_unit_id IS NOT NULL
            JOIN org_unit o ON o.id = ta.org_unit_id
            WHERE t.program_id = ${programId} AND t.recurrence IS NULL AND t.due_date BETWEEN ${from} AND ${to}
              AND EXISTS (SELECT 1 FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
                          WHERE ra.org_unit_id = ta.org_unit_id AND ra.role IN ('focal_officer', 'agency_head')
                            AND NOT u.disabled)
              AND NOT EXISTS (SELECT 1 FROM task_current_status s WHERE s.task_id = t.id
                              AND s.agency_id = ta.org_unit_id AND s.status = 'completed' AND s.has_evidence)
            ORDER BY t.due_date, t.id`,
      );
    },

    /**
     * The people who receive an agency's reminders: those holding the role at the agency itself (identity's
     * role_assignment), or over it through a grant that includes sub-units; disabled accounts never.
     */
    contacts(agencyId: number, roles: ('focal_officer' | 'agency_head')[]): Promise<{ userId: number }[]> {
      return rows<{ userId: number }>(
        db,
        sql`WITH RECURSIVE up AS (
              SELECT id, parent_id, 0 AS depth FROM org_unit WHERE id = ${agencyId}
              UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id)
            SELECT DISTINCT ra.user_id AS "userId"
            FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id JOIN up ON up.id = ra.org_unit_id
            WHERE NOT u.disabled AND (up.depth = 0 OR ra.include_sub_units)
              AND ra.role IN (${sql.join(
                roles.map((r) => sql`${r}`),
                sql`, `,
              )}) ORDER BY ra.user_id`,
      );
    },

    async preference(userId: number): Promise<Preference> {
      const [row] = await rows<Preference>(
        db,
        sql`SELECT user_id AS "userId", in_app AS "inApp", email, email_enabled AS "emailEnabled",
                   webhook_url AS "webhookUrl", webhook_enabled AS "webhookEnabled"
            FROM notification_preference WHERE user_id = ${userId}`,
      );
      return (
        row ?? {
          userId,
          inApp: true,
          email: null,
          emailEnabled: false,
          webhookUrl: null,
          webhookEnabled: false,
        }
      );
    },

    async savePreference(p: Preference): Promise<void> {
      const { userId, ...set } = p;
      await db
        .insert(notificationPreference)
        .values(p)
        .onConflictDoUpdate({
          target: notificationPreference.userId,
          set: { ...set, updatedAt: sql`now()` },
        });
    },

    /** Claims one delivery; false when it was claimed before (sent, failed or in flight): never send twice. */
    async claim(reminderKey: string, userId: number, channel: Channel): Promise<number | null> {
      const [row] = await db
        .insert(reminderDelivery)
        .values({ reminderKey, userId, channel })
        .onConflictDoNothing()
        .returning({ id: reminderDelivery.id });
      return row?.id ?? null;
    },

    async settle(id: number, error: string | null): Promise<void> {
      await db
        .update(reminderDelivery)
        .set(error ? { status: 'failed', error } : { status: 'sent', sentAt: sql`now()` })
        .where(eq(reminderDelivery.id, id));
    },

    async insertNotification(values: typeof notification.$inferInsert): Promise<void> {
      await db.insert(notification).values(values);
    },

    listNotifications(userId: number, unreadOnly: boolean) {
      return rows<{
        id: number;
        kind: string;
        title: string;
        body: string;
        link: string | null;
        readAt: string | null;
        createdAt: string;
      }>(
        db,
        sql`SELECT id, kind, title, body, link, read_at AS "readAt", created_at AS "createdAt"
            FROM notification WHERE user_id = ${userId} ${unreadOnly ? sql`AND read_at IS NULL` : sql``}
            ORDER BY created_at DESC, id DESC LIMIT 200`,
      );
    },

    /** Marks every unread notification of the person read; how many were. */
    async markAllRead(userId: number): Promise<number> {
      const done = await db
        .update(notification)
        .set({ readAt: sql`now()` })
        .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
        .returning({ id: notification.id });
      return done.length;
    },

    async markRead(userId: number, id: number): Promise<boolean> {
      const done = await db
        .update(notification)
        .set({ readAt: sql`now()` })
        .where(and(eq(notification.id, id), eq(notification.userId, userId), isNull(notification.readAt)))
        .returning({ id: notification.id });
      return done.length === 1;
    },
  };
}
