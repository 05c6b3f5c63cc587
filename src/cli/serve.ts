import type PgBoss from 'pg-boss';
import type { AppConfig } from '../config.ts';
import { applyDemoMode } from '../modules/identity/demo.service.ts';
import { identityOptions } from '../modules/identity/identity-options.ts';
import { sendersFromEnv } from '../modules/notifications/channels.ts';
import { startReminderScheduler } from '../modules/notifications/reminder-scheduler.ts';
import { loadProgram } from '../modules/program/program-loader.service.ts';
import { applyIllustrativeReports } from '../modules/reports/illustrative-reports.service.ts';
import { buildApp } from '../server/app.ts';
import { openConfiguredDatabase, openConfiguredReplicas } from './context.ts';

export async function serve(config: AppConfig): Promise<void> {
  const started = performance.now();
  // A server keeps answering while the embedded database works: PGlite gets its own thread.
  const database = await openConfiguredDatabase(config, { thread: 'worker' });
  await database.migrate();
  const summary = await loadProgram(database);
  // Public pages read a replica when there is one; replicas are never migrated or written.
  const replicas = await openConfiguredReplicas(config);
  const app = await buildApp({
    database,
    replicas,
    logLevel: config.logLevel,
    identity: identityOptions(config),
    trustProxy: config.trustProxy,
  });
  const demo = await applyDemoMode(app.identity);
  const illustrative = await applyIllustrativeReports(database.db, { demo: app.identity.options.demo });
  let reminders: PgBoss | null = null;
  const close = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await reminders?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => {});
    await app.close();
    await Promise.all(replicas.map((r) => r.close()));
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Reminders start after the server answers, so they never delay start-up; their jobs live in the database.
  startReminderScheduler(database, { senders: sendersFromEnv() })
    .then((boss) => {
      reminders = boss;
    })
    .catch((error: Error) => app.log.error({ err: error }, 'reminder scheduler did not start'));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  app.log.info(
    `Ready in ${seconds}s on http://localhost:${config.port} (database: ${database.engine}${
      database.engine === 'pglite' ? `, ${config.dataDir}` : ''
    }${replicas.length ? `, ${replicas.length} read replica${replicas.length > 1 ? 's' : ''} for public pages` : ''}; program ${summary.programCode} ${summary.changed ? 'loaded' : 'already loaded'}; demo mode ${
      config.demo
        ? `on, ${demo.created} demo accounts and ${illustrative.created} illustrative reports added (docs/roles.md)`
        : `off${demo.removed ? `, ${demo.removed} demo accounts removed` : ''}${
            illustrative.removed ? `, ${illustrative.removed} illustrative reports removed` : ''
          }`
    })`,
  );
}
