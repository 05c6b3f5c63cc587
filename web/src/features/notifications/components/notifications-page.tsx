import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import {
  type AppNotification,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  usePreference,
} from '../api/notifications.ts';
import { ChannelForm } from './channel-form.tsx';
import '../notifications.css';

/** The person's inbox, newest first, with read marks, and their reminder channels below it. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const id = useId();
  const list = useNotifications();
  const preference = usePreference();
  const markAll = useMarkAllRead();
  const unread = list.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <div className="page notifications-page">
      <PageTitle title={t('notifications.title')} />
      <p className="lead">{t('notifications.intro')}</p>
      <section className="section" aria-labelledby={`${id}-inbox`}>
        <div className="notification-toolbar">
          <h2 id={`${id}-inbox`}>{t('notifications.inbox', { count: unread })}</h2>
          {unread > 0 && (
            <button
              type="button"
              className="button button--secondary"
              disabled={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAll')}
            </button>
          )}
        </div>
        <FormError error={markAll.error} />
        <QueryState query={list}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{t('notifications.empty')}</p>
            ) : (
              <ul className="notification-list">
                {items.map((n) => (
                  <NotificationItem key={n.id} notification={n} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section className="section card" aria-labelledby={`${id}-channels`}>
        <h2 id={`${id}-channels`}>{t('notifications.channels.title')}</h2>
        <p>{t('notifications.channels.intro')}</p>
        <QueryState query={preference}>{(p) => <ChannelForm initial={p} />}</QueryState>
      </section>
    </div>
  );
}

function NotificationItem({ notification: n }: { notification: AppNotification }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const kind = t(`notifications.kind.${n.kind}`, { defaultValue: n.kind });
  return (
    <li className={`notification${n.readAt ? '' : ' notification--unread'}`} data-testid="notification">
      <div>
        <h3 className="notification__title" lang="vi">
          {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
        </h3>
        <p className="notification__meta">
          {kind} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
          {n.readAt ? ` · ${t('notifications.read')}` : ` · ${t('notifications.unread')}`}
        </p>
      </div>
      {!n.readAt && (
        <button
          type="button"
          className="button button--secondary"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(n.id)}
        >
          {t('notifications.markRead')}
        </button>
      )}
      <p className="notification__body" lang="vi">
        {n.body}
      </p>
      <FormError error={markRead.error} />
    </li>
  );
}
