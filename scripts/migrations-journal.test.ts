import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildJournal } from './migrations-journal.mjs';

describe('migrations journal', () => {
  it('is in step with the SQL files (run node scripts/migrations-journal.mjs after adding one)', () => {
    const files = fs.readdirSync('migrations');
    const current = JSON.parse(fs.readFileSync('migrations/meta/_journal.json', 'utf8'));
    expect(current).toEqual(buildJournal(files));
  });

  it('rejects a file that does not follow the naming rule', () => {
    expect(() => buildJournal(['0001_init.sql'])).toThrow(/YYYYMMDDHHMM/);
  });
});
