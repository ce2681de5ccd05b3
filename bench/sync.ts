/**
 * npm run bench:sync [-- --backends sqlite,postgres --scales 1,10,100 --dry-run]
 *
 * The nightly sync (issue 7), on the national corpus of bench/nationalDb.ts,
 * per backend, in one run:
 *  - the first import against re-importing it unchanged (target ≥ 10×);
 *  - after 1% of items change, the bytes a client pulls through `changes`
 *    (every page, each object in full) and through `?since=` exports, against
 *    a full export (target ≤ 2%);
 * and the export's peak memory (RSS and heap of a child process exporting
 * every item) from 1× to 100× the seeds, and at national scale (target: flat).
 *
 * PostgreSQL is BENCH_SYNC_DATABASE_URL (default the `test` database, whose
 * schema it empties). Figures go to BENCHMARKS.md unless --dry-run.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/db/dataSource';
import type { DbConfig } from '../src/db/config';
import { importMany } from '../src/db/pipeline';
import type { ImportInput } from '../src/db/prepare';
import { syncPosition } from '../src/db/changes';
import { EXPORT_KINDS, openExport } from '../src/db/export';
import { createApp, listen } from '../src/server/app';
import { writeCorpus } from './corpus';
import { nationalInputs } from './nationalDb';
import { machine, mdTable, writeSection } from './report';

const PG_URL = process.env.BENCH_SYNC_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The corpus with `fraction` of its items changed in place: the legal basis
 * cell of a chosen row gets a sentence more (same item, same ID, new content).
 * Item rows are the lines that start with their 序号.
 */
export function changeItems(inputs: ImportInput[], fraction: number, seed = 2026): { inputs: ImportInput[]; changed: number } {
  const rnd = prng(seed);
  let changed = 0;
  const out = inputs.map((input) => {
    const lines = input.bytes.toString('utf8').split('\n');
    const header = lines.findIndex((l) => l.includes('\t') && l.includes('依据'));
    const col = lines[header].split('\t').findIndex((c) => c.includes('依据'));
    let touched = false;
    for (let i = header + 1; i < lines.length; i++) {
      if (!/^\d+\t/.test(lines[i]) || rnd() >= fraction) continue;
      const cells = lines[i].split('\t');
      cells[col] = `${cells[col]} 本事项依据已于2026年修订。`;
      lines[i] = cells.join('\t');
      changed++;
      touched = true;
    }
    return touched ? { ...input, bytes: Buffer.from(lines.join('\n')) } : input;
  });
  return { inputs: out, changed };
}

async function freshDb(backend: 'sqlite' | 'postgres', dir: string, name: string): Promise<{ ds: DataSource; config: DbConfig }> {
  if (backend === 'postgres') {
    const reset = await openDatabase({ kind: 'postgres', url: PG_URL });
    await reset.query('DROP SCHEMA public CASCADE');
    await reset.query('CREATE SCHEMA public');
    await reset.destroy();
    const config: DbConfig = { kind: 'postgres', url: PG_URL };
    return { ds: await openDatabase(config), config };
  }
  const config: DbConfig = { kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) };
  return { ds: await openDatabase(config), config };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

async function importAll(ds: DataSource, inputs: ImportInput[]): Promise<void> {
  let failed = 0;
  await importMany(ds, inputs, { onResult: (_, o) => void (o.error && failed++) });
  if (failed) throw new Error(`${failed} lists failed to import`);
}

/** Bytes of a response body, read as it streams (never held). */
async function bodyBytes(url: string, init?: RequestInit): Promise<{ bytes: number; status: number; revision: string | null }> {
  const res = await fetch(url, init);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return { bytes, status: res.status, revision: res.headers.get('x-revision') };
}

/**
 * A page the default cost limit (5,000) admits when each item is asked in full: its lists
 * (fields, levels, citations) count 10 each, so an item costs ~300.
 */
const CHANGES_PAGE = 15;

/** What a client syncing an object keeps: the object in full, as the export writes it. */
export const CHANGES = `query($after: Int!) { changes(after: $after, first: ${CHANGES_PAGE}) { pageInfo { hasNextPage } edges { node { revision entityType entityId operation changedAt node {
  ... on Item { id seq name subItem powerTypes powerTypeText body unit localCode legalBasis sourceLines position jurisdictionCode
    list { id } fields { key label text raw line }
    levels { id levelText level body unit scope duties responsibilities sourceLines }
    citations { id field titleAsWritten category paragraph clause textAsWritten line status documentNumber quote statute { id } article { id } } }
  ... on PowerList { id jurisdictionCode department listTitle: title sourceFile layout importedAt itemCount lineCount warnings { line code message } }
  ... on Statute { id title category aliases }
  ... on Article { id number statute { id } } } } } } }`;

interface NationalRow {
  backend: string;
  items: number;
  first: number;
  again: number;
  changedItems: number;
  edit: number;
  entries: number;
  full: number;
  since: number;
  changes: number;
  changePages: number;
  fullSeconds: number;
}

async function national(backend: 'sqlite' | 'postgres', dir: string, lists: number): Promise<NationalRow> {
  const inputs = nationalInputs(60).slice(0, lists);
  const { ds, config } = await freshDb(backend, dir, 'national');
  try {
    console.log(`${backend}: first import of ${inputs.length} lists…`);
    const first = await timed(() => importAll(ds, inputs));
    if (backend === 'postgres') await ds.query('ANALYZE');
    const items = Number((await ds.query('SELECT COUNT(*) AS n FROM item'))[0].n);
    const again = await timed(() => importAll(ds, inputs));
    console.log(`${backend}: first ${first.toFixed(1)} s, unchanged again ${again.toFixed(2)} s`);
    const r0 = (await syncPosition(ds.manager)).revision;
    const { inputs: edited, changed } = changeItems(inputs, 0.01);
    const edit = await timed(() => importAll(ds, edited));
    const r1 = (await syncPosition(ds.manager)).revision;
    console.log(`${backend}: ${changed} items changed, imported in ${edit.toFixed(1)} s (${r1 - r0} log entries)`);

    const app = await createApp(ds, { responseCache: false });
    const port = await listen(app.httpServer, 0, '127.0.0.1');
    try {
      let full = 0;
      const t0 = process.hrtime.bigint();
      for (const kind of EXPORT_KINDS) full += (await bodyBytes(`http://127.0.0.1:${port}/export/${kind}.ndjson`)).bytes;
      const fullSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`${backend}: full export ${mb(full)} MB in ${fullSeconds.toFixed(1)} s`);
      let since = 0;
      for (const kind of EXPORT_KINDS.filter((k) => k !== 'jurisdictions')) since += (await bodyBytes(`http://127.0.0.1:${port}/export/${kind}.ndjson?since=${r0}`)).bytes;
      console.log(`${backend}: since export ${mb(since)} MB`);
      let changes = 0;
      let pages = 0;
      let after = r0;
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CHANGES, variables: { after } }) });
        const text = await res.text();
        if (process.env.BENCH_SYNC_TRACE) console.log(`changes after ${after}: ${res.status}, ${text.length} chars`);
        changes += Buffer.byteLength(text);
        pages++;
        const json = JSON.parse(text);
        if (json.errors) throw new Error(`changes: ${JSON.stringify(json.errors[0])}`);
        const data = json.data.changes;
        if (data.edges.length) after = data.edges[data.edges.length - 1].node.revision;
        if (!data.pageInfo.hasNextPage) break;
      }
      if (after !== r1) throw new Error(`the changes feed ended at ${after}, the revision is ${r1}`);
      return { backend, items, first, again, changedItems: changed, edit, entries: r1 - r0, full, since, changes, changePages: pages, fullSeconds };
    } finally {
      await app.apollo.stop();
      void config;
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

interface MemoryRow extends ExportMemory {
  backend: string;
  scale: string;
  items: number;
}

/** In a child process: export every item of the database, sampling memory; prints one JSON line. */
async function exportChild(config: DbConfig): Promise<void> {
  const ds = await openDatabase(config);
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const t = process.hrtime.bigint();
  const exp = await openExport(ds, 'items');
  let rows = 0;
  let bytes = 0;
  for await (const row of exp.rows) {
    rows++;
    bytes += JSON.stringify(row).length + 1;
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(sample);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  await ds.destroy();
  console.log(JSON.stringify({ rows, bytes, baseRss: base.rss, peakRss, peakHeap, seconds }));
}

/**
 * V8 collects lazily: with room to spare, the heap of a long export fills with garbage before a full collection,
 * so the export also runs under a heap cap (HEAP_CAP_MB) that an export holding on to rows would break.
 */
const HEAP_CAP_MB = 128;

interface ExportMemory {
  rows: number;
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  seconds: number;
  /** The same export with the heap capped. */
  capped: { peakRss: number; peakHeap: number } | 'out of memory';
}

function measureExport(config: DbConfig): ExportMemory {
  const free = exportRun(config, []);
  let capped: ExportMemory['capped'];
  try {
    const c = exportRun(config, [`--max-old-space-size=${HEAP_CAP_MB}`]);
    capped = { peakRss: c.peakRss, peakHeap: c.peakHeap };
  } catch {
    capped = 'out of memory';
  }
  return { ...free, capped };
}

function exportRun(config: DbConfig, flags: string[]): Omit<ExportMemory, 'capped'> {
  const out = execFileSync(process.execPath, [...flags, '--expose-gc', '-r', 'ts-node/register/transpile-only', __filename, '--child', JSON.stringify(config)], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function scaleDb(backend: 'sqlite' | 'postgres', dir: string, scale: number): Promise<{ config: DbConfig; items: number }> {
  const corpus = path.join(dir, `corpus-${scale}`);
  const files = await writeCorpus(corpus, 'tsv', scale);
  const { ds, config } = await freshDb(backend, dir, `scale-${scale}`);
  try {
    await importAll(ds, files.map((f) => ({ bytes: fs.readFileSync(path.join(corpus, f.file)), fileName: f.file, jurisdictionCode: f.jurisdictionCode, department: f.department })));
    return { config, items: Number((await ds.query('SELECT COUNT(*) AS n FROM item'))[0].n) };
  } finally {
    await ds.destroy();
  }
}

const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const capped = (m: ExportMemory) => (m.capped === 'out of memory' ? m.capped : `peak RSS ${mb(m.capped.peakRss)} MB, heap ${mb(m.capped.peakHeap)} MB`);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backends: { type: 'string', default: 'sqlite,postgres' }, scales: { type: 'string', default: '1,10,100' }, 'dry-run': { type: 'boolean', default: false }, child: { type: 'string' }, lists: { type: 'string' } } });
  if (values.child) return exportChild(JSON.parse(values.child) as DbConfig);
  const backends = values.backends!.split(',') as ('sqlite' | 'postgres')[];
  const scales = values.scales!.split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  const nationalRows: NationalRow[] = [];
  const memory: MemoryRow[] = [];
  try {
    for (const backend of backends) {
      for (const scale of scales) {
        const { config, items } = await scaleDb(backend, dir, scale);
        const m = measureExport(config);
        memory.push({ backend, scale: `${scale}×`, items, ...m });
        console.log(`${backend} ${scale}×: ${m.rows} items exported, peak RSS ${mb(m.peakRss)} MB, heap ${mb(m.peakHeap)} MB; capped: ${capped(m)}`);
      }
      // --lists N: the first N lists only, for a quick look (figures then not written).
      const row = await national(backend, dir, values.lists ? Number(values.lists) : Infinity);
      nationalRows.push(row);
      const config: DbConfig = backend === 'postgres' ? { kind: 'postgres', url: PG_URL } : { kind: 'sqlite', file: path.join(dir, 'national.sqlite') };
      const m = measureExport(config);
      memory.push({ backend, scale: `national (${Math.round(row.items / 71)}×)`, items: row.items, ...m });
      console.log(`${backend} national: peak RSS ${mb(m.peakRss)} MB, heap ${mb(m.peakHeap)} MB, ${m.seconds.toFixed(1)} s; capped: ${capped(m)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const command = `npm run bench:sync -- --backends ${backends.join(',')} --scales ${scales.join(',')}`;
  const body = `## Nightly sync (issue 7)

\`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}.

National corpus (bench/nationalDb.ts: one list per place, ~60 items each), per backend, in one run: the first import; the same
${nationalRows[0] ? nationalRows[0].items.toLocaleString('en') : ''} items again, unchanged; then 1% of items changed in place (a sentence added to their legal basis) and imported.
Bytes are uncompressed HTTP bodies: the full export is all five \`/export/*.ndjson\`; \`since\` is the four logged kinds with \`?since=\`
the revision before the change; \`changes\` is every page of \`changes(after:, first: ${CHANGES_PAGE})\` (the page the default cost limit admits) asking each object in full (an item with its
fields, levels and citations, as the export writes it).

${mdTable([
  ['backend', 'items', 'first import s', 'unchanged again s', 'first / again (≥ 10×)', 'items changed', 'their import s', 'log entries', 'full export MB', 'since export', 'changes sync', 'full export s'],
  ...nationalRows.map((r) => [r.backend, r.items.toLocaleString('en'), r.first.toFixed(1), r.again.toFixed(2), `${(r.first / r.again).toFixed(0)}× ${r.first / r.again >= 10 ? '✓' : '✗'}`, r.changedItems.toLocaleString('en'), r.edit.toFixed(1), r.entries.toLocaleString('en'), mb(r.full), `${mb(r.since)} MB = ${pct(r.since, r.full)} ${r.since / r.full <= 0.02 ? '✓' : '✗'}`, `${mb(r.changes)} MB in ${r.changePages} pages = ${pct(r.changes, r.full)} ${r.changes / r.full <= 0.02 ? '✓' : '✗'}`, r.fullSeconds.toFixed(1)]),
])}

Export memory: a child process exports every item (\`openExport\`, the code behind \`GET /export/items.ndjson\` and \`npm run export\`), sampling
\`process.memoryUsage()\` every 5 ms; *base* is after opening the database, before the export. V8 collects lazily: given room, a long
export's heap fills with garbage before a full collection, so each export runs again with the heap capped at ${HEAP_CAP_MB} MB
(\`--max-old-space-size\`), which an export that held rows would run out of.

${mdTable([
  ['backend', 'scale', 'items', 'base RSS MB', 'peak RSS MB', 'peak heap MB', `heap capped at ${HEAP_CAP_MB} MB: peak RSS / heap MB`, 'export s'],
  ...memory.map((m) => [m.backend, m.scale, m.items.toLocaleString('en'), mb(m.baseRss), mb(m.peakRss), mb(m.peakHeap), m.capped === 'out of memory' ? '✗ out of memory' : `${mb(m.capped.peakRss)} / ${mb(m.capped.peakHeap)}`, m.seconds.toFixed(1)]),
])}`;
  console.log(body);
  if (!values['dry-run'] && !values.lists) writeSection('sync', body);
}

if (require.main === module) main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
