import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluation.ts';
import { workedExample } from './fixtures.test-helpers.ts';
import { parsePeriod } from './periods.ts';
import { DEFAULT_RULES, PENALTY_CRITERIA, WEIGHT_CRITERIA } from './scoring-method.ts';

const DOC = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'evaluation.md'),
  'utf8',
);
const CRITERIA: readonly string[] = [...WEIGHT_CRITERIA, ...PENALTY_CRITERIA];

/** Rows of the markdown tables whose first cell names a criterion, split into cells. */
function criterionRows(columns: number): string[][] {
  return DOC.split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    )
    .filter((cells) => cells.length === columns && CRITERIA.includes(cells[0]!.split(' ')[0]!));
}

describe('docs/evaluation.md against the code', () => {
  it('states the default weights the code uses', () => {
    const documented = Object.fromEntries(
      criterionRows(2).map(([name, weight]) => [name!.split(' ')[0], Number(weight)]),
    );
    expect(documented).toEqual({ ...DEFAULT_RULES.weights, ...DEFAULT_RULES.penalties });
    expect(Number(/\|\s*partnerShare\s*\|\s*([\d.]+)\s*\|/.exec(DOC)?.[1])).toBe(DEFAULT_RULES.partnerShare);
  });

  it('computes by hand the points and the score the code computes', () => {
    const [ba] = evaluate(workedExample(), parsePeriod('2025-H1')!, {
      id: 1,
      code: 'default',
      version: 1,
      nameVi: 'Mặc định',
      nameEn: null,
      ...DEFAULT_RULES,
    }).scores;
    const byHand = criterionRows(6).map(([criterion, weight, , denominator, ratio, points]) => ({
      criterion,
      weight: Number(weight),
      denominator: Number(denominator),
      ratio: Number(ratio),
      points: Number(points!.split('=').pop()!.replace('−', '-').trim()),
    }));
    expect(byHand).toEqual(
      ba!.explanation.components.map(({ criterion, weight, denominator, ratio, points }) => ({
        criterion,
        weight,
        denominator,
        ratio,
        points,
      })),
    );
    const score = /shown as \*\*([\d.]+)\*\*/.exec(DOC)?.[1];
    expect(Number(score)).toBe(ba!.explanation.score);
  });
});
