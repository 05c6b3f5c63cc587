import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import { orgUnit, orgUnitAlias } from '../orgs/orgs.schema.ts';
import { taskGroup } from '../program/program.schema.ts';
import { task, taskAgency } from '../tasks/tasks.schema.ts';
import type { ImportRow } from './register-rows.ts';

export interface RegisterExportRow {
  id: number;
  code: string;
  groupNo: number;
  groupTitle: string;
  contentVi: string;
  leadAsWritten: string | null;
  partnersAsWritten: string | null;
  productAsWritten: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: string | null;
}

export function registerIoRepository(db: Db | Tx) {
  return {
    async agencies() {
      const [orgs, aliases] = await Promise.all([
        db
          .select({ code: orgUnit.code, kind: orgUnit.kind, nameVi: orgUnit.nameVi, nameEn: orgUnit.nameEn })
          .from(orgUnit)
          // Closed units (merged away in 2025) are reached through their successor's former-name alias.
          .where(isNull(orgUnit.validTo)),
        db
          .select({
            name: orgUnitAlias.name,
            normalized: orgUnitAlias.normalized,
            kind: orgUnitAlias.kind,
            note: orgUnitAlias.note,
            orgCode: orgUnit.code,
          })
          .from(orgUnitAlias)
          .innerJoin(orgUnit, eq(orgUnit.id, orgUnitAlias.orgUnitId))
          .where(isNull(orgUnit.validTo)),
      ]);
      return { orgs, aliases };
    },
    async orgIdsByCode(codes: string[]) {
      if (codes.length === 0) return new Map<string, number>();
      const found = await db
        .select({ id: orgUnit.id, code: orgUnit.code })
        .from(orgUnit)
        .where(inArray(orgUnit.code, codes));
      return new Map(found.map((o) => [o.code, o.id]));
    },
    async taskCodes(programId: number) {
      const found = await db.select({ code: task.code }).from(task).where(eq(task.programId, programId));
      return new Set(found.map((t) => t.code));
    },
    async groupIdsByNo(programId: number) {
      const found = await db
        .select({ id: taskGroup.id, no: taskGroup.no })
        .from(taskGroup)
        .where(eq(taskGroup.programId, programId));
      return new Map(found.map((g) => [g.no, g.id]));
    },
    async insertGroup(programId: number, no: number, titleVi: string) {
      const [row] = await db
        .insert(taskGroup)
        .values({ programId, no, titleVi, titleSource: 'register import' })
        .returning({ id: taskGroup.id });
      return row!.id;
    },
    /**
     * Inserts the tasks, then their agencies, each in one statement whose rows travel as one JSON
     * parameter: thousands of bound parameters cost more than the insert itself (measured on PGlite).
     */
    async insertTasks(
      programId: number,
      tasks: (ImportRow & {
        groupId: number;
        searchSource: string;
        sourceDocument: string;
        sourceHash: string;
      })[],
      orgIds: Map<string, number>,
    ) {
      const taskRows = tasks.map((t) => ({
        group_id: t.groupId,
        code: t.code,
        source_row: t.sourceRow,
        content_vi: t.contentVi,
        lead_as_written: t.leadAsWritten,
        partners_as_written: t.partnersAsWritten,
        product_as_written: t.productAsWritten,
        product_type: t.productType,
        deadline_as_written: t.deadlineAsWritten,
        due_date: t.dueDate,
        recurrence: t.recurrence,
        deadline_rule: t.deadlineRule,
        source_document: t.sourceDocument,
        source_hash: t.sourceHash,
        search_source: t.searchSource.normalize('NFC'),
      }));
      const inserted = await rows<{ id: number; code: string }>(
        db,
        sql`INSERT INTO task (program_id, group_id, code, source_row, content_vi, lead_as_written, partners_as_written,
                              product_as_written, product_type, deadline_as_written, due_date, recurrence, deadline_rule,
                              source_document, source_hash, search_text)
            SELECT ${programId}, r.group_id, r.code, r.source_row, r.content_vi, r.lead_as_written, r.partners_as_written,
                   r.product_as_written, r.product_type, r.deadline_as_written, r.due_date, r.recurrence, r.deadline_rule,
                   r.source_document, r.source_hash, lower(f_unaccent(r.search_source))
              FROM json_to_recordset(${JSON.stringify(taskRows)}::json) AS r(
                   group_id int, code text, source_row int, content_vi text, lead_as_written text, partners_as_written text,
                   product_as_written text, product_type text, deadline_as_written text, due_date date, recurrence text,
                   deadline_rule text, source_document text, source_hash text, search_source text)
            RETURNING id, code`,
      );
      const idByCode = new Map(inserted.map((r) => [r.code, r.id]));
      const agencyRows = tasks.flatMap((t) =>
        t.agencies.map((a) => ({
          task_id: idByCode.get(t.code)!,
          role: a.role,
          position: a.position,
          org_unit_id: a.orgCode ? (orgIds.get(a.orgCode) ?? null) : null,
          collective: a.collective,
          name_as_written: a.nameAsWritten,
        })),
      );
      if (agencyRows.length > 0) {
        await db.execute(
          sql`INSERT INTO task_agency (task_id, role, position, org_unit_id, collective, name_as_written)
              SELECT r.task_id, r.role, r.position, r.org_unit_id, r.collective, r.name_as_written
                FROM json_to_recordset(${JSON.stringify(agencyRows)}::json) AS r(
                     task_id int, role text, position int, org_unit_id int, collective text, name_as_written text)`,
        );
      }
      return tasks.map((t) => idByCode.get(t.code)!);
    },
    /** The register in the appendix's order: group, then the row number, then the code. */
    exportRows(programId: number) {
      return rows<RegisterExportRow>(
        db,
        sql`SELECT t.id, t.code, g.no AS "groupNo", g.title_vi AS "groupTitle", t.content_vi AS "contentVi", t.lead_as_written AS "leadAsWritten",
                   t.partners_as_written AS "partnersAsWritten", t.product_as_written AS "productAsWritten",
                   t.deadline_as_written AS "deadlineAsWritten", t.due_date AS "dueDate", t.recurrence
              FROM task t JOIN task_group g ON g.id = t.group_id
             WHERE t.program_id = ${programId}
             ORDER BY g.no, t.source_row NULLS LAST, t.code`,
      );
    },
    /** Agency names of tasks whose cell text is missing (a task built in the platform, not imported). */
    async agencyNames(taskIds: number[]) {
      if (taskIds.length === 0) return [];
      return db
        .select({ taskId: taskAgency.taskId, role: taskAgency.role, name: taskAgency.nameAsWritten })
        .from(taskAgency)
        .where(and(inArray(taskAgency.taskId, taskIds)))
        .orderBy(taskAgency.taskId, taskAgency.role, taskAgency.position);
    },
  };
}
