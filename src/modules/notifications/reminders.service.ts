import type { Db } from '../../db/database.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addDays } from '../task-status/dates.ts';
import type { Message, Senders } from './channels.ts';
import { notificationsRepository } from './notifications.repository.ts';
import type { Channel } from './notifications.schema.ts';

export interface ReminderRun {
  planned: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

interface Deadline {
  /** Stable key of what is due: `obligation:12` or `task:7:agency:3`. */
  key: string;
  agencyId: number;
  dueDate: string;
  what: string;
  link: string;
}

/**
 * Finds what is due or overdue on `today` and delivers each reminder once per recipient and channel:
 * - before a deadline: the smallest configured day count not below the working days left (a missed run still
 *   reminds, once), to the focal officers;
 * - once overdue: to the focal officers and the head;
 * - still overdue after `escalateAfterDays` working days: escalated to the head.
 * Each delivery is claimed by a unique row before it is sent, so a repeated or concurrent run sends
 * nothing twice; a send that fails stays failed (at most once).
 */
export async function runReminders(
  db: Db,
  calendar: WorkingCalendar,
  senders: Senders,
  input: { programId: number; today: string },
): Promise<ReminderRun> {
  const repo = notificationsRepository(db);
  const settings = await repo.settings(input.programId);
  // "Due in N days" counts working days (docs/working-days.md): N working days reach further than N
  // calendar days, so the look-ahead is the N-th working day.
  const horizon = calendar.addWorkingDays(input.today, Math.max(0, ...settings.daysBefore));
  const since = addDays(input.today, -366);
  const deadlines: Deadline[] = [
    ...(await repo.unsubmittedObligations(input.programId, since, horizon)).map((o) => ({
      key: `obligation:${o.obligationId}`,
      agencyId: o.agencyId,
      dueDate: o.dueDate,
      what: `Báo cáo kỳ ${o.period} của ${o.agencyName}`,
      // The agency's inbox with this period picked out (web: reports-inbox-page).
      link: `/reports?agency=${o.agencyId}&obligation=${o.obligationId}`,
    })),
    ...(await repo.openTasks(input.programId, since, horizon)).map((t) => ({
      key: `task:${t.taskId}:agency:${t.agencyId}`,
      agencyId: t.agencyId,
      dueDate: t.dueDate,
      what: `Nhiệm vụ ${t.code} (${t.agencyName})`,
      link: `/tasks/${t.taskId}`,
    })),
  ];
  const run: ReminderRun = { planned: 0, sent: 0, alreadySent: 0, failed: 0 };
  for (const d of deadlines) {
    const left = calendar.dueInWorkingDays(d.dueDate, input.today);
    const due = d.dueDate.split('-').reverse().join('/');
    if (d.dueDate >= input.today) {
      const step = settings.daysBefore.filter((n) => n >= left).sort((a, b) => a - b)[0];
      if (step === undefined) continue;
      await deliver(
        db,
        senders,
        run,
        `${d.key}:before:${step}`,
        await repo.contacts(d.agencyId, ['focal_officer']),
        {
          kind: 'deadline_soon',
          title: `Sắp đến hạn: ${d.what}`,
          body: `${d.what} đến hạn ngày ${due} (còn ${left} ngày làm việc).`,
          link: d.link,
        },
      );
      continue;
    }
    const late = calendar.workingDaysBetween(d.dueDate, input.today);
    await deliver(
      db,
      senders,
      run,
      `${d.key}:overdue`,
      await repo.contacts(d.agencyId, ['focal_officer', 'agency_head']),
      {
        kind: 'overdue',
        title: `Quá hạn: ${d.what}`,
        body: `${d.what} đã quá hạn ngày ${due}.`,
        link: d.link,
      },
    );
    if (late >= settings.escalateAfterDays)
      await deliver(db, senders, run, `${d.key}:escalate`, await repo.contacts(d.agencyId, ['agency_head']), {
        kind: 'escalation',
        title: `Quá hạn ${late} ngày làm việc: ${d.what}`,
        body: `${d.what} vẫn quá hạn ${late} ngày làm việc (hạn ${due}). Đề nghị người đứng đầu chỉ đạo.`,
        link: d.link,
      });
  }
  return run;
}

async function deliver(
  db: Db,
  senders: Senders,
  run: ReminderRun,
  reminderKey: string,
  recipients: { userId: number }[],
  message: Message,
): Promise<void> {
  for (const { userId } of recipients) {
    const pref = await notificationsRepository(db).preference(userId);
    const channels: [Channel, (() => Promise<void>) | null][] = [
      [
        'in_app',
        pref.inApp ? () => notificationsRepository(db).insertNotification({ userId, ...message }) : null,
      ],
      [
        'email',
        pref.emailEnabled && pref.email && senders.email ? () => senders.email!(pref.email!, message) : null,
      ],
      [
        'webhook',
        pref.webhookEnabled && pref.webhookUrl && senders.webhook
          ? () => senders.webhook!(pref.webhookUrl!, message)
          : null,
      ],
    ];
    for (const [channel, send] of channels) {
      if (!send) continue;
      run.planned++;
      const id = await notificationsRepository(db).claim(reminderKey, userId, channel);
      if (id === null) {
        run.alreadySent++;
        continue;
      }
      try {
        await send();
        await notificationsRepository(db).settle(id, null);
        run.sent++;
      } catch (error) {
        await notificationsRepository(db).settle(id, (error as Error).message.slice(0, 500));
        run.failed++;
      }
    }
  }
}
