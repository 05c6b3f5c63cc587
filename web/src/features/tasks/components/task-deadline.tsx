import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { TaskSummary } from '../api/get-tasks.ts';

/** The deadline as written, and beneath it the due date or recurrence the rules derived from it. */
export function TaskDeadline({
  task,
}: {
  task: Pick<TaskSummary, 'deadlineAsWritten' | 'dueDate' | 'recurrence'>;
}) {
  const { t } = useTranslation();
  if (!task.deadlineAsWritten) return <span className="muted">{t('task.noDeadline')}</span>;
  return (
    <span className="task-deadline">
      <span>{task.deadlineAsWritten}</span>
      {task.dueDate && (
        <span className="task-deadline__due">
          {t('task.dueOn', { date: formatDate(task.dueDate) })}
          {task.recurrence ? ` · ${t(`recurrence.${task.recurrence}`)}` : ''}
        </span>
      )}
      {!task.dueDate && task.recurrence && (
        <span className="task-deadline__due">{t(`recurrence.${task.recurrence}`)}</span>
      )}
      {!task.dueDate && !task.recurrence && <span className="badge badge--warn">{t('task.noDueDate')}</span>}
    </span>
  );
}

export function TaskProduct({ task }: { task: Pick<TaskSummary, 'productAsWritten' | 'productType'> }) {
  const { t } = useTranslation();
  if (!task.productAsWritten) return <span className="muted">{t('task.noProduct')}</span>;
  return (
    <span className="task-product">
      <span>{task.productAsWritten}</span>
      {task.productType && <span className="tag">{t(`productType.${task.productType}`)}</span>}
    </span>
  );
}
