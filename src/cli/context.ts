import { type AppConfig, ConfigError, loadConfig } from '../config.ts';
import { type Database, DatabaseOpenError, openDatabase } from '../db/database.ts';
import { AppError } from '../server/errors.ts';

/** Opens the database the configuration names: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export async function openConfiguredDatabase(
  config: AppConfig,
  options: { thread?: 'main' | 'worker' } = {},
): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir, thread: options.thread });
}

/** Runs a CLI action; known failures end with one clear line and exit code 1, not a stack trace. */
export async function runAction(action: (config: AppConfig) => Promise<void>): Promise<void> {
  try {
    await action(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof AppError) {
      console.error(`Error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
