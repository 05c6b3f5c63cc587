import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { useSearchText } from '../../../components/use-search-text.ts';
import { AgencySelect } from '../../agencies/components/agency-select.tsx';
import { useOverview } from '../../overview/api/get-overview.ts';
import { useGroupTitle } from '../../program/components/group-title.ts';
import { PRODUCT_TYPES } from '../../tasks/api/get-tasks.ts';
import { REGISTER_STATES } from '../api/register-tasks.ts';
import {
  activeFilterCount,
  FILTER_KEYS,
  type RegisterFilters as Filters,
  hasFilters,
  MISSING_FILTERS,
} from '../register-search.ts';

/** The register's filters; each change goes straight to the URL (register-search.ts). */
export function RegisterFilters({
  search,
  groups,
  onChange,
}: {
  search: Filters;
  /** The group numbers present in the register. */
  groups: readonly number[];
  onChange: (patch: Partial<Filters>, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const groupTitle = useGroupTitle();
  const overviewGroups = useOverview().data?.groups ?? [];
  const commitSearch = useCallback((q: string) => onChange({ q }, { replace: true }), [onChange]);
  const [text, setText] = useSearchText(search.q, commitSearch);
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(search);

  const select = (key: keyof Filters) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    onChange({ [key]: e.target.value });
  const clear = () => onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Partial<Filters>);

  return (
    <search aria-label={t('register.filters.label')}>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: text.trim() });
        }}
      >
        <div className="field field--wide">
          <label htmlFor={`${id}-q`} className="field__label">
            {t('register.filters.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('register.filters.searchPlaceholder')}
            aria-describedby={`${id}-q-hint`}
          />
          <p id={`${id}-q-hint`} className="field__hint">
            {t('register.filters.searchHint')}
          </p>
        </div>
        <button
          type="button"
          className="button button--secondary filters__toggle"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
        >
          {active ? t('register.filters.toggleActive', { count: active }) : t('register.filters.toggle')}
        </button>
        <div id={`${id}-more`} className="filters__more" data-open={open}>
          <div className="field">
            <label htmlFor={`${id}-group`} className="field__label">
              {t('register.filters.group')}
            </label>
            <select id={`${id}-group`} value={search.group} onChange={select('group')}>
              <option value="">{t('register.filters.anyGroup')}</option>
              {groups.map((no) => {
                const group = overviewGroups.find((g) => g.no === no);
                return (
                  <option key={no} value={String(no)}>
                    {t('group.short', { no })}
                    {group ? `: ${groupTitle(group)}` : ''}
                  </option>
                );
              })}
            </select>
          </div>
          <AgencySelect
            value={search.lead}
            onChange={(lead) => onChange({ lead })}
            label={t('register.filters.lead')}
            emptyLabel={t('register.filters.anyLead')}
          />
          <div className="field">
            <label htmlFor={`${id}-state`} className="field__label">
              {t('register.filters.state')}
            </label>
            <select id={`${id}-state`} value={search.state} onChange={select('state')}>
              <option value="">{t('register.filters.anyState')}</option>
              {REGISTER_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`register.state.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-missing`} className="field__label">
              {t('register.filters.missing')}
            </label>
            <select id={`${id}-missing`} value={search.missing} onChange={select('missing')}>
              <option value="">{t('register.filters.anyMissing')}</option>
              {MISSING_FILTERS.map((m) => (
                <option key={m} value={m}>
                  {m === 'any' || m === 'none'
                    ? t(`register.filters.missingChoice.${m}`)
                    : t('register.filters.missingPart', { part: t(`fiveR.${m}.title`) })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-product`} className="field__label">
              {t('register.filters.productType')}
            </label>
            <select id={`${id}-product`} value={search.productType} onChange={select('productType')}>
              <option value="">{t('register.filters.anyProductType')}</option>
              {PRODUCT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`productType.${type}`)}
                </option>
              ))}
              <option value="none">{t('register.filters.noProductType')}</option>
            </select>
          </div>
          <fieldset className="field field--dates">
            <legend className="field__label">{t('register.filters.dueRange')}</legend>
            <DateField
              label={t('register.filters.dueFrom')}
              value={search.dueFrom}
              onChange={(dueFrom) => onChange({ dueFrom })}
            />
            <DateField
              label={t('register.filters.dueTo')}
              value={search.dueTo}
              onChange={(dueTo) => onChange({ dueTo })}
            />
          </fieldset>
          {hasFilters(search) && (
            <p className="filters__reset">
              <button type="button" className="link-button" onClick={clear}>
                {t('register.filters.reset')}
              </button>
            </p>
          )}
        </div>
      </form>
    </search>
  );
}
