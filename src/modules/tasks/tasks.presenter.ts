import { z } from 'zod';
import { fiveR } from './five-r.ts';
import type { TaskAgencyRow } from './tasks.repository.ts';
import { COLLECTIVES, PRODUCT_TYPES, RECURRENCES } from './tasks.schema.ts';

export const agencyRefSchema = z.object({
  role: z.enum(['lead', 'partner']),
  code: z
    .string()
    .nullable()
    .describe('Code of the organisation it maps to today; null when a collective or unmapped'),
  nameVi: z.string().nullable(),
  nameEn: z.string().nullable(),
  collective: z.enum(COLLECTIVES).nullable(),
  nameAsWritten: z.string().describe('The name exactly as the source document writes it'),
  mapped: z.boolean(),
});

export const taskSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  groupNo: z.number(),
  contentVi: z.string(),
  leads: z.array(agencyRefSchema),
  productAsWritten: z.string().nullable(),
  productType: z.enum(PRODUCT_TYPES).nullable(),
  deadlineAsWritten: z.string().nullable(),
  dueDate: z.string().nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
});

const fiveRSchema = z.object({
  who: z.boolean(),
  what: z.boolean(),
  responsibility: z.boolean(),
  when: z.boolean(),
  result: z.boolean(),
});

export const taskDetailSchema = taskSummarySchema.extend({
  group: z.object({ no: z.number(), titleVi: z.string(), titleEn: z.string().nullable() }),
  partners: z.array(agencyRefSchema),
  leadAsWritten: z.string().nullable(),
  partnersAsWritten: z.string().nullable(),
  deadlineRule: z.string().nullable(),
  source: z.object({ document: z.string().nullable(), row: z.number().nullable(), program: z.string() }),
  fiveR: fiveRSchema,
  updatedAt: z.string(),
});

export function presentAgencyRef(a: TaskAgencyRow): z.infer<typeof agencyRefSchema> {
  return {
    role: a.role,
    code: a.code,
    nameVi: a.nameVi,
    nameEn: a.nameEn,
    collective: a.collective,
    nameAsWritten: a.nameAsWritten,
    mapped: a.code !== null || a.collective !== null,
  };
}

type TaskBase = {
  id: number;
  code: string;
  groupNo: number;
  contentVi: string;
  productAsWritten: string | null;
  productType: z.infer<typeof taskSummarySchema>['productType'];
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: z.infer<typeof taskSummarySchema>['recurrence'];
  agencies: TaskAgencyRow[];
};

export function presentTaskSummary(t: TaskBase): z.infer<typeof taskSummarySchema> {
  return {
    id: t.id,
    code: t.code,
    groupNo: t.groupNo,
    contentVi: t.contentVi,
    leads: t.agencies.filter((a) => a.role === 'lead').map(presentAgencyRef),
    productAsWritten: t.productAsWritten,
    productType: t.productType,
    deadlineAsWritten: t.deadlineAsWritten,
    dueDate: t.dueDate,
    recurrence: t.recurrence,
  };
}

export function presentTaskDetail(
  t: TaskBase & {
    groupTitleVi: string;
    groupTitleEn: string | null;
    leadAsWritten: string | null;
    partnersAsWritten: string | null;
    deadlineRule: string | null;
    sourceDocument: string | null;
    sourceRow: number | null;
    updatedAt: string;
    program: { documentNo: string };
  },
): z.infer<typeof taskDetailSchema> {
  const summary = presentTaskSummary(t);
  return {
    ...summary,
    group: { no: t.groupNo, titleVi: t.groupTitleVi, titleEn: t.groupTitleEn },
    partners: t.agencies.filter((a) => a.role === 'partner').map(presentAgencyRef),
    leadAsWritten: t.leadAsWritten,
    partnersAsWritten: t.partnersAsWritten,
    deadlineRule: t.deadlineRule,
    source: { document: t.sourceDocument, row: t.sourceRow, program: t.program.documentNo },
    fiveR: fiveR({ ...t, leads: t.agencies.filter((a) => a.role === 'lead') }),
    updatedAt: new Date(t.updatedAt).toISOString(),
  };
}
