import { describe, expect, it } from 'vitest';
import type { Snapshot } from './version-diff.ts';
import { diffVersions } from './version-diff.ts';

const base: Snapshot = {
  id: 1,
  programId: 1,
  planId: null,
  parentTaskId: null,
  groupNo: 1,
  code: '1.a',
  contentVi: 'Nội dung',
  sourceDocument: null,
  sourceItem: null,
  leads: [{ orgUnitId: 1, code: 'BKHCN', nameVi: 'Bộ KH&CN', collective: null, nameAsWritten: 'Bộ KH&CN' }],
  partners: [],
  accountableHead: { userId: null, name: null },
  focalOfficer: { userId: null, name: null },
  productType: null,
  productDescription: null,
  deadlineAsWritten: null,
  dueDate: null,
  recurrence: null,
  deadlineRule: null,
  originalDueDate: null,
  registerState: 'draft',
  assignedOn: null,
  cancelReason: null,
  targetIds: [2, 1],
};

describe('what changed between two versions', () => {
  it('is nothing for the same task, even with agencies renamed or targets reordered', () => {
    const renamed = {
      ...base,
      leads: [{ ...base.leads[0]!, nameVi: 'Bộ Khoa học và Công nghệ' }],
      targetIds: [1, 2],
    };
    expect(diffVersions(base, renamed)).toEqual([]);
  });

  it('names each changed field with its value before and after, in the order of the form', () => {
    const after: Snapshot = {
      ...base,
      contentVi: 'Nội dung mới',
      partners: [
        {
          orgUnitId: 2,
          code: 'BTC',
          nameVi: 'Bộ Tài chính',
          collective: null,
          nameAsWritten: 'Bộ Tài chính',
        },
      ],
      focalOfficer: { userId: null, name: 'Nguyễn Văn A' },
      dueDate: '2026-06-30',
      registerState: 'assigned',
      targetIds: [1],
    };
    const changes = diffVersions(base, after);
    expect(changes.map((c) => c.field)).toEqual([
      'contentVi',
      'partners',
      'focalOfficer',
      'dueDate',
      'registerState',
      'targetIds',
    ]);
    expect(changes[0]).toEqual({
      field: 'contentVi',
      before: { kind: 'text', value: 'Nội dung' },
      after: { kind: 'text', value: 'Nội dung mới' },
    });
    expect(changes[3]).toEqual({
      field: 'dueDate',
      before: { kind: 'date', value: null },
      after: { kind: 'date', value: '2026-06-30' },
    });
    expect(changes[5]?.after).toEqual({ kind: 'list', value: [1] });
  });
});
