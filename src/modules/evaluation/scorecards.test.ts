import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluation.ts';
import type { HeadTerm } from './facts.ts';
import { agency, fact, factsOf } from './fixtures.test-helpers.ts';
import { parsePeriod } from './periods.ts';
import { headFactDates, termWindow } from './scorecards.ts';
import { DEFAULT_RULES } from './scoring-method.ts';

const H1 = parsePeriod('2025-H1')!;
const method = { id: 1, code: 'default', version: 1, nameVi: 'Mặc định', nameEn: null, ...DEFAULT_RULES };

const term = (
  personKey: string,
  name: string,
  agencyId: number,
  from: string,
  to: string | null,
): HeadTerm => ({
  personKey,
  head: { name, title: 'Bộ trưởng' },
  agencyId,
  from,
  to,
});

/**
 * Ministry BA, first half of 2025. Head A held the role until 1/4, head B from 1/4 (the handover day
 * counts for both). T1 was completed on time on 20/3 under A; T2 fell due on 31/5 under B and is overdue.
 * Q1's report came on time; Q2's (due 15/6) never came.
 */
function handover() {
  const terms = [
    term('user:1', 'Nguyễn Văn A', 1, '2024-10-01', '2025-04-01'),
    term('user:2', 'Trần Thị B', 1, '2025-04-01', null),
    // Took the role after the as-of date: no card. Head of a department: not a ranked agency.
    term('user:3', 'Lê Văn C', 1, '2025-07-05', null),
    term('user:4', 'Phạm Văn D', 99, '2025-01-01', null),
  ];
  const onTime = fact({
    taskId: 1,
    agencyId: 1,
    statusClass: 'completed_on_time',
    completedOn: '2025-03-20',
    dueDateOriginal: '2025-03-31',
  });
  const q1 = { agencyId: 1, period: '2025-Q1', dueOn: '2025-03-31', expected: 1, submitted: 1, onTime: 1 };
  const q2 = { agencyId: 1, period: '2025-Q2', dueOn: '2025-06-15', expected: 1, submitted: 0, onTime: 0 };
  const main = factsOf({
    asOf: '2025-06-30',
    agencies: [agency(1, 'BA')],
    tasks: [
      onTime,
      fact({
        taskId: 2,
        agencyId: 1,
        statusClass: 'open_overdue',
        latenessWorkingDays: 21,
        dueDateOriginal: '2025-05-31',
        dueDateCurrent: '2025-05-31',
      }),
    ],
    reporting: [q1, q2],
    headTerms: terms,
  });
  // The same agency as it stood at the end of 1/4: T2 not yet due, Q2 not yet owed.
  const atHandover = factsOf({
    asOf: '2025-04-01',
    agencies: [agency(1, 'BA')],
    tasks: [
      onTime,
      fact({
        taskId: 2,
        agencyId: 1,
        statusClass: 'not_yet_due',
        dueDateOriginal: '2025-05-31',
        dueDateCurrent: '2025-05-31',
      }),
    ],
    reporting: [q1],
  });
  return { main, atHandover };
}

describe('scorecards of heads of agencies', () => {
  it('cuts each term to the days of the evaluation window', () => {
    expect(termWindow(term('k', 'A', 1, '2024-10-01', '2025-04-01'), H1, '2025-06-30')).toEqual({
      from: '2025-01-01',
      to: '2025-04-01',
    });
    expect(termWindow(term('k', 'A', 1, '2025-03-01', null), H1, '2025-05-31')).toEqual({
      from: '2025-03-01',
      to: '2025-05-31',
    });
    expect(termWindow(term('k', 'A', 1, '2025-06-01', null), H1, '2025-05-31')).toBeNull();
    expect(termWindow(term('k', 'A', 1, '2024-01-01', '2024-12-31'), H1, '2025-06-30')).toBeNull();
  });

  it('needs the facts as of the last day of a head who left during the period', () => {
    expect(headFactDates(handover().main, H1)).toEqual(['2025-04-01']);
  });

  it("gives each head the agency's figures and score over the days they held the role", () => {
    const { main, atHandover } = handover();
    const e = evaluate(main, H1, method, new Map([['2025-04-01', atHandover]]));
    expect(e.scorecards.map((c) => c.head.name)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    const [a, b] = e.scorecards.map((c) => c.agencies[0]!);
    // A: T1 done on time, T2 not yet due on 1/4; Q1 on time. 100 × (40 + 25) / 75 = 86.67.
    expect(a).toMatchObject({
      code: 'BA',
      from: '2025-01-01',
      to: '2025-04-01',
      wholePeriod: false,
      score: 86.67,
      rank: null,
      lead: { completedOnTime: 1, notYetDue: 1, openOverdue: 0 },
      reporting: { expected: 1, onTime: 1 },
    });
    expect(a!.explanation?.components.find((c) => c.criterion === 'on_time_completion')?.tasks).toHaveLength(
      1,
    );
    // B: T1 was done before B took the role; T2 overdue, Q2 missing: nothing earned, 20 taken, 0.
    expect(b).toMatchObject({
      from: '2025-04-01',
      to: '2025-06-30',
      wholePeriod: false,
      score: 0,
      lead: { assignments: 1, completedOnTime: 0, openOverdue: 1, averageLatenessWorkingDays: 21 },
      reporting: { expected: 1, submitted: 0 },
    });
    // The agency's own score covers the whole half: T1 on time, T2 overdue, one report of two on time.
    expect(e.scores[0]!.explanation.score).toBe(33.33);
    // Names and titles only: no account id, no email in what gets published.
    expect(Object.keys(e.scorecards[0]!.head).sort()).toEqual(['name', 'title']);
  });

  it('gives a head of the whole period the agency figures, score and rank', () => {
    const { main } = handover();
    const e = evaluate(
      { ...main, headTerms: [term('user:9', 'Võ Văn E', 1, '2024-01-01', null)] },
      H1,
      method,
    );
    expect(e.scorecards).toHaveLength(1);
    expect(e.scorecards[0]!.agencies[0]).toMatchObject({
      wholePeriod: true,
      score: e.scores[0]!.explanation.score,
      rank: 1,
      rankedAmong: 1,
    });
    expect(e.scorecards[0]!.agencies[0]!.explanation).toBeUndefined();
  });

  it('puts every agency a person headed on one card', () => {
    const { main } = handover();
    const e = evaluate(
      {
        ...main,
        agencies: [agency(1, 'BA'), agency(2, 'BB')],
        headTerms: [
          term('user:9', 'Võ Văn E', 2, '2024-01-01', null),
          term('user:9', 'Võ Văn E', 1, '2024-01-01', null),
        ],
      },
      H1,
      method,
    );
    expect(e.scorecards).toHaveLength(1);
    expect(e.scorecards[0]!.agencies.map((a) => a.code)).toEqual(['BA', 'BB']);
  });

  it('refuses to guess when the facts of a departure day were not loaded', () => {
    expect(() => evaluate(handover().main, H1, method)).toThrow(/2025-04-01/);
  });
});
