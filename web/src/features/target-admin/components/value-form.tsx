import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import {
  type MonitoredTarget,
  type TargetValue,
  useEnterValue,
  useUpdateValue,
  type ValueInput,
} from '../api/target-values.ts';

/** Whole year, then quarters, halves and months, as the server takes them (docs/targets-progress.md). */
const PERIODS = [
  '',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
];
const ASSESSED_CLASSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;

const isQualitative = (t: MonitoredTarget | undefined) =>
  t?.comparison === 'qualitative' || t?.comparison === 'qualitative_rank';

interface Draft {
  code: string;
  year: string;
  period: string;
  province: string;
  value: string;
  assessedClass: string;
  assessmentText: string;
  unit: string;
  source: string;
  note: string;
  evidenceUrl: string;
}

const blank = (target?: MonitoredTarget): Draft => ({
  code: target?.code ?? '',
  year: String(new Date().getFullYear() - 1),
  period: '',
  province: '',
  value: '',
  assessedClass: '',
  assessmentText: '',
  unit: target?.unit ?? '',
  source: '',
  note: '',
  evidenceUrl: '',
});

const fromValue = (v: TargetValue): Draft => ({
  code: v.target.code,
  year: String(v.year),
  period: v.period,
  province: v.disaggregation?.key === 'province' ? v.disaggregation.value : '',
  value: v.value === null ? '' : String(v.value),
  assessedClass: v.assessedClass ?? '',
  assessmentText: v.assessmentText ?? '',
  unit: v.unit ?? v.target.unit ?? '',
  source: v.source ?? '',
  note: v.note ?? '',
  evidenceUrl: v.evidenceUrl ?? '',
});

/**
 * Enters a value for a target the agency monitors, or corrects a draft or returned one (`editing`).
 * Text goes to the server as typed ("12,5", "see report"): the server's rules judge it and its
 * "field: problem" message is shown; nothing is stored when it refuses. The parent gives it a `key`
 * per value edited, so choosing another value starts a fresh form.
 */
export function ValueForm({
  targets,
  editing,
  onDone,
}: {
  targets: MonitoredTarget[];
  editing: TargetValue | null;
  onDone: (targetCode: string, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const enter = useEnterValue();
  const update = useUpdateValue();
  const [draft, setDraft] = useState<Draft>(() => (editing ? fromValue(editing) : blank(targets[0])));
  const target = targets.find((x) => x.code === draft.code);
  const qualitative = isQualitative(target);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const pending = enter.isPending || update.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = (s: string) => (s.trim() === '' ? null : s.trim());
    const body: ValueInput = {
      year: draft.year.trim(),
      period: draft.period,
      disaggregation: draft.province ? { key: 'province', value: draft.province } : null,
      ...(qualitative
        ? { assessedClass: trimmed(draft.assessedClass), assessmentText: trimmed(draft.assessmentText) }
        : { value: draft.value.trim() }),
      unit: trimmed(draft.unit),
      source: trimmed(draft.source),
      note: trimmed(draft.note),
      evidenceUrl: trimmed(draft.evidenceUrl),
    };
    if (editing)
      update.mutate({ id: editing.id, ...body }, { onSuccess: () => onDone(editing.target.code, false) });
    else enter.mutate({ code: draft.code, ...body }, { onSuccess: () => onDone(draft.code, true) });
  };

  return (
    <form className="value-form" onSubmit={submit} aria-describedby={`${id}-error`}>
      <div className="field value-form__target">
        <label className="field__label" htmlFor={`${id}-target`}>
          {t('targetAdmin.form.target')}
        </label>
        <select
          id={`${id}-target`}
          value={draft.code}
          disabled={editing !== null}
          onChange={(e) => {
            const next = targets.find((x) => x.code === e.target.value);
            set({ code: e.target.value, unit: next?.unit ?? '' });
          }}
        >
          {targets.map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} — {pick(x.textVi, x.textEn).slice(0, 90)}
            </option>
          ))}
        </select>
        {target && (
          <p className="field__hint">
            {t('targetAdmin.form.targetHint', {
              value: target.targetValueText,
              unit: target.unit ?? '—',
              year: target.targetYear ?? '—',
            })}
          </p>
        )}
      </div>
      <div className="value-form__row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-year`}>
            {t('targetAdmin.form.year')}
          </label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            required
            value={draft.year}
            onChange={(e) => set({ year: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            {t('targetAdmin.form.period')}
          </label>
          <select id={`${id}-period`} value={draft.period} onChange={(e) => set({ period: e.target.value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p
                  ? t(`targetAdmin.periods.${p[0]}`, { n: Number(p.slice(1)) })
                  : t('targetAdmin.periods.year')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <OrgUnitSelect
        label={t('targetAdmin.form.province')}
        value={draft.province}
        kinds={['province', 'city']}
        emptyLabel={t('targetAdmin.form.national')}
        onChange={(unit) => set({ province: unit?.code ?? '' })}
      />
      {qualitative ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-class`}>
              {t('targetAdmin.form.assessedClass')}
            </label>
            <select
              id={`${id}-class`}
              value={draft.assessedClass}
              onChange={(e) => set({ assessedClass: e.target.value })}
            >
              <option value="">{t('targetAdmin.form.chooseClass')}</option>
              {ASSESSED_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t(`progressStatus.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-assessment`}>
              {t('targetAdmin.form.assessmentText')}
            </label>
            <textarea
              id={`${id}-assessment`}
              rows={3}
              value={draft.assessmentText}
              onChange={(e) => set({ assessmentText: e.target.value })}
            />
          </div>
        </>
      ) : (
        <div className="value-form__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-value`}>
              {t('targetAdmin.form.value')}
            </label>
            <input
              id={`${id}-value`}
              inputMode="decimal"
              required
              value={draft.value}
              onChange={(e) => set({ value: e.target.value })}
              aria-describedby={`${id}-value-hint`}
            />
            <p className="field__hint" id={`${id}-value-hint`}>
              {t('targetAdmin.form.valueHint')}
            </p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-unit`}>
              {t('targetAdmin.form.unit')}
            </label>
            <input id={`${id}-unit`} value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
          </div>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-source`}>
          {t('targetAdmin.form.source')}
        </label>
        <input id={`${id}-source`} value={draft.source} onChange={(e) => set({ source: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-evidence`}>
          {t('targetAdmin.form.evidence')}
        </label>
        <input
          id={`${id}-evidence`}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft.evidenceUrl}
          onChange={(e) => set({ evidenceUrl: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('targetAdmin.form.note')}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </div>
      <FormError error={enter.error ?? update.error} id={`${id}-error`} />
      <div className="value-form__actions">
        <button type="submit" className="button" disabled={pending || !draft.code}>
          {editing ? t('targetAdmin.form.saveCorrection') : t('targetAdmin.form.saveDraft')}
        </button>
      </div>
    </form>
  );
}
