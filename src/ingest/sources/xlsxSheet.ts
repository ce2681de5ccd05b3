/**
 * One worksheet's XML to lines: cell values as displayed (numfmt.ts), merges
 * applied as a text export would leave them, rows numbered from an offset so
 * sheets can follow one another in one document.
 */
import { lineFromCells, type SourceLine } from '../lines';
import { formatNumber } from './numfmt';
import { walkXml } from './xml';

/** Number-format pattern of each cell style (index = the cell's s attribute); null for General. */
export type StylePatterns = readonly (string | null)[];

/** Excel writes control characters in strings as _xHHHH_ (ECMA-376 22.9.2.19). */
export const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** Excel's last row. Rows are numbered 1..MAX_ROW (ECMA-376 18.3.1.73). */
const MAX_ROW = 1_048_576;

/**
 * A row number as written in r, or null when it is none: a damaged or
 * hand-made file can hold "abc", "0", "-3" or "1.5" there, which would give
 * lines numbered NaN, 0 or below (the row is then placed by position instead).
 */
function rowNumber(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= MAX_ROW ? n : null;
}

/** "AB12" → { col: 27, row: 12 } (col 0-based, row 1-based); null for a reference that is not a cell's. */
function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const row = rowNumber(m[2]);
  if (row === null) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row };
}

/**
 * Columns read (A..IV). A list has a few dozen; one stray cell far to the right
 * (at XFD1, say) would pad every line of the sheet to 16,384 cells — a 20 KB
 * workbook of 1,000 rows took 15 s to read — so cells right of this column are
 * left out, and reported (SheetContent.beyondLastColumn).
 */
export const MAX_COLUMNS = 256;

/** An ISO date cell (t="d") as the date, and the time when it has one. */
function isoDateText(v: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(v.trim());
  if (!m) return v;
  return m[2] && !/^00:00(:00)?$/.test(m[2]) ? `${m[1]} ${m[2]}` : m[1];
}

export interface SheetContent {
  /** row → (col → text), non-empty cells only. */
  rows: Map<number, Map<number, string>>;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  formulasWithoutValue: string[];
  /** Non-empty cells right of column MAX_COLUMNS, not read. */
  beyondLastColumn: string[];
}

export function readSheet(xml: string, shared: readonly string[], patterns: StylePatterns, date1904: boolean): SheetContent {
  const rows = new Map<number, Map<number, string>>();
  const merges: SheetContent['merges'] = [];
  const formulasWithoutValue: string[] = [];
  const beyondLastColumn: string[] = [];
  let rowNo = 0;
  let nextCol = 0;
  let cell: { col: number; ref: string; type: string; style: number; v: string; inline: string; formula: boolean; hasV: boolean } | null = null;
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;

  walkXml(xml, {
    open(name, a) {
      if (name === 'row') {
        rowNo = (a.r ? rowNumber(a.r) : null) ?? rowNo + 1;
        nextCol = 0;
      } else if (name === 'c') {
        const ref = a.r ? cellRef(a.r) : null;
        if (ref) rowNo = ref.row;
        const col = ref ? ref.col : nextCol;
        cell = { col, ref: a.r ?? '', type: a.t ?? 'n', style: Number(a.s ?? 0), v: '', inline: '', formula: false, hasV: false };
      } else if (cell && name === 'v') {
        capture = 'v';
        cell.hasV = true;
      } else if (cell && name === 'f') {
        cell.formula = true;
      } else if (name === 'rPh') {
        phonetic++;
      } else if (cell && name === 't' && phonetic === 0) {
        capture = 't';
      } else if (name === 'mergeCell' && a.ref) {
        const [from, to] = a.ref.split(':');
        const p = cellRef(from);
        const q = cellRef(to ?? from);
        if (p && q) merges.push({ r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) });
      }
    },
    text(t) {
      if (!cell || capture === null) return;
      if (capture === 'v') cell.v += t;
      else cell.inline += t;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const text = cellText(cell.type, cell.v, cell.inline, patterns[cell.style] ?? null, shared, date1904);
        if (cell.formula && !cell.hasV) formulasWithoutValue.push(cell.ref);
        if (text !== '' && cell.col >= MAX_COLUMNS) {
          beyondLastColumn.push(cell.ref || `row ${rowNo}`);
        } else if (text !== '') {
          let row = rows.get(rowNo);
          if (!row) rows.set(rowNo, (row = new Map()));
          row.set(cell.col, text);
        }
        nextCol = cell.col + 1;
        cell = null;
      }
    },
  });
  return { rows, merges, formulasWithoutValue, beyondLastColumn };
}

function cellText(type: string, v: string, inline: string, pattern: string | null, shared: readonly string[], date1904: boolean): string {
  let text: string;
  switch (type) {
    case 's':
      text = shared[Number(v)] ?? '';
      break;
    case 'inlineStr':
      text = unescapeOoxml(inline);
      break;
    case 'str':
    case 'e':
      text = unescapeOoxml(v);
      break;
    case 'b':
      text = v === '' ? '' : v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE';
      break;
    case 'd':
      text = isoDateText(v);
      break;
    default: {
      const n = v.trim() === '' ? NaN : Number(v);
      text = Number.isNaN(n) ? v : formatNumber(n, pattern, date1904);
    }
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Sheet content as lines numbered from `offset`: merges applied, rows padded to the sheet's width. */
export function sheetLines(sheet: SheetContent, offset: number): { lines: SourceLine[]; lastRow: number } {
  const { rows } = sheet;
  const rowNos = [...rows.keys()].sort((a, b) => a - b);
  // Column ranges covered by a merge begun on an earlier row, per row.
  const coveredAbove = new Map<number, [number, number][]>();
  for (const m of sheet.merges) {
    // Only rows that exist are visited: a merge over a whole column must not walk a million rows.
    // (Walking r1..min(r2, last row) did, once the sheet had a row near the bottom: a few hundred
    // such merges in a 10 KB file took seconds.) The first row in range is found by binary search.
    let lo = 0;
    for (let hi = rowNos.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (rowNos[mid] < m.r1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rowNos.length && rowNos[i] <= m.r2; i++) {
      const r = rowNos[i];
      const row = rows.get(r)!;
      for (const c of [...row.keys()]) if (c >= m.c1 && c <= m.c2 && !(r === m.r1 && c === m.c1)) row.delete(c);
      if (r === m.r1) continue;
      let ranges = coveredAbove.get(r);
      if (!ranges) coveredAbove.set(r, (ranges = []));
      ranges.push([m.c1, m.c2]);
    }
  }
  let width = 0;
  let lastRow = 0;
  for (const [r, row] of rows) {
    if (row.size === 0) continue;
    lastRow = Math.max(lastRow, r);
    for (const c of row.keys()) width = Math.max(width, c + 1);
  }
  const lines: SourceLine[] = [];
  for (const r of rowNos) {
    const row = rows.get(r)!;
    if (row.size === 0) continue;
    const cells = new Array<string>(width).fill('');
    for (const [c, text] of row) cells[c] = text;
    const covered = coveredAbove.get(r);
    const merged = covered ? cells.map((_, c) => covered.some(([c1, c2]) => c >= c1 && c <= c2)) : undefined;
    lines.push(lineFromCells(offset + r, cells, merged));
  }
  return { lines, lastRow };
}
