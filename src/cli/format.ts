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
