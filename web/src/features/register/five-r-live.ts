import { FIVE_R_PARTS, type FiveRPart } from './api/register-tasks.ts';

/**
 * The 5 rõ of a task as the editor holds it, before it is saved: the same rules as the server
 * (src/modules/tasks/five-r.ts), so the checklist says what "Assign" would say. A deadline written in
 * words counts here; the server reads it on save and refuses words no rule reads.
 */
export interface FiveRFacts {
  leadCount: number;
  content: string;
  dueDate: string;
  recurrence: string;
  deadlineAsWritten: string;
  productType: string;
  productDescription: string;
}

export type FiveRCheck = Record<FiveRPart, boolean>;

export function checkFiveR(f: FiveRFacts): FiveRCheck {
  return {
    who: f.leadCount > 0,
    what: f.content.trim() !== '',
    responsibility: f.leadCount === 1,
    when: f.dueDate !== '' || f.recurrence !== '' || f.deadlineAsWritten.trim() !== '',
    result: f.productDescription.trim() !== '' || f.productType !== '',
  };
}

export const missingOf = (check: FiveRCheck): FiveRPart[] => FIVE_R_PARTS.filter((p) => !check[p]);
