import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type BottleneckRow, bottlenecksRepository } from './bottlenecks.repository.ts';
import {
  BOTTLENECK_STATUSES,
  BOTTLENECK_TYPES,
  type BottleneckStatus,
  type BottleneckType,
} from './bottlenecks.schema.ts';

/**
 * A bottleneck moves open → escalated (to the steering committee) → answered → cleared. It may be
 * answered or cleared without escalation; a cleared one is closed for good.
 */
const NEXT: Record<'escalate' | 'answer' | 'clear', BottleneckStatus[]> = {
  escalate: ['open'],
  answer: ['open', 'escalated'],
  clear: ['open', 'escalated', 'answered'],
};

export async function raiseBottleneck(
  db: Db,
  actor: Actor,
  input: {
    programId: number;
    agencyId: number | null;
    taskId: number | null;
    type: BottleneckType;
    description: string;
  },
): Promise<number> {
  const description = cleanText(input.description);
  if (!description) throw invalid([{ field: 'description', problem: 'must not be empty' }]);
  return db.transaction(async (tx) => {
    const missing = await bottlenecksRepository(tx).missingReferences(
      input.programId,
      input.agencyId,
      input.taskId,
    );
    if (missing.length)
      throw invalid(missing.map((field) => ({ field, problem: 'does not exist in this program' })));
    const id = await bottlenecksRepository(tx).insert({ ...input, description, raisedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'bottleneck.raise',
      entityType: 'bottleneck',
      entityId: id,
      after: input,
    });
    return id;
  });
}

export async function moveBottleneck(
  db: Db,
  actor: Actor,
  input: { id: number; action: 'escalate' | 'answer' | 'clear'; answer?: string; note?: string },
): Promise<void> {
  const answer = input.answer === undefined ? undefined : cleanText(input.answer);
  if (input.action === 'answer' && !answer)
    throw invalid([{ field: 'answer', problem: 'must not be empty' }]);
  // Why it was escalated or how it was cleared: optional, kept with the move in the history.
  const note = input.action === 'answer' ? answer : cleanText(input.note ?? '') || null;
  await db.transaction(async (tx) => {
    const repo = bottlenecksRepository(tx);
    const found = await repo.byId(input.id, true);
    if (!found) throw notFound('Bottleneck');
    if (!NEXT[input.action].includes(found.status))
      throw conflict(`A ${found.status} bottleneck cannot be ${input.action}d`);
    const now = new Date().toISOString();
    const set =
      input.action === 'escalate'
        ? { status: 'escalated' as const, escalatedAt: now }
        : input.action === 'answer'
          ? { status: 'answered' as const, answer, answeredAt: now }
          : { status: 'cleared' as const, clearedAt: now };
    await repo.update(found.id, set);
    await repo.insertEvent({
      bottleneckId: found.id,
      action: input.action,
      note,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: `bottleneck.${input.action}`,
      entityType: 'bottleneck',
      entityId: found.id,
      before: { status: found.status },
      after: { ...set, ...(note && input.action !== 'answer' ? { note } : {}) },
    });
  });
}

export async function listBottlenecks(
  db: Db,
  f: {
    programId: number;
    status?: BottleneckStatus[];
    type?: BottleneckType[];
    agencyId?: number;
    taskId?: number;
    page: number;
    pageSize: number;
  },
): Promise<{ items: BottleneckRow[]; total: number; page: number; pageSize: number }> {
  const items = await bottlenecksRepository(db).list({
    ...f,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items, total: items[0]?.total ?? 0, page: f.page, pageSize: f.pageSize };
}

/** One bottleneck with its history: raised (by whom, in which report), then every move. */
export async function getBottleneck(db: Db, programId: number, id: number) {
  const repo = bottlenecksRepository(db);
  const [found] = await repo.list({ programId, id, limit: 1, offset: 0 });
  if (!found) throw notFound('Bottleneck');
  const [raisedBy, events] = await Promise.all([repo.raiserName(id), repo.events(id)]);
  const history = [
    {
      action: 'raise' as const,
      at: found.createdAt,
      actorName: raisedBy,
      note: null,
      reportId: found.reportId,
    },
    ...events.map((e) => ({ ...e, reportId: null })),
  ];
  return { bottleneck: found, history };
}

/** The board's counts by type and by status (and both), under its agency and task filters. */
export async function countBottlenecks(db: Db, f: { programId: number; agencyId?: number; taskId?: number }) {
  const cells = await bottlenecksRepository(db).counts(f);
  const byType = Object.fromEntries(BOTTLENECK_TYPES.map((t) => [t, 0])) as Record<BottleneckType, number>;
  const byStatus = Object.fromEntries(BOTTLENECK_STATUSES.map((s) => [s, 0])) as Record<
    BottleneckStatus,
    number
  >;
  for (const c of cells) {
    byType[c.type] += c.count;
    byStatus[c.status] += c.count;
  }
  return { total: cells.reduce((n, c) => n + c.count, 0), byType, byStatus, cells };
}
