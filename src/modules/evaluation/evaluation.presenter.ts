import { z } from 'zod';
import type {
  RecheckListRow,
  RecheckRow,
  ScoringMethodRow,
  SnapshotSummaryRow,
} from './evaluation.repository.ts';
import type { LiveEvaluation, SnapshotContent } from './evaluation.service.ts';
import { STATUS_CLASSES } from './facts.ts';
import { PENALTY_CRITERIA, type ScoringMethod, WEIGHT_CRITERIA } from './scoring-method.ts';

const rate = z.number().nullable();
const agencyClass = z.enum(['ministry', 'province', 'other']);
// Name and title only (Decree 13/2023/NĐ-CP). Snapshots published before heads came from the identity
// module held the register's accountable head ({ userId, name }): the id is no longer shown.
const headSchema = z.object({ name: z.string().nullable(), title: z.string().nullable().optional() });

export const taskFiguresSchema = z.object({
  assignments: z.number(),
  completedOnTime: z.number(),
  completedLate: z.number(),
  openWithinDeadline: z.number(),
  openOverdue: z.number(),
  notYetDue: z.number(),
  recurring: z.number(),
  noDeadline: z.number(),
  completionRate: rate.describe('completed / (completed + open overdue)'),
  onTimeRate: rate.describe('completed on time / completed'),
  averageLatenessWorkingDays: rate.describe(
    'mean working days late over tasks completed late or open overdue',
  ),
});

const reportingSchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  reportingRate: rate,
  onTimeReportingRate: rate,
});

export const agencyFiguresSchema = z.object({
  agencyId: z.number(),
  code: z.string(),
  name: z.string(),
  agencyClass,
  lead: taskFiguresSchema,
  partner: taskFiguresSchema,
  reporting: reportingSchema,
  bottlenecks: z.object({ raised: z.number(), cleared: z.number() }),
});

const figuresSchema = z.object({
  agencies: z.array(agencyFiguresSchema),
  groups: z.array(
    z.object({
      groupNo: z.number(),
      tasks: taskFiguresSchema.describe('the lead role, each task once in its worst state'),
      // Optional: snapshots published before partners were counted per group lack it.
      partner: taskFiguresSchema.optional().describe('the partner role, each task once in its worst state'),
    }),
  ),
  classes: z.array(
    z.object({
      agencyClass,
      lead: taskFiguresSchema,
      partner: taskFiguresSchema,
      reporting: reportingSchema,
    }),
  ),
});

const componentSchema = z.object({
  criterion: z.enum([...WEIGHT_CRITERIA, ...PENALTY_CRITERIA]),
  kind: z.enum(['weight', 'penalty']),
  weight: z.number(),
  applicable: z.boolean(),
  numerator: z.number(),
  denominator: z.number(),
  ratio: rate,
  points: z.number(),
  tasks: z
    .array(
      z.object({
        taskId: z.number(),
        taskCode: z.string(),
        occurrence: z.string().nullable(),
        role: z.enum(['lead', 'partner']),
        statusClass: z.enum(STATUS_CLASSES),
        latenessWorkingDays: z.number(),
        share: z.number(),
        inNumerator: z.boolean(),
      }),
    )
    .optional(),
  reports: z
    .array(
      z.object({
        period: z.string(),
        dueOn: z.string(),
        expected: z.number(),
        submitted: z.number(),
        onTime: z.number(),
      }),
    )
    .optional(),
  bottlenecks: z
    .array(
      z.object({
        bottleneckId: z.number(),
        taskId: z.number().nullable(),
        raisedOn: z.string(),
        clearedOn: z.string().nullable(),
      }),
    )
    .optional(),
});

export const explanationSchema = z.object({
  score: z.number().nullable(),
  applicableWeight: z.number(),
  components: z.array(componentSchema),
});

const rankingSchema = z.object({
  agencyClass: z.enum(['ministry', 'province']),
  ranked: z.array(
    z.object({
      agencyId: z.number(),
      code: z.string(),
      name: z.string(),
      score: z.number(),
      rank: z.number(),
      tied: z.boolean(),
    }),
  ),
  unranked: z.array(
    z.object({
      agencyId: z.number(),
      code: z.string(),
      name: z.string(),
      reason: z.literal('nothing_to_score'),
    }),
  ),
});

export const methodSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  weights: z.object(
    Object.fromEntries(WEIGHT_CRITERIA.map((k) => [k, z.number()])) as Record<
      (typeof WEIGHT_CRITERIA)[number],
      z.ZodNumber
    >,
  ),
  penalties: z.object({ overdue: z.number() }),
  partnerShare: z.number(),
});

export const methodDetailSchema = methodSchema.extend({
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export function presentMethod(
  m: ScoringMethod & { row: ScoringMethodRow },
): z.infer<typeof methodDetailSchema> {
  const { row, ...method } = m;
  return { ...method, note: row.note, createdAt: row.createdAt, createdBy: row.createdByLabel };
}

const bottleneckFiguresSchema = z.object({ raised: z.number(), cleared: z.number() });

// The fields marked optional are missing from snapshots published before head terms were read.
const scorecardSchema = z.object({
  head: headSchema,
  agencies: z.array(
    z.object({
      agencyId: z.number(),
      code: z.string(),
      name: z.string(),
      from: z.string().optional().describe('first day of the period this person held the role here'),
      to: z.string().optional().describe('last day of the period (up to the as-of date) they held it'),
      wholePeriod: z.boolean().optional().describe('held over the whole period: the agency figures'),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      rankedAmong: z.number(),
      lead: taskFiguresSchema,
      partner: taskFiguresSchema.optional(),
      reporting: reportingSchema,
      bottlenecks: bottleneckFiguresSchema.optional(),
      explanation: explanationSchema.optional().describe("the score's components over the head's days"),
    }),
  ),
});

export const evaluationSchema = z.object({
  period: z.object({ code: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string(),
  method: methodSchema,
  basis: z.object({ tasksDue: z.number(), tasksCompleted: z.number(), reportsExpected: z.number() }),
  figures: figuresSchema,
  scores: z.array(
    z.object({
      agencyId: z.number(),
      code: z.string(),
      name: z.string(),
      agencyClass,
      explanation: explanationSchema,
    }),
  ),
  rankings: z.array(rankingSchema),
  scorecards: z.array(scorecardSchema),
});

const rankChangeSchema = z.object({
  agencyId: z.number(),
  code: z.string(),
  name: z.string(),
  agencyClass: z.enum(['ministry', 'province']),
  previousRank: z.number().nullable(),
  rank: z.number().nullable(),
  move: z.number().nullable().describe('places gained (positive) or lost (negative)'),
  previousScore: z.number().nullable(),
  score: z.number().nullable(),
  scoreDelta: z.number().nullable(),
});

const changesSchema = z.object({
  previousSnapshotId: z.number().nullable(),
  previousPeriod: z.string().nullable(),
  methodChanged: z.boolean(),
  agencies: z.array(rankChangeSchema),
});

export const liveEvaluationSchema = evaluationSchema.extend({
  changes: changesSchema.describe('what publishing now would show as changed since the latest snapshot'),
});

export function presentLiveEvaluation(e: LiveEvaluation): z.infer<typeof liveEvaluationSchema> {
  return e;
}

export const recheckSchema = z.object({
  id: z.number(),
  snapshotId: z.number(),
  agencyId: z.number(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string().nullable().describe('who asked; hidden on public routes'),
  answer: z.string().nullable(),
  outcome: z.enum(['upheld', 'corrected_in_next']).nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable().describe('who answered; hidden on public routes'),
});

/** Public answers name agencies, never the people who asked, answered or published (Decree 13/2023). */
export interface Audience {
  public: boolean;
}

/** Who asked and who answered are shown by label inside the platform; user ids never leave it. */
export function presentRecheck(r: RecheckRow, audience: Audience): z.infer<typeof recheckSchema> {
  return {
    id: r.id,
    snapshotId: r.snapshotId,
    agencyId: r.agencyId,
    reason: r.reason,
    requestedAt: r.requestedAt,
    requestedBy: audience.public ? null : r.requestedByLabel,
    answer: r.answer,
    outcome: r.outcome,
    answeredAt: r.answeredAt,
    answeredBy: audience.public ? null : r.answeredByLabel,
  };
}

export const snapshotSummarySchema = z.object({
  id: z.number(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  asOf: z.string(),
  methodId: z.number(),
  previousSnapshotId: z.number().nullable(),
  contentHash: z.string().describe('sha256 of the canonical JSON (sorted keys) of `content`'),
  publishedAt: z.string(),
  publishedBy: z.string().nullable().describe('who published; hidden on public routes'),
});

export function presentSnapshotSummary(
  s: SnapshotSummaryRow,
  audience: Audience,
): z.infer<typeof snapshotSummarySchema> {
  return {
    id: s.id,
    period: s.period,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    asOf: s.asOf,
    methodId: s.methodId,
    previousSnapshotId: s.previousSnapshotId,
    contentHash: s.contentHash,
    publishedAt: s.publishedAt,
    publishedBy: audience.public ? null : s.publishedByLabel,
  };
}

export const snapshotSchema = snapshotSummarySchema.extend({
  hashVerified: z.boolean().describe('whether the stored content still hashes to contentHash'),
  content: evaluationSchema.extend({ programCode: z.string(), changes: changesSchema }),
  rechecks: z.array(recheckSchema),
});

export function presentSnapshot(
  s: SnapshotSummaryRow & { content: unknown; rechecks: RecheckRow[]; hashVerified: boolean },
  audience: Audience,
): z.infer<typeof snapshotSchema> {
  return {
    ...presentSnapshotSummary(s, audience),
    hashVerified: s.hashVerified,
    content: s.content as SnapshotContent,
    rechecks: s.rechecks.map((r) => presentRecheck(r, audience)),
  };
}

export const snapshotRankingsSchema = snapshotSummarySchema.extend({
  hashVerified: z.boolean().describe('whether the stored content still hashes to contentHash'),
  content: evaluationSchema
    .pick({ period: true, asOf: true, method: true, basis: true, rankings: true })
    .extend({ programCode: z.string(), changes: changesSchema }),
  rechecks: z.array(recheckSchema),
});

/** A snapshot's rankings: the content's period, method, basis, rankings and changes, without the figures. */
export function presentSnapshotRankings(
  s: SnapshotSummaryRow & { part: unknown; rechecks: RecheckRow[]; hashVerified: boolean },
  audience: Audience,
): z.infer<typeof snapshotRankingsSchema> {
  return {
    ...presentSnapshotSummary(s, audience),
    hashVerified: s.hashVerified,
    content: s.part as z.infer<typeof snapshotRankingsSchema>['content'],
    rechecks: s.rechecks.map((r) => presentRecheck(r, audience)),
  };
}

export const snapshotAgencySchema = z.object({
  snapshotId: z.number(),
  period: z.string(),
  asOf: z.string(),
  contentHash: z.string(),
  method: methodSchema,
  figures: agencyFiguresSchema,
  explanation: explanationSchema,
  rank: z
    .object({
      agencyClass: z.enum(['ministry', 'province']),
      rank: z.number(),
      among: z.number(),
      tied: z.boolean(),
    })
    .nullable(),
  change: rankChangeSchema.nullable(),
  heads: z
    .array(
      z.object({
        scorecard: z.number().describe('the number of their scorecard: /public/evaluations/:id/heads/:n'),
        name: z.string().nullable(),
        title: z.string().nullable(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        wholePeriod: z.boolean().nullable(),
      }),
    )
    .describe('who held the agency_head role here in the period'),
  rechecks: z.array(recheckSchema),
});

/** The heads of one agency in a snapshot, each pointing at their scorecard (numbered from 1). */
function headsOfAgency(content: SnapshotContent, agencyId: number) {
  return content.scorecards.flatMap((card, i) =>
    card.agencies
      .filter((a) => a.agencyId === agencyId)
      .map((a) => ({
        scorecard: i + 1,
        name: card.head.name,
        title: card.head.title ?? null,
        from: a.from ?? null,
        to: a.to ?? null,
        wholePeriod: a.wholePeriod ?? null,
      })),
  );
}

/** One agency's part of a snapshot: what the agency page and "how is this score computed?" show. */
export function presentSnapshotAgency(
  s: SnapshotSummaryRow & { content: unknown; rechecks: RecheckRow[] },
  agencyId: number,
  audience: Audience,
): z.infer<typeof snapshotAgencySchema> | null {
  const content = s.content as SnapshotContent;
  const figures = content.figures.agencies.find((a) => a.agencyId === agencyId);
  const score = content.scores.find((a) => a.agencyId === agencyId);
  if (!figures || !score) return null;
  const ranking = content.rankings.find((r) => r.ranked.some((a) => a.agencyId === agencyId));
  const ranked = ranking?.ranked.find((a) => a.agencyId === agencyId);
  return {
    snapshotId: s.id,
    period: s.period,
    asOf: s.asOf,
    contentHash: s.contentHash,
    method: content.method,
    figures,
    explanation: score.explanation,
    rank:
      ranking && ranked
        ? {
            agencyClass: ranking.agencyClass,
            rank: ranked.rank,
            among: ranking.ranked.length,
            tied: ranked.tied,
          }
        : null,
    change: content.changes.agencies.find((c) => c.agencyId === agencyId) ?? null,
    heads: headsOfAgency(content, agencyId),
    rechecks: s.rechecks.filter((r) => r.agencyId === agencyId).map((r) => presentRecheck(r, audience)),
  };
}

export const snapshotHeadSchema = z.object({
  snapshotId: z.number(),
  period: z.string(),
  periodStart: z.string(),
  asOf: z.string(),
  contentHash: z.string(),
  method: methodSchema,
  number: z.number().describe('this scorecard, numbered from 1 in the snapshot'),
  scorecard: scorecardSchema,
  rechecks: z.array(recheckSchema).describe('rechecks asked for the agencies on this scorecard'),
});

/** One head's scorecard in a snapshot (numbered from 1, in the snapshot's order); null when none. */
export function presentSnapshotHead(
  s: SnapshotSummaryRow & { content: unknown; rechecks: RecheckRow[] },
  number: number,
  audience: Audience,
): z.infer<typeof snapshotHeadSchema> | null {
  const content = s.content as SnapshotContent;
  const scorecard = content.scorecards[number - 1];
  if (!scorecard) return null;
  const agencies = new Set(scorecard.agencies.map((a) => a.agencyId));
  return {
    snapshotId: s.id,
    period: s.period,
    periodStart: s.periodStart,
    asOf: s.asOf,
    contentHash: s.contentHash,
    method: content.method,
    number,
    scorecard,
    rechecks: s.rechecks.filter((r) => agencies.has(r.agencyId)).map((r) => presentRecheck(r, audience)),
  };
}

export const recheckItemSchema = recheckSchema.extend({
  period: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
});

/** A recheck in the coordinator's queue: with the snapshot's period and the agency's name. */
export function presentRecheckItem(r: RecheckListRow, audience: Audience): z.infer<typeof recheckItemSchema> {
  return {
    ...presentRecheck(r, audience),
    period: r.period,
    agencyCode: r.agencyCode,
    agencyName: r.agencyName,
  };
}
