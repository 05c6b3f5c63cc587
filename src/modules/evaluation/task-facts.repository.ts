import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { headsRepository } from '../identity/heads.repository.ts';
import { endOfVietnamDay, vietnamDateOf } from '../task-status/dates.ts';
import type { StatusKind } from '../task-status/task-status.rules.ts';
import { assignmentStatusesAsOf } from '../task-status/task-status.service.ts';
import type {
  Agency,
  AgencyClass,
  BottleneckFact,
  EvaluationFacts,
  HeadTerm,
  ReportingFact,
  StatusClass,
  TaskStatusFact,
} from './facts.ts';
import { currentUnit } from './lineage.ts';

/**
 * THE adapter between the database and the evaluation: the only place that turns stored rows into facts.
 * - tasks: the register's assignments (task × agency × role, collectives expanded to today's members),
 *   classified by the task-status service (task_current_status for today, the accepted report history
 *   for a past date), with the register's original and current deadlines and the working-day calendar;
 * - reporting: the reports module's obligations due by the date and the reports submitted by then;
 * - bottlenecks: the bottleneck board, as it stood at the end of the date;
 * - successorOf: the orgs module's merge events (org_unit_event);
 * - headTerms: `headsOfAgencies` below.
 */

const MINISTRY_KINDS = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCE_KINDS = ['province', 'city'];

function agencyClassOf(kind: string): AgencyClass {
  if (MINISTRY_KINDS.includes(kind)) return 'ministry';
  if (PROVINCE_KINDS.includes(kind)) return 'province';
  return 'other';
}

/**
 * Who headed each agency over [from, to] (Viet Nam days): the people holding the `agency_head` role,
 * read from the identity module (its grants and revocations), with their name and title only. The one
 * place the evaluation learns who heads an agency; the register's per-task "accountable head" is a
 * field of the task (5 rõ), not the agency's head, and is not scored.
 */
export async function headsOfAgencies(db: Db | Tx, from: string, to: string): Promise<HeadTerm[]> {
  const terms = await headsRepository(db).agencyHeadTerms(
    new Date(`${from}T00:00:00+07:00`).toISOString(),
    endOfVietnamDay(to),
  );
  return terms.map((t) => ({
    personKey: `user:${t.userId}`,
    head: { name: t.name, title: t.title },
    agencyId: t.orgUnitId,
    from: vietnamDateOf(t.grantedAt),
    to: t.revokedAt === null ? null : vietnamDateOf(t.revokedAt),
  }));
}

interface AssignmentRow {
  taskId: number;
  taskCode: string;
  programCode: string;
  groupNo: number;
  agencyId: number;
  role: 'lead' | 'partner';
}

const CLASS_OF: Record<StatusKind, StatusClass> = {
  completed_on_time: 'completed_on_time',
  completed_late: 'completed_late',
  open_within_deadline: 'open_within_deadline',
  open_overdue: 'open_overdue',
  not_yet_due: 'not_yet_due',
  recurring: 'recurring',
  no_deadline: 'no_deadline',
};

export function taskFactsRepository(db: Db | Tx) {
  return {
    async load(
      programId: number,
      asOf: string,
      options: {
        calendar: WorkingCalendar;
        successorOf?: Record<number, number>;
        /**
         * The evaluation period's first day. Given, reporting and bottleneck facts are read only for the
         * ranked agencies (and units merged into them) and reporting only from that day: exactly what
         * `evaluate` counts for that period, read through indexes instead of every unit's history (3,400
         * units at national scale). The reports owed by everyone else are then counted, not listed
         * (`reportsExpectedInPeriod`). Without it, every fact up to `asOf` is read.
         */
        periodStart?: string;
        /** Read the heads of agencies from this day to asOf; without it, no head is read. */
        headsFrom?: string;
      },
    ): Promise<EvaluationFacts> {
      // One pass over the program's assignments (≈320 rows for NQ57): task_program_code_key (program_id, code)
      // finds the program's tasks, task_agency_task_role_position_key (task_id, …) their agencies. A
      // collective assignment ("all provinces") becomes one row per unit of that kind.
      const assignments = await rows<AssignmentRow>(
        db,
        sql`
          WITH own AS (
            SELECT t.id, t.code, p.code AS program_code, g.no
            FROM task t
            JOIN program p ON p.id = t.program_id
            JOIN task_group g ON g.id = t.group_id
            -- Program tasks only: agencies' plan items are their own breakdown of these, not extra obligations.
            -- Cancelled tasks are no obligation.
            WHERE t.program_id = ${programId} AND t.plan_id IS NULL AND t.register_state <> 'cancelled')
          -- A named agency (task_agency_task_role_position_key, then the unit by its key) …
          SELECT own.id AS "taskId", own.code AS "taskCode", own.program_code AS "programCode", own.no AS "groupNo",
                 ta.org_unit_id AS "agencyId", ta.role
          FROM own JOIN task_agency ta ON ta.task_id = own.id AND ta.org_unit_id IS NOT NULL
          UNION ALL
          -- … or a collective one ("all provinces"), one row per unit of that kind in force today. Two
          -- branches instead of one join with OR, which made PostgreSQL compare every task with every unit.
          SELECT own.id, own.code, own.program_code, own.no, o.id, ta.role
          FROM own JOIN task_agency ta ON ta.task_id = own.id AND ta.org_unit_id IS NULL
          JOIN org_unit o ON o.valid_to IS NULL AND (
                  (ta.collective IN ('all_ministries', 'all_ministries_and_provinces')
                    AND o.kind IN ('ministry', 'ministerial_agency', 'government_agency'))
                  OR (ta.collective IN ('all_provinces', 'all_ministries_and_provinces')
                    AND o.kind IN ('province', 'city')))
          ORDER BY "taskId", "agencyId", role`,
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
      const statuses = await assignmentStatusesAsOf(db as Db, options.calendar, {
        programId,
        asOf,
        assignments: assignments.map((a) => ({ taskId: a.taskId, agencyId: a.agencyId })),
      });
      const statusOf = new Map(statuses.map((s) => [`${s.taskId}:${s.agencyId}`, s]));
      const firstReview = await this.acceptedAtFirstReview(
        statuses.flatMap((s) =>
          [s.judgement, ...s.occurrences].flatMap((j) => (j?.basis ? [j.basis.reportId] : [])),
        ),
        asOf,
      );
      const tasks: TaskStatusFact[] = [];
      for (const a of assignments) {
        const s = statusOf.get(`${a.taskId}:${a.agencyId}`);
        if (!s) continue;
        const base = {
          taskId: a.taskId,
          taskCode: a.taskCode,
          programCode: a.programCode,
          groupNo: a.groupNo,
          agencyId: a.agencyId,
          role: a.role,
        };
        // A recurring task counts per occurrence that has come due or been completed; the one still
        // running (not yet due) is shown as the task's `recurring` state instead of an open assignment.
        const judged = s.status === 'recurring' ? s.occurrences : s.judgement ? [s.judgement] : [];
        for (const j of judged) {
          const occurrence = 'period' in j ? (j.period as string) : null;
          const evidence = j.completedOn && j.basis ? firstReview.has(j.basis.reportId) : null;
          tasks.push({
            ...base,
            occurrence,
            statusClass: occurrence && j.status === 'open_within_deadline' ? 'recurring' : CLASS_OF[j.status],
            latenessWorkingDays: j.lateDays,
            dueDateOriginal: occurrence ? j.dueDate : s.originalDueDate,
            dueDateCurrent: occurrence ? j.dueDate : s.currentDueDate,
            completedOn: j.completedOn,
            evidenceAcceptedFirstReview: evidence,
          });
        }
      }
      const lineage = { ...(await this.successors()), ...(options.successorOf ?? {}) };
      const headTerms =
        options.headsFrom === undefined ? Promise.resolve([]) : headsOfAgencies(db, options.headsFrom, asOf);
      if (options.periodStart === undefined) {
        const [reporting, bottlenecks, heads] = await Promise.all([
          this.reporting(programId, asOf),
          this.bottlenecks(programId, asOf),
          headTerms,
        ]);
        return { asOf, agencies, tasks, reporting, bottlenecks, successorOf: lineage, headTerms: heads };
      }
      // The ranked units and every unit whose merge lineage ends in one: the only ones whose reporting
      // and bottlenecks an evaluation counts (computeFigures, scoreAgency).
      const ranked = new Set(agencies.map((a) => a.id));
      const counted = [
        ...ranked,
        ...Object.keys(lineage)
          .map(Number)
          .filter((id) => !ranked.has(id) && ranked.has(currentUnit(id, lineage))),
      ].sort((a, b) => a - b);
      const [reporting, bottlenecks, reportsExpectedInPeriod, heads] = await Promise.all([
        this.reporting(programId, asOf, { from: options.periodStart, agencyIds: counted }),
        this.bottlenecks(programId, asOf, counted),
        this.reportsOwed(programId, options.periodStart, asOf),
        headTerms,
      ]);
      return {
        asOf,
        agencies,
        tasks,
        reporting,
        bottlenecks,
        successorOf: lineage,
        headTerms: heads,
        reportsExpectedInPeriod,
      };
    },

    /**
     * Of the given reports, those accepted without ever being returned, by the date: the review history
     * is the audit trail's `report.return` events (a returned report is corrected and resubmitted as the
     * same report).
     */
    async acceptedAtFirstReview(reportIds: number[], asOf: string): Promise<Set<number>> {
      const ids = [...new Set(reportIds)];
      if (ids.length === 0) return new Set();
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT r.id FROM report r
            WHERE r.id IN (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})
              AND NOT EXISTS (SELECT 1 FROM audit_event a
                              WHERE a.entity_type = 'report' AND a.action = 'report.return'
                                AND a.entity_id = r.id::text
                                AND a.occurred_at < ${endOfVietnamDay(asOf)}::timestamptz)`,
      );
      return new Set(found.map((r) => r.id));
    },

    /**
     * Reporting owed by the date: obligations due on or before it, per agency and period; submitted
     * counts a first submission made by the end of the date, on time one made by the end of the due day
     * (Viet Nam time), as the reports module's rates do.
     */
    async reporting(
      programId: number,
      asOf: string,
      scope?: { from: string; agencyIds: number[] },
    ): Promise<ReportingFact[]> {
      const cutoff = endOfVietnamDay(asOf);
      // Scoped: reporting_obligation_agency_idx (agency_id, due_date) per agency, a few hundred rows.
      const scoped = scope
        ? sql`AND ob.agency_id = ANY(${`{${scope.agencyIds.join(',')}}`}::int[]) AND ob.due_date >= ${scope.from}`
        : sql``;
      return rows<ReportingFact>(
        db,
        sql`SELECT ob.agency_id AS "agencyId", ob.period, ob.due_date::text AS "dueOn",
                   count(*)::int AS expected,
                   count(*) FILTER (WHERE first.submitted_at < ${cutoff}::timestamptz)::int AS submitted,
                   count(*) FILTER (WHERE first.submitted_at < ${cutoff}::timestamptz AND first.submitted_at <
                     ((ob.due_date + 1)::text || 'T00:00:00+07:00')::timestamptz)::int AS "onTime"
            FROM reporting_obligation ob
            LEFT JOIN LATERAL (SELECT min(first_submitted_at) AS submitted_at FROM report r
                               WHERE r.obligation_id = ob.id) first ON true
            WHERE ob.program_id = ${programId} AND ob.due_date <= ${asOf} ${scoped}
            GROUP BY ob.agency_id, ob.period, ob.due_date
            ORDER BY ob.period, ob.agency_id`,
      );
    },

    /** Reports every unit owed for the program, due within [from, asOf]: reporting_obligation_due_idx. */
    async reportsOwed(programId: number, from: string, asOf: string): Promise<number> {
      const [row] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM reporting_obligation
            WHERE program_id = ${programId} AND due_date >= ${from} AND due_date <= ${asOf}`,
      );
      return row?.n ?? 0;
    },

    /** Bottlenecks raised by the end of the date, with their clearing if it came by then. */
    async bottlenecks(programId: number, asOf: string, agencyIds?: number[]): Promise<BottleneckFact[]> {
      const cutoff = endOfVietnamDay(asOf);
      // Scoped: bottleneck_agency_idx (agency_id, status) per agency.
      const scoped = agencyIds ? sql`AND agency_id = ANY(${`{${agencyIds.join(',')}}`}::int[])` : sql``;
      const found = await rows<{
        id: number;
        agencyId: number;
        taskId: number | null;
        createdAt: string;
        clearedAt: string | null;
      }>(
        db,
        sql`SELECT id, agency_id AS "agencyId", task_id AS "taskId", created_at AS "createdAt",
                   cleared_at AS "clearedAt"
            FROM bottleneck
            WHERE program_id = ${programId} AND agency_id IS NOT NULL AND created_at < ${cutoff}::timestamptz ${scoped}
            ORDER BY id`,
      );
      return found.map((b) => {
        const clearedOn = b.clearedAt ? vietnamDateOf(b.clearedAt) : null;
        return {
          bottleneckId: b.id,
          agencyId: b.agencyId,
          taskId: b.taskId,
          raisedOn: vietnamDateOf(b.createdAt),
          clearedOn: clearedOn && clearedOn <= asOf ? clearedOn : null,
        };
      });
    },

    /**
     * predecessor → successor from the orgs module's merge events. A split has several successors and
     * none of them answers alone for the old unit's tasks, so splits are left out.
     */
    async successors(): Promise<Record<number, number>> {
      const found = await rows<{ fromId: number; toId: number }>(
        db,
        sql`SELECT f.org_unit_id AS "fromId", min(t.org_unit_id)::int AS "toId"
            FROM org_unit_event e
            JOIN org_unit_event_unit f ON f.event_id = e.id AND f.role = 'from'
            JOIN org_unit_event_unit t ON t.event_id = e.id AND t.role = 'to'
            WHERE e.kind = 'merge' AND f.org_unit_id <> t.org_unit_id
            GROUP BY e.id, f.org_unit_id
            HAVING count(DISTINCT t.org_unit_id) = 1
            ORDER BY e.id`,
      );
      return Object.fromEntries(found.map((r) => [r.fromId, r.toId]));
    },
  };
}
