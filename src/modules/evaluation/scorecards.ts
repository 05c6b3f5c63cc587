import type { EvaluationFacts, Head, HeadTerm } from './facts.ts';
import {
  type AgencyFigures,
  agencyFigures,
  byAgency,
  type Figures,
  inPeriod,
  type ReportingFigures,
  type TaskFigures,
} from './figures.ts';
import { mergeLineage } from './lineage.ts';
import type { Period } from './periods.ts';
import type { Ranking } from './ranking.ts';
import { type ScoreExplanation, scoreAgency } from './scoring.ts';
import type { ScoringRules } from './scoring-method.ts';

/** Code-point order: the same on every machine, whatever its locale, so the snapshot hash is too. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The days of the evaluation window [period start, as-of date] on which a head held the role. */
export interface HeadWindow {
  from: string;
  to: string;
}

export function termWindow(term: HeadTerm, period: Period, asOf: string): HeadWindow | null {
  const from = term.from > period.start ? term.from : period.start;
  const to = term.to !== null && term.to < asOf ? term.to : asOf;
  return from <= to ? { from, to } : null;
}

/** One agency on a head's scorecard: its figures and score over the days they held the role. */
export interface ScorecardAgency {
  agencyId: number;
  code: string;
  name: string;
  /** The days of the period in which this head held the role here (both ends included). */
  from: string;
  to: string;
  /** Held the role over the whole evaluation window: the figures and score are the agency's own. */
  wholePeriod: boolean;
  score: number | null;
  /** The agency's rank in the period; only for a head who held the role over the whole window. */
  rank: number | null;
  rankedAmong: number;
  lead: TaskFigures;
  partner: TaskFigures;
  reporting: ReportingFigures;
  bottlenecks: AgencyFigures['bottlenecks'];
  /** The score's components over the head's days; for a whole-period head, the agency's page has them. */
  explanation?: ScoreExplanation;
}

export interface Scorecard {
  head: Head;
  agencies: ScorecardAgency[];
}

/**
 * The dates besides the as-of date whose facts the scorecards need: the last day of each head who left
 * during the window (their figures are the agency's as it stood when they left).
 */
export function headFactDates(facts: EvaluationFacts, period: Period): string[] {
  const dates = new Set<string>();
  for (const term of facts.headTerms) {
    const window = termWindow(term, period, facts.asOf);
    if (window && window.to !== facts.asOf) dates.add(window.to);
  }
  return [...dates].sort();
}

interface Main {
  /** The facts as of the as-of date, as loaded (not yet merged or scoped). */
  facts: EvaluationFacts;
  /** Facts as of each date of headFactDates(). */
  earlier: ReadonlyMap<string, EvaluationFacts>;
  period: Period;
  method: ScoringRules;
  figures: Figures;
  scores: ReadonlyMap<number, ScoreExplanation>;
  rankings: readonly Ranking[];
}

/**
 * One card per head of agency (a person holding the agency_head role at a ranked agency in the period),
 * with each agency they headed and its figures **over the days they held the role**: the agency's facts
 * as of their last day in the window, scoped to the part of the period from their first day (a task
 * completed before they took the role counts for their predecessor; an overdue one stays on the books).
 * A head who held the role over the whole window gets the agency's own figures, score and rank.
 */
export function scorecards(main: Main): Scorecard[] {
  const asOf = main.facts.asOf;
  const figuresOf = new Map(main.figures.agencies.map((a) => [a.agencyId, a]));
  const rankOf = new Map<number, { rank: number; among: number }>();
  for (const r of main.rankings)
    for (const a of r.ranked) rankOf.set(a.agencyId, { rank: a.rank, among: r.ranked.length });
  // Facts scoped to one window, computed once per distinct window whatever the number of heads.
  const scopedFor = new Map<string, { facts: EvaluationFacts; of: ReturnType<typeof byAgency> }>();
  const scoped = (window: HeadWindow) => {
    const key = `${window.from}|${window.to}`;
    let found = scopedFor.get(key);
    if (!found) {
      const raw = window.to === asOf ? main.facts : main.earlier.get(window.to);
      if (!raw) throw new Error(`facts as of ${window.to} were not loaded for a head's scorecard`);
      const facts = inPeriod(mergeLineage(raw), { ...main.period, start: window.from });
      found = { facts, of: byAgency(facts) };
      scopedFor.set(key, found);
    }
    return found;
  };

  const cards = new Map<string, Scorecard>();
  for (const term of main.facts.headTerms) {
    const agency = figuresOf.get(term.agencyId);
    const window = termWindow(term, main.period, asOf);
    if (!agency || !window) continue;
    const wholePeriod = window.from === main.period.start && window.to === asOf;
    let entry: ScorecardAgency;
    if (wholePeriod) {
      const ranked = rankOf.get(agency.agencyId);
      entry = {
        agencyId: agency.agencyId,
        code: agency.code,
        name: agency.name,
        ...window,
        wholePeriod,
        score: main.scores.get(agency.agencyId)?.score ?? null,
        rank: ranked?.rank ?? null,
        rankedAmong: ranked?.among ?? 0,
        lead: agency.lead,
        partner: agency.partner,
        reporting: agency.reporting,
        bottlenecks: agency.bottlenecks,
      };
    } else {
      const { of } = scoped(window);
      const own = agencyFigures(
        { id: agency.agencyId, code: agency.code, name: agency.name, agencyClass: agency.agencyClass },
        of,
        window.to,
      );
      const explanation = scoreAgency(
        main.method,
        of.tasks(agency.agencyId),
        of.reporting(agency.agencyId),
        of.bottlenecks(agency.agencyId),
        window.to,
      );
      entry = {
        agencyId: agency.agencyId,
        code: agency.code,
        name: agency.name,
        ...window,
        wholePeriod,
        score: explanation.score,
        rank: null,
        rankedAmong: 0,
        lead: own.lead,
        partner: own.partner,
        reporting: own.reporting,
        bottlenecks: own.bottlenecks,
        explanation,
      };
    }
    const card = cards.get(term.personKey) ?? { head: term.head, agencies: [] };
    card.agencies.push(entry);
    cards.set(term.personKey, card);
  }
  const firstCode = (c: Scorecard) => c.agencies[0]?.code ?? '';
  for (const card of cards.values())
    card.agencies.sort((a, b) => a.code.localeCompare(b.code) || a.from.localeCompare(b.from));
  return [...cards.entries()]
    .sort(
      ([ka, a], [kb, b]) =>
        firstCode(a).localeCompare(firstCode(b)) ||
        a.agencies[0]!.from.localeCompare(b.agencies[0]!.from) ||
        byCodePoint(a.head.name, b.head.name) ||
        byCodePoint(ka, kb),
    )
    .map(([, card]) => card);
}
