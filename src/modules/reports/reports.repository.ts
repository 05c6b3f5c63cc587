import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import {
  type Frequency,
  type ItemStatus,
  report,
  reportEvidence,
  reportItem,
  reportingObligation,
  reportingSchedule,
  reportSnapshot,
  storedFile,
  taskCurrentStatus,
} from './reports.schema.ts';

export interface ScheduleRow {
  id: number;
  frequency: Frequency;
  dueOffsetDays: number;
  dueDates: string[] | null;
  active: boolean;
}

export interface ObligationRow {
  id: number;
  programId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  frequency: Frequency;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  reportId: number | null;
  reportStatus: string | null;
  returnReason: string | null;
  firstSubmittedAt: string | null;
  illustrative: boolean;
}

export interface ReportRow {
  id: number;
  obligationId: number;
  agencyId: number;
  programId: number;
  period: string;
  dueDate: string;
  revision: number;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  summary: string;
  lockVersion: number;
  correctionReason: string | null;
  returnReason: string | null;
  createdBy: number | null;
  submittedBy: number | null;
  submittedAt: string | null;
  reviewedBy: number | null;
  acceptedAt: string | null;
  supersededAt: string | null;
  updatedAt: string;
  illustrative: boolean;
}

export interface EvidenceRow {
  reportItemId: number;
  kind: 'document' | 'file' | 'link';
  documentNumber: string | null;
  documentDate: string | null;
  documentIssuer: string | null;
  fileId: number | null;
  fileName: string | null;
  fileMime: string | null;
  fileSize: number | null;
  url: string | null;
  note: string | null;
}

export interface ItemRow {
  id: number;
  taskId: number;
  taskCode: string;
  status: ItemStatus;
  progress: number;
  completedOn: string | null;
  doneText: string;
  difficulties: string;
  recommendations: string;
  bottlenecks: { type: string; description: string }[];
  reviewerStatus: ItemStatus | null;
  reviewerProgress: number | null;
  reviewerNote: string | null;
}

/**
 * Agencies carrying a task as `role`: named directly or members of a collective ("all provinces").
 * Only units in force today (no valid_to) owe reports.
 */
export function agencyCarries(taskAgency: string, org: string, roles: SQL): SQL {
  return sql`${sql.raw(taskAgency)}.role IN (${roles}) AND (
    ${sql.raw(taskAgency)}.org_unit_id = ${sql.raw(org)}.id
    OR (${sql.raw(taskAgency)}.collective IN ('all_ministries','all_ministries_and_provinces')
        AND ${sql.raw(org)}.kind IN ('ministry','ministerial_agency','government_agency'))
    OR (${sql.raw(taskAgency)}.collective IN ('all_provinces','all_ministries_and_provinces')
        AND ${sql.raw(org)}.kind IN ('province','city')))
    AND ${sql.raw(org)}.valid_to IS NULL`;
}

export function reportsRepository(db: Db | Tx) {
  return {
    async programId(code: string): Promise<number | null> {
      const [row] = await rows<{ id: number }>(db, sql`SELECT id FROM program WHERE code = ${code}`);
      return row?.id ?? null;
    },

    schedules(programId: number): Promise<ScheduleRow[]> {
      return rows<ScheduleRow>(
        db,
        sql`SELECT id, frequency, due_offset_days AS "dueOffsetDays", due_dates AS "dueDates", active
            FROM reporting_schedule WHERE program_id = ${programId} ORDER BY id`,
      );
    },

    async upsertSchedule(
      programId: number,
      s: { frequency: Frequency; dueOffsetDays: number; dueDates: string[] | null; active: boolean },
    ): Promise<ScheduleRow> {
      const [row] = await db
        .insert(reportingSchedule)
        .values({ programId, ...s })
        .onConflictDoUpdate({
          target: [reportingSchedule.programId, reportingSchedule.frequency],
          set: { ...s, updatedAt: sql`now()` },
        })
        .returning();
      return row as ScheduleRow;
    },

    /** Agencies that lead a task of the program, directly or as members of a collective. */
    reportingAgencies(programId: number): Promise<{ id: number }[]> {
      return rows<{ id: number }>(
        db,
        sql`SELECT DISTINCT o.id FROM task t
            JOIN task_agency ta ON ta.task_id = t.id
            JOIN org_unit o ON ${agencyCarries('ta', 'o', sql`'lead'`)}
            WHERE t.program_id = ${programId} ORDER BY o.id`,
      );
    },

    /** Of the given task ids, those the agency carries (as lead or partner) in the program. */
    async tasksCarriedBy(agencyId: number, programId: number, taskIds: number[]): Promise<Set<number>> {
      if (taskIds.length === 0) return new Set();
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT DISTINCT t.id FROM task t
            JOIN task_agency ta ON ta.task_id = t.id
            JOIN org_unit o ON o.id = ${agencyId} AND ${agencyCarries('ta', 'o', sql`'lead','partner'`)}
            WHERE t.program_id = ${programId} AND t.id IN (${sql.join(
              taskIds.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      );
      return new Set(found.map((r) => r.id));
    },

    /** Every task the agency carries in the program (lead wins over partner), for the report form's rows. */
    tasksOfAgency(agencyId: number, programId: number) {
      return rows<{
        id: number;
        code: string;
        contentVi: string;
        role: 'lead' | 'partner';
        deadlineAsWritten: string | null;
        dueDate: string | null;
      }>(
        db,
        sql`SELECT t.id, t.code, t.content_vi AS "contentVi",
                   CASE WHEN bool_or(ta.role = 'lead') THEN 'lead' ELSE 'partner' END AS role,
                   t.deadline_as_written AS "deadlineAsWritten", t.due_date AS "dueDate"
            FROM task t
            JOIN task_agency ta ON ta.task_id = t.id
            JOIN org_unit o ON o.id = ${agencyId} AND ${agencyCarries('ta', 'o', sql`'lead','partner'`)}
            WHERE t.program_id = ${programId} AND t.plan_id IS NULL
            GROUP BY t.id ORDER BY t.id`,
      );
    },

    agency(id: number) {
      return rows<{ id: number; code: string; nameVi: string; nameEn: string | null }>(
        db,
        sql`SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn" FROM org_unit WHERE id = ${id}`,
      ).then((r) => r[0] ?? null);
    },

    async insertObligations(values: (typeof reportingObligation.$inferInsert)[]): Promise<number> {
      let inserted = 0;
      for (let i = 0; i < values.length; i += 500) {
        const done = await db
          .insert(reportingObligation)
          .values(values.slice(i, i + 500))
          .onConflictDoNothing()
          .returning({ id: reportingObligation.id });
        inserted += done.length;
      }
      return inserted;
    },

    listObligations(f: {
      programId: number;
      agencyId?: number;
      period?: string;
      dueFrom?: string;
      dueTo?: string;
    }): Promise<ObligationRow[]> {
      const parts: SQL[] = [sql`ob.program_id = ${f.programId}`];
      if (f.agencyId) parts.push(sql`ob.agency_id = ${f.agencyId}`);
      if (f.period) parts.push(sql`ob.period = ${f.period}`);
      if (f.dueFrom) parts.push(sql`ob.due_date >= ${f.dueFrom}`);
      if (f.dueTo) parts.push(sql`ob.due_date <= ${f.dueTo}`);
      return rows<ObligationRow>(
        db,
        sql`SELECT ob.id, ob.program_id AS "programId", ob.agency_id AS "agencyId", o.code AS "agencyCode",
                   o.name_vi AS "agencyName", s.frequency, ob.period, ob.period_start AS "periodStart",
                   ob.period_end AS "periodEnd", ob.due_date AS "dueDate", cur.id AS "reportId",
                   cur.status AS "reportStatus", cur.return_reason AS "returnReason",
                   first.submitted_at AS "firstSubmittedAt",
                   ob.illustrative OR coalesce(cur.illustrative, false) AS illustrative
            FROM reporting_obligation ob
            JOIN reporting_schedule s ON s.id = ob.schedule_id
            JOIN org_unit o ON o.id = ob.agency_id
            LEFT JOIN LATERAL (SELECT id, status, return_reason, illustrative FROM report r WHERE r.obligation_id = ob.id
                               ORDER BY revision DESC LIMIT 1) cur ON true
            LEFT JOIN LATERAL (SELECT min(first_submitted_at) AS submitted_at FROM report r
                               WHERE r.obligation_id = ob.id) first ON true
            WHERE ${sql.join(parts, sql` AND `)}
            ORDER BY ob.due_date, o.code, s.frequency`,
      );
    },

    obligation(id: number) {
      return rows<{ id: number; programId: number; agencyId: number; period: string; dueDate: string }>(
        db,
        sql`SELECT id, program_id AS "programId", agency_id AS "agencyId", period, due_date AS "dueDate"
            FROM reporting_obligation WHERE id = ${id}`,
      ).then((r) => r[0] ?? null);
    },

    /**
     * Reporting itself measured, per agency and period: expected, submitted, and submitted on time (first
     * submission before the end of the due day in Viet Nam).
     */
    rates(f: { programId: number; dueFrom: string; dueTo: string }) {
      return rows<{
        agencyId: number;
        agencyCode: string;
        agencyName: string;
        agencyKind: string;
        period: string;
        frequency: Frequency;
        expected: number;
        submitted: number;
        onTime: number;
        accepted: number;
        illustrative: number;
      }>(
        db,
        sql`SELECT ob.agency_id AS "agencyId", o.code AS "agencyCode", o.name_vi AS "agencyName",
                   o.kind AS "agencyKind", ob.period, s.frequency,
                   count(*)::int AS expected,
                   count(first.submitted_at)::int AS submitted,
                   count(*) FILTER (WHERE first.submitted_at <
                     ((ob.due_date + 1)::text || 'T00:00:00+07:00')::timestamptz)::int AS "onTime",
                   count(*) FILTER (WHERE first.accepted)::int AS accepted,
                   count(*) FILTER (WHERE ob.illustrative OR first.illustrative)::int AS illustrative
            FROM reporting_obligation ob
            JOIN reporting_schedule s ON s.id = ob.schedule_id
            JOIN org_unit o ON o.id = ob.agency_id
            LEFT JOIN LATERAL (SELECT min(first_submitted_at) AS submitted_at,
                                      bool_or(status = 'accepted') AS accepted,
                                      bool_or(illustrative) AS illustrative
                               FROM report r WHERE r.obligation_id = ob.id) first ON true
            WHERE ob.program_id = ${f.programId} AND ob.due_date BETWEEN ${f.dueFrom} AND ${f.dueTo}
            GROUP BY ob.agency_id, o.code, o.name_vi, o.kind, ob.period, s.frequency
            ORDER BY ob.period, o.code`,
      );
    },

    async report(id: number, forUpdate = false): Promise<ReportRow | null> {
      const [row] = await rows<ReportRow>(
        db,
        sql`SELECT r.id, r.obligation_id AS "obligationId", r.agency_id AS "agencyId",
                   ob.program_id AS "programId", ob.period, ob.due_date AS "dueDate", r.revision, r.status,
                   r.summary, r.lock_version AS "lockVersion", r.correction_reason AS "correctionReason",
                   r.return_reason AS "returnReason", r.created_by AS "createdBy",
                   r.submitted_by AS "submittedBy", r.submitted_at AS "submittedAt",
                   r.reviewed_by AS "reviewedBy", r.accepted_at AS "acceptedAt",
                   r.superseded_at AS "supersededAt", r.updated_at AS "updatedAt", r.illustrative
            FROM report r JOIN reporting_obligation ob ON ob.id = r.obligation_id
            WHERE r.id = ${id} ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
      );
      return row ?? null;
    },

    listReports(f: {
      programId: number;
      status?: string;
      agencyId?: number;
      period?: string;
      limit: number;
      offset: number;
    }) {
      const parts: SQL[] = [sql`ob.program_id = ${f.programId}`];
      if (f.status) parts.push(sql`r.status = ${f.status}`);
      if (f.period) parts.push(sql`ob.period = ${f.period}`);
      if (f.agencyId) parts.push(sql`r.agency_id = ${f.agencyId}`);
      return rows<{
        id: number;
        agencyId: number;
        agencyCode: string;
        agencyNameVi: string;
        agencyNameEn: string | null;
        period: string;
        dueDate: string;
        revision: number;
        status: string;
        submittedAt: string | null;
        acceptedAt: string | null;
        itemCount: number;
        illustrative: boolean;
        total: number;
      }>(
        db,
        sql`SELECT r.id, r.agency_id AS "agencyId", o.code AS "agencyCode", o.name_vi AS "agencyNameVi",
                   o.name_en AS "agencyNameEn", ob.period, ob.due_date AS "dueDate",
                   r.revision, r.status, r.submitted_at AS "submittedAt", r.accepted_at AS "acceptedAt",
                   (SELECT count(*)::int FROM report_item i WHERE i.report_id = r.id) AS "itemCount",
                   r.illustrative, count(*) OVER ()::int AS total
            FROM report r JOIN reporting_obligation ob ON ob.id = r.obligation_id
            JOIN org_unit o ON o.id = r.agency_id
            WHERE ${sql.join(parts, sql` AND `)}
            ORDER BY r.submitted_at NULLS LAST, r.id
            LIMIT ${f.limit} OFFSET ${f.offset}`,
      );
    },

    revisions(obligationId: number) {
      return rows<{ id: number; revision: number; status: string; acceptedAt: string | null }>(
        db,
        sql`SELECT id, revision, status, accepted_at AS "acceptedAt" FROM report
            WHERE obligation_id = ${obligationId} ORDER BY revision`,
      );
    },

    items(reportId: number): Promise<ItemRow[]> {
      return rows<ItemRow>(
        db,
        sql`SELECT i.id, i.task_id AS "taskId", t.code AS "taskCode", i.status, i.progress,
                   i.completed_on AS "completedOn", i.done_text AS "doneText", i.difficulties,
                   i.recommendations, i.bottlenecks, i.reviewer_status AS "reviewerStatus",
                   i.reviewer_progress AS "reviewerProgress", i.reviewer_note AS "reviewerNote"
            FROM report_item i JOIN task t ON t.id = i.task_id
            WHERE i.report_id = ${reportId} ORDER BY t.code, i.id`,
      );
    },

    evidence(reportId: number): Promise<EvidenceRow[]> {
      return rows<EvidenceRow>(
        db,
        sql`SELECT e.report_item_id AS "reportItemId", e.kind, e.document_number AS "documentNumber",
                   e.document_date AS "documentDate", e.document_issuer AS "documentIssuer",
                   e.file_id AS "fileId", f.original_name AS "fileName", f.mime AS "fileMime",
                   f.size_bytes AS "fileSize", e.url, e.note
            FROM report_evidence e JOIN report_item i ON i.id = e.report_item_id
            LEFT JOIN stored_file f ON f.id = e.file_id
            WHERE i.report_id = ${reportId} ORDER BY e.id`,
      );
    },

    async insertReport(values: typeof report.$inferInsert): Promise<number> {
      const [row] = await db.insert(report).values(values).returning({ id: report.id });
      return row!.id;
    },

    async updateReport(id: number, set: Partial<typeof report.$inferInsert>): Promise<void> {
      await db
        .update(report)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(report.id, id));
    },

    /** Bumps the version only if it is still the one the editor saw; false means someone saved first. */
    async bumpVersion(id: number, expected: number): Promise<boolean> {
      const done = await db
        .update(report)
        .set({ lockVersion: expected + 1, updatedAt: sql`now()` })
        .where(and(eq(report.id, id), eq(report.lockVersion, expected)))
        .returning({ id: report.id });
      return done.length === 1;
    },

    async snapshot(reportId: number, lockVersion: number): Promise<unknown | null> {
      const [row] = await rows<{ content: unknown }>(
        db,
        sql`SELECT content FROM report_snapshot WHERE report_id = ${reportId} AND lock_version = ${lockVersion}`,
      );
      return row?.content ?? null;
    },

    async saveSnapshot(reportId: number, lockVersion: number, content: unknown, savedBy: number | null) {
      await db.insert(reportSnapshot).values({ reportId, lockVersion, content, savedBy });
    },

    async replaceItems(
      reportId: number,
      items: (Omit<typeof reportItem.$inferInsert, 'reportId'> & {
        evidence: Omit<typeof reportEvidence.$inferInsert, 'reportItemId'>[];
      })[],
    ): Promise<void> {
      await db.delete(reportItem).where(eq(reportItem.reportId, reportId));
      if (items.length === 0) return;
      // One INSERT for the items and one for all their evidence (a report has one item per task).
      const inserted = await db
        .insert(reportItem)
        .values(items.map(({ evidence: _, ...item }) => ({ ...item, reportId })))
        .returning({ id: reportItem.id, taskId: reportItem.taskId });
      const idOfTask = new Map(inserted.map((r) => [r.taskId, r.id]));
      const evidence = items.flatMap((item) =>
        item.evidence.map((e) => ({ ...e, reportItemId: idOfTask.get(item.taskId)! })),
      );
      if (evidence.length) await db.insert(reportEvidence).values(evidence);
    },

    async setAssessment(
      reportId: number,
      taskId: number,
      a: { status: ItemStatus | null; progress: number | null; note: string | null },
    ) {
      await db
        .update(reportItem)
        .set({ reviewerStatus: a.status, reviewerProgress: a.progress, reviewerNote: a.note })
        .where(and(eq(reportItem.reportId, reportId), eq(reportItem.taskId, taskId)));
    },

    async supersedeAccepted(obligationId: number, exceptId: number): Promise<void> {
      await db.execute(
        sql`UPDATE report SET superseded_at = now() WHERE obligation_id = ${obligationId}
            AND status = 'accepted' AND superseded_at IS NULL AND id <> ${exceptId}`,
      );
    },

    /** The summary row of each task of an accepted report; the reviewer's assessment wins where given. */
    async refreshCurrentStatus(reportId: number, agencyId: number, acceptedAt: string): Promise<void> {
      const items = await rows<{
        taskId: number;
        status: ItemStatus;
        progress: number;
        completedOn: string | null;
        hasEvidence: boolean;
      }>(
        db,
        sql`SELECT i.task_id AS "taskId", coalesce(i.reviewer_status, i.status) AS status,
                   coalesce(i.reviewer_progress, i.progress) AS progress, i.completed_on AS "completedOn",
                   EXISTS (SELECT 1 FROM report_evidence e WHERE e.report_item_id = i.id) AS "hasEvidence"
            FROM report_item i WHERE i.report_id = ${reportId}`,
      );
      for (const item of items) {
        const values = { ...item, agencyId, reportId, acceptedAt };
        await db
          .insert(taskCurrentStatus)
          .values(values)
          .onConflictDoUpdate({
            target: [taskCurrentStatus.taskId, taskCurrentStatus.agencyId],
            set: values,
          });
      }
    },

    fileById(id: number) {
      return rows<{
        id: number;
        agencyId: number;
        storageName: string;
        originalName: string;
        mime: string;
        sizeBytes: number;
      }>(
        db,
        sql`SELECT id, agency_id AS "agencyId", storage_name AS "storageName", original_name AS "originalName",
                   mime, size_bytes AS "sizeBytes" FROM stored_file WHERE id = ${id}`,
      ).then((r) => r[0] ?? null);
    },

    async filesOfAgency(agencyId: number, ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const found = await rows<{ id: number }>(
        db,
        sql`SELECT id FROM stored_file WHERE agency_id = ${agencyId} AND id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      return new Set(found.map((r) => r.id));
    },

    async insertFile(values: typeof storedFile.$inferInsert): Promise<number> {
      const [row] = await db.insert(storedFile).values(values).returning({ id: storedFile.id });
      return row!.id;
    },
    // The bytes travel as base64 text, decoded by the database: PGlite encodes a bytea parameter and
    // decodes a bytea result about ten times slower (a 19 MB file: 13 s against 1.4 s to write).
    async insertFileContent(fileId: number, content: Buffer) {
      await db.execute(
        sql`INSERT INTO stored_file_content (file_id, content)
            VALUES (${fileId}, decode(${content.toString('base64')}, 'base64'))`,
      );
    },
    /** Files stored on disk before decision 096, whose bytes are not in the database yet. */
    filesWithoutContent() {
      return rows<{ id: number; storageName: string; sha256: string; sizeBytes: number }>(
        db,
        sql`SELECT f.id, f.storage_name AS "storageName", f.sha256, f.size_bytes AS "sizeBytes"
              FROM stored_file f
             WHERE NOT EXISTS (SELECT 1 FROM stored_file_content c WHERE c.file_id = f.id)
             ORDER BY f.id`,
      );
    },
    /** A file's bytes, or null when it was stored on disk before they moved into the database. */
    async fileContent(fileId: number): Promise<Buffer | null> {
      const [row] = await rows<{ content: string }>(
        db,
        sql`SELECT encode(content, 'base64') AS content FROM stored_file_content WHERE file_id = ${fileId}`,
      );
      return row ? Buffer.from(row.content, 'base64') : null;
    },
  };
}
