import { z } from 'zod';
import { FREQUENCIES, ITEM_STATUSES, REPORT_STATUSES } from './reports.schema.ts';
import type { getReport } from './reports.service.ts';

export const scheduleSchema = z.object({
  frequency: z.enum(FREQUENCIES),
  dueOffsetDays: z.number().int(),
  dueDates: z.array(z.string()).nullable(),
  active: z.boolean(),
});

export const obligationSchema = z.object({
  id: z.number().int(),
  agency: z.object({ id: z.number().int(), code: z.string(), nameVi: z.string() }),
  frequency: z.enum(FREQUENCIES),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  reportId: z.number().int().nullable(),
  reportStatus: z.enum(REPORT_STATUSES).nullable(),
  /** The reviewer's reason when the current revision was returned. */
  returnReason: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  /** Working days until the due date (Viet Nam today): 0 on the day, negative once overdue. */
  workingDaysLeft: z.number().int(),
  /** Demo mode's illustrative data: show the label "Minh hoạ" (decision 100). */
  illustrative: z.boolean(),
});

export const rateSchema = z.object({
  agencyId: z.number().int(),
  agencyCode: z.string(),
  agencyName: z.string(),
  /** org_unit.kind: ministries and provinces are shown apart. */
  agencyKind: z.string(),
  period: z.string(),
  frequency: z.enum(FREQUENCIES),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  accepted: z.number().int(),
  /** Obligations of the row that are demo mode's illustrative data (decision 100). */
  illustrative: z.number().int(),
});

const evidenceOut = z.object({
  kind: z.enum(['document', 'file', 'link']),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  documentIssuer: z.string().nullable(),
  file: z
    .object({ id: z.number().int(), name: z.string(), mime: z.string(), sizeBytes: z.number().int() })
    .nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
});

const assessment = z.object({ status: z.enum(ITEM_STATUSES), progress: z.number().int() });

/** What the caller may do with this report now (so the web app shows only the buttons that work). */
export const reportPermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  correct: z.boolean(),
});
export type ReportPermissions = z.infer<typeof reportPermissionsSchema>;

export const reportDetailSchema = z.object({
  id: z.number().int(),
  obligationId: z.number().int(),
  agencyId: z.number().int(),
  agency: z.object({
    id: z.number().int(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
  }),
  period: z.string(),
  dueDate: z.string(),
  revision: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  lockVersion: z.number().int(),
  summary: z.string(),
  correctionReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  /** When the report was last written (a save, a submission, a review). */
  updatedAt: z.string(),
  /** Every task the agency carries in the program: the rows of the report form. */
  tasks: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      contentVi: z.string(),
      role: z.enum(['lead', 'partner']),
      deadlineAsWritten: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
  can: reportPermissionsSchema,
  /** Demo mode's illustrative report: show the label "Minh hoạ" (decision 100). */
  illustrative: z.boolean(),
  items: z.array(
    z.object({
      taskId: z.number().int(),
      taskCode: z.string(),
      completedOn: z.string().nullable(),
      doneText: z.string(),
      difficulties: z.string(),
      recommendations: z.string(),
      bottlenecks: z.array(z.object({ type: z.string(), description: z.string() })),
      evidence: z.array(evidenceOut),
      /** The agency's own assessment. */
      agency: assessment,
      /** The reviewer's, when it differs; both are shown. */
      reviewer: assessment.extend({ note: z.string().nullable() }).nullable(),
      disagreement: z.boolean(),
    }),
  ),
  revisions: z.array(
    z.object({
      id: z.number().int(),
      revision: z.number().int(),
      status: z.string(),
      acceptedAt: z.string().nullable(),
    }),
  ),
});

export function presentReport(
  found: Awaited<ReturnType<typeof getReport>>,
  can: ReportPermissions,
): z.infer<typeof reportDetailSchema> {
  const { report: r, items, evidence, revisions, agency, tasks } = found;
  return {
    id: r.id,
    obligationId: r.obligationId,
    agencyId: r.agencyId,
    agency,
    period: r.period,
    dueDate: r.dueDate,
    revision: r.revision,
    status: r.status,
    lockVersion: r.lockVersion,
    summary: r.summary,
    correctionReason: r.correctionReason,
    returnReason: r.returnReason,
    submittedAt: r.submittedAt,
    acceptedAt: r.acceptedAt,
    supersededAt: r.supersededAt,
    updatedAt: r.updatedAt,
    tasks,
    can,
    illustrative: r.illustrative,
    items: items.map((i) => {
      const reviewer =
        i.reviewerStatus || i.reviewerProgress !== null
          ? {
              status: i.reviewerStatus ?? i.status,
              progress: i.reviewerProgress ?? i.progress,
              note: i.reviewerNote,
            }
          : null;
      return {
        taskId: i.taskId,
        taskCode: i.taskCode,
        completedOn: i.completedOn,
        doneText: i.doneText,
        difficulties: i.difficulties,
        recommendations: i.recommendations,
        bottlenecks: i.bottlenecks,
        evidence: evidence
          .filter((e) => e.reportItemId === i.id)
          .map((e) => ({
            kind: e.kind,
            documentNumber: e.documentNumber,
            documentDate: e.documentDate,
            documentIssuer: e.documentIssuer,
            file:
              e.fileId === null
                ? null
                : {
                    id: e.fileId,
                    name: e.fileName ?? '',
                    mime: e.fileMime ?? '',
                    sizeBytes: e.fileSize ?? 0,
                  },
            url: e.url,
            note: e.note,
          })),
        agency: { status: i.status, progress: i.progress },
        reviewer,
        disagreement: reviewer !== null && (reviewer.status !== i.status || reviewer.progress !== i.progress),
      };
    }),
    revisions,
  };
}
