import { useTranslation } from 'react-i18next';
import type { TaskStatusKind } from '../api/get-target-links.ts';

const TONE: Partial<Record<TaskStatusKind, string>> = {
  completed_on_time: 'badge--ok',
  completed_late: 'badge--ok',
  open_overdue: 'badge--warn',
};

/** A task's status as of today (accepted reports only), in words; the colour only repeats them. */
export function TaskStatusBadge({ status }: { status: TaskStatusKind }) {
  const { t } = useTranslation();
  return (
    <span className={`badge task-status ${TONE[status] ?? ''}`} data-status={status}>
      {t(`targetPage.taskStatus.${status}`)}
    </span>
  );
}
