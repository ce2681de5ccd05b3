/**
 * Bytes to numbered lines. Layout modules work on these; nothing downstream
 * re-reads the input, so line numbers given here are the document's own.
 */

/** One physical line of the document. */
export interface SourceLine {
  /** 1-based line number. */
  no: number;
  /** The line as written (no line terminator). */
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

export interface Decoded {
  text: string;
  /** True when the bytes were not valid UTF-8 and U+FFFD was substituted. */
  invalidUtf8: boolean;
}

/** UTF-8 bytes (or an already-decoded string) to text: BOM stripped, CRLF and lone CR made LF. */
export function decode(input: Buffer | string): Decoded {
  let text: string;
  let invalidUtf8 = false;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      // Keep going with replacement characters; the caller reports it.
      text = new TextDecoder('utf-8').decode(input);
      invalidUtf8 = true;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n'), invalidUtf8 };
}

/** Text to numbered lines. A final line terminator does not start another line. */
export function splitLines(text: string): SourceLine[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ no: i + 1, text: t, cells: t.split('\t') }));
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
