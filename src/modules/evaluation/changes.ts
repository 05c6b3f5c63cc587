import type { Ranking } from './ranking.ts';

export interface RankChange {
  agencyId: number;
  code: string;
  name: string;
  agencyClass: Ranking['agencyClass'];
  previousRank: number | null;
  rank: number | null;
  /** Places gained (positive) or lost (negative); null when ranked in only one of the two. */
  move: number | null;
  previousScore: number | null;
  score: number | null;
  scoreDelta: number | null;
}

export interface SnapshotChanges {
  previousSnapshotId: number | null;
  previousPeriod: string | null;
  methodChanged: boolean;
  agencies: RankChange[];
}

interface Comparable {
  id: number;
  period: string;
  methodKey: string;
  rankings: Ranking[];
}

/** What moved between the previous published snapshot and this one: ranks, scores, who entered or left. */
export function compareSnapshots(
  previous: Comparable | null,
  current: Omit<Comparable, 'id'>,
): SnapshotChanges {
  const entries = (rankings: Ranking[]) => {
    const map = new Map<
      number,
      { rank: number | null; score: number | null; code: string; name: string; cls: Ranking['agencyClass'] }
    >();
    for (const r of rankings) {
      for (const a of r.ranked)
        map.set(a.agencyId, { rank: a.rank, score: a.score, code: a.code, name: a.name, cls: r.agencyClass });
      for (const a of r.unranked)
        map.set(a.agencyId, { rank: null, score: null, code: a.code, name: a.name, cls: r.agencyClass });
    }
    return map;
  };
  const before = entries(previous?.rankings ?? []);
  const after = entries(current.rankings);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const agencies = ids.map((agencyId): RankChange => {
    const a = after.get(agencyId);
    const b = before.get(agencyId);
    const who = (a ?? b)!;
    const rank = a?.rank ?? null;
    const previousRank = b?.rank ?? null;
    const score = a?.score ?? null;
    const previousScore = b?.score ?? null;
    return {
      agencyId,
      code: who.code,
      name: who.name,
      agencyClass: who.cls,
      previousRank,
      rank,
      move: rank !== null && previousRank !== null ? previousRank - rank : null,
      previousScore,
      score,
      scoreDelta:
        score !== null && previousScore !== null ? Math.round((score - previousScore) * 100) / 100 : null,
    };
  });
  agencies.sort(
    (x, y) =>
      x.agencyClass.localeCompare(y.agencyClass) ||
      (x.rank ?? 1e9) - (y.rank ?? 1e9) ||
      x.code.localeCompare(y.code),
  );
  return {
    previousSnapshotId: previous?.id ?? null,
    previousPeriod: previous?.period ?? null,
    methodChanged: previous !== null && previous.methodKey !== current.methodKey,
    agencies,
  };
}
