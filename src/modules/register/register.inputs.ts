import { z } from 'zod';
import { isoDate } from '../../lib/http.ts';
import { PRODUCT_TYPES, RECURRENCES } from '../tasks/tasks.schema.ts';

const agencyRef = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code or a collective (all_ministries, all_provinces, …)');

const person = z.object({
  userId: z.number().int().min(1).nullable().default(null),
  name: z.string().max(300).nullable().default(null),
});

const id = z.coerce.number().int().min(1).max(2147483647);
export const idParam = z.object({ id });

/** The fields of a task a coordinator (or, for plan items, a focal officer) may set. */
export const taskInputSchema = z.object({
  groupNo: z.number().int().min(1).max(99).optional(),
  code: z.string().trim().min(1).max(60).optional(),
  contentVi: z.string().trim().min(1, 'must not be empty').max(5000).optional(),
  sourceDocument: z.string().max(300).nullable().optional(),
  sourceItem: z.string().max(300).nullable().optional(),
  lead: agencyRef.nullable().optional(),
  partners: z.array(agencyRef).max(60).optional(),
  accountableHead: person.optional(),
  focalOfficer: person.optional(),
  productType: z.enum(PRODUCT_TYPES).nullable().optional(),
  productDescription: z.string().max(2000).nullable().optional(),
  deadlineAsWritten: z.string().max(200).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  recurrence: z.enum(RECURRENCES).nullable().optional(),
  targetIds: z.array(z.number().int().min(1)).max(100).optional(),
  parentTaskId: id.nullable().optional(),
});

export const createTaskSchema = taskInputSchema.extend({
  groupNo: z.number().int().min(1).max(99),
  code: z.string().trim().min(1).max(60),
  contentVi: z.string().trim().min(1, 'must not be empty').max(5000),
});

export const assignSchema = z.object({
  assignedOn: isoDate
    .optional()
    .describe('Date of assignment; defaults to the program document date (plan items: today)'),
});

export const cancelSchema = z.object({ reason: z.string().trim().min(1, 'is required').max(2000) });

export const extensionRequestSchema = z.object({
  agency: agencyRef.describe('The lead agency asking'),
  reason: z.string().trim().min(1, 'is required').max(4000),
  requestedDueDate: isoDate,
});

export const extensionDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse']),
  note: z.string().max(4000).nullable().optional(),
});

/** "as of" a date (end of that day, Viet Nam time) or an exact instant. */
export const asOfText = z
  .string()
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? isoDate.safeParse(v).success
        : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
    'must be a date YYYY-MM-DD or an ISO timestamp with a zone',
  );
