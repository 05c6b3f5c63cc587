#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { cliActor } from '../modules/audit/actor.ts';
import type { CalendarDayKind } from '../modules/calendar/calendar.schema.ts';
import { addCalendarDay, calendarYear } from '../modules/calendar/calendar.service.ts';
import { suggestItemLinks } from '../modules/program/item-links.service.ts';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { formatImportPreview } from '../modules/register-io/import-report.ts';
import type { RegisterField } from '../modules/register-io/register-columns.ts';
import { exportRegister } from '../modules/register-io/register-export.service.ts';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../modules/register-io/register-file.ts';
import { commitImport, previewImport } from '../modules/register-io/register-import.service.ts';
import { AppError } from '../server/errors.ts';
import { auditList, auditVerify } from './audit-commands.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerEvaluationCommands } from './commands/evaluation.ts';
import { registerPlanCommands } from './commands/register.ts';
import { registerReportCommands } from './commands/reports.ts';
import { registerSyntheticCommands } from './commands/synthetic.ts';
import { registerTargetCommands } from './commands/targets.ts';
import { openConfiguredDatabase, runAction } from './context.ts';
import { formatLoadSummary } from './format.ts';
import { createAdminCommand, promptPassword, readStdinLine, usersListCommand } from './identity.ts';
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
        const summary = await loadProgram(database, undefined, cliActor());
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

/** Opens and migrates the database for one command; a refused input ends with its message, not a trace. */
async function withDatabase(config: AppConfig, action: (database: Database) => Promise<void>) {
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    await action(database);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`Error: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

const calendar = program
  .command('calendar')
  .description(
    "The working-day calendar: official days off and make-up working days (Ministry of Home Affairs' yearly announcement)",
  );

calendar
  .command('add-day')
  .description('Add or correct an official day off (a weekday) or make-up working day (a Saturday or Sunday)')
  .requiredOption('--date <YYYY-MM-DD>', 'the day')
  .requiredOption('--kind <kind>', 'day_off or working_day')
  .requiredOption('--reason <text>', 'why, e.g. "Nghỉ bù Giỗ Tổ Hùng Vương"')
  .option('--source <text>', 'the announcement, e.g. "Công văn 12729/VPCP-KGVX"')
  .action((options: { date: string; kind: string; reason: string; source?: string }) =>
    runAction((config) =>
      withDatabase(config, async (database) => {
        const day = await addCalendarDay(database.db, cliActor(), {
          date: options.date,
          kind: options.kind as CalendarDayKind,
          reason: options.reason,
          source: options.source ?? null,
        });
        console.log(
          `${day.day}: ${day.kind === 'day_off' ? 'day off' : 'make-up working day'} — ${day.reason}`,
        );
      }),
    ),
  );

calendar
  .command('show')
  .description("A year's weekdays off and make-up working days")
  .requiredOption('--year <year>', 'e.g. 2026')
  .action((options: { year: string }) =>
    runAction((config) =>
      withDatabase(config, async (database) => {
        const y = await calendarYear(database.db, Number(options.year));
        console.log(`Weekdays off in ${y.year}: ${y.weekdaysOff.length}`);
        for (const d of y.weekdaysOff) console.log(`  ${d.date}  ${d.note ?? d.reason}`);
        console.log(`Make-up working days: ${y.makeUpDays.join(', ') || 'none'}`);
      }),
    ),
  );

const register = program
  .command('register')
  .description(
    'The task register in the appendix’s shape (STT · Nhiệm vụ · Cơ quan chủ trì · Cơ quan phối hợp · Sản phẩm · Thời hạn)',
  );

register
  .command('export')
  .description('Write the register, or the tracking ledger (sổ theo dõi), to .xlsx or .csv')
  .requiredOption('--out <file>', 'where to write')
  .option('--format <format>', 'xlsx or csv (default: from the file name, else xlsx)')
  .option('--kind <kind>', 'register or ledger', 'register')
  .option('--program <code>', 'program code', 'NQ57')
  .action((options: { out: string; format?: string; kind: string; program: string }) =>
    runAction((config) =>
      withDatabase(config, async (database) => {
        const format = options.format ?? (options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
        if (format !== 'xlsx' && format !== 'csv')
          throw new AppError(400, 'validation_failed', 'format: must be xlsx or csv');
        if (options.kind !== 'register' && options.kind !== 'ledger')
          throw new AppError(400, 'validation_failed', 'kind: must be register or ledger');
        const file = await exportRegister(database.db, {
          programCode: options.program,
          kind: options.kind,
          format,
        });
        fs.writeFileSync(options.out, file.bytes);
        console.log(`${file.rows} tasks written to ${options.out}`);
      }),
    ),
  );

register
  .command('import')
  .description('Import an .xlsx or .csv register into a program: every row or none; --dry-run only checks')
  .argument('<file>', 'the .xlsx or .csv file (at most 50 MB)')
  .option('--dry-run', 'check every row and report, write nothing')
  .option('--program <code>', 'program code', 'NQ57')
  .option('--sheet <name>', 'worksheet (default: the first)')
  .option(
    '--assigned-on <YYYY-MM-DD>',
    'refuse deadlines before this date (default: the program’s document date)',
  )
  .option('--default-group <n>', 'group of rows without a Group column or heading', '1')
  .option('--mapping <pairs>', 'override columns, e.g. task=B,lead=C,deadline=F')
  .action(
    (
      file: string,
      options: {
        dryRun?: boolean;
        program: string;
        sheet?: string;
        assignedOn?: string;
        defaultGroup: string;
        mapping?: string;
      },
    ) =>
      runAction((config) =>
        withDatabase(config, async (database) => {
          const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
          if (size === undefined)
            throw new AppError(400, 'validation_failed', `file: ${file} does not exist`);
          if (size > MAX_IMPORT_BYTES) throw fileTooLarge(size);
          const mapping = options.mapping
            ? (Object.fromEntries(
                options.mapping.split(',').map((p) => p.split('=').map((s) => s.trim())),
              ) as Partial<Record<RegisterField, string>>)
            : undefined;
          const input = {
            programCode: options.program,
            bytes: fs.readFileSync(file),
            fileName: path.basename(file),
            format: file.toLowerCase().endsWith('.xlsx') ? ('xlsx' as const) : undefined,
            sheet: options.sheet,
            assignedOn: options.assignedOn,
            defaultGroupNo: Number(options.defaultGroup),
            mapping,
          };
          const preview = await previewImport(database.db, input);
          console.log(formatImportPreview(preview));
          if (options.dryRun) return;
          const result = await commitImport(database.db, cliActor(), input);
          console.log(
            `Imported ${result.imported} tasks into ${result.programCode}` +
              (result.groupsCreated.length ? `; groups created: ${result.groupsCreated.join(', ')}` : ''),
          );
        }),
      ),
  );

program
  .command('suggest-item-links')
  .description(
    'Suggest links between section II items and tasks by text similarity, for the coordinator to confirm',
  )
  .option('--program <code>', 'program code', 'NQ57')
  .action((options: { program: string }) =>
    runAction((config) =>
      withDatabase(config, async (database) => {
        const s = await suggestItemLinks(database.db, cliActor(), options.program);
        console.log(
          `${s.programCode} (${s.method}): ${s.added} new suggestions, ${s.rescored} rescored, ${s.withdrawn} withdrawn; ${s.keptDecisions} coordinator decisions kept`,
        );
      }),
    ),
  );

registerBackupCommands(program);
registerPlanCommands(program);

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

registerTargetCommands(program);

registerEvaluationCommands(program);

registerReportCommands(program);
registerSyntheticCommands(program);

await program.parseAsync(process.argv);
