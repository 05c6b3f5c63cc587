/**
 * The inputs of an evaluation. The task-status service (src/modules/task-status) classifies every task as
 * of a date; task-facts.repository.ts, the one adapter, turns its answers and the reports, bottlenecks and
 * org lineage into these facts.
 * Everything in this module is computed from arrays of these facts by pure functions, so the same facts
 * give the same figures, scores and rankings on every call.
 */

/**
 * The Government Office's status classes as of a date, plus the three that stay out of the four counts
 * (the same names as the task-status service's STATUS_KINDS).
 */
export const STATUS_CLASSES = [
  'completed_on_time',
  'completed_late',
  'open_within_deadline',
  'open_overdue',
  'not_yet_due',
  'recurring',
  'no_deadline',
] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export type AgencyRole = 'lead' | 'partner';

/** Ministries, ministerial and government agencies rank together; provinces and cities together. */
export type AgencyClass = 'ministry' | 'province' | 'other';

export interface Agency {
  id: number;
  code: string;
  name: string;
  agencyClass: AgencyClass;
}

/**
 * A head of agency as published: name and title only (Decree 13/2023/NĐ-CP: name, title, unit; the unit
 * is the agency the scorecard lists). No account id or email ever enters an evaluation.
 */
export interface Head {
  name: string;
  title: string | null;
}

/**
 * One time a person held the `agency_head` role at an agency, in Viet Nam calendar days, both ends
 * included (on a handover day both the leaving and the arriving head held it). From the identity module.
 */
export interface HeadTerm {
  /** Groups one person's terms into one scorecard; never published. */
  personKey: string;
  head: Head;
  agencyId: number;
  from: string;
  /** Null while the role is still held. */
  to: string | null;
}

/** One task as carried by one agency in one role, classified as of the evaluation date. */
export interface TaskStatusFact {
  taskId: number;
  taskCode: string;
  /**
   * For a recurring task classified per occurrence ("2025" of a yearly task), the occurrence; each counts
   * as its own assignment. Null for a one-off task, or a recurring one classified as a whole (`recurring`).
   */
  occurrence: string | null;
  programCode: string;
  groupNo: number;
  agencyId: number;
  role: AgencyRole;
  statusClass: StatusClass;
  /** Working days past the original deadline: at completion (late) or as of the date (overdue); else 0. */
  latenessWorkingDays: number;
  dueDateOriginal: string | null;
  dueDateCurrent: string | null;
  completedOn: string | null;
  /** Whether the completing report's evidence was accepted at its first review; null when not completed. */
  evidenceAcceptedFirstReview: boolean | null;
}

/** Reports one agency owed for one reporting period, and how many came, and how many on time. */
export interface ReportingFact {
  agencyId: number;
  /** The reporting period as the schedule names it, e.g. "2025-06" or "2025-H1". */
  period: string;
  /** The date the reports were due; decides which evaluation period the fact falls in. */
  dueOn: string;
  expected: number;
  submitted: number;
  onTime: number;
}

export interface BottleneckFact {
  bottleneckId: number;
  agencyId: number;
  taskId: number | null;
  raisedOn: string;
  clearedOn: string | null;
}

/** Everything an evaluation reads, as of one date. */
export interface EvaluationFacts {
  asOf: string;
  agencies: Agency[];
  tasks: TaskStatusFact[];
  reporting: ReportingFact[];
  bottlenecks: BottleneckFact[];
  /** Merged units: predecessor id → successor id (the orgs module's lineage). */
  successorOf: Record<number, number>;
  /** Who held the agency_head role at which agency, over the period being evaluated. */
  headTerms: HeadTerm[];
  /**
   * Reports owed by every unit in the evaluated period, when `reporting` holds only the ranked agencies'
   * facts (the repository's period-scoped read); otherwise the sum of `reporting` is that number.
   */
  reportsExpectedInPeriod?: number;
}
