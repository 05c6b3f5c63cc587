import type { Command } from 'commander';
import { BackupError, backup, restore } from '../../modules/backup/backup.service.ts';
import { runAction } from '../context.ts';

async function reported(action: () => Promise<void>) {
  try {
    await action();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`Error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a backup: pg_dump custom format with DATABASE_URL, else a dump of the embedded DATA_DIR',
    )
    .requiredOption('-o, --out <file>', 'file to write (must not exist)')
    .action((options: { out: string }) =>
      runAction((config) =>
        reported(async () => {
          const r = await backup(config, options.out);
          console.log(`Backup of the ${r.engine} database written to ${options.out} (${r.bytes} bytes).`);
        }),
      ),
    );

  program
    .command('restore')
    .description('Restore a backup into an empty database (DATABASE_URL) or an empty DATA_DIR')
    .argument('<file>', 'a file written by `nq57 backup`')
    .action((file: string) =>
      runAction((config) =>
        reported(async () => {
          const r = await restore(config, file);
          console.log(`Restored ${file} into the ${r.engine} database.`);
        }),
      ),
    );
}
