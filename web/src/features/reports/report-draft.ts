import type { ApiIssue } from '../../lib/api-client.ts';
import type { EvidenceIn, ReportContent, ReportDetail, ReportItemIn } from './api/reports.ts';

/** The draft as the save endpoint takes it, from a report as the API answers it. */
export function contentFromDetail(report: ReportDetail): ReportContent {
  return {
    summary: report.summary,
    items: report.items.map((item) => ({
      taskId: item.taskId,
      status: item.agency.status,
      progress: item.agency.progress,
      completedOn: item.completedOn,
      doneText: item.doneText,
      difficulties: item.difficulties,
      recommendations: item.recommendations,
      bottlenecks: item.bottlenecks,
      evidence: item.evidence.map((e): EvidenceIn => {
        const note = e.note ? { note: e.note } : {};
        if (e.kind === 'document')
          return {
            kind: 'document',
            number: e.documentNumber ?? '',
            date: e.documentDate ?? '',
            issuer: e.documentIssuer ?? '',
            ...note,
          };
        if (e.kind === 'file') return { kind: 'file', fileId: e.file?.id ?? 0, ...note };
        return { kind: 'link', url: e.url ?? '', ...note };
      }),
    })),
  };
}

/** Names and sizes of the files a report's evidence points to, by id (the save body carries only ids). */
export function filesOf(
  report: ReportDetail,
): Map<number, { name: string; mime: string; sizeBytes: number }> {
  return new Map(
    report.items.flatMap((i) => i.evidence.flatMap((e) => (e.file ? [[e.file.id, e.file] as const] : []))),
  );
}

const ITEM_FIELDS = [
  'status',
  'progress',
  'completedOn',
  'doneText',
  'difficulties',
  'recommendations',
  'bottlenecks',
  'evidence',
] as const satisfies readonly (keyof ReportItemIn)[];

/** Comparable form of a value: text trimmed (the server trims), missing and null alike. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    JSON.stringify(v ?? null, (_k, x) => (typeof x === 'string' ? x.normalize('NFC').trim() : x));
  return norm(a) === norm(b);
}

export interface Overridden {
  taskId: number | null;
  field: string;
  mine: unknown;
}

/**
 * After a conflict: the current version with the person's own edits put back wherever the other
 * editor did not touch the same field. Where both changed a field the current version wins and the
 * person's value is listed (`overridden`), so nothing they typed disappears unseen.
 */
export function mergeDrafts(
  base: ReportContent,
  mine: ReportContent,
  theirs: ReportContent,
): { merged: ReportContent; overridden: Overridden[] } {
  const overridden: Overridden[] = [];
  const pick = <T>(b: T, m: T, t: T, taskId: number | null, field: string): T => {
    if (same(m, b)) return t;
    if (same(t, b) || same(t, m)) return m;
    overridden.push({ taskId, field, mine: m });
    return t;
  };
  const summary = pick(base.summary, mine.summary, theirs.summary, null, 'summary');
  const byTask = (c: ReportContent) => new Map(c.items.map((i) => [i.taskId, i]));
  const [b, m, t] = [byTask(base), byTask(mine), byTask(theirs)];
  const items: ReportItemIn[] = [];
  for (const taskId of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const [bi, mi, ti] = [b.get(taskId), m.get(taskId), t.get(taskId)];
    // A row added or removed on one side only follows that side.
    if (!mi || !ti) {
      const kept = pick(bi ?? null, mi ?? null, ti ?? null, taskId, 'item');
      if (kept) items.push(kept);
      continue;
    }
    const item = { ...ti };
    for (const field of ITEM_FIELDS) {
      (item as Record<string, unknown>)[field] = pick(bi?.[field], mi[field], ti[field], taskId, field);
    }
    items.push(item);
  }
  items.sort((x, y) => x.taskId - y.taskId);
  return { merged: { summary, items }, overridden };
}

/** Whether two drafts say the same thing. */
export const sameContent = (a: ReportContent, b: ReportContent) =>
  same(
    { ...a, items: [...a.items].sort((x, y) => x.taskId - y.taskId) },
    { ...b, items: [...b.items].sort((x, y) => x.taskId - y.taskId) },
  );

/**
 * The server names problems by position (`items.3.evidence.0.number`); the form shows them on the
 * task's row, so each is keyed by the task id of the draft that was sent (`summary` and the rest by null).
 */
export function issuesByTask(issues: ApiIssue[], sent: ReportContent): Map<number | null, ApiIssue[]> {
  const out = new Map<number | null, ApiIssue[]>();
  for (const issue of issues) {
    const m = /^items\.(\d+)\.?(.*)$/.exec(issue.field);
    const taskId = m ? (sent.items[Number(m[1])]?.taskId ?? null) : null;
    const field = m ? m[2] || 'item' : issue.field;
    out.set(taskId, [...(out.get(taskId) ?? []), { field, problem: issue.problem }]);
  }
  return out;
}

/** A new row's starting values when the officer first gives the task a status. */
export function emptyItem(taskId: number): ReportItemIn {
  return {
    taskId,
    status: 'in_progress',
    progress: 0,
    completedOn: null,
    doneText: '',
    difficulties: '',
    recommendations: '',
    bottlenecks: [],
    evidence: [],
  };
}
