import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import type { Subject } from '../access/subject.ts';
import type { UnitName } from './users.repository.ts';
import type { UserWithRoles } from './users.service.ts';

export const roleGrantSchema = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  orgUnitId: z.number().int(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  includeSubUnits: z.boolean(),
  grantedAt: z.string(),
});

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  orgUnit: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
  }),
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
    orgUnit: { id: u.orgUnitId, code: u.orgUnitCode, name: u.orgUnitName, nameEn: u.orgUnitNameEn },
    disabled: u.disabled,
    demo: u.isDemo,
    hasPassword: u.hasPassword,
    roles: u.roles.map(({ userId: _, ...g }) => g),
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    can,
  };
}

/** A unit as the header and profile show it: code and name in Vietnamese and English. */
const unitNameSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
});

export const meSchema = z
  .object({
    user: z
      .object({
        id: z.number().int(),
        name: z.string(),
        email: z.string(),
        title: z.string().nullable(),
        orgUnitId: z.number().int(),
        orgUnit: unitNameSchema,
        demo: z.boolean(),
      })
      .nullable()
      .describe('null when nobody is signed in'),
    roles: z.array(
      z.object({
        role: z.enum(ROLES),
        orgUnitId: z.number().int(),
        orgUnit: unitNameSchema,
        includeSubUnits: z.boolean(),
      }),
    ),
    can: z
      .record(z.string(), z.boolean())
      .describe('Each UI policy and whether the caller holds it; all false when nobody is signed in'),
  })
  .describe('Who is asking. Signed out: `{ user: null, roles: [], can: { …all false } }`, not a 401.');

/**
 * The caller as the web app needs them on every page; `units` names the units the person and their
 * roles are held at (missing ones, which a foreign key rules out, would show their id as the code).
 */
export function presentMe(
  s: Subject,
  can: Record<string, boolean>,
  units: readonly UnitName[],
): z.infer<typeof meSchema> {
  const unit = (id: number) =>
    units.find((u) => u.id === id) ?? { id, code: String(id), nameVi: String(id), nameEn: null };
  const u = s.user;
  return {
    user: u && {
      id: u.id,
      name: u.name,
      email: u.email,
      title: u.title,
      orgUnitId: u.orgUnitId,
      orgUnit: unit(u.orgUnitId),
      demo: u.isDemo,
    },
    roles: s.grants.map((g) => ({
      role: g.role,
      orgUnitId: g.orgUnitId,
      orgUnit: unit(g.orgUnitId),
      includeSubUnits: g.includeSubUnits,
    })),
    can,
  };
}
