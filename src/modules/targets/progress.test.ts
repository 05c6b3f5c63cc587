import { describe, expect, it } from 'vitest';
import { assessProgress, type ProgressInput } from './progress.ts';

// Hand-made series. Expected numbers are worked out in the comments (and in docs/targets-progress.md).
const atLeast30By2030 = (
  baseline: number | null,
  latest: number | null,
  latestYear = 2024,
): ProgressInput => ({
  comparison: '>=',
  targetValue: 30,
  targetValueMax: null,
  targetYear: 2030,
  baseline: baseline === null ? null : { year: 2020, value: baseline },
  latest: latest === null ? null : { year: latestYear, value: latest },
});

describe('growth-rate progress classification (Open SDG method)', () => {
  it('classes a rising series that outpaces the needed growth as substantial progress', () => {
    // observed (20/10)^(1/4) − 1 = 0.189207; required (30/10)^(1/10) − 1 = 0.116123; R = 1.62938
    const r = assessProgress(atLeast30By2030(10, 20));
    expect(r.status).toBe('substantial_progress');
    expect(r.method).toBe('growth_rate');
    expect(r.observedGrowth).toBeCloseTo(0.189207, 5);
    expect(r.requiredGrowth).toBeCloseTo(0.116123, 5);
    expect(r.ratio).toBeCloseTo(1.62938, 4);
    // projection: 20 × 1.189207^6 = 20 × 2√2 = 56.5685
    expect(r.projection).toEqual({ year: 2030, value: 56.5685 });
    expect(r.projectionPath.map((p) => p.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    // needed trajectory: 10 × 3^((t − 2020)/10), from 10 in 2020 to 30 in 2030
    expect(r.neededTrajectory[0]).toEqual({ year: 2020, value: 10 });
    expect(r.neededTrajectory.at(-1)).toEqual({ year: 2030, value: 30 });
    expect(r.neededTrajectory[5]!.value).toBeCloseTo(10 * Math.sqrt(3), 3);
  });

  it('classes slower rising series as moderate, then limited progress', () => {
    // (14/10)^(1/4) − 1 = 0.0877573; R = 0.0877573 / 0.116123 = 0.755726
    const moderate = assessProgress(atLeast30By2030(10, 14));
    expect(moderate.status).toBe('moderate_progress');
    expect(moderate.ratio).toBeCloseTo(0.755726, 4);
    // (11/10)^(1/4) − 1 = 0.0241137; R = 0.207657
    const limited = assessProgress(atLeast30By2030(10, 11));
    expect(limited.status).toBe('limited_progress');
    expect(limited.ratio).toBeCloseTo(0.207657, 4);
  });

  it('puts the boundaries where Open SDG does: R = 0.95 is substantial, R = 0.6 moderate, R = 0 limited', () => {
    const required = 3 ** (1 / 10) - 1;
    const at = (ratio: number) => 10 * (1 + ratio * required) ** 4;
    expect(assessProgress(atLeast30By2030(10, at(0.951))).status).toBe('substantial_progress');
    expect(assessProgress(atLeast30By2030(10, at(0.949))).status).toBe('moderate_progress');
    expect(assessProgress(atLeast30By2030(10, at(0.601))).status).toBe('moderate_progress');
    expect(assessProgress(atLeast30By2030(10, at(0.599))).status).toBe('limited_progress');
    expect(assessProgress(atLeast30By2030(10, 10)).status).toBe('limited_progress');
  });

  it('classes a falling series as deterioration', () => {
    // (8/10)^(1/4) − 1 = −0.0542584; R = −0.467249
    const r = assessProgress(atLeast30By2030(10, 8));
    expect(r.status).toBe('deterioration');
    expect(r.ratio).toBeCloseTo(-0.467249, 4);
    expect(r.projection!.value).toBeLessThan(8);
  });

  it('classes a falling series toward an "at most" target (smaller is better)', () => {
    const atMost5By2030 = (latest: number, baseline: number | null = 20): ProgressInput => ({
      comparison: '<=',
      targetValue: 5,
      targetValueMax: null,
      targetYear: 2030,
      baseline: baseline === null ? null : { year: 2020, value: baseline },
      latest: { year: 2025, value: latest },
    });
    // required (5/20)^(1/10) − 1 = −0.129449; observed (10/20)^(1/5) − 1 = −0.129449: exactly on pace, R = 1
    const onPace = assessProgress(atMost5By2030(10));
    expect(onPace).toMatchObject({ direction: -1, status: 'substantial_progress' });
    expect(onPace.ratio).toBeCloseTo(1, 5);
    // (16/20)^(1/5) − 1 = −0.0436475; R = 0.0436475 / 0.129449 = 0.337178
    const slow = assessProgress(atMost5By2030(16));
    expect(slow.status).toBe('limited_progress');
    expect(slow.ratio).toBeCloseTo(0.337178, 4);
    // rising where falling is wanted
    expect(assessProgress(atMost5By2030(25)).status).toBe('deterioration');
    // already at or under the limit: achieved, with or without a baseline
    expect(assessProgress(atMost5By2030(5)).status).toBe('target_achieved');
    expect(assessProgress(atMost5By2030(4, null))).toMatchObject({ status: 'target_achieved', reason: null });
    expect(assessProgress(atMost5By2030(6, null))).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_baseline',
    });
  });

  it('treats a rank as smaller-is-better', () => {
    const rank = (from: number, to: number): ProgressInput => ({
      comparison: 'rank<=',
      targetValue: 3,
      targetValueMax: null,
      targetYear: 2030,
      baseline: { year: 2020, value: from },
      latest: { year: 2024, value: to },
    });
    // 10 → 6: observed (0.6)^(1/4) − 1 = −0.119888; required (0.3)^(1/10) − 1 = −0.113432;
    // R = (−1)(−0.119888) / 0.113432 = 1.05692
    const climbing = assessProgress(rank(10, 6));
    expect(climbing.direction).toBe(-1);
    expect(climbing.status).toBe('substantial_progress');
    expect(climbing.ratio).toBeCloseTo(1.05692, 4);
    expect(assessProgress(rank(10, 12)).status).toBe('deterioration');
    expect(assessProgress(rank(10, 3)).status).toBe('target_achieved');
    expect(assessProgress(rank(10, 2)).status).toBe('target_achieved');
  });

  it('says target achieved when the latest value meets it, even without a baseline', () => {
    expect(assessProgress(atLeast30By2030(10, 30)).status).toBe('target_achieved');
    expect(assessProgress(atLeast30By2030(null, 31))).toMatchObject({
      status: 'target_achieved',
      reason: null,
    });
  });

  it('needs strictly more for a "more than" target', () => {
    const moreThan55 = (latest: number): ProgressInput => ({
      comparison: '>',
      targetValue: 55,
      targetValueMax: null,
      targetYear: 2030,
      baseline: { year: 2020, value: 40 },
      latest: { year: 2025, value: latest },
    });
    expect(assessProgress(moreThan55(55)).status).not.toBe('target_achieved');
    expect(assessProgress(moreThan55(55.1)).status).toBe('target_achieved');
  });

  it('answers insufficient data, with the reason, when the baseline or a later value is missing', () => {
    expect(assessProgress(atLeast30By2030(null, 20))).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_baseline',
      ratio: null,
    });
    expect(assessProgress(atLeast30By2030(10, null))).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_value',
    });
    expect(assessProgress(atLeast30By2030(10, 12, 2020))).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_value_after_baseline',
    });
    expect(assessProgress({ ...atLeast30By2030(10, 12), targetYear: null })).toMatchObject({
      status: 'insufficient_data',
      reason: 'no_target_year',
    });
  });

  it('approaches a range from the side the series starts on, and counts inside as achieved', () => {
    const range = (from: number, to: number): ProgressInput => ({
      comparison: 'range',
      targetValue: 16,
      targetValueMax: 18,
      targetYear: 2030,
      baseline: { year: 2020, value: from },
      latest: { year: 2025, value: to },
    });
    expect(assessProgress(range(10, 17)).status).toBe('target_achieved');
    expect(assessProgress(range(10, 18)).status).toBe('target_achieved');
    // from below toward 16: (12/10)^(1/5) − 1 = 0.0371372; (16/10)^(1/10) − 1 = 0.0481224; R = 0.771726
    const below = assessProgress(range(10, 12));
    expect(below).toMatchObject({ direction: 1, goal: 16, status: 'moderate_progress' });
    expect(below.ratio).toBeCloseTo(0.771726, 4);
    // from above toward 18: lower is better
    const above = assessProgress(range(30, 20)); // R = 0.0778 / 0.0498 = 1.56
    expect(above).toMatchObject({ direction: -1, goal: 18 });
    expect(above.status).toBe('substantial_progress');
    // started inside the range and left it
    expect(assessProgress(range(17, 19))).toMatchObject({
      status: 'deterioration',
      ratio: null,
      neededTrajectory: [],
    });
    expect(assessProgress(range(17, 15)).status).toBe('deterioration');
  });

  it('does not class qualitative targets by the method: it shows the accepted assessment', () => {
    const qualitative: ProgressInput = {
      comparison: 'qualitative',
      targetValue: null,
      targetValueMax: null,
      targetYear: 2030,
      baseline: null,
      latest: null,
    };
    expect(assessProgress(qualitative)).toMatchObject({
      status: 'not_assessed',
      method: 'coordinator_assessment',
    });
    expect(
      assessProgress({
        ...qualitative,
        comparison: 'qualitative_rank',
        assessment: { year: 2025, assessedClass: 'moderate_progress' },
      }),
    ).toMatchObject({ status: 'moderate_progress', method: 'coordinator_assessment', ratio: null });
  });

  it('calls a fall from a baseline already at the target deterioration (Open SDG: R = −∞)', () => {
    const r = assessProgress({ ...atLeast30By2030(30, 25), comparison: '>=' });
    expect(r).toMatchObject({ status: 'deterioration', requiredGrowth: 0, ratio: null });
  });

  it('keeps the growth rate defined for a zero baseline, as Open SDG does (0 → 0.001)', () => {
    const r = assessProgress({ ...atLeast30By2030(0, 5) });
    expect(r.status).toBe('substantial_progress');
    expect(r.baseline).toEqual({ year: 2020, value: 0 });
  });
});
