import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase, type DataSourceOptions } from '../../src/db/dataSource';
import { parseDatabaseUrl, type DbConfig } from '../../src/db/config';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The backend this test run targets: PostgreSQL when DATABASE_URL says so, else a fresh SQLite file. */
export function backendUnderTest(): 'sqlite' | 'postgres' {
  return parseDatabaseUrl(process.env.DATABASE_URL).kind;
}

let counter = 0;
function tempSqlite(): DbConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-test-'));
  return { kind: 'sqlite', file: path.join(dir, `t${++counter}.sqlite`) };
}

/** Empties the PostgreSQL schema so migrations start from nothing. Tests run in band, so this is safe. */
export async function resetPostgres(url: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  try {
    await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
    await ds.query('CREATE SCHEMA public');
  } finally {
    await ds.destroy();
  }
}

/** A migrated, empty database on the given backend (default: the one under test). */
export async function freshDatabase(kind: 'sqlite' | 'postgres' = backendUnderTest(), options?: DataSourceOptions): Promise<DataSource> {
  if (kind === 'postgres') {
    const env = parseDatabaseUrl(process.env.DATABASE_URL);
    const url = env.kind === 'postgres' ? env.url : PG_URL;
    await resetPostgres(url);
    return openDatabase({ kind: 'postgres', url }, options);
  }
  return openDatabase(tempSqlite(), options);
}
