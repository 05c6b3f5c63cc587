import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { foldText } from '../../../lib/text.ts';
import type { TaskSummary } from '../api/get-tasks.ts';

/** The deadline as written, and beneath it the due date or recurrence the rules derived from it. */
export function TaskDeadline({
  task,
}: {
  task: Pick<TaskSummary, 'deadlineAsWritten' | 'dueDate' | 'recurrence'>;
}) {
  const { t } = useTranslation();
  if (!task.deadlineAsWritten) return <span className="muted">{t('task.noDeadline')}</span>;
  // "Thường xuyên" needs no second "Thường xuyên" beneath it.
  const recurrence = task.recurrence ? t(`recurrence.${task.recurrence}`) : null;
  const showRecurrence = recurrence !== null && foldText(recurrence) !== foldText(task.deadlineAsWritten);
  return (
    <span className="task-deadline">
      <span>{task.deadlineAsWritten}</span>
      {task.dueDate && (
        <span className="task-deadline__due">
          {t('task.dueOn', { date: formatDate(task.dueDate) })}
          {showRecurrence ? ` · ${recurrence}` : ''}
        </span>
      )}
      {!task.dueDate && showRecurrence && <span className="task-deadline__due">{recurrence}</span>}
      {!task.dueDate && !task.recurrence && <span className="badge badge--warn">{t('task.noDueDate')}</span>}
    </span>
  );
}

export function TaskProduct({ task }: { task: Pick<TaskSummary, 'productAsWritten' | 'productType'> }) {
  const { t } = useTranslation();
  if (!task.productAsWritten) return <span className="muted">{t('task.noProduct')}</span>;
  const type = task.productType ? t(`productType.${task.productType}`) : null;
  return (
    <span className="task-product">
      <span>{task.productAsWritten}</span>
      {type && foldText(type) !== foldText(task.productAsWritten) && <span className="tag">{type}</span>}
    </span>
  );
}
