import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../auth/api/get-me.ts';
import { useUnreadNotifications } from '../api/notifications.ts';
import '../notifications.css';

/** The header's bell for a signed-in person: their unread notifications, linking to the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const signedIn = Boolean(useMe().data);
  const unread = useUnreadNotifications(signedIn);
  if (!signedIn) return null;
  const count = unread.data?.length ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="notification-bell"
      aria-label={t('notifications.bell.label', { count })}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="notification-bell__count" data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
