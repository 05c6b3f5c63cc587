import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { TargetObservation } from '../../targets/api/get-target.ts';
import { type TargetValue, useMoveValue, useReviewQueue } from '../api/target-values.ts';
import { MeasuredValue, PeriodCell } from './value-cells.tsx';
import '../target-admin.css';

type Queued = TargetValue & { previous: TargetObservation | null };

/** The coordinator's review queue (targets.values.review): accept a value, or return it with a reason. */
export function ReviewPage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  return (
    <div className="page page--wide target-admin">
      <PageTitle title={t('targetAdmin.review.title')} />
      <p className="lead">{t('targetAdmin.review.intro')}</p>
      <QueryState query={queue}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty-state">{t('targetAdmin.review.empty')}</p>
          ) : (
            <>
              <p className="results__count" role="status">
                {t('targetAdmin.review.count', { count: data.items.length })}
              </p>
              <ul className="value-list value-list--review">
                {data.items.map((v) => (
                  <ReviewItem key={v.id} value={v} />
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </div>
  );
}

function ReviewItem({ value }: { value: Queued }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const move = useMoveValue();
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const code = encodeURIComponent(value.target.code);
  return (
    <li className="value-item" data-value-id={value.id} aria-labelledby={`${id}-title`}>
      <div className="value-item__head">
        <h2 className="value-item__title" id={`${id}-title`}>
          <Link to={`/targets/${code}`}>{value.target.code}</Link>
        </h2>
        <span className="muted">{value.target.monitoringAgencyCode}</span>
      </div>
      <p className="value-item__target">{pick(value.target.textVi, value.target.textEn)}</p>
      <dl className="value-item__facts">
        <dt>{t('targetAdmin.period')}</dt>
        <dd>
          <PeriodCell value={value} />
        </dd>
        <dt>{t('targetAdmin.value')}</dt>
        <dd className="value-item__value">
          <MeasuredValue value={value} />
        </dd>
        <dt>{t('targetAdmin.review.previous')}</dt>
        <dd>
          {value.previous ? (
            <>
              <MeasuredValue value={value.previous} /> (
              {value.previous.period ? `${value.previous.period}/` : ''}
              {value.previous.year})
            </>
          ) : (
            <span className="muted">{t('targetAdmin.review.noPrevious')}</span>
          )}
        </dd>
        <dt>{t('targetAdmin.source')}</dt>
        <dd>{value.source ?? <span className="muted">{t('targetAdmin.noSource')}</span>}</dd>
        {value.evidenceUrl && (
          <>
            <dt>{t('targetAdmin.evidence')}</dt>
            <dd className="value-item__link">
              <a href={value.evidenceUrl} rel="noopener noreferrer" target="_blank">
                {value.evidenceUrl}
              </a>
            </dd>
          </>
        )}
        {value.note && (
          <>
            <dt>{t('targetAdmin.note')}</dt>
            <dd>{value.note}</dd>
          </>
        )}
        <dt>{t('targetAdmin.review.enteredBy')}</dt>
        <dd>
          {value.enteredBy}, {formatDateTime(value.submittedAt ?? value.enteredAt)}
        </dd>
      </dl>
      <div className="value-item__actions">
        <button
          type="button"
          className="button"
          disabled={move.isPending}
          onClick={() => move.mutate({ id: value.id, action: 'accept' })}
        >
          {t('targetAdmin.review.accept')}
        </button>
        {!returning && (
          <button type="button" className="button button--secondary" onClick={() => setReturning(true)}>
            {t('targetAdmin.review.return')}
          </button>
        )}
        <Link to={`/targets/${code}/definition`} className="value-item__aside">
          {t('targetAdmin.review.definitionLink')}
        </Link>
      </div>
      {returning && (
        <form
          className="value-item__return"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ id: value.id, action: 'return', reason });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>
              {t('targetAdmin.review.reason')}
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={move.isPending}>
            {t('targetAdmin.review.confirmReturn')}
          </button>
        </form>
      )}
      <FormError error={move.error} />
    </li>
  );
}
