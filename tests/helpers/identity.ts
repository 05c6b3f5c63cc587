import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Db, rows } from '../../src/db/database.ts';
import type { Role } from '../../src/modules/access/roles.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import type { IdentityContext } from '../../src/modules/identity/auth.service.ts';
import { createUser } from '../../src/modules/identity/users.service.ts';

export const TEST_PASSWORD = 'correct horse battery';
/** The Origin a browser sends from our own pages under app.inject() (Host: localhost:80). */
export const SAME_ORIGIN = { origin: 'http://localhost:80' };

export async function unitId(db: Db, code: string): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`SELECT id FROM org_unit WHERE code = ${code}`);
  if (!row) throw new Error(`no org unit ${code}`);
  return row.id;
}

/** Adds a unit under a parent (tests need departments; the program data has none). */
export async function addUnit(
  db: Db,
  code: string,
  parentCode: string,
  kind = 'department',
): Promise<number> {
  const parent = await unitId(db, parentCode);
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO org_unit (code, kind, name_vi, parent_id) VALUES (${code}, ${kind}, ${`Đơn vị ${code}`}, ${parent})
        RETURNING id`,
  );
  return row!.id;
}

/** A person with roles, created through the service as the console operator would. */
export async function makeUser(
  ctx: IdentityContext,
  email: string,
  unitCode: string,
  roles: { role: Role; unit?: string; subUnits?: boolean }[] = [],
): Promise<number> {
  const orgUnitId = await unitId(ctx.db, unitCode);
  const grants = await Promise.all(
    roles.map(async (r) => ({
      role: r.role,
      orgUnitId: r.unit ? await unitId(ctx.db, r.unit) : orgUnitId,
      includeSubUnits: r.subUnits ?? false,
    })),
  );
  const user = await createUser(
    ctx,
    null,
    { name: `Người dùng ${email}`, email, orgUnitId, password: TEST_PASSWORD, roles: grants },
    cliActor(),
  );
  return user.id;
}

export interface Client {
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client that sends the session cookie from our own origin. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  return {
    cookie,
    request: (options) =>
      app.inject({ ...options, headers: { ...SAME_ORIGIN, ...options.headers, cookie: `sid=${cookie}` } }),
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const found = res.cookies.find((c) => c.name === 'sid');
  if (!found) throw new Error('no sid cookie');
  return found.value;
}
