import type { Database } from '../../db/database.ts';
import type { SyntheticPlan } from './synthetic.plan.ts';
import {
  analyze,
  deleteSynthetic,
  insertDerived,
  insertReportItems,
  insertReports,
  insertSkeleton,
  insertTasks,
  moveSequence,
  type SyntheticCounts,
  syntheticCounts,
} from './synthetic.repository.ts';

export interface GenerateResult {
  plan: SyntheticPlan;
  counts: SyntheticCounts;
  seconds: Record<string, number>;
}

const TASK_BATCH = 100_000;
const MONTH_BATCH = 6;

/**
 * Replaces the synthetic dataset (program SYN-NQ57, org units SYN_…) with a fresh one of the plan's size.
 * The real program and units are never touched. Batches keep each statement to a few hundred thousand rows.
 */
export async function generateSynthetic(
  database: Database,
  plan: SyntheticPlan,
  log: (line: string) => void = () => {},
): Promise<GenerateResult> {
  const db = database.db;
  const seconds: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<void>) => {
    const t0 = performance.now();
    await run();
    seconds[name] = Math.round(performance.now() - t0) / 1000;
    log(`${name}: ${seconds[name]} s`);
  };
  await step('delete previous', () => deleteSynthetic(db));
  let bases!: Awaited<ReturnType<typeof insertSkeleton>>;
  await step('org units, program, plans', async () => {
    bases = await insertSkeleton(db, plan);
  });
  const total = plan.national + plan.agencyItems + plan.communeItems;
  await step(`tasks (${total})`, async () => {
    for (let from = 1; from <= total; from += TASK_BATCH)
      await insertTasks(db, plan, bases, from, Math.min(total, from + TASK_BATCH - 1));
    await moveSequence(db, 'task');
  });
  await step('obligations and reports', () => insertReports(db, plan, bases));
  await step('report items', async () => {
    for (let m = 1; m <= plan.months; m += MONTH_BATCH)
      await insertReportItems(db, plan, bases, m, Math.min(plan.months, m + MONTH_BATCH - 1));
  });
  await step('bottlenecks, evidence, current status, targets', () => insertDerived(db, plan, bases));
  await step('analyze', () => analyze(db, database.engine));
  const counts = await syntheticCounts(db);
  if (!counts) throw new Error('the synthetic dataset is empty after generation');
  return { plan, counts, seconds };
}
