import { z } from 'zod';
import { COLLECTIVES, PRODUCT_TYPES, RECURRENCES } from '../tasks/tasks.schema.ts';
import { EXTENSION_STATES, REGISTER_STATES } from './register.schema.ts';

const agency = z.object({
  orgUnitId: z.number().nullable(),
  code: z.string().nullable(),
  nameVi: z.string().nullable(),
  collective: z.enum(COLLECTIVES).nullable(),
  nameAsWritten: z.string(),
});

const person = z.object({
  userId: z.number().nullable().describe('The user, once sign-in exists; null while only a name is known'),
  name: z.string().nullable().describe('Name and title as written'),
});

export const fiveRPart = z.enum(['who', 'what', 'responsibility', 'when', 'result']);

/** A task of the register with all its 5 rõ fields and what it lacks. */
export const registerTaskSchema = z.object({
  id: z.number(),
  programId: z.number(),
  planId: z.number().nullable(),
  parentTaskId: z.number().nullable(),
  groupNo: z.number(),
  code: z.string(),
  contentVi: z.string(),
  sourceDocument: z.string().nullable().describe('The document that assigned the task, e.g. 71/NQ-CP'),
  sourceItem: z.string().nullable().describe('Its item in that document, e.g. mục II.1.đ'),
  leads: z.array(agency),
  partners: z.array(agency),
  accountableHead: person,
  focalOfficer: person,
  productType: z.enum(PRODUCT_TYPES).nullable(),
  productDescription: z.string().nullable(),
  deadlineAsWritten: z.string().nullable(),
  dueDate: z.string().nullable().describe('The current deadline'),
  recurrence: z.enum(RECURRENCES).nullable(),
  deadlineRule: z.string().nullable(),
  originalDueDate: z.string().nullable().describe('The deadline at assignment; never changes'),
  registerState: z.enum(REGISTER_STATES),
  assignedOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  targetIds: z.array(z.number()),
  missing: z.array(fiveRPart).describe('5 rõ parts the task lacks; empty when assignable'),
});

export const extensionSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  taskCode: z.string(),
  taskContentVi: z.string(),
  requestingOrgCode: z.string().nullable(),
  requestingOrgNameVi: z.string().nullable(),
  requestedByLabel: z.string(),
  reason: z.string(),
  previousDueDate: z.string(),
  requestedDueDate: z.string(),
  state: z.enum(EXTENSION_STATES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByLabel: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const taskDeadlinesSchema = z.object({
  taskId: z.number(),
  code: z.string(),
  originalDueDate: z.string().nullable(),
  currentDueDate: z.string().nullable(),
  extensions: z.array(extensionSchema),
});

export const versionSchema = z.object({
  versionNo: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  change: z.string(),
  actorLabel: z.string(),
  snapshot: registerTaskSchema.omit({ missing: true }),
});

/** Strips what the register keeps internally (group id, local-edit flag) from a task. */
export function presentRegisterTask<T extends { groupId?: number; editedLocally?: boolean }>(t: T) {
  const { groupId: _, editedLocally: __, ...rest } = t;
  return rest;
}

/** Timestamps as ISO text, the same on both engines. */
export const isoTime = (v: string | null) => (v === null ? null : new Date(v).toISOString());
