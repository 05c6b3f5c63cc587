import { describe, expect, it } from 'vitest';
import { currentLink, PUBLIC_NAV, STAFF_NAV } from './navigation.ts';

describe('the current link of a bar', () => {
  const staff = (path: string) => currentLink(STAFF_NAV, path)?.to;
  it('is the longest link the path is at or under', () => {
    expect(staff('/reports')).toBe('/reports');
    expect(staff('/reports/12')).toBe('/reports');
    expect(staff('/reports/review')).toBe('/reports/review');
    expect(staff('/register/tasks/5/history')).toBe('/register');
    expect(staff('/register/import')).toBe('/register/import');
    expect(staff('/target-values/review')).toBe('/target-values/review');
  });
  it('never matches a longer word, and the overview only on itself', () => {
    expect(staff('/reportsx')).toBeUndefined();
    expect(currentLink(PUBLIC_NAV, '/')?.to).toBe('/');
    expect(currentLink(PUBLIC_NAV, '/tasks/3')?.to).toBe('/tasks');
    expect(currentLink(PUBLIC_NAV, '/register')).toBeUndefined();
  });
});
