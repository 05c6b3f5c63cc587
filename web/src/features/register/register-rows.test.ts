import { describe, expect, it } from 'vitest';
import type { RegisterAgency, RegisterTask } from './api/register-tasks.ts';
import { filterRows, prepareRows, sortRows } from './register-rows.ts';
import { registerSearchFromUrl } from './register-search.ts';

const agency = (code: string, nameVi: string): RegisterAgency => ({
  orgUnitId: 1,
  code,
  nameVi,
  collective: null,
  nameAsWritten: nameVi,
});

function task(over: Partial<RegisterTask>): RegisterTask {
  return {
    id: 1,
    programId: 1,
    planId: null,
    parentTaskId: null,
    groupNo: 1,
    code: '1',
    contentVi: '',
    sourceDocument: null,
    sourceItem: null,
    leads: [],
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
    targetIds: [],
    missing: [],
    ...over,
  };
}

const TASKS = [
  task({
    id: 1,
    code: '10',
    groupNo: 1,
    contentVi: 'Chuyển đổi số quốc gia',
    leads: [agency('BKHCN', 'Bộ Khoa học và Công nghệ')],
    dueDate: '2025-12-31',
    productType: 'decree',
  }),
  task({
    id: 2,
    code: '2',
    groupNo: 1,
    contentVi: 'Đào tạo nhân lực',
    leads: [agency('BGDDT', 'Bộ Giáo dục và Đào tạo')],
    missing: ['when', 'result'],
  }),
  task({
    id: 3,
    code: '1',
    groupNo: 2,
    contentVi: 'Hạ tầng dữ liệu Đà Nẵng',
    partners: [agency('DNG', 'Đà Nẵng')],
    dueDate: '2025-06-30',
    registerState: 'assigned',
    missing: ['who', 'responsibility'],
  }),
];
const rows = prepareRows(TASKS, (a) => a.nameVi ?? a.nameAsWritten);
const filter = (query: string) =>
  filterRows(rows, registerSearchFromUrl(new URLSearchParams(query))).map((r) => r.task.id);

describe('register rows', () => {
  it('match words typed without accents, đ as d, in any order, across content, agencies and codes', () => {
    expect(filter('q=chuyen+doi+so')).toEqual([1]);
    expect(filter('q=da+nang')).toEqual([3]);
    expect(filter('q=dao+tao+BGDDT')).toEqual([2]);
    expect(filter('q=CÔNG+NGHỆ')).toEqual([1]);
    expect(filter('q=nothing+here')).toEqual([]);
  });

  it('filter by group, lead, state, product type, deadline range and missing 5 rõ parts', () => {
    expect(filter('group=1')).toEqual([1, 2]);
    expect(filter('lead=BKHCN')).toEqual([1]);
    expect(filter('state=assigned')).toEqual([3]);
    expect(filter('productType=decree')).toEqual([1]);
    expect(filter('productType=none')).toEqual([2, 3]);
    expect(filter('dueFrom=2025-07-01')).toEqual([1]);
    expect(filter('dueTo=2025-07-01')).toEqual([3]);
    expect(filter('missing=any')).toEqual([2, 3]);
    expect(filter('missing=none')).toEqual([1]);
    expect(filter('missing=result')).toEqual([2]);
    expect(filter('missing=who&group=2')).toEqual([3]);
  });

  it('sort by a column either way with empty values last, codes in natural order, ties in register order', () => {
    const ids = (column: Parameters<typeof sortRows>[1], dir: 'asc' | 'desc') =>
      sortRows(rows, column, dir).map((r) => r.task.id);
    expect(ids('code', 'asc')).toEqual([3, 2, 1]); // 1 < 2 < 10
    expect(ids('code', 'desc')).toEqual([1, 2, 3]);
    expect(ids('dueDate', 'asc')).toEqual([3, 1, 2]);
    expect(ids('dueDate', 'desc')).toEqual([1, 3, 2]);
    expect(ids('missing', 'desc')).toEqual([2, 3, 1]);
    expect(ids('lead', 'asc')).toEqual([2, 1, 3]);
    expect(ids('', 'desc')).toEqual([1, 2, 3]);
  });
});
