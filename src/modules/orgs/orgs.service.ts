import type { Db } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { requireProgram } from '../program/program.service.ts';
import { listTasks } from '../tasks/tasks.service.ts';
import { orgsRepository } from './orgs.repository.ts';

const CENTRAL_KINDS = ['ministry', 'ministerial_agency', 'government_agency'];
const PROVINCIAL_KINDS = ['province', 'city'];

/** Which collectives ("Các bộ, ngành", "Các địa phương") include an organisation of this kind. */
export function collectivesFor(kind: string): string[] {
  if (CENTRAL_KINDS.includes(kind)) return ['all_ministries', 'all_ministries_and_provinces'];
  if (PROVINCIAL_KINDS.includes(kind)) return ['all_provinces', 'all_ministries_and_provinces'];
  return [];
}

export async function listAgencies(
  db: Db,
  programCode: string,
  f: { q?: string; group?: 'central' | 'provincial' },
) {
  const program = await requireProgram(db, programCode);
  const kinds =
    f.group === 'central' ? CENTRAL_KINDS : f.group === 'provincial' ? PROVINCIAL_KINDS : undefined;
  return orgsRepository(db).list({ programId: program.id, q: f.q, kinds });
}

export async function getAgency(db: Db, programCode: string, code: string) {
  const program = await requireProgram(db, programCode);
  const repo = orgsRepository(db);
  const agency = await repo.byCode(code);
  if (!agency) throw notFound(`Agency ${code}`);
  const [aliases, named, collective] = await Promise.all([
    repo.aliases(agency.id),
    repo.tasksOf(program.id, agency.id),
    repo.collectiveTaskIds(program.id, collectivesFor(agency.kind)),
  ]);
  const namedIds = new Set(named.map((n) => n.taskId));
  const leadIds = new Set(named.filter((n) => n.role === 'lead').map((n) => n.taskId));
  const partnerIds = new Set(named.filter((n) => n.role === 'partner').map((n) => n.taskId));
  const sharedIds = new Set(collective.map((c) => c.taskId).filter((id) => !namedIds.has(id)));
  // One read of every task the page lists, by code, then split: each list keeps that order.
  const all = [...new Set([...leadIds, ...partnerIds, ...sharedIds])];
  const tasks =
    all.length === 0
      ? []
      : (await listTasks(db, programCode, { ids: all, sort: 'code', page: 1, pageSize: all.length })).items;
  const lead = tasks.filter((t) => leadIds.has(t.id));
  const partner = tasks.filter((t) => partnerIds.has(t.id));
  const shared = tasks.filter((t) => sharedIds.has(t.id));
  return { agency, aliases, lead, partner, shared };
}
