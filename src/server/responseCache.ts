/**
 * The server-side response cache and the data revision it is keyed by.
 * Pure in-memory structures; the HTTP handler decides what goes in.
 */

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
  etag: string;
}

/** Least-recently-used map bounded by the bytes of the bodies and keys it holds. */
export class ResponseCache {
  private entries = new Map<string, { value: CachedResponse; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recent.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: CachedResponse): void {
    const bytes = Buffer.byteLength(value.body) + Buffer.byteLength(key);
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.total -= e.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/**
 * The data revision, read from the database at most once per `intervalMs`
 * (concurrent requests share one read), and at once after `invalidate()`.
 * In-process imports call `invalidate()`; the interval bounds how long an
 * import by another process (the ingest CLI) can go unseen.
 */
export class RevisionTracker {
  private value: Promise<string> | null = null;
  private readAt = 0;
  private last: string | null = null;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly intervalMs: number,
    private readonly onChange: (revision: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<string> {
    const t = this.now();
    if (!this.value || t - this.readAt >= this.intervalMs) {
      this.readAt = t;
      const p = this.read().then((rev) => {
        if (this.last !== null && rev !== this.last) this.onChange(rev);
        this.last = rev;
        return rev;
      });
      // A failed read is not kept: the next request reads again.
      p.catch(() => {
        if (this.value === p) this.value = null;
      });
      this.value = p;
    }
    return this.value;
  }

  invalidate(): void {
    this.value = null;
  }
}
