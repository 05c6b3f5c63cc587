import type { Db } from '../../db/database.ts';
import { invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { itemLinksRepository } from './item-links.repository.ts';
import { ITEM_LINK_STATUSES, type ItemLinkStatus } from './item-links.schema.ts';
import { rankTasksForItems } from './item-links-similarity.ts';
import { requireProgram } from './program.service.ts';

export const SUGGESTION_METHOD = 'tfidf-syllable-pairs-v1';
// Per item, the best three tasks above 0.15: the judged pairs (item-links-judged.ts) score 0.32 and
// above, while 95 % of all item × task pairs score below 0.15 (item-links.measure.ts).
const DEFAULTS = { limit: 3, minScore: 0.15 };

export interface SuggestSummary {
  programCode: string;
  method: string;
  added: number;
  rescored: number;
  withdrawn: number;
  keptDecisions: number;
}

/**
 * Computes link suggestions for every section II item and stores them as `suggested`. A link a
 * coordinator confirmed or rejected is never changed; a suggestion that no longer ranks is withdrawn.
 */
export async function suggestItemLinks(
  db: Db,
  actor: Actor,
  programCode: string,
  options: Partial<typeof DEFAULTS> = {},
): Promise<SuggestSummary> {
  const { limit, minScore } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(limit) || limit < 1 || limit > 20)
    throw invalid([{ field: 'limit', problem: 'must be 1 to 20' }]);
  if (!(minScore >= 0 && minScore <= 1))
    throw invalid([{ field: 'minScore', problem: 'must be between 0 and 1' }]);
  const program = await requireProgram(db, programCode);
  return db.transaction(async (tx) => {
    const repo = itemLinksRepository(tx);
    const [items, tasks, existing] = await Promise.all([
      repo.itemTexts(program.id),
      repo.taskTexts(program.id),
      repo.existing(program.id),
    ]);
    const ranked = rankTasksForItems(items, tasks, { limit, minScore });
    const byPair = new Map(existing.map((l) => [`${l.itemId}:${l.taskId}`, l]));
    const wanted = new Set<string>();
    const summary: SuggestSummary = {
      programCode: program.code,
      method: SUGGESTION_METHOD,
      added: 0,
      rescored: 0,
      withdrawn: 0,
      keptDecisions: existing.filter((l) => l.status !== 'suggested').length,
    };
    const added: { itemId: number; taskId: number; score: number }[] = [];
    const rescored: { id: number; score: number }[] = [];
    for (const [itemId, matches] of ranked) {
      for (const m of matches) {
        const key = `${itemId}:${m.taskId}`;
        wanted.add(key);
        const link = byPair.get(key);
        if (!link) added.push({ itemId, taskId: m.taskId, score: m.score });
        else if (link.status === 'suggested') rescored.push({ id: link.id, score: m.score });
      }
    }
    const withdrawn = existing
      .filter((l) => l.status === 'suggested' && !wanted.has(`${l.itemId}:${l.taskId}`))
      .map((l) => l.id);
    await repo.insertSuggestions(program.id, SUGGESTION_METHOD, added);
    await repo.rescoreSuggestions(SUGGESTION_METHOD, rescored);
    await repo.withdrawSuggestions(withdrawn);
    summary.added = added.length;
    summary.rescored = rescored.length;
    summary.withdrawn = withdrawn.length;
    await recordAudit(tx, actor, {
      action: 'item_links.suggest',
      entityType: 'program',
      entityId: program.code,
      after: { ...summary, limit, minScore },
    });
    return summary;
  });
}

/** A coordinator confirms or rejects a suggestion (or puts it back to `suggested`). */
export async function decideItemLink(db: Db, actor: Actor, id: number, status: ItemLinkStatus) {
  if (!ITEM_LINK_STATUSES.includes(status))
    throw invalid([{ field: 'status', problem: `must be one of ${ITEM_LINK_STATUSES.join(', ')}` }]);
  return db.transaction(async (tx) => {
    const repo = itemLinksRepository(tx);
    const before = await repo.byId(id);
    if (!before) throw notFound(`Item link ${id}`);
    await repo.decide(id, status, actor.label);
    await recordAudit(tx, actor, {
      action: `item_link.${status === 'suggested' ? 'reopen' : status === 'confirmed' ? 'confirm' : 'reject'}`,
      entityType: 'program_item_link',
      entityId: id,
      before: { status: before.status },
      after: { status, itemId: before.itemId, taskId: before.taskId, score: before.score },
    });
    return { ...before, status };
  });
}

/** Confirmed links only, unless the caller may see the suggestions too. */
export async function listItemLinks(db: Db, programCode: string, statuses: ItemLinkStatus[] = ['confirmed']) {
  const program = await requireProgram(db, programCode);
  return { program, links: await itemLinksRepository(db).list(program.id, statuses) };
}
