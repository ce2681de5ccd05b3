/**
 * Our API against its peers, over HTTP with autocannon (issue 6): the five
 * representative queries of ./queries.ts on the national corpus, SQLite and
 * PostgreSQL, each server in its own child process, one at a time:
 *
 * - ours, uncached (DataLoaders on, response cache off)
 * - ours, cached (response cache on, warmed)
 * - ours, naive (DataLoaders off, uncached): the baseline
 * - bare: node:http answering with the bytes ours gave: the ceiling
 * - PostGraphile 5 on the same PostgreSQL tables (PostgreSQL only)
 *
 * Run: npm run bench:api [-- --duration 10 --warmup 3 --connections 50
 *   --backends sqlite,postgres --queries jurisdiction,item,article,search,comparison
 *   --servers uncached,cached,naive,bare,postgraphile --dry-run]
 * PostgreSQL is BENCH_DATABASE_URL (as bench/nationalDb.ts). --dry-run prints
 * the section instead of writing it into BENCHMARKS.md.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DbConfig } from '../../src/db/config';
import { openNational, type NationalCounts } from '../nationalDb';
import { machine, mdTable, writeSection } from '../report';
import type { Captured } from './bare';
import { QUERIES, pickValues, sameDigest, type BenchQuery, type Values } from './queries';
import type { ServerSpec } from './server';

type Backend = 'sqlite' | 'postgres';
type ServerName = 'uncached' | 'cached' | 'naive' | 'bare' | 'postgraphile';
const SERVERS: ServerName[] = ['uncached', 'cached', 'naive', 'bare', 'postgraphile'];
const LABEL: Record<ServerName, string> = {
  uncached: 'ours, uncached',
  cached: 'ours, cached',
  naive: 'ours, naive (no DataLoaders)',
  bare: 'bare node:http (ceiling)',
  postgraphile: 'PostGraphile 5',
};
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

interface Cell {
  backend: Backend;
  server: ServerName;
  query: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, bodies with `errors`, socket errors and timeouts. */
  errors: number;
  bytes: number;
}

// ---- child processes ----------------------------------------------------

const children = new Set<ChildProcess>();

function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

interface Running {
  url: string;
  stop: () => Promise<void>;
  /** The server process, for what /proc says of it. */
  pid: number;
  /** The child's exit status (if it died) and the tail of its stderr, for error messages. */
  diagnose: () => string;
}

/** The node flags of `npm start`, so that our servers run as users run them. */
export const START_FLAGS: string[] = (require('../../package.json') as { scripts: { start: string } }).scripts.start.split(/\s+/).filter((a) => a.startsWith('--'));

/** Starts a server in its own node process; resolves once it listens and answers its health check. */
export async function startServer(spec: ServerSpec, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [...(spec.kind === 'ours' ? START_FLAGS : []), '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'server.ts'), JSON.stringify(spec)], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, NODE_ENV: 'production', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.kind} did not start within 180 s\n${stderr}`)), 180_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind} exited with ${code} before listening\n${stderr}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`${spec.kind}: health check answered ${health.status}`);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  };
  const diagnose = () => `${child.exitCode !== null || child.signalCode ? `the server exited (${child.exitCode ?? child.signalCode}); ` : ''}its stderr: ${stderr.trim() || '(empty)'}`;
  return { url, stop, diagnose, pid: child.pid! };
}

// ---- requests -----------------------------------------------------------

interface Answer {
  status: number;
  contentType: string;
  bytes: Buffer;
  json: any;
}

export async function post(url: string, body: string): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: any = null;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    /* reported below as not JSON */
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes, json };
}

/** One request, checked: 200, JSON, data and no errors. */
async function checked(url: string, server: string, q: BenchQuery, body: string): Promise<Answer> {
  const a = await post(url, body);
  if (a.status !== 200 || !a.json?.data || a.json.errors) {
    throw new Error(`${server} / ${q.name}: HTTP ${a.status}: ${a.bytes.toString('utf8').slice(0, 600)}`);
  }
  return a;
}

/**
 * Waits until the requests autocannon abandoned at the end of a run are done:
 * the server keeps working on them, and that work must not fall into the next
 * cell. A request sent now queues behind them (pool and event loop are FIFO).
 */
async function drain(url: string, body: string): Promise<void> {
  await post(url, body);
}

async function load(url: string, body: string, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: HEADERS,
    body,
    connections,
    duration,
    // A 200 can still carry GraphQL errors: those count as mismatches.
    verifyBody: (b: string) => !b.includes('"errors":['),
  } as autocannon.Options);
}

// ---- the run ------------------------------------------------------------

interface Args {
  duration: number;
  warmup: number;
  connections: number;
  backends: Backend[];
  queries: BenchQuery[];
  servers: ServerName[];
  dryRun: boolean;
}

function args(): Args {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      backends: { type: 'string', default: 'sqlite,postgres' },
      queries: { type: 'string', default: QUERIES.map((q) => q.name).join(',') },
      servers: { type: 'string', default: SERVERS.join(',') },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const pick = <T>(list: string, all: T[], key: (t: T) => string): T[] => list.split(',').map((n) => {
    const hit = all.find((t) => key(t) === n.trim());
    if (!hit) throw new Error(`unknown name: ${n} (known: ${all.map(key).join(', ')})`);
    return hit;
  });
  return {
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    backends: pick(values.backends!, ['sqlite', 'postgres'] as Backend[], (b) => b),
    queries: pick(values.queries!, QUERIES, (q) => q.name),
    servers: pick(values.servers!, SERVERS, (s) => s),
    dryRun: values['dry-run']!,
  };
}

function specFor(server: ServerName, backend: Backend, db: DbConfig, capturedFile: string): ServerSpec {
  switch (server) {
    case 'uncached':
      return { kind: 'ours', db, batch: true, responseCache: false };
    case 'cached':
      return { kind: 'ours', db, batch: true, responseCache: true };
    case 'naive':
      return { kind: 'ours', db, batch: false, responseCache: false };
    case 'bare':
      return { kind: 'bare', capturedFile };
    case 'postgraphile':
      if (backend !== 'postgres') throw new Error('PostGraphile runs on PostgreSQL only');
      return { kind: 'postgraphile', url: PG_URL };
  }
}

interface Equivalence {
  query: string;
  same: boolean;
}

interface CellContext {
  a: Args;
  backend: Backend;
  server: ServerName;
  url: string;
  q: BenchQuery;
  values: Values;
  /** Our request body per query (the same bytes for every configuration of ours and the ceiling). */
  bodies: Map<string, string>;
  /** Our uncached answers, digested, for the equivalence check. */
  digests: Map<string, unknown>;
  /** Our uncached answers, for the ceiling to replay. */
  captured: Captured[];
  cells: Cell[];
  equivalence: Equivalence[];
  warnings: string[];
}

/** One cell: a checked first request, warm-up, the measured run, each followed by a drain. */
async function measureCell(c: CellContext): Promise<void> {
  const { a, backend, server, url, q } = c;
  const body = server === 'postgraphile' ? JSON.stringify(q.postgraphile(c.values)) : c.bodies.get(q.name)!;
  // The first answer: checked, digested, and (uncached) kept for the ceiling; it also warms the response cache.
  const first = await checked(url, LABEL[server], q, body);
  if (server === 'uncached') {
    c.digests.set(q.name, q.digest.ours(first.json.data));
    c.captured.push({ request: body, status: first.status, contentType: first.contentType, body: first.bytes.toString('base64') });
  } else if (server !== 'postgraphile' && c.digests.has(q.name)) {
    // Every configuration of ours (and the ceiling) must give the same answer, or the ratios compare different work.
    const same = sameDigest(c.digests.get(q.name), q.digest.ours(first.json.data));
    if (!same) {
      c.warnings.push(`${backend} / ${LABEL[server]} / ${q.name}: the answer differs from ours uncached`);
      console.warn(`  ${q.name}: the answer differs from ours uncached`);
    }
  }
  if (server === 'postgraphile' && c.digests.has(q.name)) {
    const same = sameDigest(c.digests.get(q.name), q.digest.postgraphile(first.json.data));
    c.equivalence.push({ query: q.name, same });
    if (!same) console.warn(`  ${q.name}: PostGraphile's rows differ from ours`);
  }
  if (a.warmup > 0) {
    await load(url, body, a.connections, a.warmup);
    await drain(url, body);
  }
  const r = await load(url, body, a.connections, a.duration);
  await drain(url, body);
  const errors = r.non2xx + r.errors + r.timeouts + (r.mismatches ?? 0);
  // Completed requests over the duration: autocannon's per-second mean rounds slow cells down to 0.
  const cell: Cell = { backend, server, query: q.name, rps: r.requests.total / a.duration, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors, bytes: first.bytes.length };
  c.cells.push(cell);
  console.log(`  ${q.name.padEnd(12)} ${cell.rps.toFixed(1).padStart(8)} req/s  p50 ${cell.p50.toFixed(1).padStart(7)} ms  p99 ${cell.p99.toFixed(1).padStart(7)} ms  ${cell.requests} requests${errors ? `  ${errors} ERRORS` : ''}`);
}

async function runBackend(a: Args, backend: Backend, cells: Cell[], equivalence: Equivalence[], facts: string[], warnings: string[]): Promise<void> {
  const { ds, counts } = await openNational(backend);
  let values: Values;
  // The servers open the very database openNational built (its SQLite file is cached by generator version).
  const db: DbConfig = backend === 'sqlite' ? { kind: 'sqlite', file: String(ds.options.database) } : { kind: 'postgres', url: PG_URL };
  try {
    values = await pickValues(ds);
  } finally {
    await ds.destroy();
  }
  facts.push(corpusLine(backend, counts));
  if (backend === a.backends[0]) facts.push(`values read at start-up: ${JSON.stringify(values)}`);
  const capturedFile = path.join(os.tmpdir(), `bench-api-${process.pid}-${backend}.json`);
  const bodies = new Map(a.queries.map((q) => [q.name, JSON.stringify(q.ours(values))]));
  const digests = new Map<string, unknown>();
  // In the fixed order; the ceiling replays what ours uncached answered, so that runs whenever the ceiling does.
  const servers = SERVERS.filter((s) => (a.servers.includes(s) || (s === 'uncached' && a.servers.includes('bare'))) && (s !== 'postgraphile' || backend === 'postgres'));
  try {
    for (const server of servers) {
      console.log(`\n${backend}: starting ${LABEL[server]}`);
      const running = await startServer(specFor(server, backend, db, capturedFile));
      try {
        const captured: Captured[] = [];
        for (const q of a.queries) {
          try {
            await measureCell({ a, backend, server, url: running.url, q, values, bodies, digests, captured, cells, equivalence, warnings });
          } catch (e) {
            throw new Error(`${backend} / ${LABEL[server]} / ${q.name}: ${(e as Error).message}\n${running.diagnose()}`, { cause: e });
          }
        }
        if (server === 'uncached') fs.writeFileSync(capturedFile, JSON.stringify(captured));
      } finally {
        await running.stop();
      }
    }
  } finally {
    fs.rmSync(capturedFile, { force: true });
  }
}

function corpusLine(backend: Backend, c: NationalCounts): string {
  return `${backend}: ${c.jurisdictions.toLocaleString('en')} jurisdictions, ${c.lists.toLocaleString('en')} lists, ${c.items.toLocaleString('en')} items, ${c.citations.toLocaleString('en')} citations`;
}

// ---- the report (pure) --------------------------------------------------

const fmt = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
/** a's req/s over b's; Infinity when only a completed requests; null when a cell is missing or neither completed any. */
const ratio = (a?: Cell, b?: Cell) => (!a || !b || (a.requests === 0 && b.requests === 0) ? null : b.requests === 0 ? Infinity : a.rps / b.rps);
const showRatio = (r: number | null, target?: number) => (r === null ? '–' : `${r === Infinity ? '∞ (only ours completed)' : `${r.toFixed(2)}×`}${target === undefined ? '' : r >= target ? ' ✓' : ' ✗'}`);

export function report(a: Args, cells: Cell[], equivalence: Equivalence[], facts: string[], warnings: string[], date: string, host: string): string {
  const find = (backend: Backend, server: ServerName, query: string) => cells.find((c) => c.backend === backend && c.server === server && c.query === query);
  const rows: (string | number)[][] = [['query', 'backend', 'server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'response bytes']];
  for (const q of a.queries) {
    for (const b of a.backends) {
      for (const s of SERVERS) {
        const c = find(b, s, q.name);
        if (!c) continue;
        const none = c.requests === 0 ? `none in ${a.duration} s` : null;
        rows.push([q.name, b, LABEL[s], fmt(c.rps, c.rps < 10 ? 1 : 0), none ?? c.p50.toFixed(1), none ?? c.p99.toFixed(1), fmt(c.requests), c.errors ? `**${c.errors}**` : 0, fmt(c.bytes)]);
      }
    }
  }
  const ratios: (string | number)[][] = [['query', 'backend', 'uncached / PostGraphile (≥ 1.0)', 'cached / bare (≥ 0.5)', 'uncached / naive', 'p99 uncached < 50 ms', 'p99 cached < 50 ms']];
  const verdicts = { pgl: [] as boolean[], bare: [] as boolean[], p99: [] as boolean[] };
  for (const q of a.queries) {
    for (const b of a.backends) {
      const u = find(b, 'uncached', q.name);
      const c = find(b, 'cached', q.name);
      const pgl = ratio(u, find(b, 'postgraphile', q.name));
      const bare = ratio(c, find(b, 'bare', q.name));
      if (pgl !== null) verdicts.pgl.push(pgl >= 1);
      if (bare !== null) verdicts.bare.push(bare >= 0.5);
      // A cell where no request completed has a p99 beyond the whole run.
      const under50 = (x: Cell) => x.requests > 0 && x.p99 < 50;
      const p99 = (x?: Cell) => (!x ? '–' : x.requests === 0 ? `> ${a.duration * 1000} ✗` : `${x.p99.toFixed(1)} ${under50(x) ? '✓' : '✗'}`);
      for (const x of [u, c]) if (x) verdicts.p99.push(under50(x));
      ratios.push([q.name, b, showRatio(pgl, 1), showRatio(bare, 0.5), showRatio(ratio(u, find(b, 'naive', q.name))), p99(u), p99(c)]);
    }
  }
  const met = (v: boolean[]) => (v.length === 0 ? 'not measured' : v.every(Boolean) ? `met (${v.length}/${v.length})` : `**not met** (${v.filter(Boolean).length}/${v.length})`);
  const errored = cells.filter((c) => c.errors > 0);
  const command = `npm run bench:api -- --duration ${a.duration} --warmup ${a.warmup} --connections ${a.connections} --backends ${a.backends.join(',')}${a.queries.length < QUERIES.length ? ` --queries ${a.queries.map((q) => q.name).join(',')}` : ''}${a.servers.length < SERVERS.length ? ` --servers ${a.servers.join(',')}` : ''}`;
  return `## The API against its peers, over HTTP (issue 6)

\`${command}\` — ${date}, ${host}.${a.dryRun ? ' **DRY RUN: not final figures.**' : ''}

Method: each server runs in its own Node process (\`bench/api/server.ts\`), one at a time, and autocannon drives it from
the parent process (2 cores: one for the server, one for the load generator; PostgreSQL shares them) with
${a.connections} keep-alive connections, one request in flight per connection, POSTing the same JSON body to \`/graphql\`.
Each cell: one checked request (HTTP 200, \`data\`, no \`errors\`), ${a.warmup} s of warm-up, then ${a.duration} s measured;
req/s is completed requests over the measured seconds, p50/p99 autocannon's latency percentiles. After each run the bench
sends one more request and waits for it, so the work left by abandoned requests does not fall into the next cell. Latency is
of completed requests: in a slow cell, requests still in flight at the end are not counted (autocannon's 10 s timeout counts
as an error). Errors count non-2xx answers, bodies with \`errors\`, socket errors and timeouts. *Uncached*: DataLoaders on, response cache off. *Cached*: the response cache
(query + variables + data revision) on and warmed. *Naive*: DataLoaders off (one statement per load), uncached.
*Bare*: a \`node:http\` server answering each body with the exact bytes and content type ours gave — the ceiling.
*PostGraphile 5* (Amber preset, defaults; PostgreSQL only) reads the same tables; what tables cannot express (distinct items
citing an article, related items, shared articles, search) comes from SQL functions in a schema \`pgl_bench\` the bench creates.

${facts.map((f) => `- ${f}`).join('\n')}

The five queries (\`bench/api/queries.ts\`):

${a.queries.map((q) => `- **${q.name}** — ${q.page}${q.note ? ` ${q.note}` : ''}`).join('\n')}

${mdTable(rows)}

Ratios of req/s (targets: uncached ≥ 1.0× PostGraphile, cached ≥ 0.5× the bare ceiling; p99 < 50 ms at ${a.connections} connections):

${mdTable(ratios)}

- uncached ≥ 1.0× PostGraphile: ${met(verdicts.pgl)}
- cached ≥ 0.5× bare: ${met(verdicts.bare)}
- p99 < 50 ms (ours, uncached and cached): ${met(verdicts.p99)}
- PostGraphile returns the same rows as ours: ${equivalence.length === 0 ? 'not checked' : equivalence.every((e) => e.same) ? `yes, all ${equivalence.length} queries (compared after normalising IDs and shape)` : `**no** for ${equivalence.filter((e) => !e.same).map((e) => e.query).join(', ')}`}
${warnings.map((w) => `- **${w}**`).join('\n')}${warnings.length ? '\n' : ''}${errored.length ? `- **Cells with errors:** ${errored.map((c) => `${c.query}/${c.backend}/${LABEL[c.server]} (${c.errors})`).join('; ')}` : '- No cell had an error.'}`;
}

async function main(): Promise<void> {
  const a = args();
  const cells: Cell[] = [];
  const equivalence: Equivalence[] = [];
  const facts: string[] = [];
  const warnings: string[] = [];
  for (const backend of a.backends) await runBackend(a, backend, cells, equivalence, facts, warnings);
  const body = report(a, cells, equivalence, facts, warnings, new Date().toISOString().slice(0, 10), machine());
  if (a.dryRun) console.log(`\n${body}`);
  else writeSection('api', body);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    killAll();
    process.exit(1);
  });
}
