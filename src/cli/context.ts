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

/**
 * The read replicas DATABASE_REPLICA_URL names, for the public pages (decision 097). Their connections say
 * who they are (application_name nq57-replica, unless the URL names one) in pg_stat_activity.
 */
export async function openConfiguredReplicas(config: AppConfig): Promise<Database[]> {
  return Promise.all(
    config.databaseReplicaUrls.map((raw) => {
      const url = new URL(raw);
      if (!url.searchParams.has('application_name')) url.searchParams.set('application_name', 'nq57-replica');
      return openDatabase({ engine: 'postgres', url: url.toString() });
    }),
  );
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
