import { describe, expect, it } from 'vitest';
import type { RegisterTask } from './api/register-tasks.ts';
import {
  changedInput,
  EMPTY_VALUES,
  factsOf,
  initialLeadCount,
  isDirty,
  valuesOf,
} from './task-form-values.ts';

const org = (code: string) => ({ orgUnitId: 1, code, nameVi: code, collective: null, nameAsWritten: code });
const TASK: RegisterTask = {
  id: 9,
  programId: 1,
  planId: null,
  parentTaskId: null,
  groupNo: 2,
  code: '2.a',
  contentVi: 'Nội dung',
  sourceDocument: '71/NQ-CP',
  sourceItem: null,
  leads: [org('BKHCN'), org('BTC')],
  partners: [
    org('BNV'),
    {
      orgUnitId: null,
      code: null,
      nameVi: null,
      collective: 'all_provinces',
      nameAsWritten: 'Các địa phương',
    },
  ],
  accountableHead: { userId: null, name: null },
  focalOfficer: { userId: null, name: 'Nguyễn Văn A' },
  productType: 'decree',
  productDescription: 'Nghị định',
  deadlineAsWritten: 'Quý II/2025',
  dueDate: '2025-06-30',
  recurrence: null,
  deadlineRule: 'quarter',
  originalDueDate: null,
  registerState: 'draft',
  assignedOn: null,
  cancelReason: null,
  targetIds: [5, 3],
  missing: ['responsibility'],
};

describe('the task form', () => {
  const initial = valuesOf(TASK);

  it('holds a loaded task as text, with no lead chosen when it has two', () => {
    expect(initial).toMatchObject({
      groupNo: '2',
      lead: '',
      partners: ['BNV', 'all_provinces'],
      sourceItem: '',
      targetIds: [3, 5],
    });
    expect(isDirty(initial, initial)).toBe(false);
    expect(changedInput(initial, initial)).toEqual({});
  });

  it('sends only what changed, empty text as null', () => {
    const values = { ...initial, lead: 'BKHCN', sourceDocument: ' ', headName: 'Bộ trưởng', targetIds: [3] };
    expect(changedInput(values, initial)).toEqual({
      lead: 'BKHCN',
      sourceDocument: null,
      accountableHead: { userId: null, name: 'Bộ trưởng' },
      targetIds: [3],
    });
  });

  it('never sends the deadline of an assigned task, and lets the server reread words when the date is cleared', () => {
    const values = { ...initial, dueDate: '', deadlineAsWritten: 'Quý III/2025', recurrence: 'yearly' };
    expect(changedInput(values, initial, true)).toEqual({});
    expect(changedInput(values, initial)).toEqual({
      deadlineAsWritten: 'Quý III/2025',
      recurrence: 'yearly',
    });
    expect(changedInput({ ...initial, dueDate: '', deadlineAsWritten: '' }, initial)).toEqual({
      deadlineAsWritten: null,
      dueDate: null,
    });
  });

  it('counts leads for the checklist: the loaded ones until a lead is chosen or cleared', () => {
    const leads = initialLeadCount(TASK);
    expect(leads).toBe(2);
    expect(factsOf(initial, initial, leads).leadCount).toBe(2);
    expect(factsOf({ ...initial, lead: 'BKHCN' }, initial, leads).leadCount).toBe(1);
    const one = valuesOf({ ...TASK, leads: [org('BKHCN')] });
    expect(factsOf({ ...one, lead: '' }, one, 1).leadCount).toBe(0);
    expect(changedInput({ ...one, lead: '' }, one)).toEqual({ lead: null });
  });

  it('sends every filled field of a new task', () => {
    const values = { ...EMPTY_VALUES, groupNo: '1', code: 'X.1', contentVi: 'Việc mới', lead: 'BKHCN' };
    expect(changedInput(values, EMPTY_VALUES)).toEqual({
      groupNo: 1,
      code: 'X.1',
      contentVi: 'Việc mới',
      lead: 'BKHCN',
    });
  });
});
