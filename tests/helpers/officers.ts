import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../src/db/database.ts';
import { cliActor } from '../../src/modules/audit/actor.ts';
import { hashPassword } from '../../src/modules/identity/tokens.ts';
import {
  generateObligations,
  programIdOf,
  setSchedule,
} from '../../src/modules/reports/obligations.service.ts';
import { reportsRepository } from '../../src/modules/reports/reports.repository.ts';
import { TEST_PASSWORD } from './identity.ts';

/** A simulated focal officer: a real account at an agency, with the obligations it reports on. */
export interface Officer {
  id: number;
  email: string;
  agencyId: number;
  /** Obligations (weekly reports) this officer drafts and submits, in due order; no other officer has them. */
  obligations: number[];
  /** Tasks the agency carries in the Program (lead or partner): what its reports are about. */
  tasks: number[];
}

/**
 * Prepares `count` officers spread over every agency that reports on the Program: weekly obligations
 * for the years given (each officer gets its own share of its agency's obligations, so officers never
 * race for one report), and accounts holding `focal_officer` and `agency_head` at their agency so one
 * simulated person drafts and submits (in life the head approves). The accounts are rows as the identity
 * service writes them, with one argon2 hash of the shared test password computed once: hashing 500
 * passwords would cost the test half a minute and test nothing new. They sign in through the API.
 */
export async function prepareOfficers(
  database: Database,
  count: number,
  options: { prefix: string; from: string; to: string },
): Promise<Officer[]> {
  const db = database.db;
  const programId = await programIdOf(db, 'NQ57');
  await setSchedule(db, cliActor(), programId, {
    frequency: 'weekly',
    dueOffsetDays: 3,
    dueDates: null,
    active: true,
  });
  await generateObligations(db, cliActor(), { programId, from: options.from, to: options.to });
  const byAgency = await rows<{ agencyId: number; obligations: number[] }>(
    db,
    sql`SELECT o.agency_id AS "agencyId", array_agg(o.id ORDER BY o.due_date, o.id) AS obligations
          FROM reporting_obligation o JOIN reporting_schedule s ON s.id = o.schedule_id
         WHERE o.program_id = ${programId} AND s.frequency = 'weekly'
           AND o.period_start >= ${options.from}::date AND o.period_end <= ${options.to}::date
           AND NOT EXISTS (SELECT 1 FROM report r WHERE r.obligation_id = o.id)
         GROUP BY o.agency_id ORDER BY o.agency_id`,
  );
  const taskIds = (
    await rows<{ id: number }>(db, sql`SELECT id FROM task WHERE program_id = ${programId} ORDER BY id`)
  ).map((t) => t.id);
  const agencies: { agencyId: number; obligations: number[]; tasks: number[] }[] = [];
  for (const a of byAgency) {
    const carried = await reportsRepository(db).tasksCarriedBy(a.agencyId, programId, taskIds);
    if (carried.size > 0) agencies.push({ ...a, tasks: [...carried].sort((x, y) => x - y).slice(0, 3) });
  }
  if (agencies.length === 0) throw new Error('no agency reports on the Program');

  const perAgency = new Map<number, number>();
  const planned = Array.from({ length: count }, (_, i) => {
    const agency = agencies[i % agencies.length]!;
    const rank = perAgency.get(agency.agencyId) ?? 0;
    perAgency.set(agency.agencyId, rank + 1);
    return { i, agency, rank };
  });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const emails = planned.map((p) => `${options.prefix}-${p.i}@officers.test`);
  const created = await rows<{ id: number; email: string }>(
    db,
    sql`INSERT INTO app_user (name, email, org_unit_id, password_hash)
        SELECT 'Cán bộ ' || e, e, u, ${passwordHash}
          FROM unnest(${toArray(emails)}::text[], ${toArray(planned.map((p) => p.agency.agencyId))}::int[]) AS x(e, u)
        RETURNING id, email`,
  );
  const idOf = new Map(created.map((c) => [c.email, c.id]));
  const userIds = emails.map((e) => idOf.get(e)!);
  const agencyIds = planned.map((p) => p.agency.agencyId);
  for (const role of ['focal_officer', 'agency_head'])
    await rows(
      db,
      sql`INSERT INTO role_assignment (user_id, role, org_unit_id)
          SELECT u, ${role}, o FROM unnest(${toArray(userIds)}::int[], ${toArray(agencyIds)}::int[]) AS x(u, o)`,
    );
  return planned.map((p, n) => {
    const share = perAgency.get(p.agency.agencyId)!;
    return {
      id: userIds[n]!,
      email: emails[n]!,
      agencyId: p.agency.agencyId,
      obligations: p.agency.obligations.filter((_, j) => j % share === p.rank),
      tasks: p.agency.tasks,
    };
  });
}

/** A PostgreSQL array literal, so one parameter carries a whole column (same on both engines). */
function toArray(values: (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
