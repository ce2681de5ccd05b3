/**
 * Bulk export: every row of a kind (or, with `since`, every row changed
 * after a revision, deletions as tombstones) as plain objects, read in
 * batches of BATCH rows by key from one consistent snapshot — memory stays
 * flat whatever the size of the data, and the whole file is as of one
 * revision, the one it says.
 *
 * The snapshot: on PostgreSQL a REPEATABLE READ, READ ONLY transaction on a
 * connection of its own; on SQLite a read transaction on a second, read-only
 * connection to the file (WAL lets it read beside the writer). An in-memory
 * SQLite database has no second connection: its export reads batch by
 * batch without one.
 */
import Database from 'better-sqlite3';
import type { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { EntityReader } from './reader';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from './entities';
import type { ChangeEntityType } from './entities/Change';
import { jsonValue } from './bulk';

export const EXPORT_KINDS = ['items', 'lists', 'statutes', 'articles', 'jurisdictions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const BATCH = 500;

/** The change-log type of each kind (jurisdictions come from the gazetteer and are not logged). */
const LOGGED: Record<ExportKind, ChangeEntityType | null> = { items: 'ITEM', lists: 'LIST', statutes: 'STATUTE', articles: 'ARTICLE', jurisdictions: null };
const TABLE: Record<ExportKind, string> = { items: 'item', lists: 'power_list', statutes: 'statute', articles: 'article', jurisdictions: 'jurisdiction' };
const KEY: Record<ExportKind, string> = { items: 'id', lists: 'id', statutes: 'id', articles: 'id', jurisdictions: 'code' };

export class ExportError extends Error {
  constructor(
    message: string,
    readonly code: 'SNAPSHOT_REQUIRED' | 'BAD_REQUEST',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Reads with `?` marks inside the export's snapshot. */
interface Snapshot {
  all(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function openSnapshot(ds: DataSource): Promise<Snapshot> {
  if (ds.options.type === 'postgres') {
    const runner: QueryRunner = ds.createQueryRunner();
    await runner.connect();
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return {
      all: (text, params) => {
        let n = 0;
        return runner.query(text.replace(/\?/g, () => `$${++n}`), params);
      },
      close: async () => {
        try {
          await runner.query('ROLLBACK');
        } finally {
          await runner.release();
        }
      },
    };
  }
  const file = String(ds.options.database);
  if (file === ':memory:') {
    const conn = (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    return { all: async (text, params) => conn.prepare(text).all(...params) as Record<string, unknown>[], close: async () => {} };
  }
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.prepare('BEGIN').run();
  return {
    all: async (text, params) => conn.prepare(text).all(...params) as Record<string, unknown>[],
    close: async () => {
      try {
        conn.prepare('ROLLBACK').run();
      } finally {
        conn.close();
      }
    },
  };
}

export interface Export {
  /** The revision the export is consistent at. */
  revision: number;
  rows: AsyncGenerator<Record<string, unknown>>;
}

/**
 * Opens an export. The snapshot is taken here (its revision is known before
 * the first row); it is released when `rows` ends or is returned early.
 */
export async function openExport(ds: DataSource, kind: ExportKind, since?: number | null): Promise<Export> {
  if (!EXPORT_KINDS.includes(kind)) throw new ExportError(`no export of "${kind}": one of ${EXPORT_KINDS.join(', ')}`, 'BAD_REQUEST');
  if (since != null && (!Number.isInteger(since) || since < 0)) throw new ExportError(`since must be a revision (a whole number ≥ 0), got ${since}`, 'BAD_REQUEST');
  const snap = await openSnapshot(ds);
  try {
    const [state] = await snap.all('SELECT revision, compacted_through FROM sync_state WHERE id = 1', []);
    const revision = Number(state.revision);
    const compactedThrough = Number(state.compacted_through);
    if (since != null && since < compactedThrough) {
      throw new ExportError(
        `changes after revision ${since} are no longer kept (the log was compacted through revision ${compactedThrough}): take a full export, without since`,
        'SNAPSHOT_REQUIRED',
        { since, compactedThrough, revision },
      );
    }
    if (since != null && LOGGED[kind] === null) throw new ExportError(`${kind} are not in the change log: export them whole, without since`, 'BAD_REQUEST');
    return { revision, rows: generate(ds, snap, kind, since ?? null) };
  } catch (e) {
    await snap.close();
    throw e;
  }
}

async function* generate(ds: DataSource, snap: Snapshot, kind: ExportKind, since: number | null): AsyncGenerator<Record<string, unknown>> {
  const table = TABLE[kind];
  const key = KEY[kind];
  try {
    let last = '';
    for (;;) {
      // The keys of the next batch: every row, or the rows the log names after `since` (deleted ones too).
      const keys =
        since === null
          ? (await snap.all(`SELECT ${key} AS k FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ${BATCH}`, [last])).map((r) => String(r.k))
          : (await snap.all(`SELECT DISTINCT entity_id AS k FROM change WHERE entity_type = ? AND revision > ? AND entity_id > ? ORDER BY entity_id LIMIT ${BATCH}`, [LOGGED[kind], since, last])).map((r) => String(r.k));
      if (!keys.length) return;
      last = keys[keys.length - 1];
      const rows = await readBatch(ds, snap, kind, keys);
      for (const k of keys) {
        const row = rows.get(k);
        // In the snapshot and not in its table: deleted after `since`.
        yield row ?? { id: k, deleted: true };
      }
    }
  } finally {
    await snap.close();
  }
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

type Reader = EntityReader<ObjectLiteral>;
const readerCache = new WeakMap<DataSource, Map<Function, Reader>>();

/** Rows hydrated as the entities (dates as Date, JSON parsed), from the snapshot's raw rows. */
function readerFor(ds: DataSource, entity: Function): Reader {
  let m = readerCache.get(ds);
  if (!m) readerCache.set(ds, (m = new Map()));
  let r = m.get(entity);
  if (!r) m.set(entity, (r = new EntityReader(ds, entity as EntityTarget<ObjectLiteral>)));
  return r;
}

function hydrate(ds: DataSource, entity: Function, row: Record<string, unknown>): Record<string, unknown> {
  const e = { ...readerFor(ds, entity).hydrate(row) } as Record<string, unknown>;
  // SQLite gives JSON columns back as text.
  for (const [k, v] of Object.entries(e)) if (typeof v === 'string' && JSON_COLUMNS.has(k) && (v.startsWith('[') || v.startsWith('{'))) e[k] = jsonValue(v);
  return e;
}
const JSON_COLUMNS = new Set(['fields', 'sourceLines', 'powerTypes', 'warnings', 'report', 'aliases', 'documentNumbers', 'duties', 'responsibilities']);

/** The rows of `keys`, each as the export writes it, by key. */
async function readBatch(ds: DataSource, snap: Snapshot, kind: ExportKind, keys: string[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const inKeys = `IN (${marks(keys.length)})`;
  const simple: Partial<Record<ExportKind, Function>> = { jurisdictions: Jurisdiction, statutes: Statute, articles: Article, lists: PowerList };
  const entity = simple[kind];
  if (entity) {
    for (const r of await snap.all(`SELECT * FROM ${TABLE[kind]} WHERE ${KEY[kind]} ${inKeys}`, keys)) out.set(String(r[KEY[kind]]), hydrate(ds, entity, r));
    return out;
  }
  const levels = new Map<string, unknown[]>();
  const citations = new Map<string, unknown[]>();
  for (const r of await snap.all(`SELECT * FROM item_level WHERE item_id ${inKeys} ORDER BY item_id, position`, keys)) {
    const { itemId, ...lv } = hydrate(ds, ItemLevel, r);
    (levels.get(String(itemId)) ?? levels.set(String(itemId), []).get(String(itemId))!).push(lv);
  }
  for (const r of await snap.all(`SELECT * FROM citation WHERE item_id ${inKeys} ORDER BY item_id, position`, keys)) {
    // The item's place and order are the item's, not repeated per citation.
    const { itemId, jurisdictionCode: _j, listId: _l, itemPosition: _p, ...c } = hydrate(ds, Citation, r);
    (citations.get(String(itemId)) ?? citations.set(String(itemId), []).get(String(itemId))!).push(c);
  }
  for (const r of await snap.all(`SELECT * FROM item WHERE id ${inKeys}`, keys)) {
    const { contentHash: _h, ...it } = hydrate(ds, Item, r);
    out.set(String(it.id), { ...it, levels: levels.get(String(it.id)) ?? [], citations: citations.get(String(it.id)) ?? [] });
  }
  return out;
}
