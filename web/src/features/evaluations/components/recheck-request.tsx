import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { useRequestRecheck } from '../api/rechecks.ts';
import { useActsFor } from './acts-for.ts';

/**
 * An agency's head or focal officer asks for a recheck of its own figures in a published snapshot, with a
 * reason. Shown only to them; the request then appears publicly with the snapshot, and so does the answer.
 */
export function RecheckRequest({ snapshotId, agencyId }: { snapshotId: number; agencyId: number }) {
  const { t } = useTranslation();
  const actsFor = useActsFor();
  const request = useRequestRecheck();
  const [reason, setReason] = useState('');
  const id = useId();
  if (!actsFor(agencyId)) return null;
  return (
    <section className="section card eval-recheck-request" id="recheck" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('evaluation.recheckRequest.title')}</h2>
      <p className="muted">{t('evaluation.recheckRequest.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          request.mutate({ snapshotId, agencyId, reason }, { onSuccess: () => setReason('') });
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('evaluation.recheckRequest.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            required
            maxLength={4000}
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <FormError error={request.error} />
        <div role="status">
          {request.isSuccess && <p className="notice notice--ok">{t('evaluation.recheckRequest.sent')}</p>}
        </div>
        <button type="submit" className="button" disabled={request.isPending}>
          {t('evaluation.recheckRequest.submit')}
        </button>
      </form>
    </section>
  );
}
