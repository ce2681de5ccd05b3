/**
 * Crash safety: a process importing large lists is killed with SIGKILL at
 * seeded random moments, twenty times, on the backend under test. After each
 * kill the database opens, passes its integrity checks, every list is
 * exactly its previous or its new version — never a mix — and the change log
 * agrees with what is stored.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { backendUnderTest, freshDatabase } from '../helpers/db';
import { importList } from '../../src/db/importer';
import type { DbConfig } from '../../src/db/config';
import { CRASH_DEPARTMENT, CRASH_LISTS, crashItemCount, crashListInput, crashListText } from '../helpers/crashLists';

const KILLS = 20;
const ROOT = path.join(__dirname, '..', '..');

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function configOf(ds: DataSource): DbConfig {
  return ds.options.type === 'postgres' ? { kind: 'postgres', url: String((ds.options as { url?: string }).url) } : { kind: 'sqlite', file: String(ds.options.database) };
}

interface Run {
  committed: [number, number][];
  /** The import under way when the process died (begun, not committed), if any. */
  inFlight: [number, number] | null;
}

/** Starts the child, lets it import for `delayMs` after it is ready, kills it with SIGKILL. */
function runAndKill(config: DbConfig, next: number[], delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'tests', 'helpers', 'crashChild.ts'), JSON.stringify(config), JSON.stringify(next)], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the importer exited by itself (${code}): ${err}`));
      const committed: [number, number][] = [];
      let inFlight: [number, number] | null = null;
      for (const line of out.split('\n')) {
        const m = /^(begin|committed) (\d+) (\d+)$/.exec(line);
        if (!m) continue;
        const at: [number, number] = [Number(m[2]), Number(m[3])];
        if (m[1] === 'begin') inFlight = at;
        else {
          committed.push(at);
          inFlight = null;
        }
      }
      resolve({ committed, inFlight });
    });
  });
}

/** The version each list holds, or a description of what is wrong with it. */
async function storedVersion(ds: DataSource, list: number): Promise<number> {
  const marks = ds.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
  const rows: { id: string; sha256: string; item_count: number | string }[] = await ds.query(`SELECT id, sha256, item_count FROM power_list WHERE department = ${marks[0]}`, [CRASH_DEPARTMENT(list)]);
  expect(rows).toHaveLength(1);
  const items: { legal_basis: string }[] = await ds.query(`SELECT legal_basis FROM item WHERE list_id = ${marks[0]}`, [rows[0].id]);
  const versions = new Set(items.map((i) => /（第(\d+)版）/.exec(i.legal_basis)?.[1]));
  // One version only, all of it, and the list row is that version's.
  expect(versions.size).toBe(1);
  const v = Number([...versions][0]);
  expect(items).toHaveLength(crashItemCount(list, v));
  expect(Number(rows[0].item_count)).toBe(crashItemCount(list, v));
  expect(rows[0].sha256).toBe(crypto.createHash('sha256').update(crashListText(list, v)).digest('hex'));
  return v;
}

async function checkIntegrity(ds: DataSource): Promise<void> {
  const one = async (q: string) => Number(Object.values((await ds.query(q))[0])[0]);
  if (ds.options.type !== 'postgres') {
    expect(await ds.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await ds.query('PRAGMA foreign_key_check')).toEqual([]);
    // The search index, kept by triggers, moved with the items.
    expect(await one('SELECT COUNT(*) FROM item_text')).toBe(await one('SELECT COUNT(*) FROM item'));
  } else {
    // No orphans either way along the foreign keys the importer writes through.
    for (const [child, fk, parent] of [['item', 'list_id', 'power_list'], ['citation', 'item_id', 'item'], ['item_level', 'item_id', 'item'], ['citation', 'article_id', 'article']]) {
      expect(await one(`SELECT COUNT(*) FROM ${child} c WHERE c.${fk} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = c.${fk})`)).toBe(0);
    }
  }
  // Every list's item count is what it holds.
  expect(await one('SELECT COUNT(*) FROM power_list l WHERE l.item_count <> (SELECT COUNT(*) FROM item i WHERE i.list_id = l.id)')).toBe(0);

  // The change log agrees: one revision per entry with no gap, the high-water mark is the last one,
  // and following it (last operation per object) gives exactly the items and lists stored.
  const [log] = await ds.query('SELECT COUNT(*) AS n, MIN(revision) AS lo, MAX(revision) AS hi FROM change');
  const [{ revision }] = await ds.query('SELECT revision FROM sync_state WHERE id = 1');
  expect(Number(log.hi)).toBe(Number(revision));
  expect(Number(log.n)).toBe(Number(log.hi) - Number(log.lo) + 1);
  for (const [type, table] of [['ITEM', 'item'], ['LIST', 'power_list']]) {
    const entries: { entity_id: string; operation: string }[] = await ds.query(`SELECT entity_id, operation FROM change WHERE entity_type = '${type}' ORDER BY revision`);
    const last = new Map<string, string>();
    for (const e of entries) last.set(e.entity_id, e.operation);
    const live = [...last].filter(([, op]) => op === 'UPSERT').map(([id]) => id).sort();
    const stored = ((await ds.query(`SELECT id FROM ${table} ORDER BY id`)) as { id: string }[]).map((r) => r.id).sort();
    expect({ type, live }).toEqual({ type, stored: undefined, live: stored });
  }
}

describe(`SIGKILL during imports (${backendUnderTest()})`, () => {
  jest.setTimeout(600_000);

  it(`leaves every list whole, at its previous or its new version, across ${KILLS} kills`, async () => {
    const ds = await freshDatabase();
    const config = configOf(ds);
    const version: number[] = [];
    try {
      for (let list = 0; list < CRASH_LISTS; list++) {
        await importList(ds, crashListInput(list, 0));
        version.push(0);
      }
      // How long one import takes here: kills are spread over about three of them.
      const t = Date.now();
      await importList(ds, crashListInput(0, 1));
      version[0] = 1;
      const importMs = Date.now() - t;
      await ds.destroy();

      const rnd = prng(20261204);
      let midImport = 0;
      for (let k = 0; k < KILLS; k++) {
        const run = await runAndKill(config, version.map((v) => v + 1), Math.floor(rnd() * 3 * importMs));
        const db = await freshOpen(config);
        try {
          await checkIntegrity(db);
          for (let list = 0; list < CRASH_LISTS; list++) {
            const v = await storedVersion(db, list);
            const committed = Math.max(version[list], ...run.committed.filter(([l]) => l === list).map(([, x]) => x));
            // The kill may land after the commit and before the child said so: then the new version is there.
            const allowed = run.inFlight?.[0] === list ? [committed, run.inFlight[1]] : [committed];
            expect({ list, v, allowed: allowed.includes(v) }).toEqual({ list, v, allowed: true });
            version[list] = v;
          }
        } finally {
          await db.destroy();
        }
        if (run.inFlight) midImport++;
      }
      // The kills landed inside imports, not only between them.
      expect(midImport).toBeGreaterThanOrEqual(KILLS / 2);
    } finally {
      if (ds.isInitialized) await ds.destroy();
    }
  });
});

/** Opens the database as the next process would (running migrations, which must find nothing to do). */
async function freshOpen(config: DbConfig): Promise<DataSource> {
  const { openDatabase } = await import('../../src/db/dataSource');
  return openDatabase(config);
}
