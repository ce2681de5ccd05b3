/**
 * npm run bench:soak [-- --backends sqlite --minutes 10 --dry-run]
 *
 * Ten minutes of mixed reads with imports in between (issue 9: memory growth
 * under 10%, no error responses, no leaked handles). Per backend, one server
 * as `npm start` runs it (response cache on, as deployed), over the seed
 * lists; 8 connections read in a closed loop — the playground's examples with
 * their variables varied, so the cache both hits and misses — and every 10 s
 * a list is imported over the API (importList with the write token), in turn
 * two versions of it, so each import changes data, moves the revision and
 * empties the cache.
 *
 * Memory is the server process's RSS from /proc, sampled every 5 s: growth is
 * the last minute's mean against the first minute's (after a minute's
 * warm-up). Handles are its open file descriptors (/proc/<pid>/fd) after the
 * warm-up and once the load has stopped. Figures go to BENCHMARKS.md unless
 * --dry-run.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/dataSource';
import { importSeeds } from '../src/db/seed';
import type { DbConfig } from '../src/db/config';
import { PLAYGROUND_EXAMPLES } from '../src/server/playgroundExamples';
import { startServer } from './api/index';
import { machine, mdTable, writeSection } from './report';

const PG_URL = process.env.BENCH_SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = 'soak-benchmark-write-token-0001';
const CONNECTIONS = 8;
const IMPORT_EVERY_S = 10;
const SAMPLE_EVERY_S = 5;

const reads = PLAYGROUND_EXAMPLES.filter((e) => !e.write);
const SEARCHES = ['骗取 医疗保障基金', '监督检查', '行政处罚', '医疗救助', '药品', '定点', '社会保险法', '基金'];
const PLACES = ['654000', '650000', '620600', '220500', '150000'];

/** The k-th read: an example, its variables varied so the cache sees new requests too. */
function readBody(k: number): string {
  const e = reads[k % reads.length];
  const variables: Record<string, unknown> = { ...(e.variables ?? {}) };
  if ('text' in variables) variables.text = SEARCHES[Math.floor(k / reads.length) % SEARCHES.length];
  if ('code' in variables && e.operationName === 'Subtree') variables.code = PLACES[Math.floor(k / reads.length) % PLACES.length];
  if ('after' in variables) variables.after = Math.floor(k / reads.length) % 200;
  return JSON.stringify({ query: e.query, variables });
}

const LIST = (version: number) =>
  `尼勒克县测试局权责清单\n\n序号\t事项名称\t权力类型\t实施依据\n` +
  Array.from({ length: 200 + (version % 2) * 20 }, (_, i) => `${i + 1}\t对第${i + 1}项违法行为的处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条（第${version % 2}版）`).join('\n') +
  '\n';

function post(port: number, agent: http.Agent, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const fdsOf = (pid: number) => fs.readdirSync(`/proc/${pid}/fd`).length;

interface Row {
  backend: string;
  minutes: number;
  reads: number;
  readErrors: number;
  imports: number;
  importErrors: number;
  rssFirst: number;
  rssLast: number;
  rssPeak: number;
  fdsBefore: number;
  fdsAfter: number;
  firstError: string | null;
}

async function soak(backend: 'sqlite' | 'postgres', dir: string, minutes: number): Promise<Row> {
  let db: DbConfig = { kind: 'sqlite', file: path.join(dir, 'soak.sqlite') };
  if (backend === 'postgres') {
    const reset = await openDatabase({ kind: 'postgres', url: PG_URL });
    await reset.query('DROP SCHEMA public CASCADE');
    await reset.query('CREATE SCHEMA public');
    await reset.destroy();
    db = { kind: 'postgres', url: PG_URL };
  }
  const ds = await openDatabase(db);
  await importSeeds(ds);
  await ds.destroy();

  const server = await startServer({ kind: 'ours', db, batch: true, responseCache: true }, { WRITE_TOKEN: TOKEN });
  const port = Number(new URL(server.url).port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 1 });
  const row: Row = { backend, minutes, reads: 0, readErrors: 0, imports: 0, importErrors: 0, rssFirst: 0, rssLast: 0, rssPeak: 0, fdsBefore: 0, fdsAfter: 0, firstError: null };
  const fail = (what: string) => (row.firstError ??= what.slice(0, 300));
  try {
    const start = Date.now();
    const warmUpMs = 60_000;
    const end = start + warmUpMs + minutes * 60_000;
    const samples: { t: number; rss: number }[] = [];
    const sampler = setInterval(() => samples.push({ t: Date.now() - start, rss: rssOf(server.pid) }), SAMPLE_EVERY_S * 1000);
    let fdsTaken = false;
    const readers = Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let k = c; Date.now() < end; k += CONNECTIONS) {
        const r = await post(port, agent, readBody(k)).catch((e) => ({ status: 0, text: String(e) }));
        row.reads++;
        if (r.status !== 200 || r.text.includes('"errors"')) {
          row.readErrors++;
          fail(`read: ${r.status} ${r.text}`);
        }
        if (!fdsTaken && Date.now() - start > warmUpMs) {
          fdsTaken = true;
          row.fdsBefore = fdsOf(server.pid);
        }
      }
    });
    const importer = (async () => {
      for (let v = 0; Date.now() < end; v++) {
        await new Promise((r) => setTimeout(r, IMPORT_EVERY_S * 1000));
        if (Date.now() >= end) break;
        const body = JSON.stringify({
          query: 'mutation($input: ImportListInput!) { importList(input: $input) { itemCount userErrors { message } } }',
          variables: { input: { content: LIST(v), filename: 'soak.txt', jurisdictionCode: '654028', department: '尼勒克县测试局' } },
        });
        const r = await post(port, agent, body, { authorization: `Bearer ${TOKEN}` }).catch((e) => ({ status: 0, text: String(e) }));
        row.imports++;
        if (r.status !== 200 || r.text.includes('"errors"') || !r.text.includes('"userErrors":[]')) {
          row.importErrors++;
          fail(`import: ${r.status} ${r.text}`);
        }
      }
    })();
    await Promise.all([...readers, importer]);
    clearInterval(sampler);
    agent.destroy();
    // Idle connections closed, timers run down: what is left open now stays open.
    await new Promise((r) => setTimeout(r, 5000));
    row.fdsAfter = fdsOf(server.pid);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const measured = samples.filter((s) => s.t >= warmUpMs);
    row.rssFirst = mean(measured.filter((s) => s.t < warmUpMs + 60_000).map((s) => s.rss));
    row.rssLast = mean(measured.filter((s) => s.t >= warmUpMs + (minutes - 1) * 60_000).map((s) => s.rss));
    row.rssPeak = Math.max(...measured.map((s) => s.rss));
    console.log(`${backend}: ${row.reads} reads (${row.readErrors} errors), ${row.imports} imports (${row.importErrors} errors); RSS ${(row.rssFirst / 2 ** 20).toFixed(1)} → ${(row.rssLast / 2 ** 20).toFixed(1)} MB; fds ${row.fdsBefore} → ${row.fdsAfter}`);
    return row;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backends: { type: 'string', default: 'sqlite' }, minutes: { type: 'string', default: '10' }, 'dry-run': { type: 'boolean', default: false } } });
  const backends = values.backends!.split(',') as ('sqlite' | 'postgres')[];
  const minutes = Number(values.minutes);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-soak-'));
  const rows: Row[] = [];
  try {
    for (const b of backends) rows.push(await soak(b, dir, minutes));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  const body = `## Soak: ${minutes} minutes of reads with imports in between (issue 9)

\`npm run bench:soak -- --backends ${backends.join(',')} --minutes ${minutes}\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}.

One server per backend as \`npm start\` runs it (response cache on), over the seed lists. ${CONNECTIONS} connections read in a closed loop (the
playground's read examples, variables varied so the cache both hits and misses); every ${IMPORT_EVERY_S} s a 200–220-item list is imported over
the API, alternating two versions, so every import changes data and empties the cache. A minute's warm-up first. Memory: the server's
RSS from /proc every ${SAMPLE_EVERY_S} s, the last minute's mean against the first's (target growth < 10%). Handles: its open file descriptors
after the warm-up and 5 s after the load stopped. Errors: any answer not 200, any GraphQL error, any import with user errors.

${mdTable([
  ['backend', 'minutes', 'reads', 'read errors', 'imports', 'import errors', 'RSS first → last minute MB', 'growth (< 10%)', 'peak RSS MB', 'open fds after warm-up → after load'],
  ...rows.map((r) => {
    const growth = (100 * (r.rssLast - r.rssFirst)) / r.rssFirst;
    return [r.backend, r.minutes, r.reads.toLocaleString('en'), r.readErrors, r.imports, r.importErrors, `${mb(r.rssFirst)} → ${mb(r.rssLast)}`, `${growth.toFixed(1)}% ${growth < 10 ? '✓' : '✗'}`, mb(r.rssPeak), `${r.fdsBefore} → ${r.fdsAfter} ${r.fdsAfter <= r.fdsBefore ? '✓' : '✗'}`];
  }),
])}${rows.some((r) => r.firstError) ? `\n\nFirst error: ${rows.map((r) => r.firstError).filter(Boolean).join('; ')}` : ''}`;
  console.log(body);
  if (!values['dry-run']) writeSection('soak', body);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
