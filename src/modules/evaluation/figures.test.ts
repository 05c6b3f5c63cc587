import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluation.ts';
import { computeFigures, inPeriod } from './figures.ts';
import { agency, fact, factsOf, workedExample } from './fixtures.test-helpers.ts';
import { currentUnit, mergeLineage } from './lineage.ts';
import { parsePeriod } from './periods.ts';
import { DEFAULT_RULES } from './scoring-method.ts';

const H1 = parsePeriod('2025-H1')!;
const method = {
  id: 1,
  code: 'default',
  version: 1,
  nameVi: 'Mặc định',
  nameEn: 'Default',
  ...DEFAULT_RULES,
};

describe('the four counts', () => {
  it('counts a late completion, an extension, a recurring task and the partner role apart', () => {
    const [ba] = computeFigures(inPeriod(workedExample(), H1)).agencies;
    expect(ba!.lead).toEqual({
      assignments: 5,
      completedOnTime: 1,
      completedLate: 2,
      openWithinDeadline: 0,
      openOverdue: 1,
      notYetDue: 0,
      recurring: 1,
      noDeadline: 0,
      completionRate: 0.75,
      onTimeRate: 0.3333,
      averageLatenessWorkingDays: 14.67,
    });
    expect(ba!.partner).toMatchObject({
      assignments: 1,
      completedOnTime: 1,
      completionRate: 1,
      onTimeRate: 1,
    });
    expect(ba!.reporting).toEqual({
      expected: 6,
      submitted: 5,
      onTime: 4,
      reportingRate: 0.8333,
      onTimeReportingRate: 0.6667,
    });
    expect(ba!.bottlenecks).toEqual({ raised: 2, cleared: 1 });
  });

  it('counts a merged agency’s tasks under its successor, once per task, in the worse state', () => {
    const facts = factsOf({
      agencies: [agency(7, 'OLD', 'province'), agency(8, 'OLDER', 'province'), agency(9, 'NEW', 'province')],
      successorOf: { 7: 9, 8: 7 },
      tasks: [
        fact({ taskId: 1, agencyId: 8, statusClass: 'completed_on_time', completedOn: '2025-02-01' }),
        fact({ taskId: 2, agencyId: 7, statusClass: 'open_overdue', latenessWorkingDays: 10 }),
        fact({ taskId: 2, agencyId: 9, statusClass: 'open_within_deadline' }),
        fact({ taskId: 3, agencyId: 7, role: 'partner', statusClass: 'open_within_deadline' }),
        fact({ taskId: 3, agencyId: 9, statusClass: 'open_within_deadline' }),
      ],
      reporting: [
        { agencyId: 8, period: '2025-Q1', dueOn: '2025-03-31', expected: 2, submitted: 1, onTime: 1 },
      ],
    });
    expect(currentUnit(8, facts.successorOf)).toBe(9);
    const figures = computeFigures(inPeriod(mergeLineage(facts), H1));
    expect(figures.agencies.map((a) => a.code)).toEqual(['NEW']);
    expect(figures.agencies[0]!.lead).toMatchObject({
      assignments: 3,
      completedOnTime: 1,
      openOverdue: 1,
      openWithinDeadline: 1,
      completionRate: 0.5,
    });
    expect(figures.agencies[0]!.partner.assignments).toBe(0);
    expect(figures.agencies[0]!.reporting.expected).toBe(2);
    expect(figures.classes.find((c) => c.agencyClass === 'province')!.lead.assignments).toBe(3);
  });

  it('counts each occurrence of a recurring task as its own assignment', () => {
    const facts = factsOf({
      agencies: [agency(1, 'BA')],
      tasks: [
        fact({
          taskId: 9,
          agencyId: 1,
          occurrence: '2024',
          statusClass: 'completed_late',
          completedOn: '2025-01-10',
          latenessWorkingDays: 6,
        }),
        fact({
          taskId: 9,
          agencyId: 1,
          occurrence: '2025',
          statusClass: 'open_within_deadline',
          dueDateOriginal: '2025-12-31',
        }),
        fact({ taskId: 10, agencyId: 1, statusClass: 'recurring', dueDateOriginal: null }),
      ],
    });
    const [ba] = computeFigures(inPeriod(mergeLineage(facts), H1)).agencies;
    expect(ba!.lead).toMatchObject({
      assignments: 3,
      completedLate: 1,
      openWithinDeadline: 1,
      recurring: 1,
      completionRate: 1,
    });
  });

  it('survives a cycle in the lineage map', () => {
    expect(currentUnit(1, { 1: 2, 2: 1 })).toBe(2);
  });

  it('leaves tasks completed before the period to the earlier period', () => {
    const facts = factsOf({
      agencies: [agency(1, 'BA')],
      tasks: [
        fact({ taskId: 1, agencyId: 1, statusClass: 'completed_on_time', completedOn: '2024-12-20' }),
        fact({ taskId: 2, agencyId: 1, statusClass: 'open_overdue', latenessWorkingDays: 3 }),
      ],
    });
    const [ba] = computeFigures(inPeriod(facts, H1)).agencies;
    expect(ba!.lead).toMatchObject({ assignments: 1, openOverdue: 1, completionRate: 0 });
  });

  it('counts per task group once per task, in its worst state among leads', () => {
    const facts = factsOf({
      agencies: [agency(1, 'BA'), agency(2, 'BB')],
      tasks: [
        fact({
          taskId: 1,
          agencyId: 1,
          groupNo: 2,
          statusClass: 'completed_on_time',
          completedOn: '2025-02-01',
        }),
        fact({ taskId: 1, agencyId: 2, groupNo: 2, statusClass: 'open_overdue', latenessWorkingDays: 2 }),
        fact({ taskId: 2, agencyId: 2, groupNo: 3, statusClass: 'not_yet_due' }),
      ],
    });
    const { groups } = computeFigures(facts);
    expect(
      groups.map((g) => [g.groupNo, g.tasks.assignments, g.tasks.openOverdue, g.tasks.notYetDue]),
    ).toEqual([
      [2, 1, 1, 0],
      [3, 1, 0, 1],
    ]);
  });

  it('counts the partner role per task group apart from the lead role, once per task', () => {
    const facts = factsOf({
      agencies: [agency(1, 'BA'), agency(2, 'BB'), agency(3, 'BC')],
      tasks: [
        fact({
          taskId: 1,
          agencyId: 1,
          groupNo: 2,
          statusClass: 'completed_on_time',
          completedOn: '2025-02-01',
        }),
        // Two partners of task 1: it counts once for partners, in the worse state.
        fact({ taskId: 1, agencyId: 2, groupNo: 2, role: 'partner', statusClass: 'completed_on_time' }),
        fact({
          taskId: 1,
          agencyId: 3,
          groupNo: 2,
          role: 'partner',
          statusClass: 'open_overdue',
          latenessWorkingDays: 4,
        }),
        // A group where the tasks at hand have partners only still has its figures.
        fact({ taskId: 2, agencyId: 3, groupNo: 5, role: 'partner', statusClass: 'open_within_deadline' }),
      ],
    });
    const { groups } = computeFigures(facts);
    expect(
      groups.map((g) => [
        g.groupNo,
        [g.tasks.assignments, g.tasks.completedOnTime, g.tasks.openOverdue],
        [
          g.partner.assignments,
          g.partner.completedOnTime,
          g.partner.openOverdue,
          g.partner.openWithinDeadline,
        ],
      ]),
    ).toEqual([
      [2, [1, 1, 0], [1, 0, 1, 0]],
      [5, [0, 0, 0], [1, 0, 0, 1]],
    ]);
    expect(groups[0]!.partner.averageLatenessWorkingDays).toBe(4);
  });

  it('gives the same evaluation on every call for the same facts, whatever their order', () => {
    const facts = workedExample();
    const shuffled = {
      ...facts,
      tasks: [...facts.tasks].reverse(),
      reporting: [...facts.reporting].reverse(),
    };
    expect(JSON.stringify(evaluate(shuffled, H1, method))).toBe(JSON.stringify(evaluate(facts, H1, method)));
  });
});

describe('periods', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-H2', '2025-07-01', '2025-12-31'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
  ])('%s runs from %s to %s', (code, start, end) => {
    expect(parsePeriod(code)).toEqual({ code, start, end });
  });

  it.each(['2025-H3', '2025-13', 'H1', '2025-Q0', '1999'])('refuses %s', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });
});
