import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS } from './columns.ts';
import {
  fromViewSettings,
  matchesView,
  registerSearchFromUrl,
  registerSearchToUrl,
  toViewSettings,
} from './register-search.ts';

const parse = (query: string) => registerSearchFromUrl(new URLSearchParams(query));

describe('register search in the URL', () => {
  it('reads every filter, the sort, the columns and the as-of date, and writes them back the same', () => {
    const query =
      'q=chuyen+doi+so&group=2&lead=BKHCN&state=draft&missing=when&productType=decree&dueFrom=2025-01-01&dueTo=2025-12-31&sort=dueDate&dir=desc&cols=code%2Cmissing&at=2025-06-30';
    const search = parse(query);
    expect(search).toMatchObject({
      q: 'chuyen doi so',
      group: '2',
      lead: 'BKHCN',
      state: 'draft',
      missing: 'when',
      productType: 'decree',
      sort: 'dueDate',
      dir: 'desc',
      columns: ['code', 'missing'],
      at: '2025-06-30',
    });
    expect(registerSearchToUrl(search).toString()).toBe(query);
  });

  it('drops what it does not know instead of failing, and leaves defaults out of links', () => {
    const search = parse(
      'group=x&lead=%3Cscript%3E&state=done&missing=all&sort=salary&cols=code,nope,code&at=30/06/2025',
    );
    expect(search).toMatchObject({
      group: '',
      lead: '',
      state: '',
      missing: '',
      sort: '',
      columns: ['code'],
      at: '',
    });
    expect(parse('').columns).toEqual([...DEFAULT_COLUMNS]);
    expect(registerSearchToUrl(parse('')).toString()).toBe('');
    expect(registerSearchToUrl(parse('sort=code&dir=asc')).toString()).toBe('sort=code');
  });

  it('turns the page state into a saved view and back, and knows when the page still matches it', () => {
    const search = parse('lead=BKHCN&missing=any&sort=dueDate&cols=code,lead,dueDate');
    const settings = toViewSettings(search);
    expect(settings).toEqual({
      filters: { lead: 'BKHCN', missing: 'any' },
      sort: { by: 'dueDate', dir: 'asc' },
      columns: ['code', 'lead', 'dueDate'],
    });
    const reopened = fromViewSettings(settings, '7');
    expect(reopened).toMatchObject({ lead: 'BKHCN', missing: 'any', sort: 'dueDate', view: '7' });
    expect(matchesView(reopened, settings)).toBe(true);
    expect(matchesView({ ...reopened, state: 'draft' }, settings)).toBe(false);
    expect(matchesView({ ...reopened, columns: ['code'] }, settings)).toBe(false);
  });
});
