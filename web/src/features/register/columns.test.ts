import { describe, expect, it } from 'vitest';
import { REGISTER_VIEW_COLUMNS } from '../../../../src/modules/register/register-views.inputs.ts';
import { COLUMN_IDS, DEFAULT_COLUMNS } from './columns.ts';

describe('register columns', () => {
  it('are the columns a saved view may name on the server, no more, no fewer', () => {
    expect([...COLUMN_IDS].sort()).toEqual([...REGISTER_VIEW_COLUMNS].sort());
  });
  it('show a handful by default, each a real column', () => {
    expect(DEFAULT_COLUMNS.every((c) => COLUMN_IDS.includes(c))).toBe(true);
    expect(DEFAULT_COLUMNS.length).toBeLessThan(COLUMN_IDS.length);
  });
});
