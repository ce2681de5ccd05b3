/**
 * Multi-row INSERT for the importer's bulk writes. TypeORM's insert query
 * builder re-derives and re-escapes every value of every row; for a list of
 * thousands of items and citations that dominated an import. Here the columns
 * come from the entity metadata once, values go through the driver's own
 * conversion (JSON, dates), and each batch is one prepared statement
 * (cached per table and batch size on SQLite).
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

// SQLite allows 32,766 bound parameters, PostgreSQL 65,535; stay well under both.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

interface Plan {
  table: string;
  columns: ColumnMetadata[];
  primary: ColumnMetadata[];
}

const plans = new WeakMap<object, Plan>();

function planFor(em: EntityManager, target: EntityTarget<ObjectLiteral>): Plan {
  const metadata = em.connection.getMetadata(target);
  let plan = plans.get(metadata);
  if (!plan) {
    const seen = new Set<string>();
    // A relation and the plain column behind it share a database column: take it once, from the plain column.
    const columns = metadata.columns
      .filter((c) => c.isInsert && !c.isVirtual)
      .sort((a, b) => Number(!!a.relationMetadata) - Number(!!b.relationMetadata))
      .filter((c) => !seen.has(c.databaseName) && seen.add(c.databaseName));
    plan = { table: metadata.tablePath, columns, primary: metadata.primaryColumns };
    plans.set(metadata, plan);
  }
  return plan;
}

const statements = new WeakMap<object, Map<string, { run: (...params: unknown[]) => unknown }>>();

/** Runs SQL written with `?` placeholders on either backend (PostgreSQL numbers them). */
export function sql<R = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<R[]> {
  let n = 0;
  return em.query(em.connection.options.type === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text, params);
}

/** `?, ?, ?` for an IN list. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A JSON column as read back: PostgreSQL's driver parses it, SQLite gives the text. */
export function jsonValue<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export interface BulkOptions {
  /** Skip rows whose primary key already exists (shared rows such as articles). */
  ignoreExisting?: boolean;
}

export async function bulkInsert<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: T[], options: BulkOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const { table, columns, primary } = planFor(em, target);
  const driver = em.connection.driver;
  const q = (name: string) => driver.escape(name);
  const perBatch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const sqlite = em.connection.options.type === 'better-sqlite3';
  const runner = em.queryRunner;
  // better-sqlite3 is synchronous and the transaction's connection is the only one.
  const raw = sqlite && runner ? (runner as unknown as { databaseConnection: { prepare(sql: string): { run: (...p: unknown[]) => unknown } } }).databaseConnection : null;

  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const params: unknown[] = [];
    for (const row of batch) {
      for (const c of columns) {
        const v = driver.preparePersistentValue(c.getEntityValue(row), c);
        params.push(v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
      }
    }
    let n = 0;
    const tuple = (): string => `(${columns.map(() => (sqlite ? '?' : `$${++n}`)).join(', ')})`;
    const conflict = options.ignoreExisting ? ` ON CONFLICT (${primary.map((c) => q(c.databaseName)).join(', ')}) DO NOTHING` : '';
    const text = `INSERT INTO ${q(table)} (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES ${batch.map(tuple).join(', ')}${conflict}`;
    if (raw) {
      let cache = statements.get(raw);
      if (!cache) statements.set(raw, (cache = new Map()));
      let stmt = cache.get(text);
      if (!stmt) cache.set(text, (stmt = raw.prepare(text)));
      em.connection.logger.logQuery(text, undefined, runner);
      stmt.run(...params);
    } else {
      await em.query(text, params);
    }
  }
}
