import { and, eq, inArray, sql } from 'drizzle-orm';
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

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters with ~17 columns per task.
const CHUNK = 500;

export function registerIoRepository(db: Db | Tx) {
  return {
    async agencies() {
      const [orgs, aliases] = await Promise.all([
        db
          .select({ code: orgUnit.code, kind: orgUnit.kind, nameVi: orgUnit.nameVi, nameEn: orgUnit.nameEn })
          .from(orgUnit),
        db
          .select({
            name: orgUnitAlias.name,
            normalized: orgUnitAlias.normalized,
            kind: orgUnitAlias.kind,
            note: orgUnitAlias.note,
            orgCode: orgUnit.code,
          })
          .from(orgUnitAlias)
          .innerJoin(orgUnit, eq(orgUnit.id, orgUnitAlias.orgUnitId)),
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
    /** Inserts the tasks and their agencies in chunks; returns the new ids in row order. */
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
      const ids: number[] = [];
      for (let i = 0; i < tasks.length; i += CHUNK) {
        const chunk = tasks.slice(i, i + CHUNK);
        const inserted = await db
          .insert(task)
          .values(
            chunk.map((t) => ({
              programId,
              groupId: t.groupId,
              code: t.code,
              sourceRow: t.sourceRow,
              contentVi: t.contentVi,
              leadAsWritten: t.leadAsWritten,
              partnersAsWritten: t.partnersAsWritten,
              productAsWritten: t.productAsWritten,
              productType: t.productType,
              deadlineAsWritten: t.deadlineAsWritten,
              dueDate: t.dueDate,
              recurrence: t.recurrence,
              deadlineRule: t.deadlineRule,
              sourceDocument: t.sourceDocument,
              sourceHash: t.sourceHash,
              searchText: sql`lower(f_unaccent(${t.searchSource.normalize('NFC')}))`,
            })),
          )
          .returning({ id: task.id, code: task.code });
        const idByCode = new Map(inserted.map((r) => [r.code, r.id]));
        const agencies = chunk.flatMap((t) =>
          t.agencies.map((a) => ({
            taskId: idByCode.get(t.code)!,
            role: a.role,
            position: a.position,
            orgUnitId: a.orgCode ? (orgIds.get(a.orgCode) ?? null) : null,
            collective: a.collective,
            nameAsWritten: a.nameAsWritten,
          })),
        );
        for (let j = 0; j < agencies.length; j += CHUNK * 2) {
          await db.insert(taskAgency).values(agencies.slice(j, j + CHUNK * 2));
        }
        ids.push(...chunk.map((t) => idByCode.get(t.code)!));
      }
      return ids;
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
