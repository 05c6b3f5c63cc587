import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type BottleneckRow, bottlenecksRepository } from './bottlenecks.repository.ts';
import type { BottleneckStatus, BottleneckType } from './bottlenecks.schema.ts';

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
  input: { id: number; action: 'escalate' | 'answer' | 'clear'; answer?: string },
): Promise<void> {
  const answer = input.answer === undefined ? undefined : cleanText(input.answer);
  if (input.action === 'answer' && !answer)
    throw invalid([{ field: 'answer', problem: 'must not be empty' }]);
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
    await recordAudit(tx, actor, {
      action: `bottleneck.${input.action}`,
      entityType: 'bottleneck',
      entityId: found.id,
      before: { status: found.status },
      after: set,
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
