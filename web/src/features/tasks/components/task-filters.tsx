import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { useSearchText } from '../../../components/use-search-text.ts';
import { AgencySelect } from '../../agencies/components/agency-select.tsx';
import { useOverview } from '../../overview/api/get-overview.ts';
import { useGroupTitle } from '../../program/components/group-title.ts';
import { PRODUCT_TYPES, TASK_SORTS } from '../api/get-tasks.ts';
import { hasFilters, type TaskSearch } from '../task-search.ts';

/** The task list's filters; each change goes straight to the URL (see task-search.ts). */
export function TaskFilters({
  search,
  onChange,
}: {
  search: TaskSearch;
  onChange: (patch: Partial<TaskSearch>, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const groups = useOverview().data?.groups ?? [];
  const groupTitle = useGroupTitle();
  const commitSearch = useCallback((q: string) => onChange({ q }, { replace: true }), [onChange]);
  const [text, setText] = useSearchText(search.q, commitSearch);
  // On phones the filters fold away behind a button; wider screens always show them (CSS).
  const [open, setOpen] = useState(false);
  const activeCount = (['group', 'lead', 'productType', 'recurrence', 'dueFrom', 'dueTo'] as const).filter(
    (key) => search[key],
  ).length;

  const select = (key: keyof TaskSearch) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    onChange({ [key]: e.target.value });

  return (
    <search aria-label={t('tasks.filters.label')}>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: text.trim() });
        }}
      >
        <div className="field field--wide">
          <label htmlFor={`${id}-q`} className="field__label">
            {t('tasks.filters.search')}
          </label>
          <div className="search-box">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('tasks.filters.searchPlaceholder')}
              aria-describedby={`${id}-q-hint`}
            />
            <button type="submit" className="button">
              {t('tasks.filters.searchButton')}
            </button>
          </div>
          <p id={`${id}-q-hint`} className="field__hint">
            {t('tasks.filters.searchHint')}
          </p>
        </div>
        <button
          type="button"
          className="button button--secondary filters__toggle"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
        >
          {activeCount ? t('tasks.filters.toggleActive', { count: activeCount }) : t('tasks.filters.toggle')}
        </button>
        <div id={`${id}-more`} className="filters__more" data-open={open}>
          <div className="field">
            <label htmlFor={`${id}-group`} className="field__label">
              {t('tasks.filters.group')}
            </label>
            <select id={`${id}-group`} value={search.group} onChange={select('group')}>
              <option value="">{t('tasks.filters.anyGroup')}</option>
              {groups.map((g) => (
                <option key={g.no} value={String(g.no)}>
                  {t('group.short', { no: g.no })}: {groupTitle(g)}
                </option>
              ))}
            </select>
          </div>
          <AgencySelect value={search.lead} onChange={(lead) => onChange({ lead })} />
          <div className="field">
            <label htmlFor={`${id}-product`} className="field__label">
              {t('tasks.filters.productType')}
            </label>
            <select id={`${id}-product`} value={search.productType} onChange={select('productType')}>
              <option value="">{t('tasks.filters.anyProductType')}</option>
              {PRODUCT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`productType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-recurrence`} className="field__label">
              {t('tasks.filters.recurrence')}
            </label>
            <select id={`${id}-recurrence`} value={search.recurrence} onChange={select('recurrence')}>
              <option value="">{t('tasks.filters.anyRecurrence')}</option>
              <option value="none">{t('recurrence.none')}</option>
              <option value="yearly">{t('recurrence.yearly')}</option>
              <option value="ongoing">{t('recurrence.ongoing')}</option>
            </select>
          </div>
          <fieldset className="field field--dates">
            <legend className="field__label">{t('tasks.filters.dueRange')}</legend>
            <DateField
              label={t('tasks.filters.dueFrom')}
              value={search.dueFrom}
              onChange={(dueFrom) => onChange({ dueFrom })}
            />
            <DateField
              label={t('tasks.filters.dueTo')}
              value={search.dueTo}
              onChange={(dueTo) => onChange({ dueTo })}
            />
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-sort`} className="field__label">
              {t('tasks.filters.sort')}
            </label>
            <select id={`${id}-sort`} value={search.sort} onChange={select('sort')}>
              {TASK_SORTS.map((sort) => (
                <option key={sort} value={sort} disabled={sort === 'relevance' && !search.q}>
                  {t(`tasks.sort.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          {hasFilters(search) && (
            <p className="filters__reset">
              <Link to="/tasks">{t('tasks.filters.reset')}</Link>
            </p>
          )}
        </div>
      </form>
    </search>
  );
}
