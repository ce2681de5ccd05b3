/**
 * Ingest throughput: items per second from bytes to committed rows on SQLite,
 * per layout family, at 1×, 10× and 100× the seeds. Run: npm run bench:ingest
 * (or `npm run bench:ingest -- --scales 1,10 --families tsv,cards`).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/dataSource';
import { defaultWorkers, importMany, PreparePool } from '../src/db/pipeline';
import { Item } from '../src/db/entities';
import { FAMILIES, seedDocs, writeCorpus } from './corpus';
import { machine, mdTable, writeSection } from './report';

interface Run {
  family: string;
  scale: number;
  files: number;
  bytes: number;
  expected: number;
  stored: number;
  failed: number;
  seconds: number;
}

async function measure(family: string, scale: number, docs: ReturnType<typeof seedDocs>, pool: PreparePool | undefined, workers: number): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${family}-${scale}x-`));
  const files = await writeCorpus(path.join(dir, 'corpus'), family, scale, docs);
  const ds = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  let bytes = 0;
  let failed = 0;
  const t0 = process.hrtime.bigint();
  const inputs = files.map((f) => {
    const data = fs.readFileSync(path.join(dir, 'corpus', f.file));
    bytes += data.length;
    return { bytes: data, fileName: f.file, jurisdictionCode: f.jurisdictionCode, department: f.department };
  });
  await importMany(ds, inputs, { pool, workers, onResult: (_, o) => void (o.error && failed++) });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stored = await ds.manager.count(Item);
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return { family, scale, files: files.length, bytes, expected: files.reduce((n, f) => n + f.items, 0), stored, failed, seconds };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: 'string', default: '1,10,100' },
      families: { type: 'string', default: Object.keys(FAMILIES).join(',') },
      workers: { type: 'string', default: String(defaultWorkers()) },
    },
  });
  const workers = Number(values.workers);
  // Started before the clock, as a long-running service or a nightly batch would have it.
  const pool = workers > 0 ? new PreparePool(workers) : undefined;
  const scales = values.scales!.split(',').map(Number);
  const families = values.families!.split(',');
  const docs = seedDocs();
  const runs: Run[] = [];
  // One untimed pass first: the first list a process reads pays for compiling the parser, which is not a cost of size.
  await measure(families[0], 1, docs, pool, workers);
  for (const family of families) {
    for (const scale of scales) {
      const r = await measure(family, scale, docs, pool, workers);
      runs.push(r);
      console.log(`${family.padEnd(18)} ${String(scale).padStart(4)}×  ${r.stored}/${r.expected} items  ${(r.bytes / 1e6).toFixed(1)} MB  ${r.seconds.toFixed(2)} s  ${Math.round(r.stored / r.seconds)} items/s${r.failed ? `  ${r.failed} files failed` : ''}`);
    }
  }
  const rows: (string | number)[][] = [['family', 'scale', 'files', 'MB', 'items stored / in corpus', 'failed files', 'seconds', 'items/s', 'items/s vs 1×']];
  for (const r of runs) {
    const base = runs.find((x) => x.family === r.family && x.scale === Math.min(...scales))!;
    const rate = r.stored / r.seconds;
    rows.push([r.family, `${r.scale}×`, r.files, (r.bytes / 1e6).toFixed(1), `${r.stored} / ${r.expected}`, r.failed, r.seconds.toFixed(2), Math.round(rate), (rate / (base.stored / base.seconds)).toFixed(2)]);
  }
  const total = runs.filter((r) => r.scale === Math.max(...scales));
  const overall = total.reduce((n, r) => n + r.stored, 0) / total.reduce((s, r) => s + r.seconds, 0);
  writeSection(
    'ingest',
    `## Ingest throughput (issue 3)

\`npm run bench:ingest\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}, SQLite (WAL, synchronous=NORMAL), one transaction per list,
${workers} worker thread(s) preparing documents while the main thread commits (pool started and one 1× pass run before the clock, as in a long-running service).
Items per second from the bytes of each file to its committed rows (parse, citations, placement, write),
for the seeds rendered in every layout family, at 1×, 10× and 100× their size (100× = 500 files, ${total[0]?.expected ?? 0} items per family).
Target: at least 5,000 items/s, cost linear in size (the last column stays near 1).

${mdTable(rows)}

Across all families at ${Math.max(...scales)}×: **${Math.round(overall)} items/s**.`,
  );
  console.log(`overall at ${Math.max(...scales)}×: ${Math.round(overall)} items/s; written to BENCHMARKS.md`);
  await pool?.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
