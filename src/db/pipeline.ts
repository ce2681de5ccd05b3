/**
 * Importing many documents: worker threads prepare the next documents while
 * the main thread commits, one transaction per document, in input order.
 * With one core left for workers this overlaps parsing with writing.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { commitImport, type ImportResult } from './importer';
import { ImportError, prepareImport, type ImportInput, type PreparedImport } from './prepare';

export interface ImportManyOptions {
  /** Worker threads preparing documents; 0 prepares on the main thread. Default: cores − 1. */
  workers?: number;
  /** Called after each document, in input order, with its result or its error. */
  onResult?: (index: number, outcome: { result?: ImportResult; prepared?: PreparedImport; error?: Error }) => void;
  /** Prepare only; never write (a dry run). */
  dryRun?: boolean;
}

type Prepared = { prepared: PreparedImport } | { error: Error };

/** A pool of prepare workers; documents are handed out as workers free up. */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (p: Prepared) => void>();
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; input: ImportInput }[] = [];
  private next = 0;

  constructor(size: number) {
    // Compiled, the worker is a .js file beside this one; under ts-node or jest it is .ts and needs ts-node's hook.
    const ext = path.extname(__filename);
    const file = path.join(__dirname, `prepareWorker${ext}`);
    const execArgv = ext === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [];
    for (let i = 0; i < size; i++) {
      const w = new Worker(file, { execArgv });
      w.on('message', (m: { id: number; prepared?: PreparedImport; error?: { name: string; message: string; fileName: string; line: number | null } }) => {
        const done = this.waiting.get(m.id)!;
        this.waiting.delete(m.id);
        if (m.error) {
          const prefix = `${m.error.fileName}${m.error.line != null ? `:${m.error.line}` : ''}: `;
          done({ error: m.error.name === 'ImportError' ? new ImportError(m.error.fileName, m.error.message.startsWith(prefix) ? m.error.message.slice(prefix.length) : m.error.message, m.error.line) : new Error(m.error.message) });
        } else done({ prepared: m.prepared! });
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (e) => {
        for (const done of this.waiting.values()) done({ error: e });
        this.waiting.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  prepare(input: ImportInput): Promise<Prepared> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.queue.push({ id, input });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      w.postMessage(this.queue.shift()!);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export function defaultWorkers(): number {
  return Math.max(0, (os.availableParallelism?.() ?? os.cpus().length) - 1);
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
  const ahead = Math.max(2, 2 * (size || 1));
  const pending: Promise<Prepared>[] = [];
  const start = (i: number): Promise<Prepared> => {
    if (pool) return pool.prepare(inputs[i]);
    return Promise.resolve().then(() => {
      try {
        return { prepared: prepareImport(inputs[i]) };
      } catch (e) {
        return { error: e as Error };
      }
    });
  };
  try {
    for (let i = 0; i < Math.min(ahead, inputs.length); i++) pending.push(start(i));
    for (let i = 0; i < inputs.length; i++) {
      const p = await pending[i];
      if (i + ahead < inputs.length) pending.push(start(i + ahead));
      if ('error' in p) {
        options.onResult?.(i, { error: p.error });
        continue;
      }
      if (options.dryRun || !ds) {
        options.onResult?.(i, { prepared: p.prepared });
        continue;
      }
      try {
        options.onResult?.(i, { prepared: p.prepared, result: await commitImport(ds, p.prepared) });
      } catch (e) {
        options.onResult?.(i, { prepared: p.prepared, error: e as Error });
      }
    }
  } finally {
    if (!options.pool) await pool?.close();
  }
}
