import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

/** One message in the person's inbox (reminders, overdue notices, escalations). */
export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** The person's reminder channels (PUT /api/notifications/preferences). */
export interface ChannelPreference {
  inApp: boolean;
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookEnabled: boolean;
}

const KEY = ['notifications'] as const;

export const notificationsQuery = (unread = false) =>
  queryOptions({
    queryKey: [...KEY, 'list', unread],
    queryFn: ({ signal }) =>
      getJson<AppNotification[]>('/notifications', unread ? { unread: 'true' } : {}, signal),
    staleTime: 0,
  });

/** The bell asks for the unread ones now and then, and whenever the window comes back into focus. */
export const useUnreadNotifications = (enabled: boolean) =>
  useQuery({ ...notificationsQuery(true), enabled, refetchInterval: 60_000 });

export const useNotifications = () => useQuery(notificationsQuery(false));

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => sendJson<{ ok: true }>('POST', `/notifications/${id}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<{ marked: number }>('POST', '/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const preferenceQuery = () =>
  queryOptions({
    queryKey: [...KEY, 'preferences'],
    queryFn: ({ signal }) => getJson<ChannelPreference>('/notifications/preferences', {}, signal),
  });

export const usePreference = () => useQuery(preferenceQuery());

export function useSavePreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: ChannelPreference) => sendJson<ChannelPreference>('PUT', '/notifications/preferences', p),
    onSuccess: (saved) => client.setQueryData(preferenceQuery().queryKey, saved),
  });
}

/** The coordinator's reminder days (working days before a deadline) and escalation to the head. */
export interface ReminderSettings {
  daysBefore: number[];
  escalateAfterDays: number;
}

export interface ReminderRun {
  planned: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

export const reminderSettingsQuery = () =>
  queryOptions({
    queryKey: ['reminders', 'settings'],
    queryFn: ({ signal }) => getJson<ReminderSettings>('/reminders/settings', {}, signal),
  });

export const useReminderSettings = (enabled: boolean) => useQuery({ ...reminderSettingsQuery(), enabled });

export function useSaveReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (s: ReminderSettings) => sendJson<ReminderSettings>('PUT', '/reminders/settings', s),
    onSuccess: (saved) => client.setQueryData(reminderSettingsQuery().queryKey, saved),
  });
}

export function useRunReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<ReminderRun>('POST', '/reminders/run'),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
