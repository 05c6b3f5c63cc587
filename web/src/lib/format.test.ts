import { describe, expect, it } from 'vitest';
import { parseDate } from '../components/date-field.tsx';
import { formatDate, formatNumber, quarterRange } from './format.ts';
import { foldText } from './text.ts';

describe('dates and numbers for Vietnamese readers', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
    expect(formatDate(null)).toBe('');
  });

  it('reads typed dates as d/m/yyyy and rejects impossible ones', () => {
    expect(parseDate('30/6/2025')).toBe('2025-06-30');
    expect(parseDate(' 01/12/2025 ')).toBe('2025-12-01');
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate('2025-06-30')).toBeNull();
  });

  it('formats numbers with the Vietnamese grouping in Vietnamese', () => {
    expect(formatNumber(3321, 'vi')).toBe('3.321');
    expect(formatNumber(3321, 'en')).toBe('3,321');
  });

  it('gives the first and last day of a quarter', () => {
    expect(quarterRange(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterRange(2024, 1).to).toBe('2024-03-31');
    expect(quarterRange(2025, 4)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('folds Vietnamese text as the server search does', () => {
    expect(foldText('Thành phố Đà Nẵng')).toBe('thanh pho da nang');
    expect(foldText('Chuyển đổi số'.normalize('NFD'))).toBe('chuyen doi so');
  });
});
