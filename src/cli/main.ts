#!/usr/bin/env node
import { Command } from 'commander';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { auditList, auditVerify } from './audit-commands.ts';
import { openConfiguredDatabase, runAction } from './context.ts';
import { formatLoadSummary } from './format.ts';
import { orgsImport } from './orgs-commands.ts';
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

const audit = program.command('audit').description('The audit trail: verify the hash chain, list events');

audit
  .command('verify')
  .description('Walk the hash chain; exit code 1 and the first broken link named if any row was changed')
  .action(() =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const result = await auditVerify(database);
        console.log(result.output);
        process.exitCode = result.exitCode;
      } finally {
        await database.close();
      }
    }),
  );

audit
  .command('list')
  .description('List audit events, newest first')
  .option('--entity-type <type>', 'e.g. org_unit')
  .option('--entity-id <id>', 'e.g. 48')
  .option('--actor <text>', 'part of the actor label (email, cli:user)')
  .option('--action <action>', 'an action ("org.merge") or a prefix ending in "." ("org.")')
  .option('--from <date>', 'first day, YYYY-MM-DD (UTC)')
  .option('--to <date>', 'last day, YYYY-MM-DD (UTC)')
  .option('--page <n>', 'page number', '1')
  .option('--page-size <n>', 'events per page (at most 500)', '20')
  .option('--json', 'print JSON')
  .action((options) =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const result = await auditList(database, options);
        (result.exitCode === 0 ? console.log : console.error)(result.output);
        process.exitCode = result.exitCode;
      } finally {
        await database.close();
      }
    }),
  );

const orgs = program.command('orgs').description('Organisations: import communes and departments');

orgs
  .command('import')
  .description('Preview a CSV or .xlsx of communes or departments; with --commit, import it all or nothing')
  .argument('<file>', 'a .csv (UTF-8) or .xlsx file; see docs/organisations.md for the columns')
  .option('--type <type>', 'communes or departments', 'communes')
  .option('--commit', 'import when every row is valid')
  .action((file: string, options: { type?: string; commit?: boolean }) =>
    runAction(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const result = await orgsImport(database, file, options);
        (result.exitCode === 0 ? console.log : console.error)(result.output);
        process.exitCode = result.exitCode;
      } finally {
        await database.close();
      }
    }),
  );

await program.parseAsync(process.argv);
