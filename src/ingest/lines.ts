/**
 * Numbered lines with cells: what every source format is turned into
 * (sources/), and all that layout modules read. Nothing downstream re-reads
 * the input, so the line numbers given here are the only way back to it.
 */

/** One row of the document: a physical line of text, a CSV record, a sheet row, an HTML <tr>. */
export interface SourceLine {
  /**
   * 1-based position in the source: the physical line for text formats (the
   * line a CSV record or an HTML <tr> starts on), a running row number for XLSX.
   */
  no: number;
  /**
   * The line as written (no line terminator). For sources whose cells are not
   * tab-separated text (CSV, XLSX, HTML, markdown, aligned columns), the cells'
   * text joined by tabs on one line, so layouts and warnings see every source
   * the way they see TSV.
   */
  text: string;
  /** The line's cells: `text` split on tabs, or the cells a structured source (CSV, XLSX, HTML) gave. */
  cells: string[];
  /**
   * For structured sources that know merges (XLSX, HTML rowspan): true at an
   * index whose cell is covered by a merged cell started on an earlier row.
   * Such a cell is empty in `cells`, as a text export would leave it.
   */
  mergedFromAbove?: boolean[];
}

/** Text to physical lines: LF-separated, a final terminator does not start another line. */
export function physicalLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Text to numbered lines, cells split on tabs (TSV and plain text). */
export function splitLines(text: string): SourceLine[] {
  return physicalLines(text).map((t, i) => ({ no: i + 1, text: t, cells: t.split('\t') }));
}

/**
 * A line from cells a structured source gave. `text` shows each cell on one
 * line (its line breaks as spaces); the cells keep them.
 */
export function lineFromCells(no: number, cells: string[], mergedFromAbove?: boolean[]): SourceLine {
  const text = cells.map((c) => (c.includes('\n') || c.includes('\t') ? c.replace(/[\t\n]/g, ' ') : c)).join('\t');
  const line: SourceLine = { no, text, cells };
  if (mergedFromAbove && mergedFromAbove.some(Boolean)) line.mergedFromAbove = mergedFromAbove;
  return line;
}

/** A line with no visible content (tabs and spaces only count as empty). */
export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}

/** A markdown table separator row: every non-empty cell is dashes (optionally with alignment colons). */
export function isSeparatorRow(line: SourceLine): boolean {
  const cells = line.cells.map((c) => c.trim()).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c));
}

/** Shorten text for a warning so a warning list stays readable; the line number leads to the rest. */
export function excerpt(text: string, max = 120): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}
