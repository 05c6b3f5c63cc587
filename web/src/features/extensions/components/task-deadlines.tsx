import { useTranslation } from 'react-i18next';
import '../extensions.css';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useTaskDeadlines } from '../api/extensions.ts';

/**
 * A task's original deadline (on-time is judged against it) and its current one, with every extension
 * request and its decision, oldest first.
 */
export function TaskDeadlines({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const deadlines = useTaskDeadlines(taskId);
  return (
    <QueryState query={deadlines}>
      {(d) => (
        <div className="task-deadlines" data-testid={`deadlines-${taskId}`}>
          <dl className="task-deadlines__dates">
            <dt>{t('extensions.original')}</dt>
            <dd>{formatDate(d.originalDueDate) || t('extensions.noDate')}</dd>
            <dt>{t('extensions.current')}</dt>
            <dd>
              {formatDate(d.currentDueDate) || t('extensions.noDate')}
              {d.currentDueDate !== d.originalDueDate && (
                <span className="badge badge--warn">{t('extensions.extended')}</span>
              )}
            </dd>
          </dl>
          <p className="field__hint">{t('extensions.onTimeRule')}</p>
          {d.extensions.length === 0 ? (
            <p className="muted">{t('extensions.noRequests')}</p>
          ) : (
            <ol className="task-deadlines__history" aria-label={t('extensions.history')}>
              {d.extensions.map((e) => (
                <li key={e.id}>
                  <span className={`badge extension-state extension-state--${e.state}`}>
                    {t(`extensions.state.${e.state}`)}
                  </span>{' '}
                  {t('extensions.asked', {
                    from: formatDate(e.previousDueDate),
                    to: formatDate(e.requestedDueDate),
                    who: e.requestingOrgNameVi ?? e.requestedByLabel,
                    when: formatDateTime(e.requestedAt),
                  })}
                  <br />
                  <span className="muted">{t('extensions.reasonLabel')}:</span> {e.reason}
                  {e.decidedAt && (
                    <>
                      <br />
                      <span className="muted">
                        {t('extensions.decided', {
                          who: e.decidedByLabel ?? '',
                          when: formatDateTime(e.decidedAt),
                        })}
                      </span>
                      {e.decisionNote && ` — ${e.decisionNote}`}
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </QueryState>
  );
}
