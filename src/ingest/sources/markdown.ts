/**
 * Markdown pipe tables to lines: `| 序号 | 事项名称 |` rows become cells,
 * `|---|---|` separators become dash cells (which layouts skip), and every
 * other line (headings, notes) is a line of one cell as written.
 */
import { lineFromCells, type SourceLine } from '../lines';
import { looksLikeHeader } from './header';

/** "| a | b \| c |" → ["a", "b | c"]: outer pipes dropped, cells trimmed, "\|" kept as a pipe. */
export function pipeCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\\' && t[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  cells.push(cur.trim());
  return cells;
}

function isSeparator(line: string): boolean {
  if (!line.includes('|') || !line.includes('-')) return false;
  return pipeCells(line).every((c) => /^:?-+:?$/.test(c));
}

/** The sample has a pipe row that is a header of known column names. */
export function sniffMarkdown(lines: readonly string[]): boolean {
  return lines.some((l) => l.trimStart().startsWith('|') && looksLikeHeader(pipeCells(l)));
}

export function readMarkdown(lines: readonly string[]): SourceLine[] {
  let inTable = false;
  return lines.map((line, i) => {
    // A row starts with a pipe; GFM also allows rows without outer pipes inside a table or above its separator.
    const row = line.trimStart().startsWith('|') || (line.includes('|') && (inTable || isSeparator(lines[i + 1] ?? '')));
    inTable = row;
    return row ? lineFromCells(i + 1, pipeCells(line)) : lineFromCells(i + 1, [line]);
  });
}
