import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { BOTTLENECK_TYPES, type BottleneckType, useRaise } from '../api/bottlenecks.ts';
import { TaskPicker } from './task-picker.tsx';

/** The coordinator raises a bottleneck (agencies raise theirs in their reports). */
export function RaiseForm() {
  const { t } = useTranslation();
  const id = useId();
  const raise = useRaise();
  const [type, setType] = useState<BottleneckType>('legal');
  const [agency, setAgency] = useState<{ id: number; code: string } | null>(null);
  const [taskId, setTaskId] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [done, setDone] = useState(false);
  return (
    <details className="card raise-form" onToggle={() => setDone(false)}>
      <summary>{t('bottlenecks.raise.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          raise.mutate(
            { type, agencyId: agency?.id ?? null, taskId, description },
            {
              onSuccess: () => {
                setDescription('');
                setDone(true);
              },
            },
          );
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-type`}>
            {t('bottlenecks.raise.type')}
          </label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as BottleneckType)}>
            {BOTTLENECK_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`bottlenecks.type.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <OrgUnitSelect
          label={t('bottlenecks.raise.agency')}
          value={agency?.code ?? ''}
          emptyLabel={t('bottlenecks.card.none')}
          onChange={(unit) => setAgency(unit ? { id: unit.id, code: unit.code } : null)}
        />
        <TaskPicker label={t('bottlenecks.raise.task')} value={taskId} onChange={setTaskId} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            {t('bottlenecks.raise.description')}
          </label>
          <textarea
            id={`${id}-description`}
            rows={3}
            required
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
              setDone(false);
            }}
          />
        </div>
        <FormError error={raise.error} />
        {done && (
          <p className="notice notice--ok" role="status">
            {t('bottlenecks.raise.done')}
          </p>
        )}
        <button type="submit" className="button" disabled={raise.isPending}>
          {t('bottlenecks.raise.submit')}
        </button>
      </form>
    </details>
  );
}
