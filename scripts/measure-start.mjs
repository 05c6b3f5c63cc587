#!/usr/bin/env node
// Measures the start as a user sees it: `npm start` on an empty data directory until /api/health
// answers, then the same on the now-filled directory. The web app is built first and not counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './web-build.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq57-start-'));
const port = 3977;

async function timeStart(label) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    },
  );
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`${label}: the server exited`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  return seconds;
}

buildWebIfStale();
await timeStart('first start (empty data directory)');
await timeStart('later start (existing data directory)');
await timeStart('later start (existing data directory)');
fs.rmSync(dataDir, { recursive: true, force: true });
