import type { Db } from '../../db/database.ts';
import { invalid, notFound } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_SCHEDULES, dueDateOf, dueDatesProblem, periodsBetween } from './periods.ts';
import { reportsRepository, type ScheduleRow } from './reports.repository.ts';
import type { Frequency } from './reports.schema.ts';

export async function programIdOf(db: Db, code: string): Promise<number> {
  const id = await reportsRepository(db).programId(code);
  if (id === null) throw notFound(`Program ${code}`);
  return id;
}

/** The program's schedules; a program nobody configured reports by the Program's own 6-monthly rule. */
export async function listSchedules(db: Db, programId: number): Promise<ScheduleRow[]> {
  const found = await reportsRepository(db).schedules(programId);
  return found.length ? found : DEFAULT_SCHEDULES.map((s) => ({ id: 0, ...s, active: true }));
}

export async function setSchedule(
  db: Db,
  actor: Actor,
  programId: number,
  input: { frequency: Frequency; dueOffsetDays: number; dueDates: string[] | null; active: boolean },
): Promise<ScheduleRow> {
  const problem = dueDatesProblem(input.frequency, input.dueDates);
  if (problem) throw invalid([{ field: 'dueDates', problem }]);
  return db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    // The first explicit setting keeps the defaults it replaces, so configuring weekly reports does not
    // silently drop the 6-monthly ones.
    if ((await repo.schedules(programId)).length === 0)
      for (const d of DEFAULT_SCHEDULES)
        if (d.frequency !== input.frequency) await repo.upsertSchedule(programId, { ...d, active: true });
    const saved = await repo.upsertSchedule(programId, input);
    await recordAudit(tx, actor, {
      action: 'reporting_schedule.set',
      entityType: 'reporting_schedule',
      entityId: saved.id,
      after: input,
    });
    return saved;
  });
}

/**
 * Creates the obligations (agency × period × due date) of every active schedule for the periods that
 * overlap [from, to], for each agency that leads a task of the program. Idempotent: existing ones stay.
 */
export async function generateObligations(
  db: Db,
  actor: Actor,
  input: { programId: number; from: string; to: string },
): Promise<{ created: number; existing: number; agencies: number; periods: number }> {
  if (input.from > input.to) throw invalid([{ field: 'to', problem: 'must not be before from' }]);
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 10)
    throw invalid([{ field: 'to', problem: 'generate at most ten years at a time' }]);
  return db.transaction(async (tx) => {
    const repo = reportsRepository(tx);
    if ((await repo.schedules(input.programId)).length === 0)
      for (const d of DEFAULT_SCHEDULES) await repo.upsertSchedule(input.programId, { ...d, active: true });
    const schedules = (await repo.schedules(input.programId)).filter((s) => s.active);
    const agencies = await repo.reportingAgencies(input.programId);
    const values = [];
    let periods = 0;
    for (const s of schedules) {
      const found = periodsBetween(s.frequency, input.from, input.to);
      periods += found.length;
      for (const p of found)
        for (const a of agencies)
          values.push({
            scheduleId: s.id,
            programId: input.programId,
            agencyId: a.id,
            period: p.key,
            periodStart: p.start,
            periodEnd: p.end,
            dueDate: dueDateOf(s, p),
          });
    }
    const created = await repo.insertObligations(values);
    await recordAudit(tx, actor, {
      action: 'reporting_obligation.generate',
      entityType: 'program',
      entityId: input.programId,
      after: { from: input.from, to: input.to, created, existing: values.length - created },
    });
    return { created, existing: values.length - created, agencies: agencies.length, periods };
  });
}
