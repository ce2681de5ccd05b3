/**
 * npm run bench:abuse [-- --backends sqlite,postgres --seconds 20 --dry-run]
 *
 * A normal client's latency while an abusive one hammers the server (issue 9:
 * p99 within 2× of its idle p99). Per backend, one server as `npm start` runs
 * it (response cache off: every answer executes), over the seed lists:
 *  - idle: the normal client alone — from 127.0.0.2, the playground's read
 *    examples in turn at a steady 40 requests a second (open loop: each sent
 *    at its time whatever the answers before it, and timed from that time, so
 *    a stalled server is not hidden by a client that waits for it);
 *  - attacked: the same, while an abusive client on 64 connections from
 *    127.0.0.3 sends the costliest queries the limits admit (100-item pages
 *    with citations, 100-hit searches, wide matter lists) and ones they
 *    refuse (deep nesting, alias floods, oversized documents, batches).
 * Run twice: slots in arrival order (FAIR_SCHEDULING=off, the baseline), and
 * shared by use across client addresses (OperationGate, the default).
 *
 * The server is the compiled one, with `npm start`'s node flags. BENCH_ABUSE_TRACE=1 prints the slowest normal
 * requests (latency@seconds into the window), per second how many took over twice the idle p99, the abusive
 * client's latencies, and the server's event-loop stalls and GC pauses over 15 ms (wall-clock ms mod 1e6, to line
 * them up). BENCH_SERVER_FLAGS adds node flags to the server's (say `--trace-gc`), BENCH_SERVER_LOG names a file for
 * its standard output.
 *
 * PostgreSQL: BENCH_ABUSE_DATABASE_URL (default the `test` database, whose
 * schema it empties). Figures go to BENCHMARKS.md unless --dry-run.
 */
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/dataSource';
import { importSeeds } from '../src/db/seed';
import type { DbConfig } from '../src/db/config';
import { PLAYGROUND_EXAMPLES } from '../src/server/playgroundExamples';
import { START_FLAGS } from './api/index';
import { machine, mdTable, writeSection } from './report';

const PG_URL = process.env.BENCH_ABUSE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A page's worth of traffic, a few people browsing: far below what the server answers (500 req/s on these queries). */
const NORMAL = { rate: 40, connections: 16, from: '127.0.0.2' };
const ABUSIVE = { connections: 64, from: '127.0.0.3' };

const normalBodies = PLAYGROUND_EXAMPLES.filter((e) => !e.write).map((e) => JSON.stringify({ query: e.query, variables: e.variables ?? {} }));

const heavy = [
  '{ items(first: 60) { edges { node { id name legalBasis fields { label text } citations { textAsWritten statute { title } article { label } } } } } }',
  '{ searchItems(text: "医疗 保障 基金", first: 100) { totalCount edges { rank node { name jurisdiction { name } } snippets { text } } } }',
  '{ matters(first: 100) { edges { node { name jurisdictionCount consistency { uniform differences { aspect } } } } } }',
  '{ jurisdictions(hasLists: true, first: 20) { edges { node { name effectiveItems(first: 40) { edges { node { origin item { name } } } } } } } }',
  '{ citationIssues(first: 100) { edges { node { kind citation { textAsWritten item { name } } } } } }',
];
const refused = [
  `{ jurisdiction(code: "654028") { ${'parent { '.repeat(60)}name${' }'.repeat(60)} } }`,
  `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: revision`).join(' ')} }`,
  `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: revision`).join(' ')} }`,
  '{ jurisdictions(first: 100) { edges { node { lists(first: 100) { edges { node { items(first: 100) { edges { node { id } } } } } } } } } }',
];
const abusiveBodies = [...heavy.map((q) => JSON.stringify({ query: q })), ...refused.map((q) => JSON.stringify({ query: q })), JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ revision }' })))];

interface Tally {
  latencies: number[];
  /** When each request was due (debugging). */
  dueAt?: number[];
  statuses: Map<number, number>;
  failures: number;
}

/** POSTs `body` from `from`, adding to `tally` its latency counted from `since` (a performance.now() time). */
function post(port: number, agent: http.Agent, from: string, body: string, tally: Tally, since: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        tally.latencies.push(performance.now() - since);
        tally.dueAt?.push(since);
        tally.statuses.set(res.statusCode ?? 0, (tally.statuses.get(res.statusCode ?? 0) ?? 0) + 1);
        resolve();
      });
    });
    req.on('error', () => {
      tally.failures++;
      resolve();
    });
    req.end(body);
  });
}

/** Closed-loop clients from one local address until `until()`; each connection takes the bodies in turn. */
async function load(port: number, client: { connections: number; from: string }, bodies: string[], running: () => boolean): Promise<Tally> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: client.connections });
  const tally: Tally = { latencies: [], statuses: new Map(), failures: 0 };
  await Promise.all(
    Array.from({ length: client.connections }, async (_, c) => {
      for (let k = c; running(); k++) await post(port, agent, client.from, bodies[k % bodies.length], tally, performance.now());
    }),
  );
  agent.destroy();
  return tally;
}

/**
 * An open-loop client: request k is due at k / rate seconds and sent then (on one of `connections` kept-alive
 * connections, or queued for one), its latency counted from when it was due.
 */
async function paced(port: number, client: { rate: number; connections: number; from: string }, bodies: string[], seconds: number): Promise<Tally> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: client.connections });
  const tally: Tally = { latencies: [], statuses: new Map(), failures: 0, dueAt: [] };
  const start = performance.now();
  const total = Math.round(seconds * client.rate);
  const sent: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / client.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(post(port, agent, client.from, bodies[k % bodies.length], tally, due));
  }
  await Promise.all(sent);
  agent.destroy();
  return tally;
}

/** Each body once, in turn. */
async function warm(port: number, bodies: string[], from = '127.0.0.1'): Promise<void> {
  for (const body of bodies) await load(port, { connections: 1, from }, [body], ((n) => () => n-- > 0)(1));
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/**
 * The abusive client runs in a process of its own: in this one, its 64 connections' answers would delay the normal
 * client's reading of its own, and that delay would be counted as the server's.
 */
function abuser(port: number, seconds: number): { flooding: Promise<void>; tally: Promise<Tally> } {
  // Its tally goes through a file: written to a pipe, the tail of a minute's latencies was lost at its exit.
  const out = path.join(os.tmpdir(), `bench-abuser-${process.pid}-${Date.now()}.json`);
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--abuser', `${port}:${seconds}:${out}`], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const flooding = new Promise<void>((resolve) => child.once('message', () => resolve()));
  const tally = new Promise<Tally>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the abusive client exited with ${code}`));
      const t = JSON.parse(fs.readFileSync(out, 'utf8'));
      fs.rmSync(out, { force: true });
      resolve({ latencies: t.latencies, statuses: new Map(t.statuses), failures: t.failures });
    });
  });
  return { flooding: Promise.race([flooding, tally.then(() => undefined)]), tally };
}

async function phase(port: number, seconds: number, attack: boolean): Promise<{ normal: Tally; abusive: Tally | null }> {
  // The normal client's window opens as the abuser's first requests go out (its process's start-up, seconds of
  // compiling under ts-node, would otherwise fall in the window and take the server's cores), and the abuser runs
  // on a second past its end. The onset of the attack is measured.
  const abusive = attack ? abuser(port, seconds + 1) : null;
  await abusive?.flooding;
  const normal = await paced(port, NORMAL, normalBodies, seconds);
  return { normal, abusive: abusive ? await abusive.tally : null };
}

interface Server {
  port: number;
  stop: () => Promise<void>;
  /** The server's exit status, if it died, and the tail of its stderr. */
  diagnose: () => string;
}

function urlOf(db: DbConfig): string {
  return db.kind === 'postgres' ? db.url : db.file;
}

/**
 * The server as `npm start` runs it: its compiled entry point (built first if stale, as npm's prestart does) and
 * node flags, configured by the environment; the response cache off (every answer executes). Not under ts-node:
 * its hooks (source maps on every stack, the domain module's emit) would be measured as the server's.
 */
async function startServer(db: DbConfig, env: Record<string, string>): Promise<Server> {
  const root = path.join(__dirname, '..');
  const trace = process.env.BENCH_ABUSE_TRACE ? ['-r', path.join(__dirname, 'abuseTrace.js')] : [];
  const extra = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...START_FLAGS, ...extra, ...trace, path.join(root, 'dist/src/server/main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: urlOf(db), PORT: '0', HOST: '127.0.0.1', RESPONSE_CACHE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (process.env.BENCH_ABUSE_TRACE) process.stderr.write(d);
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const log = process.env.BENCH_SERVER_LOG ? fs.createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' }) : null;
    child.stdout!.on('data', (d: Buffer) => {
      log?.write(d);
      out = (out + d.toString()).slice(-4000);
      const m = /GraphQL at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening\n${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => child.kill('SIGKILL'));
  return { port, stop, diagnose: () => `${child.exitCode !== null ? `the server exited (${child.exitCode}); ` : ''}its stderr: ${stderr.trim() || '(empty)'}` };
}

async function seededDb(backend: 'sqlite' | 'postgres', dir: string): Promise<DbConfig> {
  let config: DbConfig = { kind: 'sqlite', file: path.join(dir, 'seeds.sqlite') };
  if (backend === 'postgres') {
    const reset = await openDatabase({ kind: 'postgres', url: PG_URL });
    await reset.query('DROP SCHEMA public CASCADE');
    await reset.query('CREATE SCHEMA public');
    await reset.destroy();
    config = { kind: 'postgres', url: PG_URL };
  }
  const ds = await openDatabase(config);
  await importSeeds(ds);
  await ds.destroy();
  return config;
}

interface Row {
  backend: string;
  scheduling: string;
  idle: Tally;
  attacked: Tally;
  abusive: Tally;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backends: { type: 'string', default: 'sqlite,postgres' }, seconds: { type: 'string', default: '20' }, 'dry-run': { type: 'boolean', default: false }, abuser: { type: 'string' }, schedulings: { type: 'string', default: 'arrival order,shared by use' } } });
  if (values.abuser) {
    const [port, seconds, out] = values.abuser.split(':');
    const end = Date.now() + Number(seconds) * 1000;
    setImmediate(() => process.send?.('flooding'));
    const t = await load(Number(port), ABUSIVE, abusiveBodies, () => Date.now() < end);
    fs.writeFileSync(out, JSON.stringify({ latencies: t.latencies, statuses: [...t.statuses], failures: t.failures }));
    return;
  }
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-if-needed.js')], { stdio: 'inherit' });
  const backends = values.backends!.split(',') as ('sqlite' | 'postgres')[];
  const seconds = Number(values.seconds);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-abuse-'));
  const rows: Row[] = [];
  try {
    for (const backend of backends) {
      const db = await seededDb(backend, dir);
      // The baseline: slots in arrival order, whoever sent the request (FAIR_SCHEDULING=off).
      for (const scheduling of values.schedulings!.split(',')) {
        const server = await startServer(db, { FAIR_SCHEDULING: scheduling === 'arrival order' ? 'off' : 'on' });
        const port = server.port;
        try {
          // Warm-up: the normal client for 3 s, and each abusive request once, so that what a server builds once per
          // data revision (the statute analyses behind citationIssues, the matter index) is built before measuring.
          await phase(port, 3, false);
          await warm(port, abusiveBodies);
          // And once in the read lane (its worker keeps caches of its own): from a newcomer beside another client.
          await warm(port, [normalBodies[0]], '127.0.0.4');
          await warm(port, abusiveBodies, '127.0.0.5');
          // The warm-up's client is gone before measuring (a client counts as present for 5 s), and the read lane
          // it started, if any, is up.
          await new Promise((r) => setTimeout(r, 6000));
          const idle = await phase(port, seconds, false);
          if (process.env.BENCH_ABUSE_TRACE) console.log('attack phase starts', Date.now() % 1e6);
          const attacked = await phase(port, seconds, true);
          if (process.env.BENCH_ABUSE_TRACE) console.log('idle top', [...idle.normal.latencies].sort((a, b) => b - a).slice(0, 12).map((x) => x.toFixed(0)).join(' '), 'attacked top', attacked.normal.latencies.map((l, i) => [l, attacked.normal.dueAt![i] - attacked.normal.dueAt![0], i]).sort((a, b) => b[0] - a[0]).slice(0, 30).map(([l, t, i]) => `${l.toFixed(0)}@${(t / 1000).toFixed(1)}#${i % normalBodies.length}`).join(' '));
          if (process.env.BENCH_ABUSE_TRACE) {
            // Per second of the attacked window: how many normal requests took more than twice the idle p99.
            const limit = 2 * quantile(idle.normal.latencies, 0.99);
            const over = new Map<number, number>();
            attacked.normal.latencies.forEach((l, i) => {
              const sec = Math.floor((attacked.normal.dueAt![i] - attacked.normal.dueAt![0]) / 1000);
              if (l > limit) over.set(sec, (over.get(sec) ?? 0) + 1);
            });
            const ab = attacked.abusive!.latencies;
            console.log('abusive latency p50/p90/p99/max', [0.5, 0.9, 0.99, 1].map((q) => quantile(ab, q).toFixed(0)).join('/'), 'over 1.5 s:', ab.filter((l) => l > 1500).length, 'of', ab.length);
            console.log(`over ${limit.toFixed(1)} ms by second:`, [...over].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(' '), `(p99 allows ${Math.floor(attacked.normal.latencies.length / 100)})`);
          }
          rows.push({ backend, scheduling, idle: idle.normal, attacked: attacked.normal, abusive: attacked.abusive! });
          console.log(`${backend}, ${scheduling}: normal p99 idle ${quantile(idle.normal.latencies, 0.99).toFixed(1)} ms, attacked ${quantile(attacked.normal.latencies, 0.99).toFixed(1)} ms; abusive ${attacked.abusive!.latencies.length} requests`);
        } catch (e) {
          throw new Error(`${backend}, ${scheduling}: ${(e as Error).message}\n${server.diagnose()}`, { cause: e });
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const statuses = (t: Tally) => [...t.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n.toLocaleString('en')}`).join(', ');
  const body = `## Abuse: a normal client beside an abusive one (issue 9)

\`npm run bench:abuse -- --backends ${backends.join(',')} --seconds ${seconds}\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}.

One server per backend as \`npm start\` runs it (compiled, with its node flags), response cache off (every answer executes), over the seed lists. The normal
client: from ${NORMAL.from}, the playground's ${normalBodies.length} read examples in turn at a steady ${NORMAL.rate} requests a second (open loop: each
request sent when due whatever the answers before it, its latency counted from then). Idle: it alone for
${seconds} s; attacked: the same ${seconds} s from when the abusive client's first requests go out (the attack's onset is measured), while it, on ${ABUSIVE.connections} connections from ${ABUSIVE.from}, sends the costliest queries the
limits admit (${heavy.length} kinds, each within the cost limit: 60-item pages with citations, 100-hit searches, 100-matter pages…) and ${refused.length + 1} kinds they refuse (deep
nesting, alias floods, oversized documents, a multiplying nest of pages, a batch). Target: attacked p99 ≤ 2 × idle p99.
Each backend runs twice: the operation bound's slots in arrival order whoever sent the request (\`FAIR_SCHEDULING=off\`, the
baseline), and shared by use across client addresses (the default, \`OperationGate\` and \`ReadLane\`): a freed slot to the
client running fewest then using least, no client holding more than half the slots while another is present, and the
reads of a client using more than twice another's (or new beside it, for a second; once there, while it uses more) run in the read lane (a worker thread, \`READ_LANE\`), waiting between
statements while the lighter client's run; that client's requests are taken one per turn of the event loop. Warm-up: the normal client for 3 s, and each abusive request once on the main
thread and once in the lane.

${mdTable([
  ['backend', 'scheduling', 'normal req/s idle', 'p50 / p99 idle ms', 'normal req/s attacked', 'p50 / p99 attacked ms', 'p99 attacked / idle (≤ 2×)', 'normal errors', 'abusive req/s', 'abusive answers by status'],
  ...rows.map((r) => {
    const ratio = quantile(r.attacked.latencies, 0.99) / quantile(r.idle.latencies, 0.99);
    const errors = r.idle.failures + r.attacked.failures + [...r.idle.statuses, ...r.attacked.statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
    return [
      r.backend,
      r.scheduling,
      (r.idle.latencies.length / seconds).toFixed(0),
      `${quantile(r.idle.latencies, 0.5).toFixed(1)} / ${quantile(r.idle.latencies, 0.99).toFixed(1)}`,
      (r.attacked.latencies.length / seconds).toFixed(0),
      `${quantile(r.attacked.latencies, 0.5).toFixed(1)} / ${quantile(r.attacked.latencies, 0.99).toFixed(1)}`,
      `${ratio.toFixed(2)}× ${ratio <= 2 ? '✓' : '✗'}`,
      errors,
      (r.abusive.latencies.length / (seconds + 2)).toFixed(0),
      statuses(r.abusive),
    ];
  }),
])}`;
  console.log(body);
  if (!values['dry-run']) writeSection('abuse', body);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
