import path from 'node:path';

/** Which database to use, read from DATABASE_URL. */
export type DbConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');
export const DEFAULT_SQLITE_FILE = path.join(PROJECT_ROOT, 'data', 'quanze.sqlite');

/**
 * DATABASE_URL forms: unset → data/quanze.sqlite; postgres://… or postgresql://…
 * → PostgreSQL; sqlite:<path>, sqlite://<path>, file:<path> or a bare path → that
 * SQLite file (":memory:" works too).
 */
export function parseDatabaseUrl(url: string | undefined): DbConfig {
  const u = url?.trim();
  if (!u) return { kind: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//i.test(u)) return { kind: 'postgres', url: u };
  const m = /^(?:sqlite:(?:\/\/)?|file:)(.*)$/i.exec(u);
  const file = m ? m[1] : u;
  if (!file) throw new Error(`DATABASE_URL names no SQLite file: ${u}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new Error(`unsupported DATABASE_URL scheme: ${u}`);
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}

/**
 * Settings of every PostgreSQL session the service opens. JIT compiles a plan for seconds to save
 * milliseconds; parallel workers cost more to start than they save on an API's statements, and
 * under concurrent requests they take the cores other requests need (a search count: 24 ms with a
 * worker, 6 ms without).
 */
export const PG_SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';
