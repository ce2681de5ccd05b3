/**
 * Citation extraction: (a) throughput of extractCitations over the
 * legal-basis and responsibility-basis cells of the seed corpus, repeated
 * `scale` times (only the extractCitations calls are timed); (b) precision
 * and recall on the five seeds against the pinned expectations of
 * tests/citations/seeds.expected.ts, counting distinct (item, statute,
 * article) triples. Run: npm run bench:citations (or `-- --scale 10 --rounds 3`).
 */
import { parseArgs } from 'node:util';
import { extractCitations } from '../src/domain/citations';
import type { FieldKey } from '../src/domain/fields';
import { SEED_EXPECTATIONS } from '../tests/citations/seeds.expected';
import { extractedRecords, findItem } from '../tests/citations/seedItems';
import { seedDocs } from './corpus';
import { machine, mdTable, writeSection } from './report';

const FIELDS: readonly FieldKey[] = ['legalBasis', 'responsibilityBasis'];
const TARGET = 50_000;

interface Throughput {
  cells: number;
  chars: number;
  citations: number;
  /** Median of the rounds. */
  seconds: number;
  /** Every round's time, for the spread. */
  rounds: number[];
}

function throughput(scale: number, rounds: number): Throughput {
  const cells: { text: string; key: FieldKey }[] = [];
  for (const doc of seedDocs()) {
    for (const item of doc.items) {
      for (const f of item.fields) if (f.key !== null && FIELDS.includes(f.key)) cells.push({ text: f.text, key: f.key });
      for (const lv of item.levels) for (const f of lv.fields) if (f.key !== null && FIELDS.includes(f.key)) cells.push({ text: f.text, key: f.key });
    }
  }
  // Warm-up pass (JIT), not timed.
  for (const c of cells) extractCitations(c.text, c.key);
  let citations = 0;
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    citations = 0;
    let ns = 0n;
    for (let copy = 0; copy < scale; copy++) {
      for (const c of cells) {
        const t0 = process.hrtime.bigint();
        const records = extractCitations(c.text, c.key);
        ns += process.hrtime.bigint() - t0;
        citations += records.length;
      }
    }
    times.push(Number(ns) / 1e9);
  }
  const sorted = [...times].sort((x, y) => x - y);
  return {
    cells: cells.length * scale,
    chars: cells.reduce((n, c) => n + c.text.length, 0) * scale,
    citations,
    seconds: sorted[Math.floor(sorted.length / 2)],
    rounds: times,
  };
}

interface Quality {
  expected: number;
  extracted: number;
  correct: number;
  misses: string[];
  falsePositives: string[];
}

const triple = (statute: string, article: number | null): string => `${statute} ${article === null ? '(statute)' : `第${article}条`}`;

function quality(): Quality {
  const q: Quality = { expected: 0, extracted: 0, correct: 0, misses: [], falsePositives: [] };
  for (const e of SEED_EXPECTATIONS) {
    const item = findItem(e.file, e.line);
    const where = `${e.file}:${e.line}`;
    const want = new Set(e.citations.map((c) => triple(c.statute, c.article)));
    const got = new Set(item ? extractedRecords(item).map((r) => triple(r.statuteTitle, r.article)) : []);
    if (!item) q.misses.push(`${where}: item not found`);
    q.expected += want.size;
    q.extracted += got.size;
    for (const t of got) {
      if (want.has(t)) q.correct++;
      else q.falsePositives.push(`${where} ${t}`);
    }
    for (const t of want) if (!got.has(t)) q.misses.push(`${where} ${t}`);
  }
  return q;
}

function main(): void {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '100' }, rounds: { type: 'string', default: '5' } } });
  const scale = Number(values.scale);
  const t = throughput(scale, Math.max(1, Number(values.rounds)));
  const q = quality();
  const perSecond = t.citations / t.seconds;
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  const list = (xs: string[]): string => (xs.length ? xs.map((x) => `- ${x}`).join('\n') : '- none');

  const body = `## Citation extraction

Command: \`npm run bench:citations\` (scale ${scale}). Machine: ${machine()}. Measured ${new Date().toISOString().slice(0, 10)}.

### Throughput

extractCitations over every legal-basis and responsibility-basis cell of the seed corpus (bench/corpus.ts seedDocs(): item and per-level fields), ${scale} copies, ${t.rounds.length} rounds, median round reported (rounds: ${t.rounds.map((x) => `${x.toFixed(3)} s`).join(', ')}; best ${Math.round(t.citations / Math.min(...t.rounds)).toLocaleString('en')} citations/s); only the extractCitations calls are timed (one warm-up pass first). Target ≥ ${TARGET.toLocaleString('en')} citations/s.

${mdTable([
  ['cells', 'characters', 'citations', 'seconds (median)', 'citations/s', 'cells/s', 'target met'],
  [t.cells, t.chars, t.citations, t.seconds.toFixed(3), Math.round(perSecond).toLocaleString('en'), Math.round(t.cells / t.seconds).toLocaleString('en'), perSecond >= TARGET ? 'yes' : 'no'],
])}

### Precision and recall on the seeds

Against the pinned reading of every legal-basis cell (tests/citations/seeds.expected.ts, ${SEED_EXPECTATIONS.length} items), counting distinct (item, statute, article) triples; article null = statute-level.

${mdTable([
  ['expected', 'extracted', 'correct', 'precision', 'recall'],
  [q.expected, q.extracted, q.correct, pct(q.correct, q.extracted), pct(q.correct, q.expected)],
])}

Misses (expected, not extracted):

${list(q.misses)}

False positives (extracted, not expected):

${list(q.falsePositives)}
`;
  writeSection('citations', body);
  process.stdout.write(body);
}

main();
