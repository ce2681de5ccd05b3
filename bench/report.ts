import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCHMARKS_MD = path.join(__dirname, '..', 'BENCHMARKS.md');

/** The machine a figure was measured on, for the record beside it. */
export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Replaces (or appends) one bench's section of BENCHMARKS.md, between its markers. */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let doc = fs.existsSync(BENCHMARKS_MD) ? fs.readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n\nFigures written by the benches under `bench/`; each section says the command that produced it.\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, block) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(BENCHMARKS_MD, doc);
}

export function mdTable(rows: (string | number)[][]): string {
  const [head, ...body] = rows;
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
