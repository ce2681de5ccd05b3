/**
 * Reads for the API, straight to the driver.
 *
 * TypeORM's query runner costs about three times the driver's own work for a
 * short statement (PostgreSQL: 170 µs of Node CPU against 64 µs for the same
 * `pg` pool query; `find` adds query building on top, 260 µs), and an API
 * page is a handful of short statements. Reads here skip the runner and the
 * query builder: the SQL is written once per entity from TypeORM's metadata,
 * values are hydrated by the driver's own conversion (JSON, dates), and the
 * statements still reach the DataSource's logger, so statement counts in
 * tests stay true. Writes never come here: they keep TypeORM's transactions.
 */
import crypto from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Prepared SQLite statements by SQL text, per connection; bounded (IN lists of many lengths make many texts). */
const STATEMENT_CACHE_SIZE = 500;
const statements = new WeakMap<object, Map<string, SqliteStatement>>();

function sqliteStatement(db: SqliteConnection, text: string): SqliteStatement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (stmt) {
    // Most recently used last: the first key is the one to evict.
    cache.delete(text);
  } else {
    stmt = db.prepare(text);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(text, stmt);
  return stmt;
}

/**
 * A list of values bound to one `IN (?*)` in a statement: PostgreSQL gets
 * `= ANY($n)` with one array parameter, so the text — and the plan
 * PostgreSQL prepared for it — is the same for one ID or a hundred; SQLite
 * gets one mark per value (its statements cost little to prepare, and they
 * are cached by text).
 */
export class ValueList {
  constructor(readonly values: readonly unknown[]) {}
}

export const valueList = (values: readonly unknown[]): ValueList => new ValueList(values);

const LIST_MARK = 'IN (?*)';

interface PgStatement {
  text: string;
  name: string | undefined;
}

/** PostgreSQL text and statement name for a text with `?` and `IN (?*)` marks, once per distinct text. */
const pgStatements = new Map<string, PgStatement>();
function pgStatement(text: string, numbered: boolean): PgStatement {
  let st = pgStatements.get(text);
  if (!st) {
    let n = 0;
    const t = numbered ? text : text.replace(/IN \(\?\*\)|\?/g, (m) => (m === '?' ? `$${++n}` : `= ANY($${++n})`));
    // Named: each pooled connection parses and plans it once. Planning was most of a short statement's cost
    // (0.5–2.5 ms against under 1 ms of execution for a page of items).
    // Texts from TypeORM's query builder (`numbered`) spell out IN lists value by value: too many shapes to prepare.
    st = { text: t, name: numbered ? undefined : `q_${crypto.createHash('sha1').update(t).digest('base64url').slice(0, 20)}` };
    if (pgStatements.size >= STATEMENT_CACHE_SIZE) pgStatements.delete(pgStatements.keys().next().value as string);
    pgStatements.set(text, st);
  }
  return st;
}

/** SQLite text and flat parameters: each `IN (?*)` gets as many marks as its list has values. */
function sqliteStatementText(text: string, params: readonly unknown[]): { text: string; params: unknown[] } {
  if (!params.some((p) => p instanceof ValueList)) return { text, params: params as unknown[] };
  const flat: unknown[] = [];
  let k = 0;
  const t = text.replace(/IN \(\?\*\)|\?/g, (m) => {
    const p = params[k++];
    if (m === '?') {
      flat.push(p);
      return m;
    }
    const values = (p as ValueList).values;
    flat.push(...values);
    return values.length ? `IN (${values.map(() => '?').join(', ')})` : 'IN (NULL)';
  });
  return { text: t, params: flat };
}

/**
 * Runs a read written with `?` marks (and `IN (?*)` for a ValueList) on
 * either backend, outside any transaction, and returns the rows as the
 * driver gives them.
 */
export async function readSql<R = Record<string, unknown>>(ds: DataSource, text: string, params: readonly unknown[] = [], options: { numbered?: boolean } = {}): Promise<R[]> {
  const driver = ds.driver as unknown as { master?: PgPool; databaseConnection?: SqliteConnection };
  if (ds.options.type === 'postgres') {
    // `numbered`: the text already has PostgreSQL's $1 marks (TypeORM's query builder wrote it).
    const st = pgStatement(text, options.numbered ?? false);
    const values = params.map((p) => (p instanceof ValueList ? p.values : p));
    ds.logger.logQuery(st.text, values);
    try {
      return (await driver.master!.query({ name: st.name, text: st.text, values })).rows as R[];
    } catch (e) {
      throw failed(ds, st.text, values, e);
    }
  }
  const st = sqliteStatementText(text, params);
  ds.logger.logQuery(st.text, st.params);
  if (!driver.databaseConnection) throw new Error('The database connection is not open');
  try {
    return sqliteStatement(driver.databaseConnection, st.text).all(...st.params) as R[];
  } catch (e) {
    throw failed(ds, st.text, st.params, e);
  }
}

/** A driver error as TypeORM's runner gives it: a QueryFailedError with the driver's message, logged. */
function failed(ds: DataSource, text: string, params: readonly unknown[], e: unknown): QueryFailedError {
  // Not `instanceof Error`: better-sqlite3's errors may come from another realm (jest's module registry).
  ds.logger.logQueryError(String((e as { message?: unknown } | null)?.message ?? e), text, params as unknown[]);
  return new QueryFailedError(text, params as unknown[], e as Error);
}

/**
 * Typed reads of one entity: rows hydrated into instances, as `find` would
 * give them, with only the columns asked for (an item's `fields` is 2 KB of
 * JSON that most pages never show).
 */
export class EntityReader<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly select: string;
  private readonly table: string;
  private readonly make: () => T;

  constructor(
    private readonly ds: DataSource,
    target: EntityTarget<T>,
    options: { omit?: (keyof T & string)[] } = {},
  ) {
    const metadata = ds.getMetadata(target);
    const seen = new Set<string>();
    // A relation's join column is the plain column's (listId / list): TypeORM lists it once, under the plain property.
    this.columns = metadata.columns
      .filter((c) => !c.isVirtual && !options.omit?.includes(c.propertyName as keyof T & string))
      .filter((c) => !seen.has(c.databaseName) && seen.add(c.databaseName));
    const q = (name: string) => ds.driver.escape(name);
    this.select = this.columns.map((c) => `t.${q(c.databaseName)}`).join(', ');
    this.table = `${q(metadata.tablePath)} t`;
    this.make = () => metadata.create() as T;
  }

  /** The SELECT list, table aliased `t`, for callers that add their own conditions. */
  get from(): string {
    return `SELECT ${this.select} FROM ${this.table}`;
  }

  /** The columns (`t."id", t."name", …`) and the table (`"item" t`), for a statement that joins the rows in. */
  get parts(): { columns: string; table: string } {
    return { columns: this.select, table: this.table };
  }

  hydrate(row: Record<string, unknown>): T {
    const e = this.make();
    const driver = this.ds.driver;
    for (const c of this.columns) (e as Record<string, unknown>)[c.propertyName] = driver.prepareHydratedValue(row[c.databaseName], c);
    return e;
  }

  /** Rows where `column` is one of `values` (column as written in SQL, aliased `t`), in `order`. */
  async where(column: string, values: readonly unknown[], order?: string): Promise<T[]> {
    if (!values.length) return [];
    const rows = await readSql<Record<string, unknown>>(this.ds, `${this.from} WHERE ${column} ${LIST_MARK}${order ? ` ORDER BY ${order}` : ''}`, [valueList(values)]);
    return rows.map((r) => this.hydrate(r));
  }

  /** Rows of a whole statement of the caller's (its SELECT list must be `from`'s). */
  async query(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await readSql<Record<string, unknown>>(this.ds, text, params)).map((r) => this.hydrate(r));
  }
}
