/**
 * The read lane: a worker thread, with a database connection of its own, that
 * executes the reads of a client using far more than another present (see
 * OperationGate.heavy). On the main thread such a flood's steps that cannot
 * be split — a statement (on SQLite every one runs on the event loop), a
 * large answer's serialisation, the garbage collection of its half-built
 * answers — each held up whatever a lighter client had just sent, for up to
 * 20–30 ms. In the lane they run beside it, on the other core, in a heap of
 * their own, and the thread runs at a lower priority than the main one. Its
 * reads wait between statements while reads run on the main thread (laneTurn):
 * on PostgreSQL the flood's statements would otherwise take the server's cores
 * from the lighter client's.
 *
 * The worker starts when first needed (until it is ready, reads run on the
 * main thread as before), stops after ten minutes unused, and is started again
 * after a failure, later each time. A read it fails to answer is run on the
 * main thread instead. Writes never go there: the write lock is this process's.
 * A database only this connection sees (SQLite `:memory:`) has no lane.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DbConfig } from '../db/config';
import type { ApolloSettings } from './apollo';
import type { RequestMeta } from './graphqlHttp';

export interface LaneWorkerData {
  db: DbConfig;
  settings: ApolloSettings;
  /** Int32 [0]: reads running on the main thread now; the lane's reads wait at their turns while it is above 0. */
  busy: SharedArrayBuffer;
}

/** Atomics.waitAsync (Node ≥ 16; the compiler's library here predates it). */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

/** Longest one wait of a lane read at a turn (as OperationGate's pauses): a flood still progresses. */
const MAX_PAUSE_MS = 1000;

/**
 * The lane's `turn()` (asked by the loaders before each batch of statements): while reads run on the main thread
 * — lighter clients' — the lane's wait, so that theirs have the cores and, on PostgreSQL, the server's backends.
 */
export function laneTurn(busy: Int32Array): () => Promise<void> | undefined {
  return () => {
    if (Atomics.load(busy, 0) === 0) return undefined;
    const until = performance.now() + MAX_PAUSE_MS;
    return (async () => {
      for (let n = Atomics.load(busy, 0); n > 0; n = Atomics.load(busy, 0)) {
        const left = until - performance.now();
        if (left <= 0) return;
        const w = waitAsync(busy, 0, n, left);
        if (w.async) await w.value;
      }
    })();
  };
}

export interface LaneRequest {
  id: number;
  method: string;
  headers: [string, string][];
  search: string;
  body: unknown;
}

export interface LaneResponse {
  status: number;
  headers: [string, string][];
  /** UTF-8, its buffer transferred. */
  body: Uint8Array;
  meta: RequestMeta;
}

export type LaneReply = { ready: true } | { failed: string } | { log: { message: string; stack?: string } } | ({ id: number } & LaneResponse) | { id: number; error: string };


/** A worker unused this long stops (starting one costs a second or two of CPU: not for every lull). */
const IDLE_MS = 10 * 60_000;
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

export class ReadLane {
  private worker: Worker | null = null;
  private ready = false;
  private readonly pending = new Map<number, { resolve: (r: LaneResponse) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private lastUsed = 0;
  private failures = 0;
  private retryAt = 0;
  private closed = false;
  private readonly idleCheck: NodeJS.Timeout;
  private readonly busy = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly data: Omit<LaneWorkerData, 'busy'>,
    private readonly logError: (e: unknown) => void,
    private readonly idleMs = IDLE_MS,
  ) {
    this.idleCheck = setInterval(() => {
      if (this.ready && this.pending.size === 0 && performance.now() - this.lastUsed > this.idleMs) this.stop();
    }, Math.max(100, this.idleMs / 4));
    this.idleCheck.unref();
  }

  /** Whether reads can go to the lane now; if not, starts its worker (when not starting already, and not closed). */
  available(): boolean {
    if (this.ready) return true;
    if (!this.worker && !this.closed && performance.now() >= this.retryAt) this.spawn();
    return false;
  }

  /**
   * Counts a read running on the main thread until `release()`: the lane's reads wait meanwhile, except while the
   * read itself waits at a turn (`during(wait)`): a flood's read held back there must not hold back the lane too.
   */
  hold(): { during<T>(wait: Promise<T>): Promise<T>; release(): void } {
    let holding = false;
    let waits = 0;
    let done = false;
    const set = (on: boolean) => {
      if (on === holding) return;
      holding = on;
      if (on) Atomics.add(this.busy, 0, 1);
      else {
        Atomics.sub(this.busy, 0, 1);
        Atomics.notify(this.busy, 0);
      }
    };
    set(true);
    return {
      during: (wait) => {
        waits++;
        set(false);
        // A turn may end after its operation has (one failing leaves another's turn behind): not held again then.
        return wait.finally(() => set(--waits === 0 && !done));
      },
      release: () => {
        done = true;
        set(false);
      },
    };
  }

  /** Starts the worker now rather than when first needed (a server's start-up: its first flood finds it ready). */
  start(): void {
    this.available();
  }

  /** Whether the worker is up. */
  get running(): boolean {
    return this.ready;
  }

  /** Executes a read in the worker (call only when available()); rejects if the worker fails first. */
  execute(request: Omit<LaneRequest, 'id'>): Promise<LaneResponse> {
    const worker = this.worker;
    if (!this.ready || !worker) return Promise.reject(new Error('the read lane is not running'));
    const id = ++this.nextId;
    this.lastUsed = performance.now();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies LaneRequest);
    });
  }

  /** Stops the worker for good. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.idleCheck);
    const w = this.worker;
    if (!w) return;
    const exited = new Promise((r) => w.once('exit', r));
    this.stop();
    await exited;
  }

  private spawn(): void {
    // Compiled, the worker is a .js file beside this one; under ts-node or jest it is .ts and needs ts-node's hook.
    const ext = path.extname(__filename);
    const w = new Worker(path.join(__dirname, `readLaneWorker${ext}`), { workerData: { ...this.data, busy: this.busy.buffer } satisfies LaneWorkerData, execArgv: ext === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [] });
    // An idle lane never keeps the process alive.
    w.unref();
    this.worker = w;
    w.on('message', (m: LaneReply) => {
      if ('ready' in m) {
        this.ready = true;
        this.failures = 0;
        this.lastUsed = performance.now();
      } else if ('failed' in m) this.fail(w, new Error(`the read lane's worker could not start: ${m.failed}`));
      else if ('log' in m) this.logError(Object.assign(new Error(m.log.message), { stack: m.log.stack }));
      else {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if ('error' in m) p.reject(new Error(m.error));
        else p.resolve(m);
      }
    });
    w.on('error', (e) => this.fail(w, e));
    w.on('exit', (code) => this.fail(w, new Error(`the read lane's worker exited (code ${code})`)));
  }

  /** Asks the worker to close its connection and end (if it has not within 5 s, it is terminated). */
  private stop(): void {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    this.ready = false;
    this.rejectPending(new Error('the read lane stopped'));
    w.postMessage('close');
    setTimeout(() => void w.terminate(), 5000).unref();
  }

  private fail(w: Worker, e: Error): void {
    if (this.worker !== w) return; // stopped on purpose
    this.worker = null;
    this.ready = false;
    this.rejectPending(e);
    void w.terminate();
    if (this.closed) return;
    this.logError(e);
    this.retryAt = performance.now() + Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** this.failures++);
  }

  private rejectPending(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
