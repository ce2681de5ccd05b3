/**
 * Importing many documents in input order: several documents per transaction,
 * each behind its own savepoint, optionally prepared by worker threads while
 * the main thread commits.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { commitBatch, type ImportResult } from './importer';
import { sql } from './bulk';
import { ImportError, prepareImport, type ImportInput, type PreparedImport } from './prepare';

export interface ImportManyOptions {
  /** Worker threads preparing documents; 0 prepares on the main thread. Default: defaultWorkers(). */
  workers?: number;
  /** Called after each document, in input order, with its result or its error. */
  onResult?: (index: number, outcome: { result?: ImportResult; prepared?: PreparedImport; error?: Error; unchanged?: boolean }) => void;
  /** Prepare only; never write (a dry run). */
  dryRun?: boolean;
  /** Documents committed per transaction, each behind its own savepoint. Default 16. */
  batch?: number;
}

type Prepared = { prepared: PreparedImport } | { error: Error } | { unchanged: true };

/**
 * Which inputs are stored already, byte for byte, under the same file name (and the place and
 * department given, when given): those are not read again. A night that re-sends every list
 * pays a hash for each unchanged one, not a parse.
 */
async function storedAlready(ds: DataSource, inputs: readonly ImportInput[]): Promise<boolean[]> {
  const rows = await sql<{ sha256: string; source_file: string; jurisdiction_code: string; department: string }>(ds.manager, 'SELECT sha256, source_file, jurisdiction_code, department FROM power_list');
  const stored = new Map<string, { jurisdiction_code: string; department: string }[]>();
  for (const r of rows) (stored.get(`${r.sha256}|${r.source_file}`) ?? stored.set(`${r.sha256}|${r.source_file}`, []).get(`${r.sha256}|${r.source_file}`)!).push(r);
  return inputs.map((input) => {
    if (!input.bytes.length) return false;
    const same = stored.get(`${createHash('sha256').update(input.bytes).digest('hex')}|${input.fileName}`);
    return !!same?.some((r) => (input.jurisdictionCode == null || r.jurisdiction_code === input.jurisdictionCode) && (input.department == null || r.department === input.department));
  });
}

/**
 * A pool of prepare workers. Jobs are posted straight into the workers' own
 * queues: a commit on better-sqlite3 is synchronous and holds the main
 * thread's event loop, so a worker waiting for the main thread to hand it
 * the next job would sit idle through every commit.
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { done: (p: Prepared) => void; input: ImportInput }>();
  private next = 0;
  /** Set when a worker died: from then on documents are prepared on the main thread, so nothing waits forever. */
  private broken: Error | null = null;

  constructor(size: number) {
    // Compiled, the worker is a .js file beside this one; under ts-node or jest it is .ts and needs ts-node's hook.
    const ext = path.extname(__filename);
    const file = path.join(__dirname, `prepareWorker${ext}`);
    const execArgv = ext === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [];
    for (let i = 0; i < size; i++) {
      const w = new Worker(file, { execArgv });
      w.on('message', (m: { id: number; prepared?: PreparedImport; error?: { name: string; message: string; fileName: string; line: number | null } }) => {
        const { done } = this.waiting.get(m.id)!;
        this.waiting.delete(m.id);
        if (m.error) {
          const prefix = `${m.error.fileName}${m.error.line != null ? `:${m.error.line}` : ''}: `;
          done({ error: m.error.name === 'ImportError' ? new ImportError(m.error.fileName, m.error.message.startsWith(prefix) ? m.error.message.slice(prefix.length) : m.error.message, m.error.line) : new Error(m.error.message) });
        } else done({ prepared: m.prepared! });
      });
      const fail = (e: Error) => {
        this.broken ??= e;
        // What the dead worker had not finished is prepared here instead.
        for (const { done, input } of this.waiting.values()) done(prepareHere(input));
        this.waiting.clear();
      };
      w.on('error', fail);
      // Any exit the pool did not ask for (close() sets `broken` first) is a death, whatever its code.
      w.on('exit', (code) => fail(new Error(`prepare worker stopped (exit code ${code})`)));
      this.workers.push(w);
    }
  }

  prepare(input: ImportInput): Promise<Prepared> {
    if (this.broken) return Promise.resolve(prepareHere(input));
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, { done: resolve, input });
      this.workers[id % this.workers.length].postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error('pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Worker threads to use by default: one per core beyond the main thread's
 * (QUANZE_IMPORT_WORKERS overrides; 0 prepares on the main thread). On the
 * 2-core machine measured, one worker lifted a 100× import by 10–40% per
 * family (BENCHMARKS.md).
 */
export function defaultWorkers(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const env = process.env.QUANZE_IMPORT_WORKERS;
  const n = env === undefined || env === '' ? cores - 1 : Number(env);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, cores) : Math.max(0, cores - 1);
}

/**
 * Imports documents in order. Each is committed on its own (a failure stores
 * nothing of that document and does not stop the others); at most a few
 * prepared documents wait in memory at once.
 */
export async function importMany(
  ds: DataSource | null,
  inputs: readonly ImportInput[],
  options: ImportManyOptions & { pool?: PreparePool } = {},
): Promise<void> {
  const size = Math.min(options.workers ?? defaultWorkers(), Math.max(0, inputs.length - 1));
  const pool = options.pool ?? (size > 0 ? new PreparePool(size) : null);
  const batchSize = Math.max(1, options.batch ?? 16);
  // Prepare the next batch while this one commits.
  const ahead = Math.max(2 * batchSize, 2 * (size || 1));
  const pending: Promise<Prepared>[] = [];
  const skip = ds && !options.dryRun ? await storedAlready(ds, inputs) : inputs.map(() => false);
  const start = (i: number): Promise<Prepared> =>
    skip[i] ? Promise.resolve({ unchanged: true }) : pool ? pool.prepare(inputs[i]) : Promise.resolve().then(() => prepareHere(inputs[i]));
  try {
    for (let i = 0; i < Math.min(ahead, inputs.length); i++) pending.push(start(i));
    for (let from = 0; from < inputs.length; from += batchSize) {
      const to = Math.min(inputs.length, from + batchSize);
      const ready: { index: number; prepared: PreparedImport }[] = [];
      const failed = new Map<number, Error>();
      const unchanged = new Set<number>();
      for (let i = from; i < to; i++) {
        const p = await pending[i];
        if (i + ahead < inputs.length) pending.push(start(i + ahead));
        if ('error' in p) failed.set(i, p.error);
        else if ('unchanged' in p) unchanged.add(i);
        else ready.push({ index: i, prepared: p.prepared });
      }
      let committed: (ImportResult | Error)[] = [];
      if (ready.length && ds && !options.dryRun) {
        try {
          committed = await commitBatch(ds, ready.map((r) => r.prepared));
        } catch (e) {
          // The transaction itself failed (the database went away): every document of the batch failed.
          committed = ready.map(() => e as Error);
        }
      }
      for (let i = from, k = 0; i < to; i++) {
        if (unchanged.has(i)) {
          options.onResult?.(i, { unchanged: true });
          continue;
        }
        const err = failed.get(i);
        if (err) {
          options.onResult?.(i, { error: err });
          continue;
        }
        const { prepared } = ready[k];
        const c = committed[k++];
        if (c === undefined) options.onResult?.(i, { prepared });
        else if (c instanceof Error) options.onResult?.(i, { prepared, error: c });
        else options.onResult?.(i, { prepared, result: c });
      }
    }
  } finally {
    if (!options.pool) await pool?.close();
  }
}

function prepareHere(input: ImportInput): Prepared {
  try {
    return { prepared: prepareImport(input) };
  } catch (e) {
    return { error: e as Error };
  }
}
