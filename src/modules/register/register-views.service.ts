import type { Db } from '../../db/database.ts';
import { cleanText } from '../../lib/text.ts';
import { invalid, notFound, unauthorized } from '../../server/errors.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireProgram } from '../program/program.service.ts';
import { MAX_VIEWS_PER_PERSON, type ViewInput } from './register-views.inputs.ts';
import { type RegisterViewRow, registerViewsRepository } from './register-views.repository.ts';
import { conflictOnRace } from './unique-conflict.ts';

/**
 * Saved views of the register (decision 040): each person keeps named sets of filters, sort and
 * columns on the server, so they follow the person to another device. A view is only ever its owner's:
 * another person's view answers 404, as if it did not exist.
 */
function owner(actor: Actor): number {
  if (actor.userId === null) throw unauthorized();
  return actor.userId;
}

const taken = (name: string) => `You already have a view named "${name}"`;

export async function myRegisterViews(db: Db, actor: Actor, programCode: string) {
  const program = await requireProgram(db, programCode);
  return registerViewsRepository(db).list(owner(actor), program.id);
}

export async function createRegisterView(
  db: Db,
  actor: Actor,
  programCode: string,
  input: ViewInput,
): Promise<RegisterViewRow> {
  const userId = owner(actor);
  const program = await requireProgram(db, programCode);
  const name = cleanText(input.name);
  return conflictOnRace(
    db.transaction(async (tx) => {
      const repo = registerViewsRepository(tx);
      if ((await repo.count(userId, program.id)) >= MAX_VIEWS_PER_PERSON)
        throw invalid([
          { field: 'name', problem: `you have ${MAX_VIEWS_PER_PERSON} views already; delete one first` },
        ]);
      const view = await repo.insert(userId, program.id, name, input.settings);
      await recordAudit(tx, actor, {
        action: 'register_view.create',
        entityType: 'register_view',
        entityId: view.id,
        after: { programId: program.id, name, settings: input.settings },
      });
      return view;
    }),
    taken(name),
  );
}

export async function updateRegisterView(
  db: Db,
  actor: Actor,
  id: number,
  input: ViewInput,
): Promise<RegisterViewRow> {
  const userId = owner(actor);
  const name = cleanText(input.name);
  return conflictOnRace(
    db.transaction(async (tx) => {
      const repo = registerViewsRepository(tx);
      const before = await repo.ownForUpdate(userId, id);
      if (!before) throw notFound(`View ${id}`);
      const view = await repo.update(id, name, input.settings);
      await recordAudit(tx, actor, {
        action: 'register_view.update',
        entityType: 'register_view',
        entityId: id,
        before: { name: before.name, settings: before.settings },
        after: { name, settings: input.settings },
      });
      return view;
    }),
    taken(name),
  );
}

export async function deleteRegisterView(db: Db, actor: Actor, id: number): Promise<void> {
  const userId = owner(actor);
  await db.transaction(async (tx) => {
    const repo = registerViewsRepository(tx);
    const before = await repo.ownForUpdate(userId, id);
    if (!before) throw notFound(`View ${id}`);
    await repo.remove(id);
    await recordAudit(tx, actor, {
      action: 'register_view.delete',
      entityType: 'register_view',
      entityId: id,
      before: { name: before.name, settings: before.settings },
    });
  });
}
