/** The sizes of a synthetic dataset, derived from a scale (1 = national: 500,000 tasks, 5,000,000 report items). */
export interface SyntheticPlan {
  scale: number;
  seed: number;
  /** Tasks of the program itself (national tasks). */
  national: number;
  /** Plan items of the 22 central bodies and 34 provinces (a multiple of 56). */
  agencyItems: number;
  communes: number;
  /** Plan items of the communes (a multiple of `communes`). */
  communeItems: number;
  months: number;
  /** Report items per monthly report (central bodies add one national task). */
  itemsPerReport: number;
}

export const NATIONAL = { tasks: 500_000, reportItems: 5_000_000, communes: 3_321 } as const;

/** `national` = 1, `small` = 1/100, or a fraction in (0, 1]. */
export function parseScale(text: string): number | undefined {
  if (text === 'national') return 1;
  if (text === 'small') return 0.01;
  const n = Number(text.includes('/') ? Number(text.split('/')[0]) / Number(text.split('/')[1]) : text);
  return Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

export function syntheticPlan(scale: number, seed: number): SyntheticPlan {
  const tasks = Math.round(NATIONAL.tasks * scale);
  const communes = Math.max(34, Math.round(NATIONAL.communes * scale));
  const national = Math.min(140, Math.max(22, Math.round(tasks / 50)));
  const agencyItems = 56 * Math.max(1, Math.round((tasks * 0.1) / 56));
  const perCommune = Math.max(1, Math.floor((tasks - national - agencyItems) / communes));
  const months = 60;
  const reports = (56 + communes) * months;
  const itemsPerReport = Math.max(
    1,
    Math.min(Math.round((NATIONAL.reportItems * scale) / reports), agencyItems / 56, perCommune),
  );
  return {
    scale,
    seed,
    national,
    agencyItems,
    communes,
    communeItems: perCommune * communes,
    months,
    itemsPerReport,
  };
}
