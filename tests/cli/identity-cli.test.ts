import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `nq57 …` as an operator would, with optional standard input. */
function cli(args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

describe('nq57 create-admin and users list', () => {
  it('creates the first administrator from a password on stdin, refuses a second with the same email, lists people', async () => {
    const env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-admin-')), DEMO_MODE: 'false' };
    const created = await cli(
      ['create-admin', '--email', 'Admin@Most.gov.vn', '--name', 'Nguyễn Văn A', '--password-stdin'],
      env,
      'an admin password\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created administrator #1 admin@most\.gov\.vn \(system_admin of CP/);
    const again = await cli(
      ['create-admin', '--email', 'admin@most.gov.vn', '--name', 'B', '--password-stdin'],
      env,
      'another admin password\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('Error: email: already belongs to another person');
    const list = await cli(['users', 'list'], env);
    expect(list.stdout).toMatch(/admin@most\.gov\.vn\s+Nguyễn Văn A\s+CP\s+system_admin@CP\+/);
    expect(list.stdout.trim().split('\n').at(-1)).toBe('1 people');
  }, 120_000);

  it('refuses to prompt without a terminal and says how to pass the password', async () => {
    const env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-admin-')) };
    const r = await cli(['create-admin', '--email', 'a@b.vn', '--name', 'A'], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error: password: no terminal to ask on; use --password-stdin');
  });
});
