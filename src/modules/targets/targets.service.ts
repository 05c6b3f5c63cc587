/**
 * Public reading of targets: definitions, accepted values only, and progress computed from them.
 * Progress is computed per request: 67 targets and their accepted values are a few hundred rows.
 */
import type { Db } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { requireProgram } from '../program/program.service.ts';
import { PROGRESS_STATUSES, type ProgressStatus } from './progress.ts';
import { byPeriod, progressOf } from './target-progress.ts';
import {
  type ObservationRow,
  observationsRepository,
  type TargetRow,
  targetsRepository,
} from './targets.repository.ts';

export interface TargetFilter {
  q?: string;
  year?: number;
  group?: number;
  agency?: string;
}

const toProgressTarget = (t: TargetRow) => ({
  comparison: t.comparison as Parameters<typeof progressOf>[0]['comparison'],
  targetValue: t.targetValue === null ? null : Number(t.targetValue),
  targetValueMax: t.targetValueMax === null ? null : Number(t.targetValueMax),
  targetYear: t.targetYear,
  baselineValue: t.baselineValue === null ? null : Number(t.baselineValue),
  baselineYear: t.baselineYear,
});

const asAccepted = (o: ObservationRow) => ({
  periodYear: o.periodYear,
  period: o.period,
  disaggregationKey: o.disaggregationKey,
  value: o.value === null ? null : Number(o.value),
  assessedClass: o.assessedClass,
});

/** Every target of the filter with its accepted values and its progress. */
export async function targetsWithProgress(
  db: Db,
  programCode: string,
  filter: TargetFilter & { code?: string } = {},
) {
  const program = await requireProgram(db, programCode);
  const targets = await targetsRepository(db).list({ programId: program.id, ...filter });
  const accepted = await observationsRepository(db).acceptedOfTargets(targets.map((t) => t.id));
  const valuesByTarget = new Map<number, ObservationRow[]>();
  for (const observation of accepted) {
    const list = valuesByTarget.get(observation.targetId) ?? [];
    list.push(observation);
    valuesByTarget.set(observation.targetId, list);
  }
  return {
    program,
    items: targets.map((target) => {
      const values = (valuesByTarget.get(target.id) ?? []).sort(byPeriod);
      return { target, values, progress: progressOf(toProgressTarget(target), values.map(asAccepted)) };
    }),
  };
}

export async function publicTarget(db: Db, programCode: string, code: string) {
  const { items } = await targetsWithProgress(db, programCode, { code });
  const found = items[0];
  if (!found) throw notFound(`Target ${code}`);
  return found;
}

/** Targets grouped by progress status, every status listed even when empty. */
export async function progressOverview(db: Db, programCode: string) {
  const { items } = await targetsWithProgress(db, programCode);
  const byStatus = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, [] as typeof items])) as Record<
    ProgressStatus,
    typeof items
  >;
  for (const item of items) byStatus[item.progress.status].push(item);
  return { total: items.length, byStatus };
}
