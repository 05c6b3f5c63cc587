import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, type Messages, vi } from './messages.ts';

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const srcDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translations', () => {
  const viKeys = flatten(vi);
  const enKeys = flatten(en);

  it('have the same keys in Vietnamese and English', () => {
    const missingInEn = [...viKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInVi = [...enKeys.keys()].filter((k) => !viKeys.has(k));
    expect({ missingInEn, missingInVi }).toEqual({ missingInEn: [], missingInVi: [] });
  });

  it('have no empty text and the same {{placeholders}} in both languages', () => {
    for (const [key, text] of viKeys) {
      expect(text.trim(), `vi ${key}`).not.toBe('');
      expect(enKeys.get(key)?.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('cover every key the code asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string);
      // Keys built from a prefix, e.g. t(`productType.${type}`), must at least have that prefix.
      for (const m of code.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) used.add(`${m[1]}.*`);
    }
    expect(used.size).toBeGreaterThan(50);
    const has = (key: string) =>
      key.endsWith('.*')
        ? [...viKeys.keys()].some((k) => k.startsWith(key.slice(0, -1)))
        : viKeys.has(key) || viKeys.has(`${key}_other`);
    expect([...used].filter((key) => !has(key))).toEqual([]);
  });
});
