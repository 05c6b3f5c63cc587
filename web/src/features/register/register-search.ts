import { PRODUCT_TYPES } from '../tasks/api/get-tasks.ts';
import { FIVE_R_PARTS, REGISTER_STATES } from './api/register-tasks.ts';
import { type ColumnId, DEFAULT_COLUMNS, isColumnId } from './columns.ts';

/**
 * The register page's state lives in the URL (?lead=BKHCN&missing=any&sort=dueDate…), so a link shows
 * someone else the same view and a reload keeps it. A saved view is the same state under a name.
 */
export const MISSING_FILTERS = ['any', 'none', ...FIVE_R_PARTS] as const;

export interface RegisterFilters {
  q: string;
  group: string;
  lead: string;
  state: string;
  missing: string;
  productType: string;
  dueFrom: string;
  dueTo: string;
}

export interface RegisterSearch extends RegisterFilters {
  /** '' keeps the register's own order (group, then the appendix's order). */
  sort: ColumnId | '';
  dir: 'asc' | 'desc';
  columns: ColumnId[];
  /** A past date: the register as it stood at the end of that day. '' for now. */
  at: string;
  /** The saved view this state came from, if any (ignored when it is not the reader's). */
  view: string;
}

export const FILTER_KEYS = [
  'q',
  'group',
  'lead',
  'state',
  'missing',
  'productType',
  'dueFrom',
  'dueTo',
] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const allowed = (value: string, list: readonly string[]) => (list.includes(value) ? value : '');

export function registerSearchFromUrl(params: URLSearchParams): RegisterSearch {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  const sort = get('sort');
  const columns = get('cols')
    .split(',')
    .filter(isColumnId)
    .filter((c, i, all) => all.indexOf(c) === i);
  return {
    q: get('q').slice(0, 200),
    group: /^\d{1,2}$/.test(get('group')) ? get('group') : '',
    lead: /^[A-Za-z0-9_]{1,40}$/.test(get('lead')) ? get('lead') : '',
    state: allowed(get('state'), REGISTER_STATES),
    missing: allowed(get('missing'), MISSING_FILTERS),
    productType: allowed(get('productType'), [...PRODUCT_TYPES, 'none']),
    dueFrom: DATE.test(get('dueFrom')) ? get('dueFrom') : '',
    dueTo: DATE.test(get('dueTo')) ? get('dueTo') : '',
    sort: isColumnId(sort) ? sort : '',
    dir: get('dir') === 'desc' ? 'desc' : 'asc',
    columns: columns.length ? columns : [...DEFAULT_COLUMNS],
    at: DATE.test(get('at')) ? get('at') : '',
    view: /^\d{1,10}$/.test(get('view')) ? get('view') : '',
  };
}

const sameColumns = (a: readonly ColumnId[], b: readonly ColumnId[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** The URL query for a state; defaults are left out so links stay short. */
export function registerSearchToUrl(search: RegisterSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (search[key]) params.set(key, search[key]);
  if (search.sort) {
    params.set('sort', search.sort);
    if (search.dir === 'desc') params.set('dir', 'desc');
  }
  if (!sameColumns(search.columns, DEFAULT_COLUMNS)) params.set('cols', search.columns.join(','));
  if (search.at) params.set('at', search.at);
  if (search.view) params.set('view', search.view);
  return params;
}

export const activeFilterCount = (search: RegisterFilters) =>
  FILTER_KEYS.filter((key) => key !== 'q' && search[key]).length;

export const hasFilters = (search: RegisterFilters) => FILTER_KEYS.some((key) => search[key]);

/** A saved view's settings, as the API keeps them (POST /api/register/views). */
export interface ViewSettings {
  filters: Partial<RegisterFilters>;
  sort: { by: ColumnId; dir: 'asc' | 'desc' } | null;
  columns: ColumnId[];
}

export function toViewSettings(search: RegisterSearch): ViewSettings {
  const filters: Partial<RegisterFilters> = {};
  for (const key of FILTER_KEYS) if (search[key]) filters[key] = search[key];
  return {
    filters,
    sort: search.sort ? { by: search.sort, dir: search.dir } : null,
    columns: [...search.columns],
  };
}

export function fromViewSettings(settings: ViewSettings, view: string): RegisterSearch {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = settings.filters[key];
    if (value) params.set(key, value);
  }
  if (settings.sort) {
    params.set('sort', settings.sort.by);
    params.set('dir', settings.sort.dir);
  }
  params.set('cols', settings.columns.join(','));
  return { ...registerSearchFromUrl(params), view };
}

/** Whether the page shows exactly what a saved view holds (so "update the view" has nothing to do). */
export function matchesView(search: RegisterSearch, settings: ViewSettings): boolean {
  const a = toViewSettings(search);
  return (
    FILTER_KEYS.every((key) => (a.filters[key] ?? '') === (settings.filters[key] ?? '')) &&
    (a.sort?.by ?? '') === (settings.sort?.by ?? '') &&
    (a.sort?.dir ?? '') === (settings.sort?.dir ?? '') &&
    sameColumns(a.columns, settings.columns)
  );
}
