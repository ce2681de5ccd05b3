import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming';
import { PG_SESSION_OPTIONS, parseDatabaseUrl, type DbConfig } from './config';
import { syncJurisdictions } from './jurisdictions';
import { SQLITE_MIGRATIONS } from '../../migrations/sqlite';
import { POSTGRES_MIGRATIONS } from '../../migrations/postgres';

export const SQLITE_PAGE_SIZE = 16384;

export interface DataSourceOptions {
  /** Receives every SQL statement (used to count statements in tests and benchmarks). */
  logger?: Logger;
}

/**
 * The one place a DataSource is built. Schema comes only from the migrations
 * of the backend in use; `synchronize` is never on.
 */
export function createDataSource(config: DbConfig = parseDatabaseUrl(process.env.DATABASE_URL), options: DataSourceOptions = {}): DataSource {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logger: options.logger,
    logging: options.logger ? (['query', 'error'] as ('query' | 'error')[]) : (['error'] as 'error'[]),
  };
  if (config.kind === 'postgres') {
    return new DataSource({ ...common, type: 'postgres', url: config.url, migrations: POSTGRES_MIGRATIONS, extra: { options: PG_SESSION_OPTIONS } });
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: config.file,
    enableWAL: config.file !== ':memory:',
    // In WAL mode NORMAL cannot corrupt the database; it skips the fsync per commit
    // (a power cut may lose the last commits, which the next nightly import redoes).
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      // Takes effect only on a new file. An item row (every cell as written and as
      // cleaned) is ~6 KB: on 4 KB pages it spills into overflow pages; on 16 KB it
      // does not (bench:ingest, +5–10%).
      db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      db.pragma('wal_autocheckpoint = 10000');
    },
    migrations: SQLITE_MIGRATIONS,
  });
}

/** Opens the database and brings its schema and its administrative tree up to date. */
export async function openDatabase(config?: DbConfig, options?: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(config, options);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await syncJurisdictions(ds);
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}

export function isPostgres(ds: DataSource): boolean {
  return ds.options.type === 'postgres';
}

/** How a second connection opens the database `ds` is on; null when none can (SQLite in memory). */
export function sharedConfigOf(ds: DataSource): DbConfig | null {
  const o = ds.options as { type: string; database?: unknown; url?: unknown };
  if (o.type === 'postgres' && typeof o.url === 'string') return { kind: 'postgres', url: o.url };
  if (o.type === 'better-sqlite3' && typeof o.database === 'string' && o.database !== ':memory:' && o.database !== '') return { kind: 'sqlite', file: o.database };
  return null;
}
