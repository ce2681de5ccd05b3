/**
 * npm run ingest -- <files or folders> [--jurisdiction CODE] [--department NAME] [--dry-run] [--json]
 *
 * A folder holding a manifest.json is imported as the manifest says; any other
 * folder contributes every file below it. Each file is one transaction: a file
 * that fails leaves what was stored untouched, and makes the exit status 1.
 * --dry-run reads and places without opening the database; with --json it
 * prints the items, levels, citations and report of every file.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../db/dataSource';
import { ImportError, type ImportInput, type PreparedImport } from '../db/importer';
import { importMany } from '../db/pipeline';
import { readManifest } from '../db/seed';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Progress is drawn only on a terminal. */
  isTTY: boolean;
}

interface Job {
  file: string;
  jurisdictionCode?: string;
  department?: string;
}

interface Outcome {
  file: string;
  status: 'imported' | 'unchanged' | 'dry-run' | 'failed';
  error?: string;
  prepared?: PreparedImport;
}

const USAGE = `usage: npm run ingest -- <files or folders> [--jurisdiction CODE] [--department NAME] [--dry-run] [--json]
  -j, --jurisdiction CODE  GB/T 2260 code of the lists' jurisdiction (inferred from each document when absent)
  -d, --department NAME    publishing department (read from each document when absent)
  -n, --dry-run            read and place, never touch the database
      --json               machine-readable output (with --dry-run: every item, level row, citation and report)
A folder with a manifest.json is imported as the manifest says.`;

/** Files below a folder, in a stable order; hidden files, JSON and READMEs are not lists. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && !/\.json$/i.test(e.name) && !/^readme/i.test(e.name)) out.push(p);
  }
  return out;
}

function collectJobs(targets: string[], jurisdictionCode?: string, department?: string): Job[] {
  const jobs: Job[] = [];
  for (const t of targets) {
    const stat = fs.statSync(t, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${t}: no such file or folder`);
    if (stat.isDirectory() && fs.existsSync(path.join(t, 'manifest.json'))) {
      for (const e of readManifest(t)) jobs.push({ file: path.join(t, e.file), jurisdictionCode: e.jurisdictionCode, department: e.department });
    } else if (stat.isDirectory()) {
      for (const f of walk(t)) jobs.push({ file: f, jurisdictionCode, department });
    } else {
      jobs.push({ file: t, jurisdictionCode, department });
    }
  }
  return jobs;
}

/** Terminal columns a string takes: CJK and full-width forms take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  return rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - width(cell))).join('  ').trimEnd()).join('\n');
}

function progress(io: Io, done: number, total: number, label: string): void {
  if (!io.isTTY || total < 2) return;
  const n = 24;
  const filled = Math.round((done / total) * n);
  io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(n - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) io.err('\n');
}

function summary(outcomes: Outcome[]): string {
  const rows = [['file', 'status', 'jurisdiction', 'department', 'layout', 'items', 'lines used/content', 'unplaced', 'warnings']];
  for (const o of outcomes) {
    const p = o.prepared;
    const r = p?.record.report;
    rows.push([
      path.basename(o.file),
      o.status,
      p ? [...new Set(p.lists.map((l) => l.jurisdictionCode))].join(',') : '-',
      p ? p.lists.map((l) => l.department).join(', ') : '-',
      p ? `${p.record.format ?? 'text'}/${p.record.layout}` : '-',
      p ? String(p.record.items.length) : '-',
      r ? `${r.lines.used}/${r.lines.content}` : '-',
      r ? String(r.lines.unplaced) : '-',
      p ? String(p.lists.reduce((n, l) => n + l.warnings.length, 0)) : '-',
    ]);
  }
  return table(rows);
}

function asJson(o: Outcome, full: boolean): unknown {
  const p = o.prepared;
  return {
    file: o.file,
    status: o.status,
    ...(o.error ? { error: o.error } : {}),
    ...(p
      ? {
          sha256: p.sha256,
          placement: p.placement,
          lists: p.lists.map((l) => ({ id: l.id, jurisdictionCode: l.jurisdictionCode, department: l.department, items: l.items.length, warnings: l.warnings })),
          report: p.record.report,
          ...(full ? { title: p.record.title, items: p.record.items } : {}),
        }
      : {}),
  };
}

export async function runIngest(argv: string[], io: Io, open: () => Promise<DataSource> = () => openDatabase()): Promise<number> {
  let values: { jurisdiction?: string; department?: string; 'dry-run'?: boolean; json?: boolean; help?: boolean; manifest?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        jurisdiction: { type: 'string', short: 'j' },
        department: { type: 'string', short: 'd' },
        'dry-run': { type: 'boolean', short: 'n' },
        json: { type: 'boolean' },
        manifest: { type: 'string', short: 'm' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  // --manifest FILE is kept for scripts: the same as naming the manifest's folder.
  if (values.manifest) positionals.push(path.dirname(path.resolve(values.manifest)));
  if (positionals.length === 0) {
    io.err(USAGE + '\n');
    return 2;
  }
  let jobs: Job[];
  try {
    jobs = collectJobs(positionals, values.jurisdiction, values.department);
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n`);
    return 2;
  }

  const dryRun = !!values['dry-run'];
  const ds = dryRun || jobs.length === 0 ? null : await open();
  const outcomes: Outcome[] = jobs.map((job) => ({ file: job.file, status: 'failed' }));
  const inputs: ImportInput[] = [];
  for (const [i, job] of jobs.entries()) {
    try {
      inputs.push({ bytes: fs.readFileSync(job.file), fileName: path.basename(job.file), jurisdictionCode: job.jurisdictionCode, department: job.department });
    } catch (e) {
      outcomes[i].error = `${path.basename(job.file)}: ${(e as Error).message}`;
      inputs.push({ bytes: Buffer.alloc(0), fileName: path.basename(job.file) });
    }
  }
  try {
    progress(io, 0, jobs.length, path.basename(jobs[0]?.file ?? ''));
    await importMany(ds, inputs, {
      dryRun,
      onResult: (i, r) => {
        const o = outcomes[i];
        o.prepared = r.prepared;
        if (!o.error && r.error) o.error = r.error instanceof ImportError ? r.error.message : `${inputs[i].fileName}: ${r.error.message}`;
        if (!o.error) o.status = r.unchanged || r.result?.unchanged ? 'unchanged' : r.result ? 'imported' : 'dry-run';
        if (!values.json) {
          if (o.error) io.err(`error: ${o.error}\n`);
          for (const l of o.prepared?.lists ?? []) {
            for (const w of l.warnings) io.err(`  ${inputs[i].fileName}${w.line != null ? `:${w.line}` : ''} ${w.code}: ${w.message}\n`);
          }
        }
        progress(io, i + 1, jobs.length, path.basename(jobs[i + 1]?.file ?? 'done'));
      },
    });
  } finally {
    await ds?.destroy();
  }

  if (values.json) io.out(JSON.stringify(outcomes.map((o) => asJson(o, dryRun)), null, 2) + '\n');
  else io.out(summary(outcomes) + '\n');
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  if (!values.json) io.out(`${outcomes.length - failed} of ${outcomes.length} files read${dryRun ? ' (dry run: nothing stored)' : ''}; ${failed} failed\n`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  runIngest(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: !!process.stderr.isTTY }).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
