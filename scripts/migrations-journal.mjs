#!/usr/bin/env node
// Writes migrations/meta/_journal.json from the SQL files, which is what Drizzle's migrator reads.
// Files are named YYYYMMDDHHMM_name.sql; the timestamp orders them and becomes the journal's `when`,
// so migrations written on different branches merge without renumbering.
// Usage: node scripts/migrations-journal.mjs [--check]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export function buildJournal(files) {
  const names = files.filter((f) => f.endsWith('.sql')).sort();
  const entries = names.map((file, idx) => {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9_]+\.sql$/.exec(file);
    if (!m) throw new Error(`migrations/${file}: name must be YYYYMMDDHHMM_snake_name.sql`);
    const [, y, mo, d, h, mi] = m.map(Number);
    return {
      idx,
      version: '7',
      when: Date.UTC(y, mo - 1, d, h, mi),
      tag: file.slice(0, -4),
      breakpoints: true,
    };
  });
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].when <= entries[i - 1].when)
      throw new Error(`${entries[i].tag}: two migrations share a minute`);
  }
  return { version: '7', dialect: 'postgresql', entries };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const journal = `${JSON.stringify(buildJournal(fs.readdirSync(dir)), null, 2)}\n`;
  const file = path.join(dir, 'meta', '_journal.json');
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== journal) {
      console.error('migrations/meta/_journal.json is out of date: run node scripts/migrations-journal.mjs');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, journal);
  }
}
