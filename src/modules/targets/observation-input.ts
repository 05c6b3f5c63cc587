/**
 * The rules for one measured value, shared by the form (HTTP), the file import and the CLI, so a value
 * is judged the same way however it arrives. Pure: the caller supplies the target and the province codes.
 */

import { cleanText } from '../../lib/text.ts';
import type { Issue } from '../../server/errors.ts';
import { isQualitative, PROGRESS_CLASSES, type ProgressClass } from './progress.ts';
import type { Comparison } from './targets.schema.ts';

export const VALUE_YEAR_MIN = 2000;
export const VALUE_YEAR_MAX = 2045;
/** '' is the whole year; quarters, halves and months are finer periods. */
export const PERIOD_PATTERN = /^(|Q[1-4]|H[12]|M(0[1-9]|1[0-2]))$/;

/** What a person or a file row gives us, loosely typed: text cells and JSON numbers alike. */
export interface RawObservation {
  year?: unknown;
  period?: unknown;
  disaggregation?: { key?: unknown; value?: unknown } | string | null;
  value?: unknown;
  assessedClass?: unknown;
  assessmentText?: unknown;
  unit?: unknown;
  source?: unknown;
  note?: unknown;
  evidenceUrl?: unknown;
}

export interface ObservationTarget {
  comparison: Comparison;
  unit: string | null;
}

export interface CleanObservation {
  periodYear: number;
  period: string;
  disaggregationKey: string;
  disaggregationValue: string;
  value: number | null;
  assessedClass: ProgressClass | null;
  assessmentText: string | null;
  unit: string | null;
  source: string | null;
  note: string | null;
  evidenceUrl: string | null;
}

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = cleanText(String(v));
  return s === '' ? null : s;
};

/**
 * A number as people write it in a form or a sheet: 12, 12.5 or 12,5. Thousands separators are refused
 * rather than guessed: "1.234" is one point two three four, and "1.234,5" is an error.
 */
export function parseNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/\s/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/** Unit comparison ignores case, spacing and the English gloss in brackets: "doanh nghiệp" = "doanh nghiệp (enterprises)". */
export function sameUnit(given: string, expected: string): boolean {
  const key = (u: string) => cleanText(u).toLowerCase();
  const bare = (u: string) => key(u.replace(/\s*\([^)]*\)\s*$/, ''));
  return key(given) === key(expected) || bare(given) === bare(expected) || key(given) === bare(expected);
}

function parseDisaggregation(raw: RawObservation['disaggregation'], issues: Issue[]) {
  if (raw === undefined || raw === null || raw === '') return { key: '', value: '' };
  let key: string | null;
  let value: string | null;
  if (typeof raw === 'string') {
    const m = /^\s*([^=:]+?)\s*[=:]\s*(.+?)\s*$/.exec(raw);
    if (!m) {
      issues.push({ field: 'disaggregation', problem: 'must be written as key=value, e.g. province=48' });
      return { key: '', value: '' };
    }
    key = text(m[1]);
    value = text(m[2]);
  } else {
    key = text(raw.key);
    value = text(raw.value);
  }
  if (!key && !value) return { key: '', value: '' };
  const lowered = key?.toLowerCase() ?? '';
  // Province codes are two digits ("01"); a spreadsheet turns them into the number 1.
  if (lowered === 'province' && value && /^\d$/.test(value)) value = `0${value}`;
  if (!/^[a-z][a-z0-9_]{0,29}$/.test(lowered))
    issues.push({
      field: 'disaggregation.key',
      problem: 'must be a short name in lower case, e.g. province',
    });
  if (!value || value.length > 60)
    issues.push({ field: 'disaggregation.value', problem: 'must be 1 to 60 characters' });
  return { key: lowered, value: value ?? '' };
}

/**
 * Checks one value against its target. Answers either the clean value or every problem found, each as
 * "field: problem"; nothing is stored by this function.
 */
export function checkObservation(
  target: ObservationTarget,
  raw: RawObservation,
  provinceCodes: ReadonlySet<string>,
): { ok: true; value: CleanObservation } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];

  const year = parseNumber(typeof raw.year === 'string' ? raw.year.trim() : raw.year);
  if (year === null || !Number.isInteger(year))
    issues.push({ field: 'year', problem: 'must be a year, e.g. 2025' });
  else if (year < VALUE_YEAR_MIN || year > VALUE_YEAR_MAX)
    issues.push({ field: 'year', problem: `must be between ${VALUE_YEAR_MIN} and ${VALUE_YEAR_MAX}` });

  const period = (text(raw.period) ?? '').toUpperCase();
  if (!PERIOD_PATTERN.test(period))
    issues.push({ field: 'period', problem: 'must be empty (whole year), Q1–Q4, H1–H2 or M01–M12' });

  const dis = parseDisaggregation(raw.disaggregation, issues);
  if (dis.key === 'province' && dis.value && !provinceCodes.has(dis.value))
    issues.push({ field: 'disaggregation.value', problem: `"${dis.value}" is not a province code` });

  const qualitative = isQualitative(target.comparison);
  let value: number | null = null;
  const rawValue = typeof raw.value === 'string' && raw.value.trim() === '' ? undefined : raw.value;
  if (rawValue !== undefined && rawValue !== null) {
    value = parseNumber(rawValue);
    if (value === null) {
      const shown = String(rawValue).slice(0, 40);
      issues.push({ field: 'value', problem: `must be a number, not "${shown}"` });
    }
  } else if (!qualitative) {
    issues.push({ field: 'value', problem: 'is required for this target' });
  }
  if (value !== null && target.comparison === 'rank<=' && (!Number.isInteger(value) || value < 1))
    issues.push({ field: 'value', problem: 'a rank must be a whole number from 1' });

  let assessedClass: ProgressClass | null = null;
  const rawClass = text(raw.assessedClass);
  if (rawClass) {
    if (!qualitative)
      issues.push({
        field: 'assessedClass',
        problem: 'only qualitative targets take an assessment; give a value',
      });
    else if (!(PROGRESS_CLASSES as readonly string[]).includes(rawClass))
      issues.push({ field: 'assessedClass', problem: `must be one of ${PROGRESS_CLASSES.join(', ')}` });
    else assessedClass = rawClass as ProgressClass;
  } else if (qualitative) {
    issues.push({ field: 'assessedClass', problem: 'a qualitative target needs an assessment' });
  }

  const unit = text(raw.unit);
  if (unit) {
    if (!target.unit) issues.push({ field: 'unit', problem: 'this target has no unit; leave it empty' });
    else if (!sameUnit(unit, target.unit))
      issues.push({ field: 'unit', problem: `must be the target's unit "${target.unit}", not "${unit}"` });
  }

  const evidenceUrl = text(raw.evidenceUrl);
  if (evidenceUrl && !/^https?:\/\/[^\s]+$/i.test(evidenceUrl))
    issues.push({ field: 'evidenceUrl', problem: 'must be a link starting with http:// or https://' });

  const limits: [keyof RawObservation, number][] = [
    ['source', 500],
    ['note', 2000],
    ['assessmentText', 2000],
    ['evidenceUrl', 1000],
  ];
  for (const [field, max] of limits) {
    const v = text(raw[field]);
    if (v && v.length > max) issues.push({ field, problem: `must be at most ${max} characters` });
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      periodYear: year as number,
      period,
      disaggregationKey: dis.key,
      disaggregationValue: dis.value,
      value,
      assessedClass,
      assessmentText: text(raw.assessmentText),
      unit: target.unit,
      source: text(raw.source),
      note: text(raw.note),
      evidenceUrl,
    },
  };
}

/** "2025", "Q2 2025", "2025, province=48": how a value's period and breakdown are named in messages. */
export function describePeriod(
  o: Pick<CleanObservation, 'periodYear' | 'period' | 'disaggregationKey' | 'disaggregationValue'>,
) {
  const when = o.period ? `${o.period} ${o.periodYear}` : String(o.periodYear);
  return o.disaggregationKey ? `${when}, ${o.disaggregationKey}=${o.disaggregationValue}` : when;
}
