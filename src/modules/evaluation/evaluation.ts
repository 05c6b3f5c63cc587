import type { AgencyClass, EvaluationFacts } from './facts.ts';
import { byAgency, computeFigures, type Figures, inPeriod } from './figures.ts';
import { mergeLineage } from './lineage.ts';
import type { Period } from './periods.ts';
import { type Ranking, rank } from './ranking.ts';
import { type Scorecard, scorecards } from './scorecards.ts';
import { type ScoreExplanation, scoreAgency } from './scoring.ts';
import type { ScoringMethod } from './scoring-method.ts';

export interface AgencyScore {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: AgencyClass;
  explanation: ScoreExplanation;
}

export interface Evaluation {
  period: Period;
  asOf: string;
  method: Pick<
    ScoringMethod,
    'id' | 'code' | 'version' | 'nameVi' | 'nameEn' | 'weights' | 'penalties' | 'partnerShare'
  >;
  /** What the evaluation stood on: tasks due or completed, and reports owed, in the period by asOf. */
  basis: { tasksDue: number; tasksCompleted: number; reportsExpected: number };
  figures: Figures;
  scores: AgencyScore[];
  rankings: Ranking[];
  scorecards: Scorecard[];
}

/**
 * The whole evaluation of a period as of a date, from facts alone: merge predecessors into successors,
 * keep the facts of the period, count, score, rank, and give each head of agency a scorecard. Pure: the
 * same facts give the same evaluation. `earlier` holds the facts as of each date of `headFactDates()`
 * (the last days of heads who left during the period); without it, no such date may be needed.
 */
export function evaluate(
  rawFacts: EvaluationFacts,
  period: Period,
  method: ScoringMethod,
  earlier: ReadonlyMap<string, EvaluationFacts> = new Map(),
): Evaluation {
  const facts = inPeriod(mergeLineage(rawFacts), period);
  const figures = computeFigures(facts);
  const of = byAgency(facts);
  const scores = figures.agencies.map((a) => ({
    agencyId: a.agencyId,
    code: a.code,
    name: a.name,
    agencyClass: a.agencyClass,
    explanation: scoreAgency(
      method,
      of.tasks(a.agencyId),
      of.reporting(a.agencyId),
      of.bottlenecks(a.agencyId),
      facts.asOf,
    ),
  }));
  const scored = scores.map((s) => ({ ...s, score: s.explanation.score }));
  const rankings = [rank(scored, 'ministry'), rank(scored, 'province')];
  const dueBy = (d: string | null) => d !== null && d <= facts.asOf;
  return {
    period,
    asOf: facts.asOf,
    method: {
      id: method.id,
      code: method.code,
      version: method.version,
      nameVi: method.nameVi,
      nameEn: method.nameEn,
      weights: method.weights,
      penalties: method.penalties,
      partnerShare: method.partnerShare,
    },
    basis: {
      tasksDue: new Set(
        facts.tasks.filter((t) => dueBy(t.dueDateCurrent ?? t.dueDateOriginal)).map((t) => t.taskId),
      ).size,
      tasksCompleted: new Set(
        facts.tasks
          .filter((t) => t.completedOn !== null && t.completedOn >= period.start)
          .map((t) => t.taskId),
      ).size,
      reportsExpected: facts.reportsExpectedInPeriod ?? facts.reporting.reduce((s, r) => s + r.expected, 0),
    },
    figures,
    scores,
    rankings,
    scorecards: scorecards({
      facts: rawFacts,
      earlier,
      period,
      method,
      figures,
      scores: new Map(scores.map((s) => [s.agencyId, s.explanation])),
      rankings,
    }),
  };
}

/** A period with no task due or completed and no report owed has nothing to publish. */
export function isEmptyEvaluation(e: Evaluation): boolean {
  return e.basis.tasksDue === 0 && e.basis.tasksCompleted === 0 && e.basis.reportsExpected === 0;
}
