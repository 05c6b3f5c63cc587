import { HEADERS_VI } from './register-columns.ts';
import type { ImportPreview } from './register-import.service.ts';

/** The preview for people (the CLI): where the columns were found, then every row with a problem. */
export function formatImportPreview(p: ImportPreview, limit = 200): string {
  const lines = [
    `${p.format.toUpperCase()}${p.sheet ? ` sheet "${p.sheet}"` : ''}, header on row ${p.headerRow}: ${p.mapping
      .map((m) => `${HEADERS_VI[m.field as keyof typeof HEADERS_VI]}=${m.column}`)
      .join(', ')}`,
    `${p.summary.rows} rows: ${p.summary.ready} ready, ${p.summary.withErrors} with errors, ${p.summary.withWarnings} with warnings` +
      (p.summary.groupsToCreate.length ? `; groups to create: ${p.summary.groupsToCreate.join(', ')}` : ''),
  ];
  let shown = 0;
  for (const row of p.rows) {
    for (const [level, issues] of [
      ['error', row.errors],
      ['warning', row.warnings],
    ] as const) {
      for (const issue of issues) {
        if (shown++ >= limit) continue;
        const column = issue.column ? `, ${HEADERS_VI[issue.column]}` : '';
        lines.push(`  row ${row.row}${column} [${row.code || '—'}] ${level}: ${issue.message}`);
      }
    }
  }
  if (shown > limit) lines.push(`  … and ${shown - limit} more`);
  return lines.join('\n');
}
