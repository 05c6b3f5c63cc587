import type { Db } from '../../db/database.ts';
import type { PlannedLineageEvent, PlannedPredecessor } from '../program/program-plan.ts';
import { orgUnitsRepository } from './org-units.repository.ts';

export interface LineageLoadCount {
  inserted: number;
  updated: number;
  unchanged: number;
  keptLocalEdits: number;
}

const zero = (): LineageLoadCount => ({ inserted: 0, updated: 0, unchanged: 0, keptLocalEdits: 0 });

/**
 * The program loader's lineage step: writes the closed predecessor units and the merge events of the
 * 2025 restructuring, by natural key (unit code, event source key), so a second load changes nothing.
 * Runs in the loader's transaction, after today's units exist.
 */
export async function applyPlannedLineage(
  tx: Db,
  plan: { predecessors: PlannedPredecessor[]; events: PlannedLineageEvent[] },
): Promise<{ predecessors: LineageLoadCount; lineageEvents: LineageLoadCount }> {
  const repo = orgUnitsRepository(tx);
  const counts = { predecessors: zero(), lineageEvents: zero() };
  const parentCodes = [
    ...new Set(plan.predecessors.map((p) => p.parentCode).filter((c): c is string => !!c)),
  ];
  const parents = new Map((await repo.byCodes(parentCodes)).map((u) => [u.code, u.id]));
  const existing = new Map(
    (await repo.byCodes(plan.predecessors.map((p) => p.code))).map((u) => [u.code, u]),
  );
  for (const p of plan.predecessors) {
    const parentId = p.parentCode ? (parents.get(p.parentCode) ?? null) : null;
    const row = existing.get(p.code);
    const wanted = {
      kind: p.kind,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      parentId,
      validFrom: p.validFrom,
      validTo: p.validTo,
      source: p.source,
    };
    if (!row) {
      await repo.insert({ code: p.code, ...wanted });
      counts.predecessors.inserted++;
    } else if (
      Object.entries(wanted).some(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v)
    ) {
      await repo.update(row.id, wanted);
      counts.predecessors.updated++;
    } else counts.predecessors.unchanged++;
  }

  const allCodes = [...new Set(plan.events.flatMap((e) => [...e.fromCodes, ...e.toCodes]))];
  const ids = new Map((await repo.byCodes(allCodes)).map((u) => [u.code, u.id]));
  const events = await repo.eventsBySourceKey();
  for (const e of plan.events) {
    const from = e.fromCodes.map((c) => ids.get(c)).filter((id): id is number => id !== undefined);
    const to = e.toCodes.map((c) => ids.get(c)).filter((id): id is number => id !== undefined);
    const row = events.get(e.sourceKey);
    const fields = { effectiveDate: e.effectiveDate, legalBasis: e.legalBasis, note: e.note };
    if (!row) {
      const id = await repo.insertEvent({ kind: e.kind, ...fields, sourceKey: e.sourceKey });
      await repo.linkEvent(id, from, to);
      counts.lineageEvents.inserted++;
      continue;
    }
    const same =
      row.effectiveDate === e.effectiveDate &&
      row.legalBasis === e.legalBasis &&
      row.note === e.note &&
      JSON.stringify(row.fromCodes) === JSON.stringify([...e.fromCodes].sort()) &&
      JSON.stringify(row.toCodes) === JSON.stringify([...e.toCodes].sort());
    if (same) {
      counts.lineageEvents.unchanged++;
      continue;
    }
    await repo.updateEvent(row.id, fields);
    await repo.unlinkEvent(row.id);
    await repo.linkEvent(row.id, from, to);
    counts.lineageEvents.updated++;
  }
  return counts;
}
