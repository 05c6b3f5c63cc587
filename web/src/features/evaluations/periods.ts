/** Evaluation periods for the desk's choices (the server's rules: src/modules/evaluation/periods.ts). */

/** The first year the Program's evaluation covers (03/NQ-CP, January 2025). */
const FIRST_YEAR = 2025;

const pad = (n: number) => String(n).padStart(2, '0');

/** Every period from 2025 that has begun by `today`: per year the year, its halves, quarters and months. */
export function periodsUpTo(today: string): { year: number; codes: string[] }[] {
  const lastYear = Number(today.slice(0, 4));
  const years: { year: number; codes: string[] }[] = [];
  for (let year = lastYear; year >= FIRST_YEAR; year--) {
    const parts: [string, number][] = [
      [`${year}`, 1],
      [`${year}-H1`, 1],
      [`${year}-H2`, 7],
      ...[1, 2, 3, 4].map((q): [string, number] => [`${year}-Q${q}`, (q - 1) * 3 + 1]),
      ...Array.from({ length: 12 }, (_, i): [string, number] => [`${year}-${pad(i + 1)}`, i + 1]),
    ];
    years.push({
      year,
      codes: parts.filter(([, month]) => `${year}-${pad(month)}-01` <= today).map(([code]) => code),
    });
  }
  return years;
}

/** Today in Viet Nam (UTC+7), as the server counts days. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The half-year running today, e.g. "2026-H2": what a coordinator looks at most. */
export function currentHalf(today = vietnamToday()): string {
  return `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}
