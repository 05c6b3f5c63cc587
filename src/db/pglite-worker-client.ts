import { Worker } from 'node:worker_threads';

/**
 * The main-thread side of src/db/pglite-worker.mjs: the part of PGlite's interface Drizzle uses
 * (query, transaction), plus exec and dump. PGlite has one connection, so calls are serialised here;
 * a transaction holds the line until it commits or rolls back, as PGlite's own transaction() does.
 */
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };
type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class DatabaseWorkerError extends Error {
  constructor(fields: Record<string, unknown>) {
    super(String(fields.message));
    Object.assign(this, fields);
  }
}

export interface WorkerTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
  exec(sql: string): Promise<Results[]>;
}

export class PGliteWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly worker: Worker) {
    worker.on(
      'message',
      (message: { id: number; ok: boolean; result?: unknown; error?: Record<string, unknown> }) => {
        const waiter = this.pending.get(message.id);
        if (!waiter) return;
        this.pending.delete(message.id);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new DatabaseWorkerError(message.error ?? { message: 'database error' }));
      },
    );
    worker.on('error', (error) => {
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    });
  }

  static async start(options: { dataDir?: string; loadDataDir?: ArrayBuffer }): Promise<PGliteWorkerClient> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir },
      // The worker is plain JavaScript; it needs no loader from the parent.
      execArgv: [],
    });
    const ready = await new Promise<{ ready: boolean; error?: Record<string, unknown> }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    if (!ready.ready) {
      await worker.terminate();
      throw new DatabaseWorkerError(ready.error ?? { message: 'the embedded database did not start' });
    }
    return new PGliteWorkerClient(worker);
  }

  private send<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Runs fn alone on the connection; later calls wait for it. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  private rawQuery(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results> {
    return this.send<Results>({
      op: 'query',
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      identityTypes: Object.keys(options.parsers ?? {}).map(Number),
    });
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results> {
    return this.exclusive(() => this.rawQuery(sql, params, options));
  }

  exec(sql: string): Promise<Results[]> {
    return this.exclusive(() => this.send<Results[]>({ op: 'exec', sql }));
  }

  transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const tx: WorkerTransaction = {
        query: (sql, params, options) => this.rawQuery(sql, params, options),
        exec: (sql) => this.send<Results[]>({ op: 'exec', sql }),
      };
      await this.rawQuery('BEGIN');
      try {
        const result = await fn(tx);
        await this.rawQuery('COMMIT');
        return result;
      } catch (error) {
        await this.rawQuery('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<ArrayBuffer> {
    return this.exclusive(() => this.send<ArrayBuffer>({ op: 'dump', compression }));
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.send({ op: 'close' }));
    await this.worker.terminate();
  }
}
