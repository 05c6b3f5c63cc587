import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline-rules.ts';

describe('parseDeadline', () => {
  it.each([
    ['Tháng 4/2025', '2025-04-30', 'month'],
    ['tháng 2/2024', '2024-02-29', 'month'],
    ['6/2025', '2025-06-30', 'month'],
    ['06/2025', '2025-06-30', 'month'],
    ['12/2025', '2025-12-31', 'month'],
    ['Quý II/2025', '2025-06-30', 'quarter'],
    ['Quý IV/2025', '2025-12-31', 'quarter'],
    ['quý 1 năm 2026', '2026-03-31', 'quarter'],
    ['6 tháng đầu năm 2025', '2025-06-30', 'half_year'],
    ['6 tháng cuối năm 2025', '2025-12-31', 'half_year'],
    ['2025', '2025-12-31', 'year'],
    ['Năm 2026', '2026-12-31', 'year'],
    ['2025 - 2026', '2026-12-31', 'year_range'],
    ['2025-2026', '2026-12-31', 'year_range'],
    ['15/6/2025', '2025-06-15', 'exact_date'],
    ['Trước ngày 01/12/2025', '2025-11-30', 'before_date'],
    ['trước ngày 15/6/2025', '2025-06-14', 'before_date'],
  ])('"%s" is due %s by the %s rule', (written, dueDate, rule) => {
    expect(parseDeadline(written)).toEqual({ kind: 'date', dueDate, rule });
  });

  it.each([
    ['Hằng năm', 'yearly', null, 'yearly'],
    ['hằng năm', 'yearly', null, 'yearly'],
    ['Hàng năm', 'yearly', null, 'yearly'],
    ['Thường xuyên', 'ongoing', null, 'ongoing'],
    ['Nhiệm vụ thường xuyên', 'ongoing', null, 'ongoing'],
    ['2025 và những năm tiếp theo', 'yearly', '2025-12-31', 'yearly_from'],
  ])('"%s" recurs %s', (written, recurrence, firstDueDate, rule) => {
    expect(parseDeadline(written)).toEqual({ kind: 'recurring', recurrence, firstDueDate, rule });
  });

  it('reads decomposed (NFD) text like composed text', () => {
    expect(parseDeadline('Quý II/2025'.normalize('NFD'))).toEqual(parseDeadline('Quý II/2025'));
    expect(parseDeadline('Hằng năm'.normalize('NFD')).kind).toBe('recurring');
  });

  it.each([[''], ['   '], [null], [undefined]])('reports an empty deadline (%j) as empty', (written) => {
    expect(parseDeadline(written)).toEqual({ kind: 'unparsed', reason: 'empty' });
  });

  it.each([
    ['Sau khi Luật được ban hành'],
    ['13/2025'],
    ['31/02/2025'],
    ['2026 - 2025'],
    ['Quý V/2025'],
    ['sớm'],
  ])('never guesses "%s"', (written) => {
    expect(parseDeadline(written)).toEqual({ kind: 'unparsed', reason: 'no_rule' });
  });
});
