import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { occurrences as recurringOccurrences } from '../register/recurrence.ts';
import { vietnamDateOf } from './dates.ts';

/** The Government Office's model of a task's state on a date, plus the two cases it leaves implicit. */
export const STATUS_KINDS = [
  'completed_on_time',
  'completed_late',
  'open_within_deadline',
  'open_overdue',
  'not_yet_due',
  'recurring',
  'no_deadline',
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** One accepted report item: what the agency said and, where the reviewer disagreed, what counts. */
export interface StatusFact {
  reportId: number;
  agencyId: number;
  acceptedAt: string;
  agencyStatus: string;
  reviewerStatus: string | null;
  progress: number;
  completedOn: string | null;
  hasEvidence: boolean;
}

export interface TaskDeadline {
  /** The original deadline (at assignment, see register `deadlinesOf`); never changed by extensions. */
  dueDate: string | null;
  recurrence: 'yearly' | 'ongoing' | null;
  /** The deadline in force after approved extensions, when the caller knows one. */
  currentDeadline?: string | null;
}

export interface Judgement {
  status: Exclude<StatusKind, 'recurring'>;
  dueDate: string | null;
  completedOn: string | null;
  /** Working days past the original deadline (completion or as-of date); 0 when not late. */
  lateDays: number;
  /** The same judgement against the current deadline, when one was given. */
  againstCurrent: { status: Exclude<StatusKind, 'recurring'>; dueDate: string; lateDays: number } | null;
  progress: number;
  basis: StatusFact | null;
}

export interface Occurrence extends Judgement {
  period: string;
}

export interface TaskStatus {
  status: StatusKind;
  judgement: Judgement | null;
  occurrences: Occurrence[];
}

/** Completed counts only when accepted (facts are accepted items) with evidence, after any reviewer view. */
function completion(fact: StatusFact | null): string | null {
  if (!fact) return null;
  const status = fact.reviewerStatus ?? fact.agencyStatus;
  return status === 'completed' && fact.hasEvidence ? fact.completedOn : null;
}

function judgeAgainst(
  dueDate: string,
  completedOn: string | null,
  asOf: string,
  calendar: WorkingCalendar,
): { status: Exclude<StatusKind, 'recurring' | 'no_deadline'>; lateDays: number } {
  if (completedOn) {
    // The real calendar counts backwards (negative) for early completions; lateness is never below 0.
    const lateDays = calendar.lateness(dueDate, completedOn);
    return { status: completedOn <= dueDate ? 'completed_on_time' : 'completed_late', lateDays };
  }
  if (asOf > dueDate) return { status: 'open_overdue', lateDays: calendar.workingDaysBetween(dueDate, asOf) };
  return {
    status: dueDate.slice(0, 4) > asOf.slice(0, 4) ? 'not_yet_due' : 'open_within_deadline',
    lateDays: 0,
  };
}

function judge(
  dueDate: string | null,
  currentDeadline: string | null | undefined,
  fact: StatusFact | null,
  asOf: string,
  calendar: WorkingCalendar,
): Judgement {
  const completedOn = completion(fact);
  const progress = fact ? (completedOn ? 100 : fact.progress) : 0;
  if (!dueDate)
    return {
      status: 'no_deadline',
      dueDate: null,
      completedOn,
      lateDays: 0,
      againstCurrent: null,
      progress,
      basis: fact,
    };
  const original = judgeAgainst(dueDate, completedOn, asOf, calendar);
  const againstCurrent =
    currentDeadline && currentDeadline !== dueDate
      ? { dueDate: currentDeadline, ...judgeAgainst(currentDeadline, completedOn, asOf, calendar) }
      : null;
  return { ...original, dueDate, completedOn, againstCurrent, progress, basis: fact };
}

/**
 * A task's status as of a date from the facts accepted by then (oldest first). Rules in
 * docs/task-status.md. The same facts and date always give the same answer.
 */
export function taskStatusAsOf(
  task: TaskDeadline,
  facts: StatusFact[],
  asOf: string,
  calendar: WorkingCalendar,
  firstYear = 2025,
): TaskStatus {
  if (!task.recurrence) {
    const judgement = judge(task.dueDate, task.currentDeadline, facts.at(-1) ?? null, asOf, calendar);
    return { status: judgement.status, judgement, occurrences: [] };
  }
  // Recurring ("Hằng năm", "Thường xuyên"): the register's occurrences (one definition for the whole
  // platform: yearly due 31/12, ongoing per six-monthly reporting period) from the first year up to the
  // as-of date, each judged by the facts whose completion (or acceptance) day falls in its period.
  const start = task.dueDate ? Math.max(firstYear, Number(task.dueDate.slice(0, 4))) : firstYear;
  const occurrences: Occurrence[] = [];
  for (const o of recurringOccurrences(task.recurrence, `${start}-01-01`, asOf)) {
    if (o.periodStart > asOf) continue;
    const inPeriod = facts.filter((f) => {
      const day = f.completedOn ?? vietnamDateOf(f.acceptedAt);
      return day >= o.periodStart && day <= o.periodEnd;
    });
    const fact = inPeriod.at(-1) ?? null;
    occurrences.push({ period: o.period, ...judge(o.dueDate, null, fact, asOf, calendar) });
  }
  return { status: 'recurring', judgement: occurrences.at(-1) ?? null, occurrences };
}
