import type {
  Agency,
  AgencyClass,
  AgencyRole,
  BottleneckFact,
  EvaluationFacts,
  ReportingFact,
  TaskStatusFact,
} from './facts.ts';
import { worseOf } from './lineage.ts';
import type { Period } from './periods.ts';

/** The four counts of the Government Office's model, the two classes outside them, and the rates. */
export interface TaskFigures {
  assignments: number;
  completedOnTime: number;
  completedLate: number;
  openWithinDeadline: number;
  openOverdue: number;
  notYetDue: number;
  recurring: number;
  noDeadline: number;
  /** completed / (completed + open overdue); null when nothing is completed or overdue. */
  completionRate: number | null;
  /** completed on time / completed; null when nothing is completed. */
  onTimeRate: number | null;
  /** Mean working days late over the tasks that are or were late (completed late, open overdue). */
  averageLatenessWorkingDays: number | null;
}

export interface ReportingFigures {
  expected: number;
  submitted: number;
  onTime: number;
  /** submitted / expected */
  reportingRate: number | null;
  /** on time / expected */
  onTimeReportingRate: number | null;
}

export interface BottleneckFigures {
  raised: number;
  cleared: number;
}

export interface AgencyFigures {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: AgencyClass;
  lead: TaskFigures;
  partner: TaskFigures;
  reporting: ReportingFigures;
  bottlenecks: BottleneckFigures;
}

export interface GroupFigures {
  groupNo: number;
  /** The lead role, counted per task: a task with several leads counts once, in its worst state. */
  tasks: TaskFigures;
  /** The partner role, counted the same way: a task with several partners counts once, in their worst state. */
  partner: TaskFigures;
}

export interface ClassFigures {
  agencyClass: AgencyClass;
  lead: TaskFigures;
  partner: TaskFigures;
  reporting: ReportingFigures;
}

export interface Figures {
  agencies: AgencyFigures[];
  groups: GroupFigures[];
  classes: ClassFigures[];
}

/** Rates keep four decimals: enough for a percentage with two, and the same text on every engine. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null;
}

/**
 * The facts that belong to a period evaluated as of a date: a task completed before the period began was
 * counted in an earlier period; reports count when due within [start, asOf]; a bottleneck counts when
 * raised by asOf and not cleared before the period began. Facts are already classified as of asOf.
 */
export function inPeriod(facts: EvaluationFacts, period: Period): EvaluationFacts {
  const { asOf } = facts;
  return {
    ...facts,
    tasks: facts.tasks.filter((t) => !(t.completedOn !== null && t.completedOn < period.start)),
    reporting: facts.reporting.filter((r) => r.dueOn >= period.start && r.dueOn <= asOf),
    bottlenecks: facts.bottlenecks.filter(
      (b) => b.raisedOn <= asOf && !(b.clearedOn !== null && b.clearedOn < period.start),
    ),
  };
}

export function taskFigures(facts: readonly TaskStatusFact[]): TaskFigures {
  const n = (c: TaskStatusFact['statusClass']) => facts.filter((f) => f.statusClass === c).length;
  const completedOnTime = n('completed_on_time');
  const completedLate = n('completed_late');
  const openOverdue = n('open_overdue');
  const completed = completedOnTime + completedLate;
  const late = facts.filter((f) => f.statusClass === 'completed_late' || f.statusClass === 'open_overdue');
  const lateness = late.reduce((sum, f) => sum + f.latenessWorkingDays, 0);
  return {
    assignments: facts.length,
    completedOnTime,
    completedLate,
    openWithinDeadline: n('open_within_deadline'),
    openOverdue,
    notYetDue: n('not_yet_due'),
    recurring: n('recurring'),
    noDeadline: n('no_deadline'),
    completionRate: ratio(completed, completed + openOverdue),
    onTimeRate: ratio(completedOnTime, completed),
    averageLatenessWorkingDays: late.length ? Math.round((lateness / late.length) * 100) / 100 : null,
  };
}

export function reportingFigures(facts: readonly ReportingFact[]): ReportingFigures {
  const expected = facts.reduce((s, r) => s + r.expected, 0);
  const submitted = facts.reduce((s, r) => s + r.submitted, 0);
  const onTime = facts.reduce((s, r) => s + r.onTime, 0);
  return {
    expected,
    submitted,
    onTime,
    reportingRate: ratio(submitted, expected),
    onTimeReportingRate: ratio(onTime, expected),
  };
}

export function bottleneckFigures(facts: readonly BottleneckFact[], asOf: string): BottleneckFigures {
  return {
    raised: facts.length,
    cleared: facts.filter((b) => b.clearedOn !== null && b.clearedOn <= asOf).length,
  };
}

function byRole(facts: readonly TaskStatusFact[], role: AgencyRole) {
  return facts.filter((f) => f.role === role);
}

/** Facts of each agency, grouped once: at national scale (3,400 units) filtering per unit would be quadratic. */
export function byAgency(facts: EvaluationFacts) {
  const group = <T extends { agencyId: number }>(items: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const item of items) {
      const list = map.get(item.agencyId);
      if (list) list.push(item);
      else map.set(item.agencyId, [item]);
    }
    return (agencyId: number): T[] => map.get(agencyId) ?? [];
  };
  return {
    tasks: group(facts.tasks),
    reporting: group(facts.reporting),
    bottlenecks: group(facts.bottlenecks),
  };
}

/** Every figure of the issue from facts already merged and scoped: per agency (by role), group and class. */
/** One agency's figures from its own facts (already merged and scoped), lead and partner roles apart. */
export function agencyFigures(agency: Agency, of: ReturnType<typeof byAgency>, asOf: string): AgencyFigures {
  const own = of.tasks(agency.id);
  return {
    agencyId: agency.id,
    code: agency.code,
    name: agency.name,
    agencyClass: agency.agencyClass,
    lead: taskFigures(byRole(own, 'lead')),
    partner: taskFigures(byRole(own, 'partner')),
    reporting: reportingFigures(of.reporting(agency.id)),
    bottlenecks: bottleneckFigures(of.bottlenecks(agency.id), asOf),
  };
}

/** Each task (occurrence) of one role once, in the worst state among the agencies carrying it in that role. */
function perTask(facts: readonly TaskStatusFact[], role: AgencyRole): TaskStatusFact[] {
  const worst = new Map<string, TaskStatusFact>();
  for (const f of byRole(facts, role)) {
    const key = `${f.taskId}:${f.occurrence ?? ''}`;
    const held = worst.get(key);
    worst.set(key, held ? worseOf(held, f) : f);
  }
  return [...worst.values()];
}

export function computeFigures(facts: EvaluationFacts): Figures {
  const agencies = [...facts.agencies].sort((a, b) => a.code.localeCompare(b.code));
  const of = byAgency(facts);
  const figures = agencies.map((agency) => agencyFigures(agency, of, facts.asOf));

  const leads = perTask(facts.tasks, 'lead');
  const partners = perTask(facts.tasks, 'partner');
  const groupNos = [...new Set([...leads, ...partners].map((f) => f.groupNo))].sort((a, b) => a - b);
  const groups = groupNos.map((groupNo) => ({
    groupNo,
    tasks: taskFigures(leads.filter((f) => f.groupNo === groupNo)),
    partner: taskFigures(partners.filter((f) => f.groupNo === groupNo)),
  }));

  const classOf = new Map(facts.agencies.map((a) => [a.id, a.agencyClass]));
  const classes = (['ministry', 'province'] as const).map((agencyClass) => {
    const own = facts.tasks.filter((t) => classOf.get(t.agencyId) === agencyClass);
    return {
      agencyClass,
      lead: taskFigures(byRole(own, 'lead')),
      partner: taskFigures(byRole(own, 'partner')),
      reporting: reportingFigures(facts.reporting.filter((r) => classOf.get(r.agencyId) === agencyClass)),
    };
  });
  return { agencies: figures, groups, classes };
}
