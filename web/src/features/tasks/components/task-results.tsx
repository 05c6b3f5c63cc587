import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../api/get-tasks.ts';
import { AgencyList } from './agency-label.tsx';
import { TaskDeadline, TaskProduct } from './task-deadline.tsx';

/**
 * Tasks as a table on wide screens and as cards on phones. Both are rendered and CSS shows one
 * (display: none also hides the other from screen readers), so no JavaScript watches the width.
 */
export function TaskResults({ tasks, caption }: { tasks: TaskSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <>
      <table className="task-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <abbr title={t('task.codeShortFull')}>{t('task.codeShort')}</abbr>
            </th>
            <th scope="col">{t('task.content')}</th>
            <th scope="col">{t('task.leads')}</th>
            <th scope="col">{t('task.product')}</th>
            <th scope="col">{t('task.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td className="task-table__code">
                <span className="task-table__code-value">{task.code}</span>
                <span className="muted task-table__group">{t('task.groupShort', { no: task.groupNo })}</span>
              </td>
              <td>
                <Link to={`/tasks/${task.id}`} className="task-table__content" lang="vi">
                  {task.contentVi}
                </Link>
              </td>
              <td>
                <AgencyList agencies={task.leads} link={false} />
              </td>
              <td>
                <TaskProduct task={task} />
              </td>
              <td>
                <TaskDeadline task={task} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="task-cards" aria-label={caption}>
        {tasks.map((task) => (
          <li key={task.id} className="task-card">
            <p className="task-card__code">
              {t('task.codeLabel', { code: task.code })} · {t('task.groupShort', { no: task.groupNo })}
            </p>
            <Link to={`/tasks/${task.id}`} className="task-card__content" lang="vi">
              {task.contentVi}
            </Link>
            <dl className="task-card__facts">
              <dt>{t('task.leads')}</dt>
              <dd>
                <AgencyList agencies={task.leads} link={false} />
              </dd>
              <dt>{t('task.product')}</dt>
              <dd>
                <TaskProduct task={task} />
              </dd>
              <dt>{t('task.deadline')}</dt>
              <dd>
                <TaskDeadline task={task} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
