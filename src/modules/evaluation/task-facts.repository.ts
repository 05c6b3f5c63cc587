import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { Agency, AgencyClass, EvaluationFacts, StatusClass, TaskStatusFact } from './facts.ts';

/**
 * THE adapter between the database and the evaluation: the only place that turns stored rows into facts.
 * Today it reads the register (task, task_agency, org_unit) and classifies each task from its deadline
 * alone, because reports, task status, bottlenecks and lineage are built on other branches. When the
 * task-status service merges, `load` takes its facts as of the date instead (and reporting and
 * bottleneck facts from the reports module); nothing else in the evaluation changes.
 */

const MINISTRY_KINDS = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCE_KINDS = ['province', 'city'];

function agencyClassOf(kind: string): AgencyClass {
  if (MINISTRY_KINDS.includes(kind)) return 'ministry';
  if (PROVINCE_KINDS.includes(kind)) return 'province';
  return 'other';
}

/**
 * Monday-to-Friday days after `from` up to and including `to`. A stand-in: the task-status service counts
 * working days with the official holiday calendar (docs/deadline-rules.md).
 */
export function weekdaysBetween(from: string, to: string): number {
  let days = 0;
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= end; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days++;
  }
  return days;
}

/** The register alone knows no completion: a task is recurring, without deadline, open within deadline or overdue. */
export function classifyFromRegister(
  dueDate: string | null,
  recurrence: string | null,
  asOf: string,
): { statusClass: StatusClass; latenessWorkingDays: number } {
  if (recurrence) return { statusClass: 'recurring', latenessWorkingDays: 0 };
  if (dueDate === null) return { statusClass: 'no_deadline', latenessWorkingDays: 0 };
  if (dueDate >= asOf) return { statusClass: 'open_within_deadline', latenessWorkingDays: 0 };
  return { statusClass: 'open_overdue', latenessWorkingDays: weekdaysBetween(dueDate, asOf) };
}

interface AssignmentRow {
  taskId: number;
  taskCode: string;
  programCode: string;
  groupNo: number;
  agencyId: number;
  role: 'lead' | 'partner';
  dueDate: string | null;
  recurrence: string | null;
}

export function taskFactsRepository(db: Db | Tx) {
  return {
    async load(
      programId: number,
      asOf: string,
      successorOf: Record<number, number> = {},
    ): Promise<EvaluationFacts> {
      // One pass over the program's assignments (≈320 rows for NQ57): task_program_code_key (program_id, code)
      // finds the program's tasks, task_agency_task_role_position_key (task_id, …) their agencies. A
      // collective assignment ("all provinces") becomes one row per unit of that kind.
      const assignments = await rows<AssignmentRow>(
        db,
        sql`
          SELECT t.id AS "taskId", t.code AS "taskCode", p.code AS "programCode", g.no AS "groupNo",
                 o.id AS "agencyId", ta.role, t.due_date::text AS "dueDate", t.recurrence
          FROM task t
          JOIN program p ON p.id = t.program_id
          JOIN task_group g ON g.id = t.group_id
          JOIN task_agency ta ON ta.task_id = t.id
          JOIN org_unit o ON o.id = ta.org_unit_id
             OR (ta.org_unit_id IS NULL AND o.valid_to IS NULL AND (
                  (ta.collective IN ('all_ministries', 'all_ministries_and_provinces')
                    AND o.kind IN ('ministry', 'ministerial_agency', 'government_agency'))
                  OR (ta.collective IN ('all_provinces', 'all_ministries_and_provinces')
                    AND o.kind IN ('province', 'city'))))
          -- Program tasks only: agencies' plan items are their own breakdown of these, not extra obligations.
          WHERE t.program_id = ${programId} AND t.plan_id IS NULL
          ORDER BY t.id, o.id, ta.role`,
      );
      // Every unit, whatever its validity dates: figures are shown under today's units (the 34 provinces
      // date from 1/7/2025, yet answer for what their predecessors carried), and merged units are folded
      // into their successors by the lineage. org_unit holds ≈60 such rows, read whole.
      const units = await rows<{ id: number; code: string; name: string; kind: string }>(
        db,
        sql`
          SELECT id, code, name_vi AS name, kind FROM org_unit
          WHERE kind IN ('ministry', 'ministerial_agency', 'government_agency', 'province', 'city')
            -- Closed units are folded into their successors; only today's units are ranked.
            AND valid_to IS NULL
          ORDER BY code`,
      );
      const agencies: Agency[] = units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        agencyClass: agencyClassOf(u.kind),
      }));
      const tasks: TaskStatusFact[] = assignments.map((a) => ({
        taskId: a.taskId,
        taskCode: a.taskCode,
        occurrence: null,
        programCode: a.programCode,
        groupNo: a.groupNo,
        agencyId: a.agencyId,
        role: a.role,
        head: null,
        ...classifyFromRegister(a.dueDate, a.recurrence, asOf),
        dueDateOriginal: a.dueDate,
        dueDateCurrent: a.dueDate,
        completedOn: null,
        evidenceAcceptedFirstReview: null,
      }));
      return { asOf, agencies, tasks, reporting: [], bottlenecks: [], successorOf };
    },
  };
}
