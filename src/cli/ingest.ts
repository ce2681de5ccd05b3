/**
 * npm run ingest -- [--jurisdiction CODE] [--department NAME] FILE…
 * npm run ingest -- --manifest seeds/manifest.json
 * Imports lists into the database named by DATABASE_URL. Each file is one
 * transaction: a file that fails leaves what was stored untouched.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/dataSource';
import { importList, type ImportResult } from '../db/importer';
import { readManifest } from '../db/seed';

function report(r: ImportResult): string {
  const l = r.list;
  if (r.unchanged) return `${l.sourceFile}: unchanged (same bytes already imported as list ${l.id})`;
  const lines = [`${l.sourceFile}: ${l.itemCount} items, ${r.citations} citations, layout ${l.layout}, list ${l.id} (${l.jurisdictionCode} ${l.department})`];
  for (const w of l.warnings) lines.push(`  warning ${w.code}${w.line != null ? ` line ${w.line}` : ''}: ${w.message}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      jurisdiction: { type: 'string', short: 'j' },
      department: { type: 'string', short: 'd' },
      manifest: { type: 'string', short: 'm' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (!values.manifest && positionals.length === 0)) {
    console.log('usage: npm run ingest -- --jurisdiction CODE [--department NAME] FILE…\n       npm run ingest -- --manifest DIR/manifest.json');
    return values.help ? 0 : 2;
  }
  const jobs: { file: string; jurisdictionCode: string; department?: string }[] = [];
  if (values.manifest) {
    const dir = path.dirname(path.resolve(values.manifest));
    for (const e of readManifest(dir)) jobs.push({ ...e, file: path.join(dir, e.file) });
  }
  for (const f of positionals) {
    if (!values.jurisdiction) {
      console.error(`${f}: --jurisdiction CODE is required for files outside a manifest`);
      return 2;
    }
    jobs.push({ file: f, jurisdictionCode: values.jurisdiction, department: values.department });
  }
  const ds = await openDatabase();
  let failed = 0;
  try {
    for (const job of jobs) {
      try {
        const bytes = fs.readFileSync(job.file);
        console.log(report(await importList(ds, { bytes, fileName: path.basename(job.file), jurisdictionCode: job.jurisdictionCode, department: job.department })));
      } catch (e) {
        failed++;
        console.error(`error: ${(e as Error).message}`);
      }
    }
  } finally {
    await ds.destroy();
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
