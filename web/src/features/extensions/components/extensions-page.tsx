import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import {
  type TaskDeadlines as Deadlines,
  type Extension,
  useDecideExtension,
  usePendingExtensions,
} from '../api/extensions.ts';
import { TaskDeadlines } from './task-deadlines.tsx';
import '../extensions.css';

/** The coordinator's queue of extension requests: approve (the current deadline moves) or refuse with a note. */
export function ExtensionsPage() {
  const { t } = useTranslation();
  const pending = usePendingExtensions();
  const [decided, setDecided] = useState<{ decision: 'approve' | 'refuse'; result: Deadlines } | null>(null);
  return (
    <div className="page page--wide">
      <PageTitle title={t('extensions.queue.title')} />
      <p className="lead">{t('extensions.queue.intro')}</p>
      <div role="status">
        {decided && (
          <p className="notice notice--ok">
            {t(decided.decision === 'approve' ? 'extensions.queue.approved' : 'extensions.queue.refused', {
              code: decided.result.code,
              original: formatDate(decided.result.originalDueDate),
              current: formatDate(decided.result.currentDueDate),
            })}
          </p>
        )}
      </div>
      <QueryState query={pending}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty-state">{t('extensions.queue.empty')}</p>
          ) : (
            <ul className="extension-queue">
              {data.items.map((e) => (
                <ExtensionCard
                  key={e.id}
                  extension={e}
                  onDecided={(decision, result) => setDecided({ decision, result })}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function ExtensionCard({
  extension: e,
  onDecided,
}: {
  extension: Extension;
  onDecided: (decision: 'approve' | 'refuse', result: Deadlines) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const decide = useDecideExtension();
  const [note, setNote] = useState('');
  const send = (decision: 'approve' | 'refuse') =>
    decide.mutate({ id: e.id, decision, note }, { onSuccess: (result) => onDecided(decision, result) });
  return (
    <li className="card extension-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="extension-card__title">
        <span className="tag tag--code">{e.taskCode}</span> {e.taskContentVi}
      </h2>
      <dl className="extension-card__facts">
        <dt>{t('extensions.queue.agency')}</dt>
        <dd>{e.requestingOrgNameVi ?? e.requestingOrgCode}</dd>
        <dt>{t('extensions.queue.dates')}</dt>
        <dd>
          {t('extensions.queue.fromTo', {
            from: formatDate(e.previousDueDate),
            to: formatDate(e.requestedDueDate),
          })}
        </dd>
        <dt>{t('extensions.reasonLabel')}</dt>
        <dd>{e.reason}</dd>
        <dt>{t('extensions.queue.askedBy')}</dt>
        <dd>
          {e.requestedByLabel}, {formatDateTime(e.requestedAt)}
        </dd>
      </dl>
      <details className="extension-card__history">
        <summary>{t('extensions.queue.showDeadlines')}</summary>
        <TaskDeadlines taskId={e.taskId} />
      </details>
      <form
        className="inline-form"
        aria-label={t('extensions.queue.decide', { code: e.taskCode })}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('extensions.queue.note')}
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <span className="field__hint">{t('extensions.queue.noteHint')}</span>
        </div>
        <FormError error={decide.error} />
        <div className="inline-form__actions">
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => send('approve')}
          >
            {t('extensions.queue.approve')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={decide.isPending}
            onClick={() => send('refuse')}
          >
            {t('extensions.queue.refuse')}
          </button>
        </div>
      </form>
    </li>
  );
}
