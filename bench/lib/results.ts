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
  /** The goals, each with the figure it is judged on (bench/scale.ts). */
  goals: { goal: string; value: number; met: boolean }[];
}

export function newResults(): BenchResults {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1));
  return {
    metrics: {},
    ratios: {},
    machine: `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the start ${load.join(' / ')} (1 / 5 / 15 min)`,
    ranAt: new Date().toISOString(),
    notes: [],
    goals: [],
  };
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function toMarkdown(r: BenchResults): string {
  const lines = [`Ran ${r.ranAt} on ${r.machine}.`, ''];
  if (r.goals.length) {
    lines.push('| goal (issue 8) | figure | met |', '|---|---:|---|');
    for (const g of r.goals) lines.push(`| ${g.goal} | ${round(g.value)} | ${g.met ? 'yes' : '**no**'} |`);
    lines.push('');
  }
  lines.push('| metric | value | unit |', '|---|---:|---|');
  for (const [name, m] of Object.entries(r.metrics))
    lines.push(`| ${name} | ${round(m.value)} | ${m.unit} |`);
  lines.push('', '| ratio | value |', '|---|---:|');
  for (const [name, v] of Object.entries(r.ratios)) lines.push(`| ${name} | ${round(v)} |`);
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

export function writeResults(r: BenchResults, dir: string, name = 'latest'): void {
  fs.mkdirSync(dir, { recursive: true });
  if (!r.machine.includes('at the end'))
    r.machine += `, at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`;
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), toMarkdown(r));
}
