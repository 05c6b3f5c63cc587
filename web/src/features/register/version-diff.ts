import type { RegisterAgency, TaskVersion } from './api/register-tasks.ts';

/**
 * What changed between two versions of a task, field by field, as text a person can read. Agencies
 * compare by who they are (code or collective), people by name, targets as a set.
 */
export const DIFF_FIELDS = [
  'groupNo',
  'code',
  'contentVi',
  'sourceDocument',
  'sourceItem',
  'leads',
  'partners',
  'accountableHead',
  'focalOfficer',
  'productType',
  'productDescription',
  'deadlineAsWritten',
  'dueDate',
  'recurrence',
  'originalDueDate',
  'registerState',
  'assignedOn',
  'cancelReason',
  'targetIds',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type Snapshot = TaskVersion['snapshot'];

/** A field's value reduced to comparable parts; the page formats them (dates, names, types). */
export type DiffValue =
  | { kind: 'text'; value: string | null }
  | { kind: 'date'; value: string | null }
  | { kind: 'agencies'; value: RegisterAgency[] }
  | { kind: 'list'; value: number[] };

export interface FieldChange {
  field: DiffField;
  before: DiffValue;
  after: DiffValue;
}

const DATE_FIELDS: readonly DiffField[] = ['dueDate', 'originalDueDate', 'assignedOn'];
const agencyKey = (a: RegisterAgency) => a.code ?? a.collective ?? a.nameAsWritten;

export function diffValue(s: Snapshot, field: DiffField): DiffValue {
  switch (field) {
    case 'leads':
    case 'partners':
      return { kind: 'agencies', value: s[field] ?? [] };
    case 'accountableHead':
    case 'focalOfficer':
      return { kind: 'text', value: s[field]?.name ?? null };
    case 'targetIds':
      return { kind: 'list', value: [...(s.targetIds ?? [])].sort((a, b) => a - b) };
    case 'groupNo':
      return { kind: 'text', value: String(s.groupNo) };
    default: {
      const value = (s[field] as string | null | undefined) ?? null;
      return DATE_FIELDS.includes(field) ? { kind: 'date', value } : { kind: 'text', value };
    }
  }
}

function same(a: DiffValue, b: DiffValue): boolean {
  if (a.kind === 'agencies' && b.kind === 'agencies')
    return a.value.map(agencyKey).join('|') === b.value.map(agencyKey).join('|');
  if (a.kind === 'list' && b.kind === 'list') return a.value.join(',') === b.value.join(',');
  return a.value === b.value;
}

/** The fields that differ from `before` to `after`, in the order of the form. */
export function diffVersions(before: Snapshot, after: Snapshot): FieldChange[] {
  return DIFF_FIELDS.flatMap((field) => {
    const b = diffValue(before, field);
    const a = diffValue(after, field);
    return same(b, a) ? [] : [{ field, before: b, after: a }];
  });
}
