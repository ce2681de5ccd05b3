import path from 'node:path';
import { DEFAULT_SQLITE_FILE, parseDatabaseUrl, PROJECT_ROOT } from '../../src/db/config';
import { SQLITE_PAGE_SIZE } from '../../src/db/dataSource';
import { freshDatabase } from '../helpers/db';

describe('DATABASE_URL', () => {
  it('defaults to data/quanze.sqlite in the project', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', file: DEFAULT_SQLITE_FILE });
    expect(parseDatabaseUrl('  ')).toEqual({ kind: 'sqlite', file: DEFAULT_SQLITE_FILE });
    expect(DEFAULT_SQLITE_FILE).toBe(path.join(PROJECT_ROOT, 'data', 'quanze.sqlite'));
  });

  it('reads PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(parseDatabaseUrl('postgresql://u:p@db/x').kind).toBe('postgres');
  });

  it('reads SQLite paths in every form', () => {
    expect(parseDatabaseUrl('/var/lib/q.sqlite')).toEqual({ kind: 'sqlite', file: '/var/lib/q.sqlite' });
    expect(parseDatabaseUrl('sqlite:/tmp/a.db')).toEqual({ kind: 'sqlite', file: '/tmp/a.db' });
    expect(parseDatabaseUrl('sqlite:///tmp/a.db')).toEqual({ kind: 'sqlite', file: '/tmp/a.db' });
    expect(parseDatabaseUrl('file:rel/a.db')).toEqual({ kind: 'sqlite', file: path.resolve('rel/a.db') });
    expect(parseDatabaseUrl(':memory:')).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('refuses what it cannot serve', () => {
    expect(() => parseDatabaseUrl('mysql://root@localhost/x')).toThrow(/unsupported DATABASE_URL/);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/names no SQLite file/);
  });
});

describe('the SQLite database', () => {
  it('runs in WAL mode with foreign keys enforced, on pages an item row fits in', async () => {
    const ds = await freshDatabase('sqlite');
    try {
      expect((await ds.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
      expect((await ds.query('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
      expect((await ds.query('PRAGMA page_size'))[0].page_size).toBe(SQLITE_PAGE_SIZE);
    } finally {
      await ds.destroy();
    }
  });
});
