/**
 * npm run export -- <items|lists|statutes|articles|jurisdictions> [--since REVISION] [--out FILE]
 *
 * Writes the export as NDJSON (one object per line) to FILE or standard
 * output, as GET /export/<kind>.ndjson does, and prints the revision it is
 * consistent at on standard error: keep it for the next --since.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { openDatabase } from '../db/dataSource';
import { EXPORT_KINDS, ExportError, openExport, type ExportKind } from '../db/export';

const USAGE = `usage: npm run export -- <${EXPORT_KINDS.join('|')}> [--since REVISION] [--out FILE]`;

export async function runExport(argv: string[], stdout: Writable, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { since: { type: 'string' }, out: { type: 'string', short: 'o' } } });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [kind] = parsed.positionals;
  if (parsed.positionals.length !== 1 || !EXPORT_KINDS.includes(kind as ExportKind)) {
    err(USAGE);
    return 2;
  }
  const since = parsed.values.since === undefined ? null : /^\d+$/.test(parsed.values.since) ? Number(parsed.values.since) : NaN;
  const ds = await openDatabase();
  try {
    const exp = await openExport(ds, kind as ExportKind, since);
    const out: Writable = parsed.values.out ? fs.createWriteStream(parsed.values.out) : stdout;
    let n = 0;
    for await (const row of exp.rows) {
      n++;
      if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    }
    if (out !== stdout) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    err(`${n} ${kind} at revision ${exp.revision}${since != null ? ` (changed after ${since})` : ''}`);
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      err(`${e.code}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runExport(process.argv.slice(2), process.stdout, (s) => process.stderr.write(`${s}\n`)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
      process.exit(1);
    },
  );
}
