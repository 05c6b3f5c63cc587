import type { BottleneckFact, ReportingFact, StatusClass, TaskStatusFact } from './facts.ts';
import { ratio } from './figures.ts';
import type { Criterion, ScoringRules, WeightCriterion } from './scoring-method.ts';

/** A task as it entered a score: its share (1 lead, partnerShare partner) and whether it counted for it. */
export interface ExplainedTask {
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
  /** The weight or penalty of the method. */
  weight: number;
  /** False when the agency had nothing this criterion measures; its weight then goes to the others. */
  applicable: boolean;
  numerator: number;
  denominator: number;
  ratio: number | null;
  /** Points this component adds (weights) or takes away (penalties); they sum to the score before clamping. */
  points: number;
  tasks?: ExplainedTask[];
  reports?: Pick<ReportingFact, 'period' | 'dueOn' | 'expected' | 'submitted' | 'onTime'>[];
  bottlenecks?: Pick<BottleneckFact, 'bottleneckId' | 'taskId' | 'raisedOn' | 'clearedOn'>[];
}

export interface ScoreExplanation {
  /** 0–100 with two decimals; null when nothing the method measures applies (nothing due, no report owed). */
  score: number | null;
  /** Sum of the applicable weights, over which the points are shared. */
  applicableWeight: number;
  components: ScoreComponent[];
}

const DUE: ReadonlySet<StatusClass> = new Set(['completed_on_time', 'completed_late', 'open_overdue']);

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

interface Measure {
  numerator: number;
  denominator: number;
  tasks?: ExplainedTask[];
  reports?: ScoreComponent['reports'];
  bottlenecks?: ScoreComponent['bottlenecks'];
}

function taskMeasure(
  facts: readonly TaskStatusFact[],
  share: (f: TaskStatusFact) => number,
  inDenominator: (f: TaskStatusFact) => boolean,
  inNumerator: (f: TaskStatusFact) => boolean,
): Measure {
  const counted = facts.filter((f) => share(f) > 0 && inDenominator(f));
  const tasks = counted.map((f) => ({
    taskId: f.taskId,
    taskCode: f.taskCode,
    occurrence: f.occurrence,
    role: f.role,
    statusClass: f.statusClass,
    latenessWorkingDays: f.latenessWorkingDays,
    share: share(f),
    inNumerator: inNumerator(f),
  }));
  return {
    numerator: round(
      tasks.filter((t) => t.inNumerator).reduce((s, t) => s + t.share, 0),
      4,
    ),
    denominator: round(
      tasks.reduce((s, t) => s + t.share, 0),
      4,
    ),
    tasks,
  };
}

/**
 * One agency's score and its explanation, from its facts in the period (already merged and scoped):
 *   score = 100 × Σ(weight × ratio) / Σ(applicable weights) − Σ(penalty × ratio), clamped to 0–100.
 * A criterion with an empty denominator does not apply, and the others share its weight.
 */
export function scoreAgency(
  rules: ScoringRules,
  tasks: readonly TaskStatusFact[],
  reporting: readonly ReportingFact[],
  bottlenecks: readonly BottleneckFact[],
  asOf: string,
): ScoreExplanation {
  const share = (f: TaskStatusFact) => (f.role === 'lead' ? 1 : rules.partnerShare);
  const due = (f: TaskStatusFact) => DUE.has(f.statusClass);
  const completed = (f: TaskStatusFact) =>
    f.statusClass === 'completed_on_time' || f.statusClass === 'completed_late';
  const measures: Record<Criterion, Measure> = {
    on_time_completion: taskMeasure(tasks, share, due, (f) => f.statusClass === 'completed_on_time'),
    late_completion: taskMeasure(tasks, share, due, (f) => f.statusClass === 'completed_late'),
    overdue: taskMeasure(tasks, share, due, (f) => f.statusClass === 'open_overdue'),
    evidence_first_review: taskMeasure(
      tasks,
      share,
      (f) => completed(f) && f.evidenceAcceptedFirstReview !== null,
      (f) => f.evidenceAcceptedFirstReview === true,
    ),
    reporting_on_time: {
      numerator: reporting.reduce((s, r) => s + r.onTime, 0),
      denominator: reporting.reduce((s, r) => s + r.expected, 0),
      reports: reporting.map(({ period, dueOn, expected, submitted, onTime }) => ({
        period,
        dueOn,
        expected,
        submitted,
        onTime,
      })),
    },
    bottlenecks_cleared: {
      numerator: bottlenecks.filter((b) => b.clearedOn !== null && b.clearedOn <= asOf).length,
      denominator: bottlenecks.length,
      bottlenecks: bottlenecks.map(({ bottleneckId, taskId, raisedOn, clearedOn }) => ({
        bottleneckId,
        taskId,
        raisedOn,
        clearedOn: clearedOn !== null && clearedOn <= asOf ? clearedOn : null,
      })),
    },
  };

  const weightKeys = Object.keys(rules.weights) as WeightCriterion[];
  const applicableWeight = weightKeys
    .filter((k) => measures[k].denominator > 0)
    .reduce((s, k) => s + rules.weights[k], 0);

  const component = (criterion: Criterion, kind: 'weight' | 'penalty', weight: number): ScoreComponent => {
    const m = measures[criterion];
    const applicable = m.denominator > 0;
    const exact = applicable ? m.numerator / m.denominator : 0;
    const points =
      !applicable || applicableWeight === 0
        ? 0
        : kind === 'weight'
          ? (100 * weight * exact) / applicableWeight
          : -weight * exact;
    const { numerator, denominator, ...detail } = m;
    return {
      criterion,
      kind,
      weight,
      applicable,
      numerator,
      denominator,
      ratio: ratio(numerator, denominator),
      points: round(points, 2),
      ...detail,
    };
  };

  const components = [
    ...weightKeys.map((k) => component(k, 'weight', rules.weights[k])),
    ...(Object.keys(rules.penalties) as (keyof ScoringRules['penalties'])[]).map((k) =>
      component(k, 'penalty', rules.penalties[k]),
    ),
  ];
  if (applicableWeight === 0) return { score: null, applicableWeight, components };
  // Sum exact points, round once: the displayed components may differ from the score by a rounding cent.
  const exactTotal = components.reduce((s, c) => {
    const m = measures[c.criterion];
    if (!c.applicable) return s;
    const r = m.numerator / m.denominator;
    return s + (c.kind === 'weight' ? (100 * c.weight * r) / applicableWeight : -c.weight * r);
  }, 0);
  return { score: round(Math.min(100, Math.max(0, exactTotal)), 2), applicableWeight, components };
}
