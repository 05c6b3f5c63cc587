import type { Database } from '../../db/database.ts';
import { type Actor, systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyPlannedLineage } from '../orgs/org-lineage-loader.ts';
import { registerRepository } from '../register/register.repository.ts';
import { type ProgramData, readProgramData } from './program-data.ts';
import { programLoaderRepository } from './program-loader.repository.ts';
import { type LoadIssues, type ProgramPlan, planLineage, planProgram } from './program-plan.ts';

export interface EntityCount {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows a coordinator has corrected in the platform: the loader leaves them alone. */
  keptLocalEdits: number;
}

export interface LoadSummary {
  programCode: string;
  changed: boolean;
  counts: Record<
    | 'orgs'
    | 'predecessors'
    | 'lineageEvents'
    | 'aliases'
    | 'program'
    | 'groups'
    | 'items'
    | 'tasks'
    | 'indicatorGroups'
    | 'targets',
    EntityCount
  >;
  issues: LoadIssues;
}

const zero = (): EntityCount => ({ inserted: 0, updated: 0, unchanged: 0, keptLocalEdits: 0 });

function differs(current: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(
    ([k, v]) => JSON.stringify(current[k] ?? null) !== JSON.stringify(v ?? null),
  );
}

/**
 * Loads the bundled Action Program: organisations and their other names, the program, groups,
 * section II items, the appendix tasks with their agencies, indicator groups and targets.
 * Idempotent: a second run with the same data changes nothing and says so. One transaction.
 */
export async function loadProgram(
  database: Database,
  data: ProgramData = readProgramData(),
  actor: Actor = systemActor('program-loader'),
): Promise<LoadSummary> {
  const plan: ProgramPlan = planProgram(data);
  const counts: LoadSummary['counts'] = {
    orgs: zero(),
    predecessors: zero(),
    lineageEvents: zero(),
    aliases: zero(),
    program: zero(),
    groups: zero(),
    items: zero(),
    tasks: zero(),
    indicatorGroups: zero(),
    targets: zero(),
  };
  const count = (entity: keyof LoadSummary['counts'], existed: boolean, changed: boolean) => {
    counts[entity][!existed ? 'inserted' : changed ? 'updated' : 'unchanged']++;
  };

  await database.db.transaction(async (tx) => {
    const repo = programLoaderRepository(tx);
    await repo.lock();

    const orgs = await repo.orgsByCode();
    const orgIds = new Map([...orgs].map(([code, row]) => [code, row.id]));
    for (const o of plan.orgs) {
      const parentId = o.parentCode ? (orgIds.get(o.parentCode) ?? null) : null;
      const existing = orgs.get(o.code);
      const wanted = {
        kind: o.kind,
        nameVi: o.nameVi,
        nameEn: o.nameEn,
        parentId,
        validFrom: o.validFrom,
        source: o.source,
      };
      const changed = existing ? differs(existing, wanted) : true;
      if (!existing) orgIds.set(o.code, await repo.insertOrg(o, parentId));
      else if (changed) await repo.updateOrg(existing.id, o, parentId);
      count('orgs', Boolean(existing), changed);
    }

    // The 2025 restructuring: closed predecessor units and merge events, after today's units exist.
    Object.assign(counts, await applyPlannedLineage(tx, planLineage(data)));

    const aliases = await repo.aliasesByKey();
    for (const a of plan.aliases) {
      const orgUnitId = orgIds.get(a.orgCode)!;
      const existing = aliases.get(a.normalized);
      const changed = existing
        ? differs(existing, { orgUnitId, name: a.name, kind: a.kind, note: a.note })
        : true;
      if (!existing) await repo.insertAlias(a, orgUnitId);
      else if (changed) await repo.updateAlias(existing.id, a, orgUnitId);
      count('aliases', Boolean(existing), changed);
    }

    const existingProgram = await repo.programByCode(plan.program.code);
    const programChanged = existingProgram ? differs(existingProgram, plan.program) : true;
    const programId = existingProgram?.id ?? (await repo.insertProgram(plan.program));
    if (existingProgram && programChanged) await repo.updateProgram(programId, plan.program);
    count('program', Boolean(existingProgram), programChanged);

    const groups = await repo.groupsByNo(programId);
    const groupIds = new Map<number, number>();
    for (const g of plan.groups) {
      const existing = groups.get(g.no);
      const changed = existing ? differs(existing, g) : true;
      groupIds.set(g.no, changed ? await repo.upsertGroup(programId, g, existing?.id) : existing!.id);
      count('groups', Boolean(existing), changed);
    }

    const items = await repo.itemsByCode(programId);
    for (const i of plan.items) {
      const groupId = groupIds.get(i.groupNo)!;
      const existing = items.get(i.code);
      const { groupNo: _, ...fields } = i;
      const changed = existing ? differs(existing, { ...fields, groupId }) : true;
      if (changed) await repo.upsertItem(programId, groupId, i, existing?.id);
      count('items', Boolean(existing), changed);
    }

    const tasks = await repo.tasksByCode(programId);
    for (const t of plan.tasks) {
      const existing = tasks.get(t.code);
      if (existing?.editedLocally && existing.sourceHash !== t.sourceHash) {
        counts.tasks.keptLocalEdits++;
        continue;
      }
      const changed = existing ? existing.sourceHash !== t.sourceHash : true;
      if (changed && existing) {
        // A re-written task gets a version (and, the first time, a baseline of what it was), so the
        // register as of an earlier date still shows the old values. A new task needs none: a task
        // without versions reads as its current row from its creation.
        const register = registerRepository(tx);
        const before = await register.byId(existing.id);
        if (before && !(await register.hasVersions(existing.id)))
          await register.appendVersion(
            existing.id,
            'baseline',
            systemActor('register-baseline'),
            before,
            true,
          );
        await repo.writeTask(programId, groupIds.get(t.groupNo)!, t, orgIds, existing.id);
        const after = await register.byId(existing.id);
        if (after) await register.appendVersion(existing.id, 'program-load', actor, after);
      } else if (changed) await repo.writeTask(programId, groupIds.get(t.groupNo)!, t, orgIds, undefined);
      count('tasks', Boolean(existing), changed);
    }

    const indicatorGroups = await repo.indicatorGroupsByNo(programId);
    const indicatorGroupIds = new Map<number, number>();
    for (const g of plan.indicatorGroups) {
      const existing = indicatorGroups.get(g.no);
      const changed = existing ? differs(existing, g) : true;
      indicatorGroupIds.set(
        g.no,
        changed ? await repo.upsertIndicatorGroup(programId, g, existing?.id) : existing!.id,
      );
      count('indicatorGroups', Boolean(existing), changed);
    }

    const targets = await repo.targetsByCode(programId);
    for (const t of plan.targets) {
      const existing = targets.get(t.code);
      if (existing?.editedLocally && existing.sourceHash !== t.sourceHash) {
        counts.targets.keptLocalEdits++;
        continue;
      }
      const changed = existing ? existing.sourceHash !== t.sourceHash : true;
      if (changed) {
        await repo.writeTarget(
          programId,
          t,
          t.indicatorGroupNo !== null ? (indicatorGroupIds.get(t.indicatorGroupNo) ?? null) : null,
          t.monitoringAgencyCode ? (orgIds.get(t.monitoringAgencyCode) ?? null) : null,
          existing?.id,
        );
      }
      count('targets', Boolean(existing), changed);
    }

    const changed = Object.values(counts).some((c) => c.inserted + c.updated > 0);
    const last = await repo.lastLoadRun(programId);
    if (changed || last?.sourceHash !== plan.sourceHash) {
      await repo.recordLoadRun(programId, plan.sourceHash, { counts, issues: plan.issues });
    }
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'program.load',
        entityType: 'program',
        entityId: plan.program.code,
        after: { sourceHash: plan.sourceHash, counts },
      });
    }
  });

  if (Object.values(counts).some((c) => c.inserted + c.updated > 0)) {
    // PGlite never vacuums by itself; after bulk writes the planner needs fresh statistics.
    await database.maintenance(database.engine === 'pglite' ? 'VACUUM ANALYZE' : 'ANALYZE');
  }
  return {
    programCode: plan.program.code,
    changed: Object.values(counts).some((c) => c.inserted + c.updated > 0),
    counts,
    issues: plan.issues,
  };
}
