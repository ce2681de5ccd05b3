/**
 * Space-aligned tables (pdftotext -layout, fixed-width exports) to lines.
 * Cells are separated by runs of two or more spaces or ideographic spaces;
 * one space belongs to the text (and one U+3000 too: statutes write
 * "第八十七条　社会保险…"). A header row of known column names fixes where
 * columns are, and each later text run goes to the column its start falls
 * in: a run starting at or after the end of header name k lies right of
 * column k. Positions are display columns, a CJK or full-width character
 * counting two, since that is how pdftotext and fixed-width exports pad
 * their columns. A new header (repeated on each page) resets the columns.
 */
import { lineFromCells, type SourceLine } from '../lines';
import { looksLikeHeader } from './header';

interface Run {
  /** Display columns: where the run starts, and just after it ends. */
  start: number;
  end: number;
  text: string;
}

const isSpace = (c: number) => c === 0x20 || c === 0x3000;

/** Display width of a UTF-16 code unit: 2 for East Asian wide and full-width forms, 0 for a low surrogate. */
function width(c: number): number {
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // the pair's high half counted it
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) || // supplementary ideographs (CJK extension B…)
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  ) {
    return 2;
  }
  return 1;
}

/** Text runs of a line, split at gaps of 2+ space characters. */
export function runs(line: string): Run[] {
  const out: Run[] = [];
  let start = -1; // string index of the open run
  let startCol = 0;
  let spaces = 0;
  let spaceCols = 0;
  let col = 0;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : -1;
    if (c !== -1 && isSpace(c)) {
      spaces++;
      spaceCols += width(c);
      col += width(c);
      continue;
    }
    // A gap of two or more (or the end of the line) closes the run before it.
    if (start >= 0 && (spaces >= 2 || c === -1)) {
      out.push({ start: startCol, end: col - spaceCols, text: line.slice(start, i - spaces) });
      start = -1;
    }
    if (c !== -1 && start < 0) [start, startCol] = [i, col];
    spaces = 0;
    spaceCols = 0;
    if (c !== -1) col += width(c);
  }
  return out;
}

const isHeader = (rs: readonly Run[]) => rs.length >= 2 && looksLikeHeader(rs.map((r) => r.text));

// A lone run naming the list is a title or section heading, not a cell.
const HEADING = /^#|清单|事项表|一览表|目录/;

/** The sample (tab-free text) has a line whose runs are a header of known column names. */
export function sniffAligned(lines: readonly string[]): boolean {
  return lines.some((l) => isHeader(runs(l)));
}

export function readAligned(lines: readonly string[]): SourceLine[] {
  let header: Run[] | null = null;
  return lines.map((raw, i) => {
    // pdftotext starts each page with a form feed.
    const line = raw.replace(/\f/g, '');
    const rs = runs(line);
    if (isHeader(rs)) header = rs;
    if (!header || header === rs || rs.length === 0 || (rs.length === 1 && HEADING.test(rs[0].text))) {
      return lineFromCells(i + 1, rs.length === 0 ? [''] : rs.map((r) => r.text));
    }
    const h: Run[] = header;
    const cells = new Array<string>(h.length).fill('');
    for (const r of rs) {
      let col = 0;
      while (col < h.length - 1 && h[col].end <= r.start) col++;
      cells[col] = cells[col] === '' ? r.text : `${cells[col]} ${r.text}`;
    }
    return lineFromCells(i + 1, cells);
  });
}
