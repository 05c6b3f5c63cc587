import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import type { UserWithRoles } from './users.service.ts';

export const roleGrantSchema = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  orgUnitId: z.number().int(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  includeSubUnits: z.boolean(),
  grantedAt: z.string(),
});

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  orgUnit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  disabled: z.boolean(),
  demo: z.boolean(),
  hasPassword: z.boolean(),
  roles: z.array(roleGrantSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with this person. */
  can: z.object({ update: z.boolean(), grantRoles: z.boolean() }),
});

export function presentPerson(
  u: UserWithRoles,
  can: { update: boolean; grantRoles: boolean },
): z.infer<typeof personSchema> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    title: u.title,
    orgUnit: { id: u.orgUnitId, code: u.orgUnitCode, name: u.orgUnitName },
    disabled: u.disabled,
    demo: u.isDemo,
    hasPassword: u.hasPassword,
    roles: u.roles.map(({ userId: _, ...g }) => g),
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    can,
  };
}

export const meSchema = z.object({
  user: z.object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    orgUnitId: z.number().int(),
    demo: z.boolean(),
  }),
  roles: z.array(
    z.object({ role: z.enum(ROLES), orgUnitId: z.number().int(), includeSubUnits: z.boolean() }),
  ),
  can: z.record(z.string(), z.boolean()),
});

export function presentMe(s: Subject, can: Record<string, boolean>): z.infer<typeof meSchema> {
  const u = s.user!;
  return {
    user: { id: u.id, name: u.name, email: u.email, title: u.title, orgUnitId: u.orgUnitId, demo: u.isDemo },
    roles: s.grants.map((g) => ({
      role: g.role,
      orgUnitId: g.orgUnitId,
      includeSubUnits: g.includeSubUnits,
    })),
    can,
  };
}
