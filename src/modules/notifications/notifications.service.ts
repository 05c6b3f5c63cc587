import type { Db } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notificationsRepository, type Preference } from './notifications.repository.ts';

function signedIn(actor: Actor): number {
  if (actor.userId === null) throw new AppError(401, 'unauthorized', 'Sign in to see your notifications');
  return actor.userId;
}

export async function myNotifications(db: Db, actor: Actor, unreadOnly: boolean) {
  return notificationsRepository(db).listNotifications(signedIn(actor), unreadOnly);
}

export async function markNotificationRead(db: Db, actor: Actor, id: number): Promise<void> {
  if (!(await notificationsRepository(db).markRead(signedIn(actor), id)))
    throw notFound('Unread notification');
}

/** Marks all my unread notifications read (no audit: reading one's own inbox changes nothing shared). */
export async function markAllNotificationsRead(db: Db, actor: Actor): Promise<{ marked: number }> {
  return { marked: await notificationsRepository(db).markAllRead(signedIn(actor)) };
}

export async function reminderSettings(db: Db, programId: number) {
  return notificationsRepository(db).settings(programId);
}

export async function myPreference(db: Db, actor: Actor): Promise<Preference> {
  return notificationsRepository(db).preference(signedIn(actor));
}

/** Each person chooses channels; a channel switched on needs its address. */
export async function setMyPreference(
  db: Db,
  actor: Actor,
  p: Omit<Preference, 'userId'>,
): Promise<Preference> {
  const userId = signedIn(actor);
  const issues = [];
  if (p.emailEnabled && !p.email)
    issues.push({ field: 'email', problem: 'give an address to receive email' });
  if (p.webhookEnabled && !p.webhookUrl)
    issues.push({ field: 'webhookUrl', problem: 'give a webhook address' });
  if (issues.length) throw invalid(issues);
  return db.transaction(async (tx) => {
    const saved = { userId, ...p };
    await notificationsRepository(tx).savePreference(saved);
    await recordAudit(tx, actor, {
      action: 'notification_preference.set',
      entityType: 'notification_preference',
      entityId: userId,
      // Addresses are personal data (Decree 13/2023): the trail records which channels, not where.
      after: { inApp: p.inApp, emailEnabled: p.emailEnabled, webhookEnabled: p.webhookEnabled },
    });
    return saved;
  });
}

export async function setReminderSettings(
  db: Db,
  actor: Actor,
  programId: number,
  s: { daysBefore: number[]; escalateAfterDays: number },
): Promise<{ daysBefore: number[]; escalateAfterDays: number }> {
  const settings = {
    daysBefore: [...new Set(s.daysBefore)].sort((a, b) => b - a),
    escalateAfterDays: s.escalateAfterDays,
  };
  await db.transaction(async (tx) => {
    await notificationsRepository(tx).saveSettings(programId, settings);
    await recordAudit(tx, actor, {
      action: 'reminder_setting.set',
      entityType: 'program',
      entityId: programId,
      after: settings,
    });
  });
  return settings;
}
