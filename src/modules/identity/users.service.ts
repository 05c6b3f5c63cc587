import type { Db, Tx } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { AppError, forbidden, type Issue, invalid, notFound } from '../../server/errors.ts';
import { can } from '../access/policies.ts';
import { type Role, roleScopeProblem } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type IdentityContext, normalizeEmail, passwordProblem, sendResetLink } from './auth.service.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { hashPassword } from './tokens.ts';
import { type GrantRow, type UserRow, usersRepository } from './users.repository.ts';

/**
 * Who grants: a signed-in administrator (checked against their scope), or null for the operator at the
 * server's console (CLI), who may do anything.
 */
export type Granter = Subject | null;

export interface GrantInput {
  role: Role;
  orgUnitId: number;
  includeSubUnits?: boolean;
}

export interface UserWithRoles extends UserRow {
  roles: GrantRow[];
}

export const emailTaken = (field = 'email') =>
  new AppError(409, 'conflict', `${field}: already belongs to another person`, [
    { field, problem: 'already belongs to another person' },
  ]);

export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** Problems with granting a role at a unit: unknown unit, role outside what the unit can hold. */
export async function grantProblems(db: Db | Tx, g: GrantInput, field: string): Promise<Issue[]> {
  const unit = await usersRepository(db).unit(g.orgUnitId);
  if (!unit) return [{ field, problem: 'no such organisation' }];
  const problem = roleScopeProblem(g.role, unit.kind);
  return problem ? [{ field, problem }] : [];
}

function requireAdministers(granter: Granter, policy: 'users.manage' | 'roles.grant', orgUnitId: number) {
  if (granter && !can(granter, policy, { orgUnitId })) {
    throw forbidden(`orgUnitId: you do not administer organisation ${orgUnitId}`);
  }
}

async function withRoles(db: Db | Tx, users: UserRow[]): Promise<UserWithRoles[]> {
  const grants = await usersRepository(db).grants(users.map((u) => u.id));
  return users.map((u) => ({ ...u, roles: grants.filter((g) => g.userId === u.id) }));
}

/**
 * Whose records a reader may see: auditors everyone; administrators the people of the units they
 * administer (null = everyone). Personal data is shown only to those who need it (Decree 13/2023).
 */
export function visibleUnits(reader: Granter): number[] | null {
  if (!reader || reader.has('auditor')) return null;
  return [...reader.unitsFor('system_admin')];
}

export async function getUser(db: Db, id: number, reader: Granter = null): Promise<UserWithRoles> {
  const user = await usersRepository(db).byId(id);
  const within = visibleUnits(reader);
  if (!user || (within && !within.includes(user.orgUnitId))) throw notFound('Person');
  const [found] = await withRoles(db, [user]);
  return found!;
}

export async function listUsers(
  db: Db,
  f: { q?: string; orgUnitId?: number; page: number; pageSize: number },
  reader: Granter = null,
): Promise<{ items: UserWithRoles[]; total: number }> {
  const { items, total } = await usersRepository(db).list({
    q: f.q,
    orgUnitId: f.orgUnitId,
    withinUnits: visibleUnits(reader) ?? undefined,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items: await withRoles(db, items), total };
}

export interface NewPerson {
  name: string;
  email: string;
  title?: string | null;
  orgUnitId: number;
  password?: string;
  roles?: GrantInput[];
  /** Email a link to set a password (72 hours). */
  invite?: boolean;
  isDemo?: boolean;
}

/** Creates a person with their roles in one transaction; a duplicate email is a 409 naming the field. */
export async function createUser(
  ctx: IdentityContext,
  granter: Granter,
  input: NewPerson,
  actor: Actor,
): Promise<UserWithRoles> {
  const person = {
    name: cleanText(input.name),
    email: normalizeEmail(input.email),
    title: input.title ? cleanText(input.title) : null,
    orgUnitId: input.orgUnitId,
  };
  const issues: Issue[] = [];
  if (!person.name) issues.push({ field: 'name', problem: 'must not be empty' });
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) issues.push({ field: 'password', problem });
  }
  if (!(await usersRepository(ctx.db).unit(person.orgUnitId))) {
    issues.push({ field: 'orgUnitId', problem: 'no such organisation' });
  }
  const roles = input.roles ?? [];
  for (const [i, g] of roles.entries())
    issues.push(...(await grantProblems(ctx.db, g, `roles.${i}.orgUnitId`)));
  if (issues.length) throw invalid(issues);
  requireAdministers(granter, 'users.manage', person.orgUnitId);
  for (const g of roles) requireAdministers(granter, 'roles.grant', g.orgUnitId);
  if (await usersRepository(ctx.db).idByEmail(person.email)) throw emailTaken();

  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await ctx.db
    .transaction(async (tx) => {
      const repo = usersRepository(tx);
      const userId = await repo.insert({ ...person, passwordHash, isDemo: input.isDemo });
      await recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        after: person,
      });
      for (const g of roles) await grantInTx(tx, actor, userId, g);
      return userId;
    })
    .catch((error: unknown) => {
      // Two admins adding the same person at once: the unique index decides, the answer stays a 409.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    });
  if (input.invite && !input.password) await sendResetLink(ctx, id, person.email, 'invite');
  return getUser(ctx.db, id);
}

async function grantInTx(
  tx: Db | Tx,
  actor: Actor,
  userId: number,
  g: GrantInput,
): Promise<number | undefined> {
  const grant = { role: g.role, orgUnitId: g.orgUnitId, includeSubUnits: g.includeSubUnits ?? false };
  const id = await usersRepository(tx).grant({ userId, ...grant, grantedBy: actor.userId });
  if (id) {
    await recordAudit(tx, actor, {
      action: 'role.grant',
      entityType: 'user',
      entityId: userId,
      after: { assignmentId: id, ...grant },
    });
  }
  return id;
}

export interface PersonChanges {
  name?: string;
  email?: string;
  title?: string | null;
  orgUnitId?: number;
  disabled?: boolean;
}

/** Changes a person; disabling also ends their sessions. */
export async function updateUser(
  ctx: IdentityContext,
  granter: Granter,
  id: number,
  changes: PersonChanges,
  actor: Actor,
): Promise<UserWithRoles> {
  const before = await usersRepository(ctx.db).byId(id);
  if (!before) throw notFound('Person');
  const after = {
    name: changes.name === undefined ? before.name : cleanText(changes.name),
    email: changes.email === undefined ? before.email : normalizeEmail(changes.email),
    title: changes.title === undefined ? before.title : changes.title ? cleanText(changes.title) : null,
    orgUnitId: changes.orgUnitId ?? before.orgUnitId,
    disabled: changes.disabled ?? before.disabled,
  };
  const issues: Issue[] = [];
  if (!after.name) issues.push({ field: 'name', problem: 'must not be empty' });
  if (after.orgUnitId !== before.orgUnitId && !(await usersRepository(ctx.db).unit(after.orgUnitId))) {
    issues.push({ field: 'orgUnitId', problem: 'no such organisation' });
  }
  if (after.disabled && actor.userId === id) {
    issues.push({ field: 'disabled', problem: 'you cannot disable your own account' });
  }
  if (issues.length) throw invalid(issues);
  requireAdministers(granter, 'users.manage', before.orgUnitId);
  requireAdministers(granter, 'users.manage', after.orgUnitId);
  if (after.email !== before.email) {
    const owner = await usersRepository(ctx.db).idByEmail(after.email);
    if (owner && owner !== id) throw emailTaken();
  }
  const { name, email, title, orgUnitId, disabled } = before;
  const previous = { name, email, title, orgUnitId, disabled };
  // Saving a form without changes writes nothing, and leaves no empty event in the audit trail.
  if (JSON.stringify(previous) === JSON.stringify(after)) return getUser(ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    await usersRepository(tx).update(id, after);
    if (after.disabled && !before.disabled) await sessionsRepository(tx).revokeAll(id);
    await recordAudit(tx, actor, {
      action: after.disabled && !before.disabled ? 'user.disable' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: previous,
      after,
    });
  });
  return getUser(ctx.db, id);
}

export async function grantRole(
  ctx: IdentityContext,
  granter: Granter,
  userId: number,
  g: GrantInput,
  actor: Actor,
): Promise<UserWithRoles> {
  const user = await usersRepository(ctx.db).byId(userId);
  if (!user) throw notFound('Person');
  const issues = await grantProblems(ctx.db, g, 'orgUnitId');
  if (issues.length) throw invalid(issues);
  requireAdministers(granter, 'roles.grant', g.orgUnitId);
  await ctx.db.transaction((tx) => grantInTx(tx, actor, userId, g));
  return getUser(ctx.db, userId);
}

export async function revokeRole(
  ctx: IdentityContext,
  granter: Granter,
  userId: number,
  assignmentId: number,
  actor: Actor,
): Promise<UserWithRoles> {
  const grant = await usersRepository(ctx.db).grantById(assignmentId);
  if (!grant || grant.userId !== userId) throw notFound('Role assignment');
  requireAdministers(granter, 'roles.grant', grant.orgUnitId);
  await ctx.db.transaction(async (tx) => {
    const removed = await usersRepository(tx).revoke(userId, assignmentId);
    if (removed) {
      await recordAudit(tx, actor, {
        action: 'role.revoke',
        entityType: 'user',
        entityId: userId,
        before: removed,
      });
    }
  });
  return getUser(ctx.db, userId);
}

/** The first administrator (CLI): system_admin of the Government root and every unit below it. */
export async function createAdmin(
  ctx: IdentityContext,
  input: { email: string; name: string; password: string; rootOrgUnitId: number },
  actor: Actor,
): Promise<UserWithRoles> {
  return createUser(
    ctx,
    null,
    {
      name: input.name,
      email: input.email,
      orgUnitId: input.rootOrgUnitId,
      password: input.password,
      roles: [{ role: 'system_admin', orgUnitId: input.rootOrgUnitId, includeSubUnits: true }],
    },
    actor,
  );
}
