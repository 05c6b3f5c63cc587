import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `npm run bench` writes: raw metrics with units, and the ratios that are the headline figures. */
export interface BenchResults {
  metrics: Record<string, { value: number; unit: string }>;
  ratios: Record<string, number>;
  machine: string;
  ranAt: string;
  notes: string[];
}

export function newResults(): BenchResults {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return {
    metrics: {},
    ratios: {},
    machine: `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    ranAt: new Date().toISOString(),
    notes: [],
  };
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function toMarkdown(r: BenchResults): string {
  const lines = [`Ran ${r.ranAt} on ${r.machine}.`, '', '| metric | value | unit |', '|---|---:|---|'];
  for (const [name, m] of Object.entries(r.metrics))
    lines.push(`| ${name} | ${round(m.value)} | ${m.unit} |`);
  lines.push('', '| ratio | value |', '|---|---:|');
  for (const [name, v] of Object.entries(r.ratios)) lines.push(`| ${name} | ${round(v)} |`);
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

export function writeResults(r: BenchResults, dir: string, name = 'latest'): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), toMarkdown(r));
}
