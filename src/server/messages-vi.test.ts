import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanRefusalMessages } from '../../tests/helpers/refusal-messages.ts';
import { FRAMEWORK_MESSAGES_VI, MESSAGES_VI, TERMS_VI } from './messages-vi.ts';
import { localise, prefersVietnamese, templateShape, zodProblemVi } from './refusal-language.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const holes = (template: string) => [...template.matchAll(/\{([A-Za-z0-9_]*)\}/g)].map((m) => m[1]).sort();

describe('the Vietnamese of refusals', () => {
  it('has an entry for every refusal message in src', () => {
    const known = new Set([...Object.keys(MESSAGES_VI), ...Object.keys(TERMS_VI)].map(templateShape));
    const missing = scanRefusalMessages(root).filter((m) => !known.has(m.text));
    // A new message needs its Vietnamese in src/server/messages-vi.ts (with `{name}` for each `${…}`).
    expect(missing.map((m) => `${m.at}: ${JSON.stringify(m.text)}`)).toEqual([]);
  });

  it('finds the messages it should (the scan has not gone blind)', () => {
    const found = new Set(scanRefusalMessages(root).map((m) => m.text));
    for (const text of [
      '{} not found',
      'Task {}',
      'the deadline {} is before the assignment date {}',
      'must be an agency code',
    ])
      expect(found).toContain(text);
    expect(found.size).toBeGreaterThan(250);
  });

  it('places in the Vietnamese exactly the values the English names, and no two entries share a shape', () => {
    const shapes = new Map<string, string>();
    const entries = [MESSAGES_VI, FRAMEWORK_MESSAGES_VI, TERMS_VI].flatMap((catalogue) =>
      Object.entries(catalogue),
    );
    for (const [english, vietnamese] of entries) {
      expect(holes(vietnamese), english).toEqual(holes(english));
      const shape = templateShape(english);
      expect(shapes.get(shape), `${english} and ${shapes.get(shape)}`).toBeUndefined();
      shapes.set(shape, english);
    }
  });

  it('translates templates, the values they name, and joined "field: problem" lists', () => {
    expect(localise('Task 12 not found')).toBe('Không tìm thấy nhiệm vụ 12');
    expect(localise('Organisation BKHCN not found')).toBe('Không tìm thấy cơ quan, đơn vị BKHCN');
    expect(localise('deadline: the deadline 2026-01-01 is before the assignment date 2026-02-01')).toBe(
      'deadline: thời hạn 2026-01-01 trước ngày giao 2026-02-01',
    );
    expect(localise('name: must not be empty; orgUnitId: no such organisation')).toBe(
      'name: không được để trống; orgUnitId: không có cơ quan, đơn vị này',
    );
    expect(localise('Only a submitted report can be accepted; this one is draft')).toBe(
      'Chỉ tiếp nhận được báo cáo đã gửi; báo cáo này đang ở trạng thái bản nháp',
    );
    expect(localise('Bộ Công an already has a plan')).toBe('Bộ Công an đã có kế hoạch');
    expect(localise('a text nobody wrote')).toBe('a text nobody wrote');
  });

  it('prefers Vietnamese only when Accept-Language ranks it above English', () => {
    expect(prefersVietnamese(undefined)).toBe(false);
    expect(prefersVietnamese('vi')).toBe(true);
    expect(prefersVietnamese('vi-VN,vi;q=0.9,en-US;q=0.8')).toBe(true);
    expect(prefersVietnamese('en-US,en;q=0.9,vi;q=0.8')).toBe(false);
    expect(prefersVietnamese('fr, vi;q=0.5')).toBe(true);
    expect(prefersVietnamese('en;q=0.4, vi;q=0.6')).toBe(true);
    expect(prefersVietnamese('vi;q=0')).toBe(false);
    expect(prefersVietnamese('de')).toBe(false);
  });

  it("formats zod's own messages with zod's Vietnamese locale and looks custom ones up", () => {
    expect(
      zodProblemVi({
        keyword: 'invalid_type',
        message: 'Invalid input: expected string, received number',
        params: { expected: 'string' },
      }),
    ).toBe('Đầu vào không hợp lệ: mong đợi string, nhận được số');
    expect(
      zodProblemVi({
        keyword: 'too_big',
        message: 'Too big: expected string to have <=200 characters',
        params: { origin: 'string', maximum: 200, inclusive: true },
      }),
    ).toBe('Quá lớn: mong đợi string có <=200 ký tự');
    expect(
      zodProblemVi({
        keyword: 'invalid_format',
        message: 'must be an agency code',
        params: { origin: 'string', format: 'regex', pattern: '/^[A-Za-z0-9_]{1,40}$/' },
      }),
    ).toBe('phải là mã cơ quan');
  });
});
