import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../components/use-localized.ts';
import { foldText } from '../../../lib/text.ts';
import { COLLECTIVES } from '../../tasks/api/get-tasks.ts';
import { PROVINCIAL_KINDS, useAgencies } from '../api/get-agencies.ts';

/**
 * A searchable choice of lead agency: a filter box narrows a native <select> (accents ignored), so it
 * stays keyboard- and screen-reader-friendly without a custom listbox. Collectives come first.
 * `label` and `emptyLabel` default to the task filter's words; `exclude` leaves codes out (a register
 * form's partners list leaves out the lead and those already chosen).
 */
export function AgencySelect({
  value,
  onChange,
  label,
  emptyLabel,
  exclude,
}: {
  value: string;
  onChange: (code: string) => void;
  label?: string;
  emptyLabel?: string;
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const [filter, setFilter] = useState('');
  const agencies = useAgencies({});

  const groups = useMemo(() => {
    const wanted = foldText(filter);
    const matches = (label: string, code: string) =>
      (code === value || !exclude?.includes(code)) &&
      (code === value || !wanted || foldText(label).includes(wanted) || foldText(code).includes(wanted));
    const items = agencies.data?.items ?? [];
    const option = (code: string, label: string) => ({ code, label });
    const named = items.map((a) => option(a.code, pick(a.nameVi, a.nameEn)));
    return [
      {
        key: 'collectives',
        label: t('agencies.collectives'),
        options: COLLECTIVES.map((c) => option(c, t(`collective.${c}`))).filter((o) =>
          matches(o.label, o.code),
        ),
      },
      {
        key: 'central',
        label: t('agencies.central'),
        options: named.filter(
          (o, i) => !PROVINCIAL_KINDS.includes(items[i]?.kind ?? '') && matches(o.label, o.code),
        ),
      },
      {
        key: 'provincial',
        label: t('agencies.provincial'),
        options: named.filter(
          (o, i) => PROVINCIAL_KINDS.includes(items[i]?.kind ?? '') && matches(o.label, o.code),
        ),
      },
    ].filter((g) => g.options.length > 0);
  }, [agencies.data, filter, value, pick, t, exclude]);

  const count = groups.reduce((n, g) => n + g.options.length, 0);
  return (
    <fieldset className="agency-select field">
      <legend className="field__label">{label ?? t('tasks.filters.lead')}</legend>
      <input
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder={t('tasks.filters.leadSearchPlaceholder')}
        aria-label={label ? t('common.orgSelect.filterLabel', { label }) : t('tasks.filters.leadSearch')}
        autoComplete="off"
      />
      <span className="visually-hidden" aria-live="polite">
        {filter ? t('tasks.filters.leadMatches', { count }) : ''}
      </span>
      <select
        aria-label={label ?? t('tasks.filters.lead')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{emptyLabel ?? t('tasks.filters.anyLead')}</option>
        {groups.map((g) => (
          <optgroup key={g.key} label={g.label}>
            {g.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </fieldset>
  );
}
