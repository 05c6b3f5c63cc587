import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', path.resolve('src/cli/main.ts')];

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-cli-'));

// Each case starts the CLI in a fresh process (a PGlite start included): slow on a busy machine.
describe('the nq57 CLI', { timeout: 180_000 }, () => {
  it.each([['migrate'], ['load-program'], ['serve']])('explains "%s" with --help', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: nq57 ${command}`));
  });

  it('loads the program into an empty data directory, and a second time changes nothing', async () => {
    const dir = tmp();
    const first = await cli(['load-program'], { DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Program NQ57: loaded/);
    expect(first.stdout).toMatch(/tasks\s+140 new/);
    expect(first.stdout).toMatch(/"Bộ Thông tin và Truyền thông" → BKHCN/);
    const second = await cli(['load-program'], { DATA_DIR: dir });
    expect(second.stdout).toMatch(/unchanged \(already loaded\)/);
    expect(second.stdout).toMatch(/tasks\s+0 new, 0 updated, 140 unchanged/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits with one line naming DATABASE_URL when the server cannot be reached', async () => {
    const r = await cli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nq57' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Error: .*DATABASE_URL.*127\.0\.0\.1:1/),
    ]);
  });

  it('refuses a data directory that holds something else, and leaves it as it was', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'precious');
    const r = await cli(['migrate'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATA_DIR .* is not empty and holds no database/);
    expect(fs.readdirSync(dir)).toEqual(['thesis.docx']);
    expect(fs.readFileSync(path.join(dir, 'thesis.docx'), 'utf8')).toBe('precious');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a DATA_DIR that is a file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data');
    fs.writeFileSync(file, 'x');
    const r = await cli(['migrate'], { DATA_DIR: file });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a file, not a directory/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names every bad variable', async () => {
    const r = await cli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT: /);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with postgres/);
  });
});
