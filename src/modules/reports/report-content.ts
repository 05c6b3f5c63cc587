import { z } from 'zod';
import { isoDate } from '../../lib/http.ts';
import { cleanText } from '../../lib/text.ts';
import type { Issue } from '../../server/errors.ts';
import { BOTTLENECK_TYPES } from '../bottlenecks/bottlenecks.schema.ts';
import { parseDocumentNumber } from './document-number.ts';
import { ITEM_STATUSES } from './reports.schema.ts';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.normalize('NFC').trim());
const line = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => cleanText(v));
const id = z.number().int().min(1).max(2147483647);

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('document'),
    number: z
      .string()
      .max(100)
      .transform((v, ctx) => {
        const parsed = parseDocumentNumber(v);
        if (!parsed) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a number and symbol such as "71/NQ-CP" or "179/2024/NĐ-CP"',
          });
          return z.NEVER;
        }
        return parsed;
      }),
    date: isoDate,
    issuer: line(300).pipe(z.string().min(2, 'must name the issuer')),
    note: line(1000).optional(),
  }),
  z.object({ kind: z.literal('file'), fileId: id, note: line(1000).optional() }),
  z.object({
    kind: z.literal('link'),
    url: z
      .string()
      .max(2000)
      .refine((v) => {
        try {
          const u = new URL(v);
          return u.protocol === 'http:' || u.protocol === 'https:';
        } catch {
          return false;
        }
      }, 'must be an http or https address'),
    note: line(1000).optional(),
  }),
]);
export type Evidence = z.output<typeof evidenceSchema>;

export const reportItemSchema = z.object({
  taskId: id,
  status: z.enum(ITEM_STATUSES),
  progress: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  completedOn: isoDate.nullable().optional(),
  doneText: text(20000).default(''),
  difficulties: text(20000).default(''),
  recommendations: text(20000).default(''),
  bottlenecks: z
    .array(z.object({ type: z.enum(BOTTLENECK_TYPES), description: line(2000).pipe(z.string().min(1)) }))
    .max(20)
    .default([]),
  evidence: z.array(evidenceSchema).max(50).default([]),
});
export type ReportItemInput = z.output<typeof reportItemSchema>;

export const reportContentSchema = z.object({
  summary: text(50000).default(''),
  items: z.array(reportItemSchema).max(500).default([]),
});
export type ReportContent = z.output<typeof reportContentSchema>;

/** Rules across fields that a schema cannot say alone; each names the field and the problem. */
export function contentProblems(content: ReportContent, today: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<number>();
  content.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (seen.has(item.taskId)) issues.push({ field: `${at}.taskId`, problem: 'the task appears twice' });
    seen.add(item.taskId);
    if (item.status === 'completed') {
      if (item.evidence.length === 0)
        issues.push({
          field: `${at}.evidence`,
          problem: 'a completed task needs evidence (document, file or link)',
        });
      if (!item.completedOn)
        issues.push({ field: `${at}.completedOn`, problem: 'a completed task needs its date' });
      if (item.progress !== 100)
        issues.push({ field: `${at}.progress`, problem: 'a completed task is at 100' });
    } else if (item.completedOn) {
      issues.push({ field: `${at}.completedOn`, problem: 'only a completed task has a completion date' });
    }
    if (item.completedOn && item.completedOn > today)
      issues.push({ field: `${at}.completedOn`, problem: 'must not be in the future' });
    item.evidence.forEach((e, j) => {
      if (e.kind === 'document' && e.date > today)
        issues.push({ field: `${at}.evidence.${j}.date`, problem: 'must not be in the future' });
    });
  });
  return issues;
}

/** The stored form of a content, keyed for comparison (items by task). */
export function normaliseContent(content: ReportContent): ReportContent {
  return {
    summary: content.summary,
    items: [...content.items]
      .sort((a, b) => a.taskId - b.taskId)
      .map((i) => ({ ...i, completedOn: i.completedOn ?? null })),
  };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What changed between two saved contents, field by field, items named by task id. */
export function diffContent(before: ReportContent, after: ReportContent): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.summary !== after.summary)
    changes.push({ field: 'summary', before: before.summary, after: after.summary });
  const byTask = (c: ReportContent) => new Map(c.items.map((i) => [i.taskId, i]));
  const a = byTask(before);
  const b = byTask(after);
  for (const taskId of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
    const x = a.get(taskId);
    const y = b.get(taskId);
    if (!x || !y) {
      changes.push({ field: `items[task ${taskId}]`, before: x ?? null, after: y ?? null });
      continue;
    }
    for (const key of Object.keys({ ...x, ...y }) as (keyof ReportItemInput)[]) {
      if (JSON.stringify(x[key] ?? null) !== JSON.stringify(y[key] ?? null))
        changes.push({
          field: `items[task ${taskId}].${key}`,
          before: x[key] ?? null,
          after: y[key] ?? null,
        });
    }
  }
  return changes;
}
