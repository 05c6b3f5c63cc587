import type { AgencyClass } from './facts.ts';

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
