#!/usr/bin/env node
// `npm start`: build the web app if its sources changed, then migrate, load the Program and serve.
// Extra arguments go to `nq57 serve` (e.g. npm start -- --port 8080).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './web-build.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
buildWebIfStale();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'src', 'cli', 'main.ts'), 'serve', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
