import { describe, expect, it } from 'vitest';
import { compareSnapshots } from './changes.ts';
import { evaluate, isEmptyEvaluation } from './evaluation.ts';
import { agency, fact, factsOf, workedExample } from './fixtures.test-helpers.ts';
import { parsePeriod } from './periods.ts';
import { rank } from './ranking.ts';
import { scoreAgency } from './scoring.ts';
import { DEFAULT_RULES, type ScoringRules, validateRules } from './scoring-method.ts';

const H1 = parsePeriod('2025-H1')!;
const method = {
  id: 1,
  code: 'default',
  version: 1,
  nameVi: 'Mặc định',
  nameEn: 'Default',
  ...DEFAULT_RULES,
};

describe('the worked example of docs/evaluation.md', () => {
  const e = evaluate(workedExample(), H1, method);
  const ba = e.scores[0]!.explanation;
  const points = Object.fromEntries(ba.components.map((c) => [c.criterion, c.points]));

  it('gives the points computed by hand, component by component', () => {
    expect(points).toEqual({
      on_time_completion: 13.33, // 40 × 1.5 / 4.5
      late_completion: 4.44, // 10 × 2 / 4.5
      evidence_first_review: 10.71, // 15 × 2.5 / 3.5
      reporting_on_time: 16.67, // 25 × 4 / 6
      bottlenecks_cleared: 5, // 10 × 1 / 2
      overdue: -4.44, // −20 × 1 / 4.5
    });
    expect(ba.score).toBe(45.71);
  });

  it('opens each component down to the tasks, reports and bottlenecks that made it', () => {
    const onTime = ba.components.find((c) => c.criterion === 'on_time_completion')!;
    expect(onTime.tasks!.filter((t) => t.inNumerator).map((t) => [t.taskCode, t.role, t.share])).toEqual([
      ['T1', 'lead', 1],
      ['T6', 'partner', 0.5],
    ]);
    expect(onTime.tasks!.map((t) => t.taskCode)).not.toContain('T5'); // recurring: never due
    const evidence = ba.components.find((c) => c.criterion === 'evidence_first_review')!;
    expect(evidence.tasks!.map((t) => [t.taskCode, t.inNumerator])).toEqual([
      ['T1', true],
      ['T2', false],
      ['T4', true],
      ['T6', true],
    ]);
    expect(ba.components.find((c) => c.criterion === 'reporting_on_time')!.reports).toHaveLength(2);
    expect(ba.components.find((c) => c.criterion === 'bottlenecks_cleared')!.bottlenecks).toHaveLength(2);
  });

  it('gives the head a scorecard with the agency, its score and rank', () => {
    expect(e.scorecards).toEqual([
      expect.objectContaining({
        head: { name: 'Nguyễn Văn A', title: 'Bộ trưởng' },
        agencies: [
          expect.objectContaining({
            code: 'BA',
            from: '2025-01-01',
            to: '2025-06-30',
            wholePeriod: true,
            score: 45.71,
            rank: 1,
            rankedAmong: 1,
          }),
        ],
      }),
    ]);
  });
});

describe('scores', () => {
  it('shares the weight of a criterion that does not apply among the others', () => {
    // Only tasks: no report owed, no bottleneck, no evidence known → 40 + 10 applicable.
    const tasks = [
      fact({ taskId: 1, agencyId: 1, statusClass: 'completed_on_time', completedOn: '2025-02-01' }),
      fact({
        taskId: 2,
        agencyId: 1,
        statusClass: 'completed_late',
        latenessWorkingDays: 2,
        completedOn: '2025-04-01',
      }),
    ];
    const s = scoreAgency(DEFAULT_RULES, tasks, [], [], '2025-06-30');
    expect(s.applicableWeight).toBe(50);
    expect(s.score).toBe(50); // 100 × (40 × 0.5 + 10 × 0.5) / 50
    expect(s.components.filter((c) => !c.applicable).map((c) => c.criterion)).toEqual([
      'evidence_first_review',
      'reporting_on_time',
      'bottlenecks_cleared',
    ]);
  });

  it('never goes below 0', () => {
    const tasks = [fact({ taskId: 1, agencyId: 1, statusClass: 'open_overdue', latenessWorkingDays: 9 })];
    const reporting = [
      { agencyId: 1, period: '2025-Q1', dueOn: '2025-03-31', expected: 1, submitted: 0, onTime: 0 },
    ];
    expect(scoreAgency(DEFAULT_RULES, tasks, reporting, [], '2025-06-30').score).toBe(0);
  });

  it('does not score an agency with nothing due and no report owed', () => {
    const tasks = [fact({ taskId: 1, agencyId: 1, statusClass: 'open_within_deadline' })];
    expect(scoreAgency(DEFAULT_RULES, tasks, [], [], '2025-06-30').score).toBeNull();
  });

  it('leaves partners out when the partner share is 0', () => {
    const tasks = [
      fact({ taskId: 1, agencyId: 1, role: 'partner', statusClass: 'open_overdue', latenessWorkingDays: 3 }),
    ];
    expect(scoreAgency({ ...DEFAULT_RULES, partnerShare: 0 }, tasks, [], [], '2025-06-30').score).toBeNull();
  });
});

describe('rankings', () => {
  const scored = (
    agencyId: number,
    code: string,
    score: number | null,
    agencyClass: 'ministry' | 'province' = 'province',
  ) => ({
    agencyId,
    code,
    name: code,
    agencyClass,
    score,
  });

  it('ranks provinces and ministries apart, ties sharing a rank and the next rank skipped', () => {
    const all = [
      scored(1, 'P1', 60),
      scored(2, 'P2', 80),
      scored(3, 'P3', 80),
      scored(4, 'P4', null),
      scored(5, 'P5', 95.5),
      scored(6, 'M1', 10, 'ministry'),
    ];
    const provinces = rank(all, 'province');
    expect(provinces.ranked.map((r) => [r.code, r.rank, r.tied])).toEqual([
      ['P5', 1, false],
      ['P2', 2, true],
      ['P3', 2, true],
      ['P1', 4, false],
    ]);
    expect(provinces.unranked.map((u) => u.code)).toEqual(['P4']);
    expect(rank(all, 'ministry').ranked.map((r) => [r.code, r.rank])).toEqual([['M1', 1]]);
  });

  it('ranks a hand-made set of provinces from their facts', () => {
    const facts = factsOf({
      agencies: [agency(1, 'HN', 'province'), agency(2, 'HP', 'province'), agency(3, 'DN', 'province')],
      tasks: [
        fact({ taskId: 1, agencyId: 1, statusClass: 'completed_on_time', completedOn: '2025-03-01' }),
        fact({
          taskId: 1,
          agencyId: 2,
          statusClass: 'completed_late',
          completedOn: '2025-04-01',
          latenessWorkingDays: 5,
        }),
        fact({ taskId: 1, agencyId: 3, statusClass: 'open_overdue', latenessWorkingDays: 60 }),
      ],
    });
    const e = evaluate(facts, H1, method);
    // HN 100 × 40/50 ... on time: 40 × 1 → 80; HP: 10 × 1 → 20; DN: 0 − 20 → 0.
    expect(e.rankings[1]!.ranked.map((r) => [r.code, r.score, r.rank])).toEqual([
      ['HN', 80, 1],
      ['HP', 20, 2],
      ['DN', 0, 3],
    ]);
    expect(isEmptyEvaluation(e)).toBe(false);
  });

  it('says what changed since the previous snapshot', () => {
    const before = [
      {
        agencyClass: 'province' as const,
        ranked: [
          { agencyId: 1, code: 'HN', name: 'HN', score: 70, rank: 2, tied: false },
          { agencyId: 2, code: 'HP', name: 'HP', score: 75, rank: 1, tied: false },
        ],
        unranked: [],
      },
    ];
    const after = [
      {
        agencyClass: 'province' as const,
        ranked: [
          { agencyId: 1, code: 'HN', name: 'HN', score: 80.5, rank: 1, tied: false },
          { agencyId: 3, code: 'DN', name: 'DN', score: 50, rank: 2, tied: false },
        ],
        unranked: [{ agencyId: 2, code: 'HP', name: 'HP', reason: 'nothing_to_score' as const }],
      },
    ];
    const changes = compareSnapshots(
      { id: 9, period: '2024-H2', methodKey: 'default@1', rankings: before },
      { period: '2025-H1', methodKey: 'default@2', rankings: after },
    );
    expect(changes.previousSnapshotId).toBe(9);
    expect(changes.methodChanged).toBe(true);
    expect(changes.agencies.map((a) => [a.code, a.previousRank, a.rank, a.move, a.scoreDelta])).toEqual([
      ['HN', 2, 1, 1, 10.5],
      ['DN', null, 2, null, null],
      ['HP', 1, null, null, null],
    ]);
  });
});

describe('an empty period', () => {
  it('is one with nothing due, completed or owed', () => {
    const facts = factsOf({
      asOf: '2024-06-30',
      agencies: [agency(1, 'BA')],
      tasks: [
        fact({
          taskId: 1,
          agencyId: 1,
          statusClass: 'not_yet_due',
          dueDateOriginal: '2025-12-31',
          dueDateCurrent: '2025-12-31',
        }),
      ],
    });
    expect(isEmptyEvaluation(evaluate(facts, parsePeriod('2024-H1')!, method))).toBe(true);
  });
});

describe('weight sets', () => {
  const rules = (
    patch: Partial<ScoringRules['weights']>,
    extra: Partial<ScoringRules> = {},
  ): ScoringRules => ({
    ...DEFAULT_RULES,
    weights: { ...DEFAULT_RULES.weights, ...patch },
    ...extra,
  });

  it('accepts the default', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual([]);
  });

  it.each([
    [rules({ on_time_completion: 35 }), 'weights: must sum to 100 (they sum to 95)'],
    [rules({ on_time_completion: 40.5 }), 'weights.on_time_completion: must be a whole number from 0 to 100'],
    [
      rules({ late_completion: -10, on_time_completion: 60 }),
      'weights.late_completion: must be a whole number from 0 to 100',
    ],
    [rules({}, { penalties: { overdue: 60 } }), 'penalties.overdue: must be a whole number from 0 to 50'],
    [rules({}, { partnerShare: 0.33 }), 'partnerShare: must be from 0 to 1 in steps of 0.05'],
  ])('refuses a bad set with the reason', (bad, reason) => {
    expect(validateRules(bad).map((i) => `${i.field}: ${i.problem}`)).toEqual([reason]);
  });
});
