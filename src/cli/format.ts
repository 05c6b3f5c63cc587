import type { Evaluation } from '../modules/evaluation/evaluation.ts';
import type { LoadSummary } from '../modules/program/program-loader.service.ts';

/** The loader's report for people: counts per kind of record, then every name or deadline it could not map. */
export function formatLoadSummary(s: LoadSummary): string {
  const lines = [`Program ${s.programCode}: ${s.changed ? 'loaded' : 'unchanged (already loaded)'}`];
  for (const [entity, c] of Object.entries(s.counts)) {
    const kept = c.keptLocalEdits ? `, ${c.keptLocalEdits} kept (edited in the platform)` : '';
    lines.push(
      `  ${entity.padEnd(16)} ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged${kept}`,
    );
  }
  const i = s.issues;
  lines.push(`Former ministry/province names mapped to today's bodies: ${i.legacyNamesMapped.length}`);
  for (const l of i.legacyNamesMapped) lines.push(`  "${l.asWritten}" → ${l.mappedTo} (${l.count}×)`);
  lines.push(`Agency names not mapped (kept as written): ${i.unmappedAgencies.length}`);
  for (const u of i.unmappedAgencies) {
    const hint = u.suggestion ? ` — did you mean "${u.suggestion}"?` : '';
    lines.push(`  ${u.role} of ${u.taskCode}: "${u.asWritten}"${hint}`);
  }
  lines.push(`Deadlines no rule covers (no due date set): ${i.unparsedDeadlines.length}`);
  for (const d of i.unparsedDeadlines)
    lines.push(`  task ${d.taskCode}: ${d.asWritten === null ? '(empty)' : `"${d.asWritten}"`}`);
  lines.push(`Tasks without an expected product: ${i.tasksWithoutProduct.join(', ') || 'none'}`);
  lines.push(`Tasks without a lead agency: ${i.tasksWithoutLead.join(', ') || 'none'}`);
  return lines.join('\n');
}

const pct = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);

/** The rankings of an evaluation for people: rank, score, the four counts of the lead role, rates. */
export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `Evaluation ${e.period.code} as of ${e.asOf} — method ${e.method.code} v${e.method.version}`,
    `Basis: ${e.basis.tasksDue} tasks due, ${e.basis.tasksCompleted} completed, ${e.basis.reportsExpected} reports owed`,
  ];
  const figures = new Map(e.figures.agencies.map((a) => [a.agencyId, a]));
  for (const r of e.rankings) {
    lines.push('', `${r.agencyClass === 'ministry' ? 'Ministries' : 'Provinces'}:`);
    lines.push('  rank  score  on-time  late  within  overdue  completion  on-time rate  agency');
    for (const a of r.ranked) {
      const l = figures.get(a.agencyId)!.lead;
      lines.push(
        `  ${String(a.rank).padStart(4)}${a.tied ? '=' : ' '} ${a.score.toFixed(2).padStart(6)}  ${String(l.completedOnTime).padStart(7)}  ${String(l.completedLate).padStart(4)}  ${String(l.openWithinDeadline).padStart(6)}  ${String(l.openOverdue).padStart(7)}  ${pct(l.completionRate).padStart(10)}  ${pct(l.onTimeRate).padStart(12)}  ${a.code} ${a.name}`,
      );
    }
    if (r.unranked.length)
      lines.push(`  not ranked (nothing to score): ${r.unranked.map((u) => u.code).join(', ')}`);
  }
  return lines.join('\n');
}
