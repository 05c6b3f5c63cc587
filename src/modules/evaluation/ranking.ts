import type { AgencyClass, Head } from './facts.ts';
import type { AgencyFigures } from './figures.ts';

export interface RankedAgency {
  agencyId: number;
  code: string;
  name: string;
  score: number;
  /** Standard competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number;
  tied: boolean;
}

export interface Ranking {
  agencyClass: Exclude<AgencyClass, 'other'>;
  ranked: RankedAgency[];
  /** Agencies with nothing the method measures in the period: listed, never ranked last. */
  unranked: { agencyId: number; code: string; name: string; reason: 'nothing_to_score' }[];
}

export interface ScoredAgency {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: AgencyClass;
  score: number | null;
}

/**
 * Ministries and provinces ranked separately. Scores are compared at the two decimals shown, so agencies
 * that look tied are tied; within a tie the order is by agency code, for display only.
 */
export function rank(agencies: readonly ScoredAgency[], agencyClass: Ranking['agencyClass']): Ranking {
  const own = agencies.filter((a) => a.agencyClass === agencyClass);
  const scored = own
    .filter((a): a is ScoredAgency & { score: number } => a.score !== null)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const sameScore = new Map<number, number>();
  for (const a of scored) sameScore.set(a.score, (sameScore.get(a.score) ?? 0) + 1);
  const ranked: RankedAgency[] = [];
  for (const [i, a] of scored.entries()) {
    const previous = ranked[i - 1];
    const rankNo = previous && previous.score === a.score ? previous.rank : i + 1;
    ranked.push({
      agencyId: a.agencyId,
      code: a.code,
      name: a.name,
      score: a.score,
      rank: rankNo,
      tied: (sameScore.get(a.score) ?? 0) > 1,
    });
  }
  return {
    agencyClass,
    ranked,
    unranked: own
      .filter((a) => a.score === null)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((a) => ({
        agencyId: a.agencyId,
        code: a.code,
        name: a.name,
        reason: 'nothing_to_score' as const,
      })),
  };
}

export interface Scorecard {
  head: Head;
  agencies: {
    agencyId: number;
    code: string;
    name: string;
    score: number | null;
    rank: number | null;
    rankedAmong: number;
    lead: AgencyFigures['lead'];
    reporting: AgencyFigures['reporting'];
  }[];
}

/** One card per head of agency: each agency they head, its score, rank and lead-role figures. */
export function scorecards(
  figures: readonly AgencyFigures[],
  scores: ReadonlyMap<number, number | null>,
  rankings: readonly Ranking[],
): Scorecard[] {
  const rankOf = new Map<number, { rank: number; among: number }>();
  for (const r of rankings)
    for (const a of r.ranked) rankOf.set(a.agencyId, { rank: a.rank, among: r.ranked.length });
  const cards = new Map<string, Scorecard>();
  for (const f of figures) {
    for (const head of f.heads) {
      const key = head.userId !== null ? `user:${head.userId}` : `name:${head.name ?? ''}`;
      const card = cards.get(key) ?? { head, agencies: [] };
      card.agencies.push({
        agencyId: f.agencyId,
        code: f.code,
        name: f.name,
        score: scores.get(f.agencyId) ?? null,
        rank: rankOf.get(f.agencyId)?.rank ?? null,
        rankedAmong: rankOf.get(f.agencyId)?.among ?? 0,
        lead: f.lead,
        reporting: f.reporting,
      });
      cards.set(key, card);
    }
  }
  return [...cards.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, card]) => card);
}
