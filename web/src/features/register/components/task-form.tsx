import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { foldText } from '../../../lib/text.ts';
import { AgencySelect } from '../../agencies/components/agency-select.tsx';
import { useOverview } from '../../overview/api/get-overview.ts';
import { useGroupTitle } from '../../program/components/group-title.ts';
import { useTargets } from '../../targets/api/get-targets.ts';
import { PRODUCT_TYPES } from '../../tasks/api/get-tasks.ts';
import type { FormValues } from '../task-form-values.ts';
import { useRefLabel } from './use-agency-label.ts';

type Set = (patch: Partial<FormValues>) => void;

/** A labelled text field or text area of the form. */
function TextField({
  label,
  value,
  onChange,
  hint,
  multiline,
  required,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}) {
  const id = useId();
  const props = {
    id,
    value,
    required,
    maxLength,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="register-form__section">
      <legend>{title}</legend>
      <div className="register-form__fields">{children}</div>
    </fieldset>
  );
}

/** Partner agencies: chosen ones as removable tags, and a picker that adds one more. */
function PartnersField({ values, set }: { values: FormValues; set: Set }) {
  const { t } = useTranslation();
  const label = useRefLabel();
  return (
    <div className="field register-partners">
      <span className="field__label" id="register-partners-label">
        {t('register.form.partners')}
      </span>
      {values.partners.length === 0 ? (
        <p className="muted">{t('register.form.noPartners')}</p>
      ) : (
        <ul className="register-partners__list" aria-labelledby="register-partners-label">
          {values.partners.map((ref) => (
            <li key={ref} className="tag">
              {label(ref)}
              <button
                type="button"
                className="register-partners__remove"
                aria-label={t('register.form.removePartner', { name: label(ref) })}
                onClick={() => set({ partners: values.partners.filter((p) => p !== ref) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <AgencySelect
        value=""
        onChange={(code) => code && set({ partners: [...values.partners, code] })}
        label={t('register.form.addPartner')}
        emptyLabel={t('register.form.choosePartner')}
        exclude={[values.lead, ...values.partners]}
      />
    </div>
  );
}

/** The targets the task serves: a filter box and a checkbox per target. */
function TargetsField({ values, set }: { values: FormValues; set: Set }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const targets = useTargets({});
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const wanted = foldText(filter);
    return (targets.data?.items ?? []).filter(
      (target) =>
        values.targetIds.includes(target.id) ||
        !wanted ||
        foldText(`${target.code} ${target.textVi} ${target.textEn ?? ''}`).includes(wanted),
    );
  }, [targets.data, filter, values.targetIds]);
  const toggle = (targetId: number, on: boolean) =>
    set({
      targetIds: on
        ? [...values.targetIds, targetId].sort((a, b) => a - b)
        : values.targetIds.filter((x) => x !== targetId),
    });
  return (
    <details className="register-targets">
      <summary>{t('register.form.targets', { count: values.targetIds.length })}</summary>
      <div className="field">
        <label htmlFor={`${id}-filter`} className="field__label">
          {t('register.form.targetsFilter')}
        </label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <ul className="register-targets__list">
        {shown.map((target) => (
          <li key={target.id}>
            <label>
              <input
                type="checkbox"
                checked={values.targetIds.includes(target.id)}
                onChange={(e) => toggle(target.id, e.target.checked)}
              />{' '}
              <span className="tag tag--code">{target.code}</span> {pick(target.textVi, target.textEn)}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Every field of a task, grouped by the 5 rõ. On an assigned task the deadline fields are shown, not
 * edited: the deadline moves only by an approved extension.
 */
export function TaskForm({
  values,
  set,
  severalLeads,
  deadlineLocked,
  deadlineNote,
  isNew,
  dirty,
  pending,
  error,
  message,
  onSubmit,
  onReset,
}: {
  values: FormValues;
  set: Set;
  /** A loaded task led by several agencies: the form asks to choose one. */
  severalLeads: string[];
  deadlineLocked: boolean;
  deadlineNote?: ReactNode;
  isNew: boolean;
  dirty: boolean;
  pending: boolean;
  error: unknown;
  message: string;
  onSubmit: () => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const groupTitle = useGroupTitle();
  const groups = useOverview().data?.groups ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="register-form" onSubmit={submit} aria-label={t('register.form.label')}>
      <Section title={t('register.form.whatTitle')}>
        <div className="field">
          <label htmlFor={`${id}-group`} className="field__label">
            {t('register.form.group')}
          </label>
          <select
            id={`${id}-group`}
            value={values.groupNo}
            required
            onChange={(e) => set({ groupNo: e.target.value })}
          >
            <option value="">{t('register.form.chooseGroup')}</option>
            {groups.map((g) => (
              <option key={g.no} value={String(g.no)}>
                {t('group.short', { no: g.no })}: {groupTitle(g)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('register.form.code')}
          value={values.code}
          onChange={(code) => set({ code })}
          hint={t('register.form.codeHint')}
          maxLength={60}
        />
        <TextField
          label={t('register.form.content')}
          value={values.contentVi}
          onChange={(contentVi) => set({ contentVi })}
          multiline
        />
        <TextField
          label={t('register.form.sourceDocument')}
          value={values.sourceDocument}
          onChange={(sourceDocument) => set({ sourceDocument })}
          hint={t('register.form.sourceDocumentHint')}
        />
        <TextField
          label={t('register.form.sourceItem')}
          value={values.sourceItem}
          onChange={(sourceItem) => set({ sourceItem })}
          hint={t('register.form.sourceItemHint')}
        />
      </Section>

      <Section title={t('register.form.whoTitle')}>
        <div className="field">
          <AgencySelect
            value={values.lead}
            onChange={(lead) => set({ lead })}
            label={t('register.form.lead')}
            emptyLabel={t('register.form.noLead')}
          />
          {severalLeads.length > 1 && !values.lead && (
            <p className="notice notice--warn">
              {t('register.form.severalLeads', { names: severalLeads.join('; ') })}
            </p>
          )}
        </div>
        <PartnersField values={values} set={set} />
        <TextField
          label={t('register.form.head')}
          value={values.headName}
          onChange={(headName) => set({ headName })}
          hint={t('register.form.headHint')}
        />
        <TextField
          label={t('register.form.focal')}
          value={values.focalName}
          onChange={(focalName) => set({ focalName })}
          hint={t('register.form.focalHint')}
        />
      </Section>

      <Section title={t('register.form.whenTitle')}>
        {deadlineLocked ? (
          deadlineNote
        ) : (
          <>
            <TextField
              label={t('register.form.deadlineAsWritten')}
              value={values.deadlineAsWritten}
              onChange={(deadlineAsWritten) => set({ deadlineAsWritten })}
              hint={t('register.form.deadlineAsWrittenHint')}
            />
            <div className="field">
              <DateField
                label={t('register.form.dueDate')}
                value={values.dueDate}
                onChange={(dueDate) => set({ dueDate })}
              />
              <p className="field__hint">{t('register.form.dueDateHint')}</p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-recurrence`} className="field__label">
                {t('register.form.recurrence')}
              </label>
              <select
                id={`${id}-recurrence`}
                value={values.recurrence}
                onChange={(e) => set({ recurrence: e.target.value })}
              >
                <option value="">{t('recurrence.none')}</option>
                <option value="yearly">{t('recurrence.yearly')}</option>
                <option value="ongoing">{t('recurrence.ongoing')}</option>
              </select>
            </div>
          </>
        )}
      </Section>

      <Section title={t('register.form.resultTitle')}>
        <div className="field">
          <label htmlFor={`${id}-product-type`} className="field__label">
            {t('register.form.productType')}
          </label>
          <select
            id={`${id}-product-type`}
            value={values.productType}
            onChange={(e) => set({ productType: e.target.value })}
          >
            <option value="">{t('register.form.noProductType')}</option>
            {PRODUCT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`productType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('register.form.productDescription')}
          value={values.productDescription}
          onChange={(productDescription) => set({ productDescription })}
          hint={t('register.form.productDescriptionHint')}
          multiline
        />
        <TargetsField values={values} set={set} />
      </Section>

      <div className="register-form__actions">
        <button type="submit" className="button" disabled={pending || (!isNew && !dirty)}>
          {isNew ? t('register.form.create') : t('register.form.save')}
        </button>
        {dirty && !isNew && (
          <button type="button" className="button button--secondary" onClick={onReset}>
            {t('register.form.reset')}
          </button>
        )}
        {isNew && <Link to="/register">{t('register.cancelEdit')}</Link>}
      </div>
      <FormError error={error} />
      <p role="status" className="register-form__message">
        {message}
      </p>
    </form>
  );
}
