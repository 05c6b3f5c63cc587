import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgUnit, orgUnitsQuery } from '../features/admin/api/orgs.ts';
import { foldText } from '../lib/text.ts';
import { useLocalized } from './use-localized.ts';

/**
 * A choice of organisation unit (staff pages): a filter box narrows a native <select>, accents
 * ignored, as the public agency filter does, so it stays keyboard- and screen-reader-friendly.
 * `root` limits the choice to a unit's subtree (a province and its communes), `kinds` to kinds.
 */
export function OrgUnitSelect({
  label,
  value,
  onChange,
  root,
  kinds,
  emptyLabel,
  required,
}: {
  label: string;
  /** The chosen unit's code, '' for none. */
  value: string;
  onChange: (unit: OrgUnit | null) => void;
  root?: string;
  kinds?: readonly string[];
  /** The text of the "none" choice; without it a unit must be chosen. */
  emptyLabel?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const [filter, setFilter] = useState('');
  const units = useQuery(orgUnitsQuery({ root, kinds }));

  const options = useMemo(() => {
    const wanted = foldText(filter);
    return (units.data?.items ?? []).filter(
      (u) =>
        u.code === value ||
        !wanted ||
        foldText(u.nameVi).includes(wanted) ||
        foldText(u.nameEn ?? '').includes(wanted) ||
        foldText(u.code).includes(wanted),
    );
  }, [units.data, filter, value]);

  // Indent by depth below the shallowest unit listed, so a province's communes sit under it.
  const topLevel = Math.min(...(units.data?.items ?? []).map((u) => u.level));
  const choose = (code: string) => onChange(units.data?.items.find((u) => u.code === code) ?? null);
  return (
    <div className="field org-unit-select">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder={t('common.orgSelect.filter')}
        aria-label={t('common.orgSelect.filterLabel', { label })}
        aria-controls={id}
        autoComplete="off"
      />
      <span className="visually-hidden" aria-live="polite">
        {filter ? t('common.orgSelect.matches', { count: options.length }) : ''}
      </span>
      <select
        id={id}
        value={value}
        required={required}
        aria-busy={units.isPending}
        onChange={(e) => choose(e.target.value)}
      >
        {(emptyLabel !== undefined || !value) && (
          <option value="">{emptyLabel ?? t('common.orgSelect.choose')}</option>
        )}
        {options.map((u) => (
          <option key={u.code} value={u.code}>
            {'\u00a0\u00a0'.repeat(Math.max(0, u.level - topLevel))}
            {pick(u.nameVi, u.nameEn)}
          </option>
        ))}
      </select>
    </div>
  );
}
