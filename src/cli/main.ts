#!/usr/bin/env node
import { Command } from 'commander';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { openConfiguredDatabase, runAction } from './context.ts';
import { formatLoadSummary } from './format.ts';
import { createAdminCommand, promptPassword, readStdinLine, usersListCommand } from './identity.ts';
import { serve } from './serve.ts';

const program = new Command()
  .name('nq57')
  .description(
    'Nền tảng theo dõi, đánh giá thực hiện Chương trình hành động thực hiện Nghị quyết 57-NQ/TW.\n' +
      'Uses PostgreSQL when DATABASE_URL is set, else the embedded database in DATA_DIR (default ./data).',
  )
  .showHelpAfterError();

program
  .command('migrate')
  .description('Apply pending database migrations (migrations/), then exit')
  .action(() =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        console.log(`Migrations applied (${database.engine}).`);
      } finally {
        await database.close();
      }
    }),
  );

program
  .command('load-program')
  .description('Load the bundled Action Program data (idempotent) and report what could not be mapped')
  .option('--json', 'print the full load summary as JSON')
  .action((options: { json?: boolean }) =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const summary = await loadProgram(database);
        console.log(options.json ? JSON.stringify(summary, null, 2) : formatLoadSummary(summary));
      } finally {
        await database.close();
      }
    }),
  );

program
  .command('serve')
  .description('Migrate, load the program data if it changed, and serve the web app and API')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
  .option('--host <host>', 'interface to listen on (default: HOST or 0.0.0.0)')
  .action((options: { port?: string; host?: string }) =>
    runAction(async (config) => {
      await serve({
        ...config,
        port: options.port ? Number(options.port) : config.port,
        host: options.host ?? config.host,
      });
    }),
  );

program
  .command('create-admin')
  .description(
    'Create a system administrator (of the Government and every unit below it); prompts for the password',
  )
  .requiredOption('--email <email>', 'work email, used to sign in')
  .requiredOption('--name <name>', 'full name')
  .option('--password-stdin', 'read the password from the first line of standard input')
  .action((options: { email: string; name: string; passwordStdin?: boolean }) =>
    runAction(async (config) => {
      const password = options.passwordStdin ? await readStdinLine() : await promptPassword();
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        await loadProgram(database);
        console.log(await createAdminCommand(database, config, { ...options, password }));
      } finally {
        await database.close();
      }
    }),
  );

program
  .command('users')
  .description('People and their roles')
  .command('list')
  .description('List people: id, email, name, unit, roles (role@unit, + = with sub-units)')
  .option('-q, --query <text>', 'search name, email or title (accent-insensitive)')
  .action((options: { query?: string }) =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        console.log(await usersListCommand(database, { q: options.query }));
      } finally {
        await database.close();
      }
    }),
  );

await program.parseAsync(process.argv);
