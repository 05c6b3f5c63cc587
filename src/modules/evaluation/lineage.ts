import type { EvaluationFacts, StatusClass, TaskStatusFact } from './facts.ts';

/**
 * Follows the merge lineage to today's unit: A merged into B, B into C → C. A cycle in the map (a data
 * error) stops at the unit where it would repeat, so the answer is still deterministic.
 */
export function currentUnit(agencyId: number, successorOf: Record<number, number>): number {
  const seen = new Set<number>([agencyId]);
  let id = agencyId;
  for (let next = successorOf[id]; next !== undefined && !seen.has(next); next = successorOf[id]) {
    seen.add(next);
    id = next;
  }
  return id;
}

/** Worse first: when two merged units carried the same task, the merged unit answers for the worse state. */
const SEVERITY: Record<StatusClass, number> = {
  open_overdue: 5,
  completed_late: 4,
  open_within_deadline: 3,
  completed_on_time: 2,
  recurring: 1,
  not_yet_due: 0,
  no_deadline: 0,
};

export function worseOf(a: TaskStatusFact, b: TaskStatusFact): TaskStatusFact {
  if (SEVERITY[a.statusClass] !== SEVERITY[b.statusClass]) {
    return SEVERITY[a.statusClass] > SEVERITY[b.statusClass] ? a : b;
  }
  return a.latenessWorkingDays >= b.latenessWorkingDays ? a : b;
}

/**
 * Moves every fact of a predecessor unit to its successor. One task counts once per unit: the same task
 * in the same role keeps the worse state, and a unit that is both lead and partner of a task counts as
 * lead (the lead answers for the result).
 */
export function mergeLineage(facts: EvaluationFacts): EvaluationFacts {
  const to = (id: number) => currentUnit(id, facts.successorOf);
  const byKey = new Map<string, TaskStatusFact>();
  for (const fact of facts.tasks) {
    const moved = { ...fact, agencyId: to(fact.agencyId) };
    const key = `${moved.agencyId}:${moved.taskId}:${moved.occurrence ?? ''}`;
    const held = byKey.get(key);
    if (!held) byKey.set(key, moved);
    else if (held.role !== moved.role) byKey.set(key, held.role === 'lead' ? held : moved);
    else byKey.set(key, worseOf(held, moved));
  }
  const merged = new Set(Object.keys(facts.successorOf).map(Number));
  return {
    ...facts,
    agencies: facts.agencies.filter((a) => !merged.has(a.id) || to(a.id) === a.id),
    tasks: [...byKey.values()].sort(
      (a, b) =>
        a.agencyId - b.agencyId ||
        a.taskId - b.taskId ||
        (a.occurrence ?? '').localeCompare(b.occurrence ?? ''),
    ),
    // Sorted, so that no figure or explanation depends on the order the facts arrived in.
    reporting: facts.reporting
      .map((r) => ({ ...r, agencyId: to(r.agencyId) }))
      .sort(
        (a, b) =>
          a.agencyId - b.agencyId || a.dueOn.localeCompare(b.dueOn) || a.period.localeCompare(b.period),
      ),
    bottlenecks: facts.bottlenecks
      .map((b) => ({ ...b, agencyId: to(b.agencyId) }))
      .sort((a, b) => a.agencyId - b.agencyId || a.bottleneckId - b.bottleneckId),
  };
}
