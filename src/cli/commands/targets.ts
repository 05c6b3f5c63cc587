import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../modules/audit/actor.ts';
import { commitImport, detectFormat, previewImport } from '../../modules/targets/targets-import.ts';
import { AppError } from '../../server/errors.ts';
import { openConfiguredDatabase, runAction } from '../context.ts';

export function registerTargetCommands(program: Command): void {
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
}
