import type { ProductType, Recurrence } from '../tasks/api/get-tasks.ts';
import type { RegisterAgency, RegisterTask, TaskInput } from './api/register-tasks.ts';
import type { FiveRFacts } from './five-r-live.ts';

/**
 * The task editor's fields as the form holds them (text, '' for none), and what to send: only what
 * changed, so an assigned task's untouched deadline is never sent (the server refuses deadline edits
 * after assignment: they go through an extension).
 */
export interface FormValues {
  groupNo: string;
  code: string;
  contentVi: string;
  sourceDocument: string;
  sourceItem: string;
  /** One agency code or collective; '' for none (or, on a loaded task, for several leads). */
  lead: string;
  partners: string[];
  headName: string;
  focalName: string;
  productType: string;
  productDescription: string;
  deadlineAsWritten: string;
  dueDate: string;
  recurrence: string;
  targetIds: number[];
}

export const EMPTY_VALUES: FormValues = {
  groupNo: '',
  code: '',
  contentVi: '',
  sourceDocument: '',
  sourceItem: '',
  lead: '',
  partners: [],
  headName: '',
  focalName: '',
  productType: '',
  productDescription: '',
  deadlineAsWritten: '',
  dueDate: '',
  recurrence: '',
  targetIds: [],
};

/** How the API names an agency on a task: its code, or the collective; '' when it maps to neither. */
export const agencyRef = (a: RegisterAgency) => a.code ?? a.collective ?? '';
const counts = (a: RegisterAgency) => a.orgUnitId !== null || a.collective !== null;

export function valuesOf(task: RegisterTask): FormValues {
  const leads = task.leads.filter(counts);
  return {
    groupNo: String(task.groupNo),
    code: task.code,
    contentVi: task.contentVi,
    sourceDocument: task.sourceDocument ?? '',
    sourceItem: task.sourceItem ?? '',
    lead: leads.length === 1 ? agencyRef(leads[0]!) : '',
    partners: task.partners.map(agencyRef).filter(Boolean),
    headName: task.accountableHead.name ?? '',
    focalName: task.focalOfficer.name ?? '',
    productType: task.productType ?? '',
    productDescription: task.productDescription ?? '',
    deadlineAsWritten: task.deadlineAsWritten ?? '',
    dueDate: task.dueDate ?? '',
    recurrence: task.recurrence ?? '',
    targetIds: [...task.targetIds].sort((a, b) => a - b),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The fields that differ from `initial`, as the API takes them. `deadlineLocked` (an assigned task)
 * leaves the deadline fields out whatever the form holds.
 */
export function changedInput(values: FormValues, initial: FormValues, deadlineLocked = false): TaskInput {
  const input: TaskInput = {};
  const changed = (key: keyof FormValues) => values[key] !== initial[key];
  if (changed('groupNo') && values.groupNo) input.groupNo = Number(values.groupNo);
  if (changed('code')) input.code = values.code.trim();
  if (changed('contentVi')) input.contentVi = values.contentVi.trim();
  if (changed('sourceDocument')) input.sourceDocument = orNull(values.sourceDocument);
  if (changed('sourceItem')) input.sourceItem = orNull(values.sourceItem);
  if (changed('lead')) input.lead = values.lead || null;
  if (!sameList(values.partners, initial.partners)) input.partners = [...values.partners];
  if (changed('headName')) input.accountableHead = { userId: null, name: orNull(values.headName) };
  if (changed('focalName')) input.focalOfficer = { userId: null, name: orNull(values.focalName) };
  if (changed('productType')) input.productType = (values.productType || null) as ProductType | null;
  if (changed('productDescription')) input.productDescription = orNull(values.productDescription);
  if (!sameList(values.targetIds, initial.targetIds)) input.targetIds = [...values.targetIds];
  if (!deadlineLocked) {
    const written = orNull(values.deadlineAsWritten);
    if (changed('deadlineAsWritten')) input.deadlineAsWritten = written;
    if (changed('dueDate')) {
      // A cleared date with words written lets the server read the words again (docs/deadline-rules.md).
      if (values.dueDate) input.dueDate = values.dueDate;
      else if (written) input.deadlineAsWritten = written;
      else input.dueDate = null;
    }
    if (changed('recurrence')) input.recurrence = (values.recurrence || null) as Recurrence | null;
  }
  return input;
}

export const isDirty = (values: FormValues, initial: FormValues) =>
  Object.keys(changedInput(values, initial)).length > 0;

/** The facts the 5 rõ checklist reads; `initialLeads` counts a loaded task's leads while the lead is untouched. */
export function factsOf(values: FormValues, initial: FormValues, initialLeads: number): FiveRFacts {
  return {
    leadCount: values.lead !== initial.lead ? (values.lead ? 1 : 0) : values.lead ? 1 : initialLeads,
    content: values.contentVi,
    dueDate: values.dueDate,
    recurrence: values.recurrence,
    deadlineAsWritten: values.deadlineAsWritten,
    productType: values.productType,
    productDescription: values.productDescription,
  };
}

export const initialLeadCount = (task: RegisterTask | undefined) => task?.leads.filter(counts).length ?? 0;
