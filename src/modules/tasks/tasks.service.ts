import type { Db } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { requireProgram } from '../program/program.service.ts';
import { type TaskAgencyRow, type TaskFilter, tasksRepository } from './tasks.repository.ts';

export type TaskQuery = Omit<TaskFilter, 'programId' | 'limit' | 'offset'> & {
  page: number;
  pageSize: number;
};

export async function listTasks(db: Db, programCode: string, query: TaskQuery) {
  const program = await requireProgram(db, programCode);
  const repo = tasksRepository(db);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.list({
    ...filter,
    sort: filter.sort === 'relevance' && !filter.q ? 'code' : filter.sort,
    programId: program.id,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const agencies = await repo.agenciesOf(items.map((t) => t.id));
  return {
    items: items.map((t) => ({ ...t, agencies: agencies.filter((a) => a.taskId === t.id) })),
    total,
    page,
    pageSize,
  };
}

export async function getTask(db: Db, programCode: string, id: number) {
  const program = await requireProgram(db, programCode);
  const repo = tasksRepository(db);
  const task = await repo.byId(program.id, id);
  if (!task) throw notFound(`Task ${id}`);
  const agencies: TaskAgencyRow[] = await repo.agenciesOf([task.id]);
  return { ...task, agencies, program };
}
