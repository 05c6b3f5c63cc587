import type { Db, Tx } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { conflict, type Issue, invalid, notFound } from '../../server/errors.ts';
import { authorize, type PolicyName } from '../access/policies.ts';
import type { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireProgram } from '../program/program.service.ts';
import { type ResolvedAgency, registerRepository } from '../register/register.repository.ts';
import { assignTask, cancelTask } from '../register/register.service.ts';
import { missingParts, type RegisterTask } from '../register/register-task.ts';
import { type ExtraCheck, type TaskInput, todayInVietnam, writeTask } from '../register/task-writer.ts';
import { conflictOnRace } from '../register/unique-conflict.ts';
import { leadsInclude } from './collectives.ts';
import { type PlanRow, plansRepository } from './plans.repository.ts';
import { type ProgressInput, type ProgressNode, type RolledUp, rollUp } from './rollup.ts';

async function requireAgency(db: Db | Tx, code: string): Promise<ResolvedAgency> {
  const agency = await registerRepository(db).agencyByCode(code);
  if (!agency) throw notFound(`Agency ${code}`);
  return agency;
}

async function requirePlan(db: Db | Tx, programId: number, agency: ResolvedAgency): Promise<PlanRow> {
  const plan = await plansRepository(db).byAgency(programId, agency.id);
  if (!plan) throw notFound(`Plan of ${agency.code}`);
  return plan;
}

/**
 * The rules of a plan item, checked with the task's own rules: its parent is a Program task this agency
 * leads (directly or through a collective) or an item of the same plan, never another agency's task;
 * its lead is the agency itself or one of its own units (departments, communes).
 */
function planRules(plan: PlanRow, agency: ResolvedAgency): ExtraCheck {
  return async (tx, { leads, parent }) => {
    const issues: Issue[] = [];
    if (!parent) issues.push({ field: 'parentTaskId', problem: 'a plan item needs a parent task' });
    else if (parent.planId === null) {
      if (!leadsInclude(parent.leads, agency))
        issues.push({
          field: 'parentTaskId',
          problem: `task ${parent.code} is not assigned to ${agency.nameVi}; a plan implements only its own agency's tasks`,
        });
    } else if (parent.planId !== plan.id) {
      issues.push({ field: 'parentTaskId', problem: `task ${parent.code} belongs to another agency's plan` });
    }
    for (const lead of leads) {
      if (lead.orgUnitId === null) {
        issues.push({ field: 'lead', problem: 'a plan item is led by one organisation, not a collective' });
      } else if (!(await plansRepository(tx).isWithin(lead.orgUnitId, agency.id))) {
        issues.push({
          field: 'lead',
          problem: `${lead.nameAsWritten} is not ${agency.nameVi} or one of its units`,
        });
      }
    }
    return issues;
  };
}

/**
 * The route checked "holds the role somewhere"; the plan's (or request's) agency is the unit it must be
 * held at (docs/roles.md). An unknown agency is left to the service, which answers 404 or 400.
 */
export async function authorizeForAgency(
  db: Db,
  subject: Subject,
  policy: PolicyName,
  agencyCode: string,
): Promise<void> {
  const agency = await registerRepository(db).agencyByCode(agencyCode);
  if (agency) authorize(subject, policy, { orgUnitId: agency.id });
}

type WithMissing = RegisterTask & { missing: ReturnType<typeof missingParts> };
const withMissing = (t: RegisterTask): WithMissing => ({ ...t, missing: missingParts(t) });

export interface PlanView {
  plan: PlanRow;
  items: WithMissing[];
  /**
   * The Program tasks the plan answers to: those assigned to the agency (directly or through a
   * collective) and any other parent of a top-level item, so a screen can draw the whole tree.
   */
  programTasks: WithMissing[];
}

export async function getPlan(db: Db, programCode: string, agencyCode: string): Promise<PlanView> {
  const program = await requireProgram(db, programCode);
  const agency = await requireAgency(db, agencyCode);
  const plan = await requirePlan(db, program.id, agency);
  const registry = registerRepository(db);
  const items = await registry.planItems(plan.id);
  const inPlan = new Set(items.map((i) => i.id));
  const parentIds = new Set(await plansRepository(db).assignedTo(program.id, agency));
  for (const i of items)
    if (i.parentTaskId !== null && !inPlan.has(i.parentTaskId)) parentIds.add(i.parentTaskId);
  const order = [...parentIds];
  const programTasks = (await registry.byIds(order)).sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id),
  );
  return { plan, items: items.map(withMissing), programTasks: programTasks.map(withMissing) };
}

export interface TaskProgress {
  taskId: number;
  progress: number;
  completed: boolean;
  source: RolledUp['source'];
  /** Member agencies of the task's collective lead with no plan item yet (held at 0 in the mean). */
  gaps: number;
}

/**
 * The rolled-up progress of every task in an agency's plan tree (its Program tasks and their items, every
 * agency's items included, as the national figure counts them), by the rule of docs/plans.md.
 */
export async function planProgress(db: Db, programCode: string, agencyCode: string): Promise<TaskProgress[]> {
  const view = await getPlan(db, programCode, agencyCode);
  const roots = await rollUpRoots(
    db,
    view.plan.programId,
    view.programTasks.map((t) => t.id),
  );
  const out: TaskProgress[] = [];
  const walk = (node: RolledUp) => {
    if (node.taskId !== null)
      out.push({
        taskId: node.taskId,
        progress: node.progress,
        completed: node.completed,
        source: node.source,
        gaps: node.children.filter((c) => c.key.startsWith('gap:')).length,
      });
    node.children.forEach(walk);
  };
  for (const root of roots.values()) walk(root);
  return out;
}

export async function listPlans(db: Db, programCode: string) {
  const program = await requireProgram(db, programCode);
  return plansRepository(db).list(program.id);
}

async function ensurePlan(
  tx: Db | Tx,
  actor: Actor,
  program: { id: number; documentNo: string },
  agency: ResolvedAgency,
) {
  const repo = plansRepository(tx);
  const existing = await repo.byAgency(program.id, agency.id);
  if (existing) return existing;
  const title = `Kế hoạch của ${agency.nameVi} thực hiện ${program.documentNo}`;
  const id = await repo.insert(program.id, agency.id, title, null);
  await recordAudit(tx, actor, {
    action: 'plan.created',
    entityType: 'agency_plan',
    entityId: id,
    after: { agency: agency.code, title },
  });
  return (await repo.byAgency(program.id, agency.id))!;
}

/** Creates an agency's (empty) plan; 409 when it has one. */
export async function createPlan(
  db: Db,
  actor: Actor,
  programCode: string,
  input: { agency: string; titleVi?: string; documentNo?: string | null },
) {
  const program = await requireProgram(db, programCode);
  const agency = await registerRepository(db).agencyByCode(input.agency);
  if (!agency) throw invalid([{ field: 'agency', problem: `unknown agency ${input.agency}` }]);
  await conflictOnRace(
    db.transaction(async (tx) => {
      const repo = plansRepository(tx);
      if (await repo.byAgency(program.id, agency.id)) throw conflict(`${agency.nameVi} already has a plan`);
      const title =
        cleanText(input.titleVi ?? '') || `Kế hoạch của ${agency.nameVi} thực hiện ${program.documentNo}`;
      const id = await repo.insert(
        program.id,
        agency.id,
        title,
        input.documentNo ? cleanText(input.documentNo) : null,
      );
      await recordAudit(tx, actor, {
        action: 'plan.created',
        entityType: 'agency_plan',
        entityId: id,
        after: { agency: agency.code, title },
      });
    }),
    `${agency.nameVi} already has a plan`,
  );
  return getPlan(db, programCode, agency.code);
}

/**
 * Copy-down: creates the agency's plan if it has none, then one item per Program task assigned to the
 * agency that has no item yet, copying content, product, deadline and source, with the parent link.
 * The agency leads each copy until it hands it to one of its units. All or nothing.
 */
export async function copyDown(db: Db, actor: Actor, programCode: string, agencyCode: string) {
  const program = await requireProgram(db, programCode);
  const agency = await requireAgency(db, agencyCode);
  const created = await conflictOnRace(
    db.transaction(async (tx) => {
      const plan = await ensurePlan(tx, actor, program, agency);
      const repo = plansRepository(tx);
      const done = await repo.parentsWithItems(plan.id);
      const parents = await registerRepository(tx).byIds(
        (await repo.assignedTo(program.id, agency)).filter((id) => !done.has(id)),
      );
      const ids: number[] = [];
      for (const parent of parents) {
        ids.push(
          await writeTask(
            tx,
            actor,
            {
              programId: program.id,
              planId: plan.id,
              change: 'copied_down',
              extraCheck: planRules(plan, agency),
            },
            {
              groupNo: parent.groupNo,
              code: `${agency.code}-${parent.code}`,
              contentVi: parent.contentVi,
              sourceDocument: parent.sourceDocument,
              sourceItem: parent.sourceItem,
              lead: agency.code,
              productType: parent.productType,
              productDescription: parent.productDescription,
              deadlineAsWritten: parent.deadlineAsWritten,
              dueDate: parent.dueDate,
              recurrence: parent.recurrence,
              parentTaskId: parent.id,
            },
          ),
        );
      }
      return ids;
    }),
    `The plan of ${agency.code} was changed at the same time; try again`,
  );
  return { ...(await getPlan(db, programCode, agency.code)), created };
}

/** Adds an item to an agency's plan; without a code it is numbered under its parent ("<parent>.<n>"). */
export async function addPlanItem(
  db: Db,
  actor: Actor,
  programCode: string,
  agencyCode: string,
  input: TaskInput & { parentTaskId: number },
) {
  const program = await requireProgram(db, programCode);
  const agency = await requireAgency(db, agencyCode);
  const plan = await requirePlan(db, program.id, agency);
  const id = await db.transaction(async (tx) => {
    const parent = await registerRepository(tx).byId(input.parentTaskId);
    const code =
      input.code ??
      (parent
        ? `${parent.planId === null ? `${agency.code}-` : ''}${parent.code}.${(await plansRepository(tx).childCount(parent.id)) + 1}`
        : undefined);
    return writeTask(
      tx,
      actor,
      { programId: program.id, planId: plan.id, change: 'created', extraCheck: planRules(plan, agency) },
      {
        groupNo: parent?.groupNo,
        lead: agency.code,
        productType: parent?.productType,
        ...input,
        code,
      },
    );
  });
  return (await getPlan(db, programCode, agency.code)).items.find((i) => i.id === id)!;
}

async function requirePlanItem(db: Db, programCode: string, agencyCode: string, itemId: number) {
  const program = await requireProgram(db, programCode);
  const agency = await requireAgency(db, agencyCode);
  const plan = await requirePlan(db, program.id, agency);
  const item = await registerRepository(db).byId(itemId);
  if (!item || item.planId !== plan.id) throw notFound(`Item ${itemId} of the plan of ${agency.code}`);
  return { program, agency, plan, item };
}

export async function updatePlanItem(
  db: Db,
  actor: Actor,
  programCode: string,
  agencyCode: string,
  itemId: number,
  input: TaskInput,
) {
  const { program, agency, plan, item } = await requirePlanItem(db, programCode, agencyCode, itemId);
  if (item.registerState === 'cancelled') throw conflict(`Item ${item.code} is cancelled`);
  await db.transaction(async (tx) => {
    await registerRepository(tx).lockTask(item.id);
    const existing = (await registerRepository(tx).byId(item.id))!;
    await writeTask(
      tx,
      actor,
      {
        programId: program.id,
        planId: plan.id,
        existing,
        change: 'updated',
        extraCheck: planRules(plan, agency),
      },
      input,
    );
  });
  return (await getPlan(db, programCode, agencyCode)).items.find((i) => i.id === itemId)!;
}

export async function assignPlanItem(
  db: Db,
  actor: Actor,
  programCode: string,
  agencyCode: string,
  itemId: number,
  assignedOn?: string,
) {
  const { item } = await requirePlanItem(db, programCode, agencyCode, itemId);
  await assignTask(db, actor, item, assignedOn ?? todayInVietnam());
  return (await getPlan(db, programCode, agencyCode)).items.find((i) => i.id === itemId)!;
}

export async function cancelPlanItem(
  db: Db,
  actor: Actor,
  programCode: string,
  agencyCode: string,
  itemId: number,
  reason: string,
) {
  const { item } = await requirePlanItem(db, programCode, agencyCode, itemId);
  await cancelTask(db, actor, item, reason);
  return (await getPlan(db, programCode, agencyCode)).items.find((i) => i.id === itemId)!;
}

export interface GapsByAgency {
  agencyCode: string;
  agencyNameVi: string;
  tasks: { taskId: number; taskCode: string; taskContentVi: string; collective: string }[];
}

export interface GapsByTask {
  taskId: number;
  taskCode: string;
  taskContentVi: string;
  collective: string;
  agencies: { agencyCode: string; agencyNameVi: string }[];
}

/** Gaps grouped per agency: the collective tasks it has no plan item for. */
export async function gapsByAgency(
  db: Db,
  programCode: string,
  agencyCode?: string,
): Promise<GapsByAgency[]> {
  const program = await requireProgram(db, programCode);
  if (agencyCode) await requireAgency(db, agencyCode);
  const byAgency = new Map<string, GapsByAgency>();
  for (const g of await plansRepository(db).gaps(program.id, agencyCode)) {
    const row = byAgency.get(g.agencyCode) ?? {
      agencyCode: g.agencyCode,
      agencyNameVi: g.agencyNameVi,
      tasks: [],
    };
    row.tasks.push({
      taskId: g.taskId,
      taskCode: g.taskCode,
      taskContentVi: g.taskContentVi,
      collective: g.collective,
    });
    byAgency.set(g.agencyCode, row);
  }
  return [...byAgency.values()];
}

/** Gaps grouped per task: the member agencies of its collective lead with no plan item for it. */
export async function gapsByTask(db: Db, programCode: string): Promise<GapsByTask[]> {
  const program = await requireProgram(db, programCode);
  const byTask = new Map<number, GapsByTask>();
  for (const g of await plansRepository(db).gaps(program.id)) {
    const row: GapsByTask = byTask.get(g.taskId) ?? {
      taskId: g.taskId,
      taskCode: g.taskCode,
      taskContentVi: g.taskContentVi,
      collective: g.collective,
      agencies: [],
    };
    row.agencies.push({ agencyCode: g.agencyCode, agencyNameVi: g.agencyNameVi });
    byTask.set(g.taskId, row);
  }
  return [...byTask.values()].sort((a, b) => b.agencies.length - a.agencies.length || a.taskId - b.taskId);
}

/**
 * Rolls progress up from a task's plan items to the task (rule in docs/plans.md). A collective task
 * that has at least one plan item also gets a 0-progress placeholder per member agency with no item,
 * so a gap holds the parent back instead of vanishing from the mean. Without `progress`, each task's
 * own progress is its latest accepted report (docs/plans.md); a given list is a what-if over it.
 */
export async function rollUpTask(
  db: Db,
  programCode: string,
  taskId: number,
  progress?: { taskId: number; progress: number; completed: boolean }[],
): Promise<RolledUp> {
  const program = await requireProgram(db, programCode);
  const rolled = (await rollUpRoots(db, program.id, [taskId], progress)).get(taskId);
  if (!rolled) throw notFound(`Task ${taskId}`);
  return rolled;
}

/**
 * Rolls up several tasks' subtrees with one read of each kind (tasks, gaps, accepted progress). A root
 * that is not a task of the program is left out of the answer.
 */
async function rollUpRoots(
  db: Db,
  programId: number,
  rootIds: number[],
  progress?: { taskId: number; progress: number; completed: boolean }[],
): Promise<Map<number, RolledUp>> {
  const result = new Map<number, RolledUp>();
  if (rootIds.length === 0) return result;
  const ids = await plansRepository(db).subtrees(rootIds);
  const tasks = (await registerRepository(db).byIds(ids)).filter((t) => t.programId === programId);
  const gaps = await plansRepository(db).gaps(programId);
  const roots = new Set(rootIds);
  const nodes = new Map<number, ProgressNode>(
    tasks.map((t) => [t.id, { key: `task:${t.id}`, taskId: t.id, children: [] }]),
  );
  for (const t of tasks)
    if (!roots.has(t.id) && t.parentTaskId !== null)
      nodes.get(t.parentTaskId)?.children.push(nodes.get(t.id)!);
  for (const t of tasks) {
    const node = nodes.get(t.id)!;
    if (t.planId !== null || node.children.length === 0) continue;
    for (const g of gaps)
      if (g.taskId === t.id) node.children.push({ key: `gap:${g.agencyCode}`, taskId: null, children: [] });
  }
  const own = progress ?? (await plansRepository(db).acceptedProgress(tasks.map((t) => t.id)));
  const input = new Map<number, ProgressInput>(
    own.map((p) => [p.taskId, { progress: p.progress, completed: p.completed }]),
  );
  for (const id of rootIds) {
    const node = nodes.get(id);
    if (node) result.set(id, rollUp(node, input));
  }
  return result;
}
