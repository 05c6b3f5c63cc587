import type { Agency, EvaluationFacts, TaskStatusFact } from './facts.ts';

/** A task fact with everything a test does not care about filled in; tests say only what matters. */
export function fact(
  overrides: Partial<TaskStatusFact> & Pick<TaskStatusFact, 'taskId' | 'agencyId' | 'statusClass'>,
): TaskStatusFact {
  return {
    taskCode: `T${overrides.taskId}`,
    occurrence: null,
    programCode: 'NQ57',
    groupNo: 1,
    role: 'lead',
    latenessWorkingDays: 0,
    dueDateOriginal: '2025-03-31',
    dueDateCurrent: overrides.dueDateOriginal ?? '2025-03-31',
    completedOn: null,
    evidenceAcceptedFirstReview: null,
    ...overrides,
  };
}

export function agency(id: number, code: string, agencyClass: Agency['agencyClass'] = 'ministry'): Agency {
  return { id, code, name: `Agency ${code}`, agencyClass };
}

export function factsOf(partial: Partial<EvaluationFacts>): EvaluationFacts {
  return {
    asOf: '2025-06-30',
    agencies: [],
    tasks: [],
    reporting: [],
    bottlenecks: [],
    successorOf: {},
    headTerms: [],
    ...partial,
  };
}

/**
 * The worked example of docs/evaluation.md: ministry "BA" (head: Nguyễn Văn A, over the whole period) in
 * 2025-H1, as of 2025-06-30.
 * Keep the two in step: worked-example.test.ts checks the hand-computed numbers against the code.
 */
export function workedExample(): EvaluationFacts {
  return factsOf({
    asOf: '2025-06-30',
    agencies: [agency(1, 'BA')],
    tasks: [
      fact({
        taskId: 1,
        agencyId: 1,
        statusClass: 'completed_on_time',
        completedOn: '2025-03-20',
        evidenceAcceptedFirstReview: true,
      }),
      fact({
        taskId: 2,
        agencyId: 1,
        statusClass: 'completed_late',
        latenessWorkingDays: 4,
        completedOn: '2025-04-04',
        evidenceAcceptedFirstReview: false,
      }),
      fact({
        taskId: 3,
        agencyId: 1,
        statusClass: 'open_overdue',
        latenessWorkingDays: 6,
        dueDateOriginal: '2025-06-20',
        dueDateCurrent: '2025-06-20',
      }),
      // Extended from 31/3 to 30/6 and done on 20/5: late against the original deadline.
      fact({
        taskId: 4,
        agencyId: 1,
        statusClass: 'completed_late',
        latenessWorkingDays: 34,
        dueDateCurrent: '2025-06-30',
        completedOn: '2025-05-20',
        evidenceAcceptedFirstReview: true,
      }),
      fact({
        taskId: 5,
        agencyId: 1,
        statusClass: 'recurring',
        dueDateOriginal: null,
        dueDateCurrent: null,
      }),
      fact({
        taskId: 6,
        agencyId: 1,
        role: 'partner',
        statusClass: 'completed_on_time',
        completedOn: '2025-03-25',
        evidenceAcceptedFirstReview: true,
      }),
    ],
    reporting: [
      { agencyId: 1, period: '2025-Q1', dueOn: '2025-03-31', expected: 3, submitted: 3, onTime: 2 },
      { agencyId: 1, period: '2025-Q2', dueOn: '2025-06-15', expected: 3, submitted: 2, onTime: 2 },
    ],
    bottlenecks: [
      { bottleneckId: 1, agencyId: 1, taskId: 3, raisedOn: '2025-04-10', clearedOn: null },
      { bottleneckId: 2, agencyId: 1, taskId: 2, raisedOn: '2025-02-01', clearedOn: '2025-03-15' },
    ],
    headTerms: [
      {
        personKey: 'user:101',
        head: { name: 'Nguyễn Văn A', title: 'Bộ trưởng' },
        agencyId: 1,
        from: '2024-04-01',
        to: null,
      },
    ],
  });
}
