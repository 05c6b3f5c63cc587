import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { useTargetTasks } from '../api/get-target-links.ts';
import { LinkWarnings } from './link-warnings.tsx';
import { TaskStatusBadge } from './task-status-badge.tsx';
import '../targets.css';

/** On a target's page: the tasks that serve it, their status as of today, and any warning. */
export function TargetTasks({ code }: { code: string }) {
  const { t } = useTranslation();
  const id = useId();
  const links = useTargetTasks(code);
  if (links.isPending || links.isError) return null;
  const { tasks, warnings, asOf } = links.data;
  return (
    <section className="card target-links" aria-labelledby={`${id}-tasks`}>
      <h2 id={`${id}-tasks`}>{t('targetPage.links.tasksTitle')}</h2>
      <LinkWarnings warnings={warnings} />
      {tasks.length === 0 ? (
        <p className="muted links-empty">{t('targetPage.links.noTasks')}</p>
      ) : (
        <>
          <p className="muted">{t('targetPage.links.asOf', { date: formatDate(asOf) })}</p>
          <ul className="linked-list">
            {tasks.map((task) => (
              <li key={task.id} className="linked-list__item" data-task-code={task.code}>
                <div className="linked-list__head">
                  <Link className="tag tag--code" to={`/tasks/${task.id}`}>
                    {task.code}
                  </Link>
                  <TaskStatusBadge status={task.status} />
                </div>
                <p className="linked-list__text" lang="vi">
                  {task.contentVi}
                </p>
                <p className="muted">
                  {task.currentDueDate
                    ? t('targetPage.links.due', { date: formatDate(task.currentDueDate) })
                    : t('targetPage.links.noDue')}
                  {task.lateDays > 0 && ` · ${t('targetPage.links.lateDays', { count: task.lateDays })}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
