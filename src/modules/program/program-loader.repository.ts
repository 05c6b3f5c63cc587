import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { orgUnit, orgUnitAlias } from '../orgs/orgs.schema.ts';
import { indicatorGroup, target } from '../targets/targets.schema.ts';
import { task, taskAgency } from '../tasks/tasks.schema.ts';
import { program, programItem, programLoadRun, taskGroup } from './program.schema.ts';
import type { PlannedAlias, PlannedOrg, PlannedTarget, PlannedTask, ProgramPlan } from './program-plan.ts';

/** The SQL of loading the program: read what is there by natural key, write what differs. */
export function programLoaderRepository(db: Db | Tx) {
  return {
    /**
     * One loader at a time: server processes started together on an empty database would otherwise
     * insert the same organisations at once and all but one stop on a unique key. Held to COMMIT, so
     * the next loader reads what the first wrote and finds it unchanged.
     */
    async lock() {
      await db.execute(sql`SELECT pg_advisory_xact_lock(570060)`);
    },
    async orgsByCode() {
      const rows = await db.select().from(orgUnit);
      return new Map(rows.map((r) => [r.code, r]));
    },
    async insertOrg(o: PlannedOrg, parentId: number | null) {
      const [row] = await db
        .insert(orgUnit)
        .values({
          code: o.code,
          kind: o.kind,
          nameVi: o.nameVi,
          nameEn: o.nameEn,
          parentId,
          validFrom: o.validFrom,
          source: o.source,
        })
        .returning({ id: orgUnit.id });
      return row!.id;
    },
    async updateOrg(id: number, o: PlannedOrg, parentId: number | null) {
      await db
        .update(orgUnit)
        .set({
          kind: o.kind,
          nameVi: o.nameVi,
          nameEn: o.nameEn,
          parentId,
          validFrom: o.validFrom,
          source: o.source,
          updatedAt: new Date(),
        })
        .where(eq(orgUnit.id, id));
    },
    async aliasesByKey() {
      const rows = await db.select().from(orgUnitAlias);
      return new Map(rows.map((r) => [r.normalized, r]));
    },
    async insertAlias(a: PlannedAlias, orgUnitId: number) {
      await db
        .insert(orgUnitAlias)
        .values({ orgUnitId, name: a.name, normalized: a.normalized, kind: a.kind, note: a.note });
    },
    async updateAlias(id: number, a: PlannedAlias, orgUnitId: number) {
      await db
        .update(orgUnitAlias)
        .set({ orgUnitId, name: a.name, kind: a.kind, note: a.note })
        .where(eq(orgUnitAlias.id, id));
    },
    async programByCode(code: string) {
      const [row] = await db.select().from(program).where(eq(program.code, code));
      return row;
    },
    async insertProgram(p: ProgramPlan['program']) {
      const [row] = await db.insert(program).values(p).returning({ id: program.id });
      return row!.id;
    },
    async updateProgram(id: number, p: ProgramPlan['program']) {
      await db.update(program).set(p).where(eq(program.id, id));
    },
    async groupsByNo(programId: number) {
      const rows = await db.select().from(taskGroup).where(eq(taskGroup.programId, programId));
      return new Map(rows.map((r) => [r.no, r]));
    },
    async upsertGroup(programId: number, g: ProgramPlan['groups'][number], existingId: number | undefined) {
      if (existingId !== undefined) {
        await db.update(taskGroup).set(g).where(eq(taskGroup.id, existingId));
        return existingId;
      }
      const [row] = await db
        .insert(taskGroup)
        .values({ programId, ...g })
        .returning({ id: taskGroup.id });
      return row!.id;
    },
    async itemsByCode(programId: number) {
      const rows = await db.select().from(programItem).where(eq(programItem.programId, programId));
      return new Map(rows.map((r) => [r.code, r]));
    },
    async upsertItem(
      programId: number,
      groupId: number,
      i: ProgramPlan['items'][number],
      existingId: number | undefined,
    ) {
      const values = {
        groupId,
        code: i.code,
        position: i.position,
        textVi: i.textVi,
        textSource: i.textSource,
      };
      if (existingId !== undefined)
        await db.update(programItem).set(values).where(eq(programItem.id, existingId));
      else await db.insert(programItem).values({ programId, ...values });
    },
    async tasksByCode(programId: number) {
      const rows = await db
        .select({
          id: task.id,
          code: task.code,
          sourceHash: task.sourceHash,
          editedLocally: task.editedLocally,
        })
        .from(task)
        .where(eq(task.programId, programId));
      return new Map(rows.map((r) => [r.code, r]));
    },
    async writeTask(
      programId: number,
      groupId: number,
      t: PlannedTask,
      orgIds: Map<string, number>,
      existingId: number | undefined,
    ) {
      const values = {
        groupId,
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
        updatedAt: new Date(),
      };
      let id = existingId;
      if (id === undefined) {
        const [row] = await db
          .insert(task)
          .values({ programId, ...values })
          .returning({ id: task.id });
        id = row!.id;
      } else {
        await db.update(task).set(values).where(eq(task.id, id));
        await db.delete(taskAgency).where(eq(taskAgency.taskId, id));
      }
      if (t.agencies.length > 0) {
        await db.insert(taskAgency).values(
          t.agencies.map((a) => ({
            taskId: id!,
            role: a.role,
            position: a.position,
            orgUnitId: a.orgCode ? (orgIds.get(a.orgCode) ?? null) : null,
            collective: a.collective,
            nameAsWritten: a.nameAsWritten,
          })),
        );
      }
    },
    async indicatorGroupsByNo(programId: number) {
      const rows = await db.select().from(indicatorGroup).where(eq(indicatorGroup.programId, programId));
      return new Map(rows.map((r) => [r.no, r]));
    },
    async upsertIndicatorGroup(
      programId: number,
      g: ProgramPlan['indicatorGroups'][number],
      existingId: number | undefined,
    ) {
      if (existingId !== undefined) {
        await db.update(indicatorGroup).set(g).where(eq(indicatorGroup.id, existingId));
        return existingId;
      }
      const [row] = await db
        .insert(indicatorGroup)
        .values({ programId, ...g })
        .returning({ id: indicatorGroup.id });
      return row!.id;
    },
    async targetsByCode(programId: number) {
      const rows = await db
        .select({
          id: target.id,
          code: target.code,
          sourceHash: target.sourceHash,
          editedLocally: target.editedLocally,
        })
        .from(target)
        .where(eq(target.programId, programId));
      return new Map(rows.map((r) => [r.code, r]));
    },
    async writeTarget(
      programId: number,
      t: PlannedTarget,
      indicatorGroupId: number | null,
      monitoringAgencyId: number | null,
      existingId: number | undefined,
    ) {
      const { indicatorGroupNo: _, monitoringAgencyCode: __, ...rest } = t;
      const values = { ...rest, indicatorGroupId, monitoringAgencyId };
      if (existingId !== undefined) {
        await db
          .update(target)
          .set(values)
          .where(and(eq(target.id, existingId), eq(target.programId, programId)));
      } else {
        await db.insert(target).values({ programId, ...values });
      }
    },
    async lastLoadRun(programId: number) {
      const [row] = await db
        .select()
        .from(programLoadRun)
        .where(eq(programLoadRun.programId, programId))
        .orderBy(sql`${programLoadRun.id} desc`)
        .limit(1);
      return row;
    },
    async recordLoadRun(programId: number, sourceHash: string, summary: unknown) {
      await db.insert(programLoadRun).values({ programId, sourceHash, summary });
    },
  };
}
