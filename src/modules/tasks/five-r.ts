/**
 * "5 rõ", the Prime Minister's rule for every task: rõ người (who), rõ việc (what), rõ trách nhiệm
 * (responsibility), rõ thời gian (when), rõ kết quả (result). A task missing any part is not assignable;
 * this says which parts are present, from the task's fields alone.
 */
export type FiveRPart = 'who' | 'what' | 'responsibility' | 'when' | 'result';

export interface FiveRInput {
  contentVi: string | null;
  leads: { code: string | null; collective: string | null }[];
  dueDate: string | null;
  recurrence: string | null;
  productAsWritten: string | null;
}

export function fiveR(task: FiveRInput): Record<FiveRPart, boolean> {
  const hasLead = task.leads.some((l) => l.code !== null || l.collective !== null);
  return {
    who: hasLead,
    what: Boolean(task.contentVi?.trim()),
    // Responsibility is clear when exactly one lead answers for the result; several co-leads dilute it.
    responsibility: task.leads.filter((l) => l.code !== null || l.collective !== null).length === 1,
    when: task.dueDate !== null || task.recurrence !== null,
    result: Boolean(task.productAsWritten?.trim()),
  };
}
