import type { FiveRPart } from '../tasks/five-r.ts';
import { fiveR } from '../tasks/five-r.ts';
import type { Collective, ProductType, Recurrence } from '../tasks/tasks.schema.ts';
import type { RegisterState } from './register.schema.ts';

/** An agency on a task as the register keeps it: one organisation or a collective. */
export interface RegisterAgency {
  orgUnitId: number | null;
  code: string | null;
  nameVi: string | null;
  collective: Collective | null;
  nameAsWritten: string;
}

/** A person named on a task. Users arrive with identity; until then the name/title text is what we have. */
export interface RegisterPerson {
  userId: number | null;
  name: string | null;
}

/**
 * One task of the register with all its 5 rõ fields. This is also the shape of a version's snapshot,
 * so the register as of a past date is read back in exactly this form.
 */
export interface RegisterTask {
  id: number;
  programId: number;
  planId: number | null;
  parentTaskId: number | null;
  groupId: number;
  groupNo: number;
  code: string;
  contentVi: string;
  sourceDocument: string | null;
  sourceItem: string | null;
  leads: RegisterAgency[];
  partners: RegisterAgency[];
  accountableHead: RegisterPerson;
  focalOfficer: RegisterPerson;
  productType: ProductType | null;
  productDescription: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
  deadlineRule: string | null;
  originalDueDate: string | null;
  registerState: RegisterState;
  assignedOn: string | null;
  cancelReason: string | null;
  targetIds: number[];
  editedLocally: boolean;
}

const PART_PROBLEMS: Record<FiveRPart, string> = {
  who: 'no lead agency',
  what: 'no content',
  responsibility: 'there must be exactly one lead agency',
  when: 'no deadline or recurrence',
  result: 'no expected product',
};

/** The 5 rõ parts a task lacks, in the order who, what, responsibility, when, result. */
export function missingParts(t: RegisterTask): FiveRPart[] {
  const check = fiveR({
    contentVi: t.contentVi,
    leads: t.leads.map((l) => ({
      code: l.orgUnitId === null ? null : (l.code ?? ''),
      collective: l.collective,
    })),
    dueDate: t.dueDate,
    recurrence: t.recurrence,
    productAsWritten: t.productDescription ?? (t.productType ? t.productType : null),
  });
  return (Object.keys(PART_PROBLEMS) as FiveRPart[]).filter((p) => !check[p]);
}

export function describeMissing(part: FiveRPart): string {
  return PART_PROBLEMS[part];
}
