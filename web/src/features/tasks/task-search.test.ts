import { describe, expect, it } from 'vitest';
import { taskListHref, taskSearchFromUrl, taskSearchToUrl, toTaskListParams } from './task-search.ts';

describe('task list state in the URL', () => {
  it('round-trips filters, leaving defaults out', () => {
    const search = taskSearchFromUrl(new URLSearchParams('q=chuyen+doi+so&group=3&lead=BKHCN&page=2'));
    expect(search).toMatchObject({ q: 'chuyen doi so', group: '3', lead: 'BKHCN', sort: 'code', page: 2 });
    expect(taskSearchToUrl(search).toString()).toBe('q=chuyen+doi+so&group=3&lead=BKHCN&page=2');
    expect(toTaskListParams(search)).toEqual({
      q: 'chuyen doi so',
      group: '3',
      lead: 'BKHCN',
      sort: 'code',
      page: 2,
      pageSize: 20,
    });
  });

  it('ignores values the API would reject instead of failing the page', () => {
    const search = taskSearchFromUrl(new URLSearchParams('group=x&dueFrom=30/06/2025&sort=nope&page=-1'));
    expect(search).toMatchObject({ group: '', dueFrom: '', sort: 'code', page: 1 });
  });

  it('builds links for the overview', () => {
    expect(taskListHref({ recurrence: 'yearly' })).toBe('/tasks?recurrence=yearly');
    expect(taskListHref({})).toBe('/tasks');
  });
});
