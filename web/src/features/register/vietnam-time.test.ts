import { describe, expect, it } from 'vitest';
import { formatVietnamTime, vietnamDay } from './vietnam-time.ts';

describe('Viet Nam time on the register screens', () => {
  it('puts a late-evening UTC instant on the next day in Viet Nam, as the as-of register does', () => {
    expect(vietnamDay('2026-12-05T22:53:00Z')).toBe('2026-12-06');
    expect(formatVietnamTime('2026-12-05T22:53:00Z')).toBe('06/12/2026 05:53');
    expect(formatVietnamTime('2025-01-01T00:00:00+07:00')).toBe('01/01/2025 00:00');
  });
});
