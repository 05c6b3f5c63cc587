import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

/** Response shapes of the public evaluation endpoints (src/modules/evaluation/evaluation.presenter.ts). */

export const WEIGHT_CRITERIA = [
  'on_time_completion',
  'late_completion',
  'evidence_first_review',
  'reporting_on_time',
  'bottlenecks_cleared',
] as const;
export type WeightCriterion = (typeof WEIGHT_CRITERIA)[number];
export type Criterion = WeightCriterion | 'overdue';

export type StatusClass =
  | 'completed_on_time'
  | 'completed_late'
  | 'open_within_deadline'
  | 'open_overdue'
  | 'not_yet_due'
  | 'recurring'
  | 'no_deadline';

export type RankedClass = 'ministry' | 'province';

export interface SnapshotSummary {
  id: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  methodId: number;
  previousSnapshotId: number | null;
  contentHash: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface Method {
  id: number;
  code: string;
  version: number;
  nameVi: string;
  nameEn: string | null;
  weights: Record<WeightCriterion, number>;
  penalties: { overdue: number };
  partnerShare: number;
}

export interface MethodDetail extends Method {
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export interface TaskFigures {
  assignments: number;
  completedOnTime: number;
  completedLate: number;
  openWithinDeadline: number;
  openOverdue: number;
  notYetDue: number;
  recurring: number;
  noDeadline: number;
  completionRate: number | null;
  onTimeRate: number | null;
  averageLatenessWorkingDays: number | null;
}

export interface ReportingFigures {
  expected: number;
  submitted: number;
  onTime: number;
  reportingRate: number | null;
  onTimeReportingRate: number | null;
}

/** A head of agency as published: name and title only. */
export interface Head {
  name: string | null;
  title?: string | null;
}

export interface AgencyFigures {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: RankedClass | 'other';
  lead: TaskFigures;
  partner: TaskFigures;
  reporting: ReportingFigures;
  bottlenecks: { raised: number; cleared: number };
}

export interface ComponentTask {
  taskId: number;
  taskCode: string;
  occurrence: string | null;
  role: 'lead' | 'partner';
  statusClass: StatusClass;
  latenessWorkingDays: number;
  share: number;
  inNumerator: boolean;
}

export interface ScoreComponent {
  criterion: Criterion;
  kind: 'weight' | 'penalty';
  weight: number;
  applicable: boolean;
  numerator: number;
  denominator: number;
  ratio: number | null;
  points: number;
  tasks?: ComponentTask[];
  reports?: { period: string; dueOn: string; expected: number; submitted: number; onTime: number }[];
  bottlenecks?: { bottleneckId: number; taskId: number | null; raisedOn: string; clearedOn: string | null }[];
}

export interface Explanation {
  score: number | null;
  applicableWeight: number;
  components: ScoreComponent[];
}

export interface Ranking {
  agencyClass: RankedClass;
  ranked: { agencyId: number; code: string; name: string; score: number; rank: number; tied: boolean }[];
  unranked: { agencyId: number; code: string; name: string; reason: 'nothing_to_score' }[];
}

export interface RankChange {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: RankedClass;
  previousRank: number | null;
  rank: number | null;
  move: number | null;
  previousScore: number | null;
  score: number | null;
  scoreDelta: number | null;
}

export interface Recheck {
  id: number;
  snapshotId: number;
  agencyId: number;
  reason: string;
  requestedAt: string;
  answer: string | null;
  outcome: 'upheld' | 'corrected_in_next' | null;
  answeredAt: string | null;
}

/** One agency on a head's scorecard, over the days they held the role (fields marked ? are missing
 * from snapshots published before head terms were read). */
export interface ScorecardAgency {
  agencyId: number;
  code: string;
  name: string;
  from?: string;
  to?: string;
  wholePeriod?: boolean;
  score: number | null;
  rank: number | null;
  rankedAmong: number;
  lead: TaskFigures;
  partner?: TaskFigures;
  reporting: ReportingFigures;
  bottlenecks?: { raised: number; cleared: number };
  explanation?: Explanation;
}

export interface Scorecard {
  head: Head;
  agencies: ScorecardAgency[];
}

export interface GroupFigures {
  groupNo: number;
  /** The lead role. */
  tasks: TaskFigures;
  partner?: TaskFigures;
}

export interface ClassFigures {
  agencyClass: RankedClass | 'other';
  lead: TaskFigures;
  partner: TaskFigures;
  reporting: ReportingFigures;
}

export interface Figures {
  agencies: AgencyFigures[];
  groups?: GroupFigures[];
  classes?: ClassFigures[];
}

export interface SnapshotChanges {
  previousSnapshotId: number | null;
  previousPeriod: string | null;
  methodChanged: boolean;
  agencies: RankChange[];
}

/** What an evaluation holds, published or live (src/modules/evaluation/evaluation.ts). */
export interface EvaluationContent {
  period: { code: string; start: string; end: string };
  asOf: string;
  method: Method;
  basis: { tasksDue: number; tasksCompleted: number; reportsExpected: number };
  figures: Figures;
  scores: { agencyId: number; code: string; name: string; explanation: Explanation }[];
  rankings: Ranking[];
  scorecards: Scorecard[];
  changes: SnapshotChanges;
}

export interface Snapshot extends SnapshotSummary {
  hashVerified: boolean;
  content: EvaluationContent & { programCode: string };
  rechecks: Recheck[];
}

/** A head of the agency in a snapshot, pointing at their scorecard (numbered from 1). */
export interface AgencyHead {
  scorecard: number;
  name: string | null;
  title: string | null;
  from: string | null;
  to: string | null;
  wholePeriod: boolean | null;
}

export interface SnapshotAgency {
  snapshotId: number;
  period: string;
  asOf: string;
  contentHash: string;
  method: Method;
  figures: AgencyFigures;
  explanation: Explanation;
  rank: { agencyClass: RankedClass; rank: number; among: number; tied: boolean } | null;
  change: RankChange | null;
  heads: AgencyHead[];
  rechecks: Recheck[];
}

export interface SnapshotHead {
  snapshotId: number;
  period: string;
  periodStart: string;
  asOf: string;
  contentHash: string;
  method: Method;
  number: number;
  scorecard: Scorecard;
  rechecks: Recheck[];
}

export const evaluationsQuery = () =>
  queryOptions({
    queryKey: ['evaluations'],
    queryFn: ({ signal }) => getJson<{ items: SnapshotSummary[] }>('/public/evaluations', {}, signal),
  });

export const evaluationQuery = (id: number) =>
  queryOptions({
    queryKey: ['evaluation', id],
    queryFn: ({ signal }) => getJson<Snapshot>(`/public/evaluations/${id}`, {}, signal),
    // A published snapshot never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const evaluationAgencyQuery = (id: number, agencyId: number) =>
  queryOptions({
    queryKey: ['evaluation', id, 'agency', agencyId],
    queryFn: ({ signal }) =>
      getJson<SnapshotAgency>(`/public/evaluations/${id}/agencies/${agencyId}`, {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const evaluationHeadQuery = (id: number, number: number) =>
  queryOptions({
    queryKey: ['evaluation', id, 'head', number],
    queryFn: ({ signal }) => getJson<SnapshotHead>(`/public/evaluations/${id}/heads/${number}`, {}, signal),
  });

export const methodQuery = (id: number) =>
  queryOptions({
    queryKey: ['evaluation-method', id],
    queryFn: ({ signal }) => getJson<MethodDetail>(`/public/evaluations/methods/${id}`, {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useEvaluations = () => useQuery(evaluationsQuery());
export const useEvaluation = (id: number) => useQuery(evaluationQuery(id));
export const useEvaluationAgency = (id: number, agencyId: number) =>
  useQuery(evaluationAgencyQuery(id, agencyId));
export const useEvaluationHead = (id: number, number: number) => useQuery(evaluationHeadQuery(id, number));
export const useMethod = (id: number | undefined) =>
  useQuery({ ...methodQuery(id ?? 0), enabled: id !== undefined });
