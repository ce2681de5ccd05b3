/**
 * The revision feed: every write to lists, items, statutes and articles is
 * logged as (revision, entity type, ID, UPSERT | DELETE, time), one revision
 * per entry, in one sequence.
 *
 * Exactly once for a client that keeps its last revision rests on one rule:
 * entries commit in revision order. Writes therefore run one at a time — a
 * mutex in this process, and on PostgreSQL a transaction-scoped advisory
 * lock for other processes (SQLite allows one writer anyway) — and take
 * their revisions inside that.
 */
import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OperationGate } from '../server/gate';
import { Change, type ChangeEntityType, type ChangeOperation } from './entities/Change';
import { bulkInsert, sql } from './bulk';

export interface ChangeEntry {
  type: ChangeEntityType;
  id: string;
  op: ChangeOperation;
}

/** Any 64-bit key, the same in every process of this service. */
const WRITE_LOCK_KEY = 7_301_425_511;

const writers = new WeakMap<DataSource, OperationGate>();

/**
 * Runs `fn` in a transaction that no other write of this database runs
 * beside: imports of the same list serialise, neither is lost, and
 * revisions commit in order.
 */
export async function writeTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  let gate = writers.get(ds);
  if (!gate) writers.set(ds, (gate = new OperationGate(1)));
  return gate.run(() =>
    ds.transaction(async (em) => {
      if (ds.options.type === 'postgres') await em.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      return fn(em);
    }),
  );
}

/** Logs entries under the next revisions; call inside writeTransaction. Returns the last revision given (or the current one). */
export async function recordChanges(em: EntityManager, entries: readonly ChangeEntry[], at: Date = new Date()): Promise<number> {
  if (!entries.length) return currentRevisionIn(em);
  await sql(em, 'UPDATE sync_state SET revision = revision + ? WHERE id = 1', [entries.length]);
  const last = await currentRevisionIn(em);
  const first = last - entries.length + 1;
  await bulkInsert(
    em,
    Change,
    entries.map((e, i) => Object.assign(new Change(), { revision: first + i, entityType: e.type, entityId: e.id, operation: e.op, changedAt: at })),
  );
  return last;
}

async function currentRevisionIn(em: EntityManager): Promise<number> {
  const [r] = await sql<{ revision: number | string }>(em, 'SELECT revision FROM sync_state WHERE id = 1');
  return Number(r.revision);
}

export interface SyncPosition {
  /** The high-water mark: the revision of the last change. */
  revision: number;
  /** Entries up to this revision were compacted away (0: none). */
  compactedThrough: number;
}

export async function syncPosition(em: EntityManager): Promise<SyncPosition> {
  const [r] = await sql<{ revision: number | string; compacted_through: number | string }>(em, 'SELECT revision, compacted_through FROM sync_state WHERE id = 1');
  return { revision: Number(r.revision), compactedThrough: Number(r.compacted_through) };
}

/**
 * Removes entries older than `before`, except the last revision's (the feed
 * keeps its high-water mark readable). A client whose revision is below the
 * new `compactedThrough` is told to take a fresh snapshot.
 */
export async function compactChanges(ds: DataSource, before: Date): Promise<{ removed: number; compactedThrough: number }> {
  return writeTransaction(ds, async (em) => {
    const pos = await syncPosition(em);
    // As each driver stores a timestamp: SQLite as UTC text, PostgreSQL from the Date.
    const at = ds.options.type === 'postgres' ? before : before.toISOString().replace('T', ' ').replace('Z', '');
    const [r] = await sql<{ last: number | string | null; n: number | string }>(em, 'SELECT MAX(revision) AS last, COUNT(*) AS n FROM change WHERE changed_at < ? AND revision < ?', [at, pos.revision]);
    const last = r.last == null ? null : Number(r.last);
    if (last == null || last <= pos.compactedThrough) return { removed: 0, compactedThrough: pos.compactedThrough };
    await sql(em, 'DELETE FROM change WHERE revision <= ?', [last]);
    await sql(em, 'UPDATE sync_state SET compacted_through = ? WHERE id = 1', [last]);
    return { removed: Number(r.n), compactedThrough: last };
  });
}

/** A stable digest of stored values (JSON of them, in the order given). */
export function contentDigest(values: unknown): string {
  return crypto.createHash('sha1').update(JSON.stringify(values)).digest('hex');
}
