import { describe, expect, it } from 'vitest';
import { cleanText, editDistance, foldKey } from './text.ts';

describe('text normalisation', () => {
  it('folds Vietnamese to an accent- and case-free key, đ to d', () => {
    expect(foldKey('Chuyển đổi số')).toBe('chuyen doi so');
    expect(foldKey('ĐÀ NẴNG')).toBe('da nang');
    expect(foldKey('Thừa Thiên Huế')).toBe('thua thien hue');
    expect(foldKey('Bộ KH&CN')).toBe('bo kh cn');
  });

  it('gives decomposed and composed input the same key', () => {
    const nfd = 'Nguyễn Trường Đắk Lắk'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Trường Đắk Lắk');
    expect(foldKey(nfd)).toBe(foldKey('Nguyễn Trường Đắk Lắk'));
    expect(cleanText(nfd)).toBe('Nguyễn Trường Đắk Lắk');
  });

  it('collapses whitespace', () => {
    expect(cleanText('  Bộ   Y  tế \n')).toBe('Bộ Y tế');
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
