/**
 * One-cell-per-line renderings (a table copied out of a PDF viewer or a Word
 * document as plain text): the column names each on a line of their own,
 * then the values one per line. Rows are regrouped by the header's width N:
 * every N non-blank lines after a header form a row, numbered by its first
 * line. Only trusted when at least three consecutive lines are known column
 * names, and only as good as the rendering: a cell that was empty (and left
 * no line) or that broke over two lines shifts the rest of its row, which a
 * 序号 column that stops holding numbers shows — that is reported.
 */
import { fieldForHeader } from '../../domain/fields';
import type { ImportWarning } from '../../domain/records';
import { lineFromCells, type SourceLine } from '../lines';
import { isColumnName } from './header';
import { sourceWarning } from './types';

const MIN_COLUMNS = 3;

/** Number of consecutive lines from `i` that are each a known column name. */
function nameRun(lines: readonly string[], i: number): number {
  let n = 0;
  while (i + n < lines.length && isColumnName(lines[i + n])) n++;
  return n;
}

export function sniffCellPerLine(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const n = nameRun(lines, i);
    if (n >= MIN_COLUMNS) return true;
    i += n;
  }
  return false;
}

const isBoundaryLine = (t: string) => t.startsWith('#') || /^:?-{3,}:?$/.test(t);

export function readCellPerLine(lines: readonly string[]): { lines: SourceLine[]; warnings: ImportWarning[] } {
  const out: SourceLine[] = [];
  const warnings: ImportWarning[] = [];
  let names: string[] | null = null;
  let seqFirst = false;
  // Once rows are out of step they stay so until the next header: one warning says it.
  let misaligned = false;
  const startsHeader = (i: number) => names !== null && names.every((n, k) => (lines[i + k] ?? '').trim() === n);

  let i = 0;
  while (i < lines.length) {
    const t = lines[i].trim();
    if (t === '') {
      i++;
      continue;
    }
    const run = nameRun(lines, i);
    if (run >= MIN_COLUMNS || startsHeader(i)) {
      // A (repeated) header: its width fixes the rows that follow.
      names = startsHeader(i) ? names! : lines.slice(i, i + run).map((l) => l.trim());
      seqFirst = fieldForHeader(names[0]) === 'seq';
      misaligned = false;
      out.push(lineFromCells(i + 1, [...names]));
      i += names.length;
      continue;
    }
    if (names === null || isBoundaryLine(t)) {
      out.push(lineFromCells(i + 1, [t]));
      i++;
      continue;
    }
    const first = i;
    const cells: string[] = [];
    while (i < lines.length && cells.length < names.length) {
      const v = lines[i].trim();
      if (v !== '' && cells.length > 0 && (startsHeader(i) || isBoundaryLine(v))) break;
      if (v !== '') cells.push(v);
      i++;
    }
    if (cells.length < names.length) {
      warnings.push(sourceWarning('SHORT_CELL_GROUP', first + 1, `only ${cells.length} of ${names.length} values before the next header or heading; cells may be misplaced`, cells.join(' ')));
    } else if (seqFirst && !misaligned && !/^\d+(\.\d+)*$/.test(cells[0])) {
      misaligned = true;
      warnings.push(sourceWarning('CELL_GROUP_MISALIGNED', first + 1, `the ${names[0]} value of this row is "${cells[0]}", not a number: an empty or wrapped cell above has probably shifted the cells of this and later rows`, cells.join(' ')));
    }
    out.push(lineFromCells(first + 1, cells));
  }
  return { lines: out, warnings };
}
