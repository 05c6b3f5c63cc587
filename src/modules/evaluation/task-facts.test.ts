import { describe, expect, it } from 'vitest';
import { classifyFromRegister, weekdaysBetween } from './task-facts.repository.ts';

describe('the register-only adapter', () => {
  it('counts Monday to Friday after the deadline up to the date', () => {
    expect(weekdaysBetween('2025-06-27', '2025-06-30')).toBe(1); // Fri → Mon
    expect(weekdaysBetween('2025-06-30', '2025-06-30')).toBe(0);
    expect(weekdaysBetween('2025-06-02', '2025-06-30')).toBe(20);
  });

  it('classifies from the deadline alone', () => {
    expect(classifyFromRegister('2025-12-31', 'yearly', '2025-06-30').statusClass).toBe('recurring');
    expect(classifyFromRegister(null, null, '2025-06-30').statusClass).toBe('no_deadline');
    expect(classifyFromRegister('2025-06-30', null, '2025-06-30')).toEqual({
      statusClass: 'open_within_deadline',
      latenessWorkingDays: 0,
    });
    expect(classifyFromRegister('2025-06-27', null, '2025-06-30')).toEqual({
      statusClass: 'open_overdue',
      latenessWorkingDays: 1,
    });
  });
});
