import { useId, useState } from 'react';
import '../extensions.css';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useRequestExtension } from '../api/extensions.ts';

/** The lead agency asks to move a task's deadline: a reason and the date it asks for. */
export function ExtensionRequestForm({
  taskId,
  agency,
  currentDueDate,
  onDone,
  onCancel,
}: {
  taskId: number;
  agency: string;
  currentDueDate: string;
  /** After the request is sent. */
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const request = useRequestExtension();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  return (
    <form
      className="inline-form"
      aria-label={t('extensions.request.title')}
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ taskId, agency, reason, requestedDueDate: date }, { onSuccess: onDone });
      }}
    >
      <p className="field__hint">{t('extensions.request.current', { date: formatDate(currentDueDate) })}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('extensions.request.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          required
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <DateField label={t('extensions.request.date')} value={date} onChange={setDate} />
      </div>
      <FormError error={request.error} />
      <div className="inline-form__actions">
        <button type="submit" className="button" disabled={request.isPending || !date || !reason.trim()}>
          {t('extensions.request.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('extensions.cancel')}
        </button>
      </div>
    </form>
  );
}
