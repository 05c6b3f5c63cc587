import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import {
  type RecheckItem,
  type RecheckOutcome,
  type RecheckState,
  recheckStateFromUrl,
  useAnswerRecheck,
  useRechecks,
} from '../api/rechecks.ts';
import { HowComputedLink } from './how-computed-link.tsx';
import { periodName } from './period-name.ts';

/**
 * Rechecks asked by agencies of their figures in published snapshots: the queue (oldest first) and what
 * was answered. The coordinator answers each once: upheld, or corrected in the next snapshot.
 */
export function DeskRechecksPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const state = recheckStateFromUrl(params);
  const setState = (next: RecheckState) =>
    setParams(next === 'pending' ? {} : { state: next }, { replace: true });
  const [answered, setAnswered] = useState<RecheckItem | null>(null);
  const rechecks = useRechecks(state);
  return (
    <div className="page page--wide">
      <PageTitle title={t('evaluationDesk.rechecks.title')} />
      <p className="lead">{t('evaluationDesk.rechecks.intro')}</p>
      <div className="filters eval-desk-filters">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-state`}>
            {t('evaluationDesk.rechecks.show')}
          </label>
          <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as RecheckState)}>
            {(['pending', 'answered', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`evaluationDesk.rechecks.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status">
        {answered && (
          <p className="notice notice--ok">
            {t('evaluationDesk.rechecks.sent', { agency: answered.agencyName })}
          </p>
        )}
      </div>
      <QueryState query={rechecks}>
        {(data) => (
          <>
            <p className="results__count" role="status">
              {t(`evaluationDesk.rechecks.count.${state}`, { count: data.items.length })}
            </p>
            {data.items.length > 0 && (
              <ul className="eval-recheck-queue">
                {data.items.map((r) => (
                  <RecheckCard key={r.id} recheck={r} onAnswered={setAnswered} />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function RecheckCard({
  recheck: r,
  onAnswered,
}: {
  recheck: RecheckItem;
  onAnswered: (r: RecheckItem) => void;
}) {
  const { t } = useTranslation();
  const canAnswer = useCan('evaluation.recheck.answer');
  const id = useId();
  const agencyHref = `/evaluations/${r.snapshotId}/agencies/${r.agencyId}`;
  return (
    <li className="card eval-recheck-card" aria-labelledby={id}>
      <h2 id={id} className="eval-recheck-card__title">
        <Link to={agencyHref} lang="vi">
          {r.agencyName}
        </Link>{' '}
        <span className="count">— {periodName(t, r.period)}</span>
      </h2>
      <p className="muted">
        {t('evaluationDesk.rechecks.asked', {
          date: formatDate(r.requestedAt),
          by: r.requestedBy ?? '–',
        })}{' '}
        · <Link to={`/evaluations/${r.snapshotId}`}>{t('evaluationDesk.rechecks.snapshot')}</Link> ·{' '}
        <HowComputedLink to={`/evaluations/${r.snapshotId}#method`} context={r.agencyName} />
      </p>
      <blockquote className="eval-recheck-card__reason" lang="vi">
        {r.reason}
      </blockquote>
      {r.answeredAt ? (
        <div className="eval-recheck-card__answer">
          <p>
            <span className={`badge ${r.outcome === 'upheld' ? 'badge--ok' : 'badge--warn'} eval-verify`}>
              {t(`evaluation.outcome.${r.outcome ?? 'upheld'}`)}
            </span>{' '}
            <span className="muted">
              {t('evaluationDesk.rechecks.answered', {
                date: formatDate(r.answeredAt),
                by: r.answeredBy ?? '–',
              })}
            </span>
          </p>
          <p lang="vi">{r.answer}</p>
        </div>
      ) : canAnswer ? (
        <AnswerForm recheck={r} onAnswered={onAnswered} />
      ) : (
        <p className="muted">{t('evaluation.recheckPending')}</p>
      )}
    </li>
  );
}

function AnswerForm({ recheck, onAnswered }: { recheck: RecheckItem; onAnswered: (r: RecheckItem) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const answer = useAnswerRecheck();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<RecheckOutcome | ''>('');
  return (
    <form
      className="eval-answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (outcome)
          answer.mutate({ id: recheck.id, answer: text, outcome }, { onSuccess: () => onAnswered(recheck) });
      }}
    >
      <fieldset className="field">
        <legend className="field__label">{t('evaluationDesk.rechecks.outcome')}</legend>
        {(['upheld', 'corrected_in_next'] as const).map((o) => (
          <label key={o} className="eval-radio">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              required
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />{' '}
            {t(`evaluation.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-answer`}>
          {t('evaluationDesk.rechecks.answer')}
        </label>
        <textarea
          id={`${id}-answer`}
          className="eval-textarea"
          required
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="field__hint">{t('evaluationDesk.rechecks.answerHint')}</p>
      </div>
      <FormError error={answer.error} />
      <button type="submit" className="button" disabled={answer.isPending}>
        {t('evaluationDesk.rechecks.send')}
      </button>
    </form>
  );
}
