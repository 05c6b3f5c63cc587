#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { cliActor } from '../modules/audit/actor.ts';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { commitImport, detectFormat, previewImport } from '../modules/targets/targets-import.ts';
import { AppError } from '../server/errors.ts';
import { openConfiguredDatabase, runAction } from './context.ts';
import { formatLoadSummary } from './format.ts';
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

const targets = program.command('targets').description('Targets of the program and their measured values');

targets
  .command('import')
  .description(
    'Import measured values from a .xlsx or .csv in long format (target_code, year, [disaggregation], value, [source]) as drafts',
  )
  .argument('<file>', 'the .xlsx or .csv file')
  .option('--program <code>', 'program code', 'NQ57')
  .option('--dry-run', 'check every row and store nothing')
  .action((file: string, options: { program: string; dryRun?: boolean }) =>
    runAction(async (config) => {
      const body = fs.readFileSync(file);
      const input = { body, format: detectFormat(body, undefined), fileName: path.basename(file) };
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const preview = await previewImport(database.db, cliActor(), options.program, input);
        for (const row of preview.rows.filter((r) => !r.ok)) {
          for (const issue of row.issues) console.error(`${issue.field}: ${issue.problem}`);
        }
        console.log(`${preview.total} rows: ${preview.valid} valid, ${preview.errors} with problems.`);
        if (preview.errors > 0 || options.dryRun) {
          if (preview.errors > 0) console.log('Nothing imported.');
          process.exitCode = preview.errors > 0 ? 1 : 0;
          return;
        }
        const result = await commitImport(database.db, cliActor(), options.program, input);
        console.log(`Imported ${result.imported} values as drafts.`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(`Error: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    }),
  );

await program.parseAsync(process.argv);
