import { describe, expect, it } from 'vitest';
import { checkObservation, parseNumber, sameUnit } from './observation-input.ts';
import { DOWNLOAD_COLUMNS, toCsv } from './targets-download.ts';

describe('rules for one measured value', () => {
  it('reads numbers as people write them, and refuses what it would have to guess', () => {
    expect(parseNumber(12)).toBe(12);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1.234,5')).toBeNull();
    expect(parseNumber('see report')).toBeNull();
    expect(parseNumber('55%')).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
  });

  it("matches the target's unit whatever the case, spacing or English gloss", () => {
    expect(sameUnit('doanh nghiệp', 'doanh nghiệp (enterprises)')).toBe(true);
    expect(sameUnit('TBPS', 'Tbps')).toBe(true);
    expect(sameUnit('%', '% GDP')).toBe(false);
    expect(sameUnit('doanh nghiệp'.normalize('NFD'), 'doanh nghiệp')).toBe(true);
  });

  it('reports every problem of a value at once', () => {
    const result = checkObservation(
      { comparison: 'rank<=', unit: 'rank (World)' },
      { year: '20x5', value: 2.5, unit: '%', period: 'Q9' },
      new Set(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toEqual(['year', 'period', 'value', 'unit']);
  });
});

describe('CSV download', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const row = Object.fromEntries(DOWNLOAD_COLUMNS.map((k) => [k, null])) as unknown as Parameters<
      typeof toCsv
    >[0][number];
    const csv = toCsv([{ ...row, target_code: 'T1', text_vi: 'Có "dấu", phẩy', source: '=HYPERLINK("x")' }]);
    expect(csv.startsWith('\uFEFFtarget_code,')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line.startsWith('T1,,"Có ""dấu"", phẩy"')).toBe(true);
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
