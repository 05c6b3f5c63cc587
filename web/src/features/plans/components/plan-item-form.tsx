import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PRODUCT_TYPES } from '../../tasks/api/get-tasks.ts';
import {
  addItem,
  type PlanItemInput,
  type PlanTask,
  programTasksQuery,
  updateItem,
  usePlanChange,
} from '../api/plans.ts';

const short = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * Adds an item to an agency's plan (under a task it implements, led by one of its own units) or edits
 * one. Without a fixed parent the person chooses it: the agency's own tasks and items first, then the
 * rest of the Program (the server refuses another agency's task and says why).
 */
export function PlanItemForm({
  agency,
  item,
  parent,
  programTasks,
  items,
  onDone,
}: {
  agency: string;
  /** The item to edit; none to add one. */
  item?: PlanTask;
  /** The task the new item implements, when chosen from the tree. */
  parent?: PlanTask;
  programTasks: PlanTask[];
  items: PlanTask[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choosing = !item && !parent;
  const others = useQuery({ ...programTasksQuery(), enabled: choosing });
  const save = usePlanChange((body: PlanItemInput) =>
    item ? updateItem(agency, item.id, body) : addItem(agency, body),
  );
  const [parentId, setParentId] = useState(String(parent?.id ?? ''));
  const [form, setForm] = useState({
    contentVi: item?.contentVi ?? '',
    lead: item?.leads[0]?.code ?? '',
    productType: item?.productType ?? parent?.productType ?? '',
    productDescription: item?.productDescription ?? '',
    dueDate: item?.dueDate ?? '',
    head: item?.accountableHead.name ?? '',
    officer: item?.focalOfficer.name ?? '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const own = new Set(programTasks.map((p) => p.id));
  const assignedOnly = item?.registerState === 'assigned';

  const submit = () => {
    const body: PlanItemInput = {
      contentVi: form.contentVi,
      lead: form.lead || undefined,
      productType: form.productType || null,
      productDescription: form.productDescription.trim() || null,
      accountableHead: { userId: item?.accountableHead.userId ?? null, name: form.head.trim() || null },
      focalOfficer: { userId: item?.focalOfficer.userId ?? null, name: form.officer.trim() || null },
    };
    // An assigned item's deadline moves only by an extension.
    if (!assignedOnly) body.dueDate = form.dueDate || null;
    if (!item) body.parentTaskId = Number(parentId);
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <form
      className="inline-form plan-item-form"
      aria-label={item ? t('plans.form.editTitle', { code: item.code }) : t('plans.form.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {choosing && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-parent`}>
            {t('plans.form.parent')}
          </label>
          <select id={`${id}-parent`} required value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('plans.form.chooseParent')}</option>
            <optgroup label={t('plans.form.ownTasks')}>
              {programTasks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} — {short(p.contentVi)}
                </option>
              ))}
            </optgroup>
            {items.some((i) => i.registerState !== 'cancelled') && (
              <optgroup label={t('plans.form.ownItems')}>
                {items
                  .filter((i) => i.registerState !== 'cancelled')
                  .map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.code} — {short(i.contentVi)}
                    </option>
                  ))}
              </optgroup>
            )}
            {others.data && (
              <optgroup label={t('plans.form.otherTasks')}>
                {others.data.items
                  .filter((p) => !own.has(p.id) && p.registerState !== 'cancelled')
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.code} — {short(p.contentVi)}
                    </option>
                  ))}
              </optgroup>
            )}
          </select>
          <span className="field__hint">{t('plans.form.parentHint')}</span>
        </div>
      )}
      {parent && (
        <p className="field__hint">
          {t('plans.form.under', { code: parent.code })} {short(parent.contentVi, 140)}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-content`}>
          {t('plans.form.content')}
        </label>
        <textarea
          id={`${id}-content`}
          required
          rows={3}
          value={form.contentVi}
          onChange={(e) => set('contentVi')(e.target.value)}
        />
      </div>
      <OrgUnitSelect
        label={t('plans.form.lead')}
        value={form.lead}
        root={agency}
        required
        onChange={(unit) => set('lead')(unit?.code ?? '')}
      />
      <div className="plan-item-form__row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-ptype`}>
            {t('plans.form.productType')}
          </label>
          <select
            id={`${id}-ptype`}
            value={form.productType}
            onChange={(e) => set('productType')(e.target.value)}
          >
            <option value="">{t('plans.form.none')}</option>
            {PRODUCT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`productType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-product`}>
            {t('plans.form.product')}
          </label>
          <input
            id={`${id}-product`}
            value={form.productDescription}
            onChange={(e) => set('productDescription')(e.target.value)}
          />
        </div>
      </div>
      <div className="plan-item-form__row">
        {assignedOnly ? (
          <p className="field__hint">{t('plans.form.deadlineByExtension')}</p>
        ) : (
          <div className="field">
            <DateField label={t('plans.form.dueDate')} value={form.dueDate} onChange={set('dueDate')} />
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-head`}>
            {t('plans.form.head')}
          </label>
          <input id={`${id}-head`} value={form.head} onChange={(e) => set('head')(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-officer`}>
            {t('plans.form.officer')}
          </label>
          <input id={`${id}-officer`} value={form.officer} onChange={(e) => set('officer')(e.target.value)} />
        </div>
      </div>
      <FormError error={save.error} />
      <div className="inline-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {item ? t('plans.form.save') : t('plans.form.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('plans.cancelAction')}
        </button>
      </div>
    </form>
  );
}
