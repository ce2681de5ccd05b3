/**
 * Multi-row INSERT for the importer's bulk writes. TypeORM's insert query
 * builder re-derives and re-escapes every value of every row; for a list of
 * thousands of items and citations that dominated an import. Here the columns
 * come from the entity metadata once, values go through the driver's own
 * conversion (JSON, dates), and each batch is one statement.
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
    // The query runner keeps prepared statements (TypeORM's statement cache), so repeated batch shapes are not re-parsed.
    await em.query(text, params);
  }
}
