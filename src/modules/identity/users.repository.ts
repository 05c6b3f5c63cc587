import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/database.ts';
import type { Role } from '../access/roles.ts';
import type { OrgKind } from '../orgs/orgs.schema.ts';

export interface UserRow {
  id: number;
  name: string;
  email: string;
  title: string | null;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitNameEn: string | null;
  disabled: boolean;
  isDemo: boolean;
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialRow {
  id: number;
  email: string;
  passwordHash: string | null;
  disabled: boolean;
  isDemo: boolean;
  failedLogins: number;
  locked: boolean;
}

export interface GrantRow {
  id: number;
  userId: number;
  role: Role;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitNameEn: string | null;
  includeSubUnits: boolean;
  grantedAt: string;
}

export interface UnitName {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

export interface NewUser {
  name: string;
  email: string;
  title: string | null;
  orgUnitId: number;
  passwordHash: string | null;
  isDemo?: boolean;
}

const userColumns = sql`u.id, u.name, u.email, u.title, u.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode",
  o.name_vi AS "orgUnitName", o.name_en AS "orgUnitNameEn", u.disabled, u.is_demo AS "isDemo", (u.password_hash IS NOT NULL) AS "hasPassword",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

// What the people search matches: name, email and title, folded like every other search.
const searchText = (u: { name: string; email: string; title: string | null }) =>
  sql`lower(f_unaccent(${`${u.name} ${u.email} ${u.title ?? ''}`}))`;

export function usersRepository(db: Db | Tx) {
  return {
    async byId(id: number): Promise<UserRow | undefined> {
      const [row] = await rows<UserRow>(
        db,
        sql`SELECT ${userColumns} FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = ${id}`,
      );
      return row;
    },
    async idByEmail(email: string): Promise<number | undefined> {
      const [row] = await rows<{ id: number }>(db, sql`SELECT id FROM app_user WHERE email = ${email}`);
      return row?.id;
    },
    async emailsTaken(emails: string[]): Promise<Set<string>> {
      if (emails.length === 0) return new Set();
      const found = await rows<{ email: string }>(
        db,
        sql`SELECT email FROM app_user WHERE email IN (${sql.join(
          emails.map((e) => sql`${e}`),
          sql`, `,
        )})`,
      );
      return new Set(found.map((f) => f.email));
    },
    async credentials(email: string): Promise<CredentialRow | undefined> {
      const [row] = await rows<CredentialRow>(
        db,
        sql`SELECT id, email, password_hash AS "passwordHash", disabled, is_demo AS "isDemo",
                   failed_logins AS "failedLogins", coalesce(locked_until > now(), false) AS locked
              FROM app_user WHERE email = ${email}`,
      );
      return row;
    },
    async passwordHash(id: number): Promise<string | null> {
      const [row] = await rows<{ h: string | null }>(
        db,
        sql`SELECT password_hash AS h FROM app_user WHERE id = ${id}`,
      );
      return row?.h ?? null;
    },
    list(f: { q?: string; orgUnitId?: number; withinUnits?: number[]; limit: number; offset: number }) {
      const where: SQL[] = [sql`true`];
      if (f.withinUnits) {
        where.push(
          f.withinUnits.length
            ? sql`u.org_unit_id IN (${sql.join(
                f.withinUnits.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql`false`,
        );
      }
      if (f.q) where.push(sql`u.search_text LIKE '%' || lower(f_unaccent(${f.q})) || '%'`);
      if (f.orgUnitId) where.push(sql`u.org_unit_id = ${f.orgUnitId}`);
      const cond = sql.join(where, sql` AND `);
      return Promise.all([
        rows<UserRow>(
          db,
          sql`SELECT ${userColumns} FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
               WHERE ${cond} ORDER BY u.name, u.id LIMIT ${f.limit} OFFSET ${f.offset}`,
        ),
        rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM app_user u WHERE ${cond}`),
      ]).then(([items, [count]]) => ({ items, total: count?.n ?? 0 }));
    },
    async insert(u: NewUser): Promise<number> {
      const [row] = await rows<{ id: number }>(
        db,
        sql`INSERT INTO app_user (name, email, title, org_unit_id, password_hash, is_demo, search_text)
            VALUES (${u.name}, ${u.email}, ${u.title}, ${u.orgUnitId}, ${u.passwordHash}, ${u.isDemo ?? false},
                    ${searchText(u)})
            RETURNING id`,
      );
      return row!.id;
    },
    async update(
      id: number,
      u: { name: string; email: string; title: string | null; orgUnitId: number; disabled: boolean },
    ) {
      await db.execute(
        sql`UPDATE app_user SET name = ${u.name}, email = ${u.email}, title = ${u.title},
                   org_unit_id = ${u.orgUnitId}, disabled = ${u.disabled}, search_text = ${searchText(u)},
                   updated_at = now()
             WHERE id = ${id}`,
      );
    },
    async setPassword(id: number, passwordHash: string) {
      await db.execute(
        sql`UPDATE app_user SET password_hash = ${passwordHash}, failed_logins = 0, locked_until = NULL,
                   updated_at = now() WHERE id = ${id}`,
      );
    },
    /** Counts a failure; the failure that reaches the limit locks the account and restarts the count. */
    async recordFailure(id: number, limit: number, lockMinutes: number): Promise<void> {
      await db.execute(
        sql`UPDATE app_user SET
              locked_until = CASE WHEN failed_logins + 1 >= ${limit}
                                  THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END,
              failed_logins = CASE WHEN failed_logins + 1 >= ${limit} THEN 0 ELSE failed_logins + 1 END
            WHERE id = ${id}`,
      );
    },
    async clearFailures(id: number): Promise<void> {
      await db.execute(sql`UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ${id}`);
    },
    grants(userIds: number[]) {
      if (userIds.length === 0) return Promise.resolve([] as GrantRow[]);
      return rows<GrantRow>(
        db,
        sql`SELECT ra.id, ra.user_id AS "userId", ra.role, ra.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode",
                   o.name_vi AS "orgUnitName", o.name_en AS "orgUnitNameEn", ra.include_sub_units AS "includeSubUnits", ra.granted_at AS "grantedAt"
              FROM role_assignment ra JOIN org_unit o ON o.id = ra.org_unit_id
             WHERE ra.user_id IN (${sql.join(
               userIds.map((id) => sql`${id}`),
               sql`, `,
             )})
             ORDER BY ra.user_id, ra.role, o.code`,
      );
    },
    async grant(g: {
      userId: number;
      role: Role;
      orgUnitId: number;
      includeSubUnits: boolean;
      grantedBy: number | null;
    }) {
      const [row] = await rows<{ id: number }>(
        db,
        sql`INSERT INTO role_assignment (user_id, role, org_unit_id, include_sub_units, granted_by)
            VALUES (${g.userId}, ${g.role}, ${g.orgUnitId}, ${g.includeSubUnits}, ${g.grantedBy})
            ON CONFLICT (user_id, role, org_unit_id) DO NOTHING
            RETURNING id`,
      );
      return row?.id;
    },
    async revoke(userId: number, grantId: number) {
      const [row] = await rows<{ id: number; role: Role; orgUnitId: number; includeSubUnits: boolean }>(
        db,
        sql`DELETE FROM role_assignment WHERE id = ${grantId} AND user_id = ${userId}
            RETURNING id, role, org_unit_id AS "orgUnitId", include_sub_units AS "includeSubUnits"`,
      );
      return row;
    },
    async grantById(grantId: number) {
      const [row] = await rows<{ userId: number; orgUnitId: number }>(
        db,
        sql`SELECT user_id AS "userId", org_unit_id AS "orgUnitId" FROM role_assignment WHERE id = ${grantId}`,
      );
      return row;
    },
    async unit(id: number) {
      const [row] = await rows<{ id: number; code: string; kind: OrgKind }>(
        db,
        sql`SELECT id, code, kind FROM org_unit WHERE id = ${id}`,
      );
      return row;
    },
    /** Code and names of units, for showing who someone is (GET /api/me). */
    unitNames(ids: number[]) {
      if (ids.length === 0) return Promise.resolve([] as UnitName[]);
      return rows<UnitName>(
        db,
        sql`SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn" FROM org_unit WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    },
    unitsByCode(codes: string[]) {
      if (codes.length === 0) return Promise.resolve([] as { id: number; code: string; kind: OrgKind }[]);
      return rows<{ id: number; code: string; kind: OrgKind }>(
        db,
        sql`SELECT id, code, kind FROM org_unit WHERE code IN (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
    },
    demoUserIds() {
      return rows<{ id: number; email: string }>(db, sql`SELECT id, email FROM app_user WHERE is_demo`);
    },
    async deleteDemoUsers(): Promise<number> {
      const deleted = await rows<{ id: number }>(db, sql`DELETE FROM app_user WHERE is_demo RETURNING id`);
      return deleted.length;
    },
  };
}
