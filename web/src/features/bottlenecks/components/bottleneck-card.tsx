import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { type Bottleneck, useHistory, useMove } from '../api/bottlenecks.ts';

type Action = 'escalate' | 'answer' | 'clear';
/** Which moves a bottleneck in each status allows (the server's rule, bottlenecks.service.ts). */
const ALLOWED: Record<Action, Bottleneck['status'][]> = {
  escalate: ['open'],
  answer: ['open', 'escalated'],
  clear: ['open', 'escalated', 'answered'],
};

/** One bottleneck: what, where, its state, the moves the person may make, and its history on demand. */
export function BottleneckCard({ bottleneck: b }: { bottleneck: Bottleneck }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const canManage = useCan('bottlenecks.manage');
  const canAnswer = useCan('bottlenecks.answer');
  const [open, setOpen] = useState<Action | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const may = (a: Action) => ALLOWED[a].includes(b.status) && (a === 'answer' ? canAnswer : canManage);
  const actions = (['escalate', 'answer', 'clear'] as const).filter(may);

  return (
    <li
      className="bottleneck-card"
      data-bottleneck-id={b.id}
      data-status={b.status}
      aria-labelledby={`${id}-title`}
    >
      <div className="bottleneck-card__head">
        <span className="tag">{t(`bottlenecks.type.${b.type}`)}</span>
        <span className={`badge bottleneck-status bottleneck-status--${b.status}`} data-status={b.status}>
          {t(`bottlenecks.status.${b.status}`)}
        </span>
      </div>
      <h2 className="bottleneck-card__title" id={`${id}-title`}>
        {b.description}
      </h2>
      <dl className="bottleneck-card__facts">
        <dt>{t('bottlenecks.card.agency')}</dt>
        <dd>
          {b.agencyCode ? (
            <Link to={`/agencies/${encodeURIComponent(b.agencyCode)}`}>
              {pick(b.agencyNameVi ?? b.agencyCode, b.agencyNameEn)}
            </Link>
          ) : (
            <span className="muted">{t('bottlenecks.card.none')}</span>
          )}
        </dd>
        <dt>{t('bottlenecks.card.task')}</dt>
        <dd>
          {b.taskId ? (
            <Link to={`/tasks/${b.taskId}`} title={b.taskContentVi ?? undefined}>
              {t('bottlenecks.card.taskLink', { code: b.taskCode })}
            </Link>
          ) : (
            <span className="muted">{t('bottlenecks.card.none')}</span>
          )}
        </dd>
        <dt>{t('bottlenecks.card.raised')}</dt>
        <dd>
          {formatDate(b.createdAt)}
          {b.reportId ? ` · ${t('bottlenecks.card.inReport', { id: b.reportId })}` : ''}
        </dd>
      </dl>
      {b.answer && (
        <div className="bottleneck-card__answer">
          <p className="bottleneck-card__answer-label">
            {t('bottlenecks.card.answer')}
            {b.answeredAt ? ` (${formatDate(b.answeredAt)})` : ''}
          </p>
          <p>{b.answer}</p>
        </div>
      )}
      {actions.length > 0 && (
        <div className="bottleneck-card__actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'answer' ? 'button' : 'button button--secondary'}
              aria-expanded={open === a}
              onClick={() => setOpen(open === a ? null : a)}
            >
              {t(`bottlenecks.actions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {open && <MoveForm id={b.id} action={open} onDone={() => setOpen(null)} />}
      <details className="bottleneck-card__history" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
        <summary>{t('bottlenecks.history.title')}</summary>
        {historyOpen && <History id={b.id} />}
      </details>
    </li>
  );
}

function MoveForm({ id, action, onDone }: { id: number; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const move = useMove();
  const [text, setText] = useState('');
  return (
    <form
      className="bottleneck-card__form"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate({ id, action, text }, { onSuccess: onDone });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={fieldId}>
          {t(`bottlenecks.actions.${action}Text`)}
        </label>
        <textarea
          id={fieldId}
          rows={3}
          required={action === 'answer'}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <FormError error={move.error} />
      <button type="submit" className="button" disabled={move.isPending}>
        {t(`bottlenecks.actions.${action}Confirm`)}
      </button>
    </form>
  );
}

function History({ id }: { id: number }) {
  const { t } = useTranslation();
  const history = useHistory(id, true);
  if (history.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (history.isError) return <FormError error={history.error} />;
  return (
    <ol className="bottleneck-history">
      {history.data.history.map((h) => (
        <li key={`${h.action}-${h.at}`} data-action={h.action}>
          <span className="bottleneck-history__when">{formatDateTime(h.at)}</span>{' '}
          <strong>{t(`bottlenecks.history.${h.action}`)}</strong>
          {h.actorName && ` · ${h.actorName}`}
          {h.reportId ? ` · ${t('bottlenecks.card.inReport', { id: h.reportId })}` : ''}
          {h.note && <p className="bottleneck-history__note">{h.note}</p>}
        </li>
      ))}
    </ol>
  );
}
