import type { Db } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { programRepository } from './program.repository.ts';

export async function requireProgram(db: Db, code: string) {
  const program = await programRepository(db).byCode(code);
  if (!program) throw notFound(`Program ${code}`);
  return program;
}

/** The public overview: groups with counts, deadlines by quarter, agencies with most tasks. */
export async function programOverview(db: Db, code: string) {
  const program = await requireProgram(db, code);
  return { program, ...(await programRepository(db).overview(program.id, 10)) };
}

export async function programText(db: Db, code: string) {
  const program = await requireProgram(db, code);
  return { program, groups: await programRepository(db).groupsWithItems(program.id) };
}

export async function programLoadReport(db: Db, code: string) {
  const program = await requireProgram(db, code);
  const run = await programRepository(db).lastLoadRun(program.id);
  if (!run) throw notFound(`Load report of program ${code}`);
  return run;
}
