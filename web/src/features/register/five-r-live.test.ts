import { describe, expect, it } from 'vitest';
import { checkFiveR, type FiveRFacts, missingOf } from './five-r-live.ts';

const EMPTY: FiveRFacts = {
  leadCount: 0,
  content: '',
  dueDate: '',
  recurrence: '',
  deadlineAsWritten: '',
  productType: '',
  productDescription: '',
};

describe('the live 5 rõ checklist', () => {
  it('names every part an empty task lacks', () => {
    expect(missingOf(checkFiveR(EMPTY))).toEqual(['who', 'what', 'responsibility', 'when', 'result']);
  });
  it('is complete with one lead, content, a deadline and a product', () => {
    const full = {
      ...EMPTY,
      leadCount: 1,
      content: 'x',
      dueDate: '2026-06-30',
      productDescription: 'Nghị định',
    };
    expect(missingOf(checkFiveR(full))).toEqual([]);
  });
  it('asks for exactly one lead: two leads blur responsibility', () => {
    expect(
      missingOf(
        checkFiveR({ ...EMPTY, leadCount: 2, content: 'x', recurrence: 'yearly', productType: 'report' }),
      ),
    ).toEqual(['responsibility']);
  });
  it('takes a deadline in words or a recurrence for "when", and a type or description for "result"', () => {
    const base = { ...EMPTY, leadCount: 1, content: 'x' };
    expect(checkFiveR({ ...base, deadlineAsWritten: 'Quý II/2026' }).when).toBe(true);
    expect(checkFiveR({ ...base, deadlineAsWritten: '   ' }).when).toBe(false);
    expect(checkFiveR({ ...base, productType: 'decree' }).result).toBe(true);
    expect(checkFiveR({ ...base, content: '  ' }).what).toBe(false);
  });
});
