import readline from 'node:readline';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { cliActor } from '../modules/audit/actor.ts';
import type { IdentityContext } from '../modules/identity/auth.service.ts';
import { identityOptions } from '../modules/identity/identity-options.ts';
import { createMailer } from '../modules/identity/mailer.ts';
import { usersRepository } from '../modules/identity/users.repository.ts';
import { createAdmin, listUsers } from '../modules/identity/users.service.ts';
import { GOVERNMENT_CODE } from '../modules/program/program-plan.ts';
import { AppError } from '../server/errors.ts';

export function cliIdentity(database: Database, config: AppConfig): IdentityContext {
  const options = identityOptions(config);
  return { db: database.db, options, sendMail: createMailer(database.db, options, (m) => console.log(m)) };
}

/** The first line of standard input (for --password-stdin), without its line ending. */
export async function readStdinLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

/** Asks twice on the terminal without echoing. */
export async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new AppError(400, 'validation_failed', 'password: no terminal to ask on; use --password-stdin');
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
      output._writeToOutput = () => {}; // no echo of what is typed
      process.stdout.write(question);
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new AppError(400, 'validation_failed', 'password: the two entries differ');
  return first;
}

export async function createAdminCommand(
  database: Database,
  config: AppConfig,
  input: { email: string; name: string; password: string },
): Promise<string> {
  const ctx = cliIdentity(database, config);
  const [root] = await usersRepository(ctx.db).unitsByCode([GOVERNMENT_CODE]);
  if (!root)
    throw new AppError(
      400,
      'validation_failed',
      'The Government unit is missing: run `nq57 load-program` first',
    );
  const admin = await createAdmin(ctx, { ...input, rootOrgUnitId: root.id }, cliActor());
  return `Created administrator #${admin.id} ${admin.email} (system_admin of ${root.code} and every unit below it).`;
}

export async function usersListCommand(database: Database, query: { q?: string }): Promise<string> {
  const found = await listUsers(database.db, { q: query.q, page: 1, pageSize: 1000 });
  const lines = found.items.map((u) => {
    const roles = u.roles.map((r) => `${r.role}@${r.orgUnitCode}${r.includeSubUnits ? '+' : ''}`).join(', ');
    const flags = [u.disabled ? 'disabled' : '', u.isDemo ? 'demo' : ''].filter(Boolean).join(',');
    return `${String(u.id).padStart(5)}  ${u.email.padEnd(36)} ${u.name.padEnd(32)} ${u.orgUnitCode.padEnd(8)} ${roles || '-'}${flags ? `  [${flags}]` : ''}`;
  });
  return [...lines, `${found.total} people`].join('\n');
}
