import { foldText } from '../../lib/text.ts';
import type { RegisterAgency, RegisterTask } from './api/register-tasks.ts';
import type { ColumnId } from './columns.ts';
import type { RegisterFilters } from './register-search.ts';

/**
 * Filtering and sorting the register in the browser. The whole register arrives once; each task's
 * searchable text is folded once (accents, đ, case: `foldText`), so a filter or a sort over thousands
 * of tasks is a pass over an array, not a request.
 */
export interface RegisterRow {
  task: RegisterTask;
  /** Its place in the register's own order (group, then the appendix's order). */
  index: number;
  haystack: string;
  leadLabel: string;
  partnersLabel: string;
}

export type AgencyLabel = (agency: RegisterAgency) => string;

export function prepareRows(tasks: readonly RegisterTask[], label: AgencyLabel): RegisterRow[] {
  return tasks.map((task, index) => {
    const leadLabel = task.leads.map(label).join('; ');
    const partnersLabel = task.partners.map(label).join('; ');
    const agencyWords = [...task.leads, ...task.partners].flatMap((a) => [
      a.code ?? '',
      a.nameVi ?? '',
      a.nameAsWritten,
    ]);
    const haystack = foldText(
      [
        task.code,
        task.contentVi,
        leadLabel,
        partnersLabel,
        ...agencyWords,
        task.accountableHead.name ?? '',
        task.focalOfficer.name ?? '',
        task.productDescription ?? '',
        task.deadlineAsWritten ?? '',
        task.sourceDocument ?? '',
        task.sourceItem ?? '',
      ].join(' \u0001 '),
    );
    return { task, index, haystack, leadLabel, partnersLabel };
  });
}

const leads = (t: RegisterTask, code: string) =>
  t.leads.some((l) => l.code === code || l.collective === code);

/** The rows that pass every filter; the text must contain each word typed, in any order. */
export function filterRows(rows: readonly RegisterRow[], f: RegisterFilters): RegisterRow[] {
  const words = foldText(f.q).split(' ').filter(Boolean);
  return rows.filter(({ task: t, haystack }) => {
    if (f.group && String(t.groupNo) !== f.group) return false;
    if (f.lead && !leads(t, f.lead)) return false;
    if (f.state && t.registerState !== f.state) return false;
    if (f.missing === 'any' && t.missing.length === 0) return false;
    if (f.missing === 'none' && t.missing.length > 0) return false;
    if (f.missing && f.missing !== 'any' && f.missing !== 'none' && !t.missing.includes(f.missing as never))
      return false;
    if (f.productType === 'none' && t.productType !== null) return false;
    if (f.productType && f.productType !== 'none' && t.productType !== f.productType) return false;
    if ((f.dueFrom || f.dueTo) && !t.dueDate) return false;
    if (f.dueFrom && t.dueDate! < f.dueFrom) return false;
    if (f.dueTo && t.dueDate! > f.dueTo) return false;
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const STATE_ORDER = { draft: 0, assigned: 1, cancelled: 2 } as const;

type SortValue = string | number | null;

function sortValue(row: RegisterRow, column: ColumnId): SortValue {
  const t = row.task;
  switch (column) {
    case 'code':
      return t.code;
    case 'group':
      return t.groupNo;
    case 'content':
      return t.contentVi;
    case 'lead':
      return row.leadLabel || null;
    case 'partners':
      return row.partnersLabel || null;
    case 'head':
      return t.accountableHead.name;
    case 'focal':
      return t.focalOfficer.name;
    case 'productType':
      return t.productType;
    case 'product':
      return t.productDescription;
    case 'deadlineAsWritten':
      return t.deadlineAsWritten;
    case 'dueDate':
      return t.dueDate;
    case 'originalDueDate':
      return t.originalDueDate;
    case 'state':
      return STATE_ORDER[t.registerState];
    case 'missing':
      return t.missing.length;
    case 'source':
      return [t.sourceDocument, t.sourceItem].filter(Boolean).join(' ') || null;
    case 'targets':
      return t.targetIds.length;
  }
}

/**
 * Sorted by one column; empty values last whichever the direction; ties keep the register's order.
 * Without a column, the register's own order.
 */
export function sortRows(rows: readonly RegisterRow[], column: ColumnId | '', dir: 'asc' | 'desc') {
  if (!column) return [...rows].sort((a, b) => a.index - b.index);
  const sign = dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, column) }));
  keyed.sort((a, b) => {
    if (a.value === null || a.value === '')
      return b.value === null || b.value === '' ? a.row.index - b.row.index : 1;
    if (b.value === null || b.value === '') return -1;
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return order === 0 ? a.row.index - b.row.index : sign * order;
  });
  return keyed.map((k) => k.row);
}
