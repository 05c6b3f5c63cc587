import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { TaskDeadlines } from '../../extensions/components/task-deadlines.tsx';
import {
  FIVE_R_PARTS,
  type FiveRPart,
  type RegisterTask,
  useAssignTask,
  useCancelTask,
} from '../api/register-tasks.ts';

const isPart = (field: string): field is FiveRPart => (FIVE_R_PARTS as readonly string[]).includes(field);

/**
 * Assigning: the server checks the 5 rõ again and refuses (422) naming each missing part, which is
 * shown here part by part. The deadline at assignment becomes the original deadline for good.
 */
export function AssignPanel({ task, dirty }: { task: RegisterTask; dirty: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const assign = useAssignTask(task.id);
  const [assignedOn, setAssignedOn] = useState('');
  const refused =
    assign.error instanceof ApiError && assign.error.status === 422
      ? assign.error.issues.map((i) => i.field).filter(isPart)
      : [];
  return (
    <section className="card register-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('register.assign.title')}</h2>
      <p className="muted">{t('register.assign.intro')}</p>
      <div className="field register-panel__date">
        <DateField label={t('register.assign.date')} value={assignedOn} onChange={setAssignedOn} />
        <p className="field__hint">{t('register.assign.dateHint')}</p>
      </div>
      <button
        type="button"
        className="button"
        disabled={dirty || assign.isPending}
        aria-describedby={dirty ? `${id}-dirty` : undefined}
        onClick={() => assign.mutate(assignedOn)}
      >
        {t('register.assign.button')}
      </button>
      {dirty && (
        <p id={`${id}-dirty`} className="field__hint">
          {t('register.assign.saveFirst')}
        </p>
      )}
      {refused.length > 0 ? (
        <div className="form-error" role="alert">
          <p>{t('register.assign.refused', { count: refused.length })}</p>
          <ul>
            {refused.map((part) => (
              <li key={part}>
                <strong>{t(`fiveR.${part}.title`)}</strong>: {t(`register.checklist.problem.${part}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError error={assign.error} />
      )}
    </section>
  );
}

/** Cancelling needs a reason; the task stays in the register and its history. */
export function CancelPanel({ task }: { task: RegisterTask }) {
  const { t } = useTranslation();
  const id = useId();
  const cancel = useCancelTask(task.id);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate(reason.trim());
  };
  return (
    <details className="card register-panel">
      <summary>{t('register.cancel.title')}</summary>
      <form onSubmit={submit}>
        <p className="muted">{t('register.cancel.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            {t('register.cancel.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            required
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={cancel.isPending}>
          {t('register.cancel.button')}
        </button>
        <FormError error={cancel.error} />
      </form>
    </details>
  );
}

/**
 * An assigned task's deadlines: as written, then the original (fixed at assignment, the yardstick for
 * "on time") and the current one after approved extensions, with every request (the extensions
 * feature's `TaskDeadlines`). Coordinators decide requests on the extensions screen.
 */
export function DeadlinesPanel({ task }: { task: RegisterTask }) {
  const { t } = useTranslation();
  const canDecide = useCan('extensions.decide');
  return (
    <div className="register-deadlines">
      <dl className="facts">
        <dt>{t('register.deadlines.asWritten')}</dt>
        <dd>{task.deadlineAsWritten ?? '—'}</dd>
        {task.recurrence && (
          <>
            <dt>{t('register.form.recurrence')}</dt>
            <dd>{t(`recurrence.${task.recurrence}`)}</dd>
          </>
        )}
      </dl>
      <p className="notice">{t('register.deadlines.onlyByExtension')}</p>
      <TaskDeadlines taskId={task.id} />
      {canDecide && (
        <p>
          <Link to="/register/extensions">{t('register.deadlines.extensionsLink')}</Link>
        </p>
      )}
    </div>
  );
}
