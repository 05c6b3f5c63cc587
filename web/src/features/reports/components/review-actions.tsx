import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import {
  type AssessmentIn,
  ITEM_STATUSES,
  type ItemStatus,
  type ReportItemOut,
  useAcceptReport,
  useReturnReport,
} from '../api/reports.ts';

/** The reviewer's own view of one task, when they disagree with the agency's. */
export type Disagreement = { status: ItemStatus; progress: number; note: string };

/** Inside a task's details, for the reviewer: mark a disagreement and give their own status and progress. */
export function AssessmentControls({
  item,
  value,
  onChange,
}: {
  item: ReportItemOut;
  value: Disagreement | undefined;
  onChange: (value: Disagreement | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="report-assessment">
      <legend>{t('reports.review.assessment')}</legend>
      <label>
        <input
          type="checkbox"
          checked={value !== undefined}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? { status: item.agency.status, progress: item.agency.progress, note: '' }
                : undefined,
            )
          }
        />{' '}
        {t('reports.review.disagree')}
      </label>
      {value && (
        <div className="report-assessment__fields">
          <label>
            {t('reports.review.reviewerStatus')}
            <select
              value={value.status}
              onChange={(e) => onChange({ ...value, status: e.target.value as ItemStatus })}
            >
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`reports.itemStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reports.review.reviewerProgress')}
            <input
              type="number"
              min={0}
              max={100}
              value={value.progress}
              onChange={(e) => onChange({ ...value, progress: Number(e.target.value) })}
            />
          </label>
          <label htmlFor={`${id}-note`}>{t('reports.review.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={value.note}
            onChange={(e) => onChange({ ...value, note: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}

/** Accept (with any disagreements marked on the tasks) or return with a reason, which is required. */
export function ReviewActions({
  reportId,
  disagreements,
}: {
  reportId: number;
  disagreements: Map<number, Disagreement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const accept = useAcceptReport();
  const giveBack = useReturnReport();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const assessments: AssessmentIn[] = [...disagreements].map(([taskId, d]) => ({
    taskId,
    status: d.status,
    progress: d.progress,
    note: d.note.trim() || null,
  }));
  return (
    <section className="card report-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.review.title')}</h2>
      <p className="muted">{t('reports.review.disagreements', { count: assessments.length })}</p>
      <button
        type="button"
        className="button"
        disabled={accept.isPending}
        onClick={() => accept.mutate({ id: reportId, assessments })}
      >
        {t('reports.review.accept')}
      </button>
      <FormError error={accept.error} />
      <form
        className="report-review__return"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissingReason(true);
            return;
          }
          giveBack.mutate({ id: reportId, reason });
        }}
      >
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('reports.review.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          aria-invalid={missingReason || undefined}
          aria-describedby={missingReason ? `${id}-reason-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissingReason(false);
          }}
        />
        {missingReason && (
          <p id={`${id}-reason-error`} className="form-error" role="alert">
            {t('reports.review.reasonRequired')}
          </p>
        )}
        <FormError error={giveBack.error} />
        <button type="submit" className="button button--secondary" disabled={giveBack.isPending}>
          {t('reports.review.return')}
        </button>
      </form>
    </section>
  );
}
