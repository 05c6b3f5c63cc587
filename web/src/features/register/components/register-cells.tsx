import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { FiveRPart, RegisterState, RegisterTask } from '../api/register-tasks.ts';
import type { ColumnId } from '../columns.ts';
import type { RegisterRow } from '../register-rows.ts';

/** A task's register state as a badge: draft, assigned, cancelled. */
export function StateBadge({ state }: { state: RegisterState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge register-state register-state--${state}`}>{t(`register.state.${state}`)}</span>
  );
}

/** The 5 rõ parts a task lacks, each named; "complete" when none. */
export function MissingParts({ missing }: { missing: readonly FiveRPart[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return <span className="badge badge--ok">{t('register.complete')}</span>;
  return (
    <ul className="register-missing" aria-label={t('register.missingLabel')}>
      {missing.map((part) => (
        <li key={part} className="badge badge--warn">
          {t(`fiveR.${part}.title`)}
        </li>
      ))}
    </ul>
  );
}

const dash = <span className="muted">—</span>;

/** The text of one cell of the register table (the code cell, a link, is drawn by the table). */
export function CellContent({ row, column }: { row: RegisterRow; column: ColumnId }) {
  const { t } = useTranslation();
  const task: RegisterTask = row.task;
  switch (column) {
    case 'code':
      return <>{task.code}</>;
    case 'group':
      return <>{t('group.short', { no: task.groupNo })}</>;
    case 'content':
      return (
        <span className="register-clamp" lang="vi">
          {task.contentVi}
        </span>
      );
    case 'lead':
      return row.leadLabel ? <span className="register-clamp">{row.leadLabel}</span> : dash;
    case 'partners':
      return row.partnersLabel ? <span className="register-clamp">{row.partnersLabel}</span> : dash;
    case 'head':
      return task.accountableHead.name ? task.accountableHead.name : dash;
    case 'focal':
      return task.focalOfficer.name ? task.focalOfficer.name : dash;
    case 'productType':
      return task.productType ? t(`productType.${task.productType}`) : dash;
    case 'product':
      return task.productDescription ? (
        <span className="register-clamp" lang="vi">
          {task.productDescription}
        </span>
      ) : (
        dash
      );
    case 'deadlineAsWritten':
      return task.deadlineAsWritten ? <span lang="vi">{task.deadlineAsWritten}</span> : dash;
    case 'dueDate':
      return task.dueDate || task.recurrence ? (
        <>
          {formatDate(task.dueDate)}
          {task.recurrence && <span className="tag">{t(`recurrence.${task.recurrence}`)}</span>}
        </>
      ) : (
        dash
      );
    case 'originalDueDate':
      return task.originalDueDate ? formatDate(task.originalDueDate) : dash;
    case 'state':
      return <StateBadge state={task.registerState} />;
    case 'missing':
      return <MissingParts missing={task.missing} />;
    case 'source':
      return task.sourceDocument || task.sourceItem
        ? [task.sourceDocument, task.sourceItem].filter(Boolean).join(', ')
        : dash;
    case 'targets':
      return <>{task.targetIds.length || dash}</>;
  }
}
