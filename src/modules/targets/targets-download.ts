/**
 * The open-data downloads of targets: one row per target and accepted value (a target without values
 * has one row with the value columns empty). Columns are documented in docs/targets-progress.md and
 * follow the import's long format, so a download can be edited and imported again.
 */
import type { ProgressResult } from './progress.ts';
import type { ObservationRow, TargetRow } from './targets.repository.ts';

export const DOWNLOAD_COLUMNS = [
  'target_code',
  'indicator_group',
  'text_vi',
  'text_en',
  'comparison',
  'target_value',
  'target_value_max',
  'unit',
  'target_year',
  'baseline_value',
  'baseline_year',
  'baseline_source',
  'monitoring_agency',
  'progress_status',
  'progress_ratio',
  'year',
  'period',
  'disaggregation',
  'value',
  'assessed_class',
  'source',
  'evidence_url',
] as const;
type Column = (typeof DOWNLOAD_COLUMNS)[number];
type Cell = string | number | null;

export interface DownloadItem {
  target: TargetRow;
  values: ObservationRow[];
  progress: ProgressResult;
}

export function downloadRows(items: DownloadItem[]): Record<Column, Cell>[] {
  const out: Record<Column, Cell>[] = [];
  for (const { target: t, values, progress } of items) {
    const definition = {
      target_code: t.code,
      indicator_group: t.groupNo,
      text_vi: t.textVi,
      text_en: t.textEn,
      comparison: t.comparison,
      target_value: t.targetValue === null ? null : Number(t.targetValue),
      target_value_max: t.targetValueMax === null ? null : Number(t.targetValueMax),
      unit: t.unit,
      target_year: t.targetYear,
      baseline_value: t.baselineValue === null ? null : Number(t.baselineValue),
      baseline_year: t.baselineYear,
      baseline_source: t.baselineSource,
      monitoring_agency: t.monitoringAgencyCode,
      progress_status: progress.status,
      progress_ratio: progress.ratio,
    };
    const empty = {
      year: null,
      period: null,
      disaggregation: null,
      value: null,
      assessed_class: null,
      source: null,
      evidence_url: null,
    };
    if (values.length === 0) out.push({ ...definition, ...empty });
    for (const v of values) {
      out.push({
        ...definition,
        year: v.periodYear,
        period: v.period || null,
        disaggregation: v.disaggregationKey ? `${v.disaggregationKey}=${v.disaggregationValue}` : null,
        value: v.value === null ? null : Number(v.value),
        assessed_class: v.assessedClass,
        source: v.source,
        evidence_url: v.evidenceUrl,
      });
    }
  }
  return out;
}

/** RFC 4180 cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvCell(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so Excel opens the Vietnamese text correctly; CRLF line ends. */
export function toCsv(rows: Record<Column, Cell>[]): string {
  const lines = [
    DOWNLOAD_COLUMNS.join(','),
    ...rows.map((r) => DOWNLOAD_COLUMNS.map((c) => csvCell(r[c])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
