/**
 * CSV (RFC 4180, as Excel and WPS write it) to lines, with PapaParse: quoted
 * fields keep their commas, doubled quotes and line breaks; a quote inside an
 * unquoted field ("对"两定"机构") is text. A record is numbered by the
 * physical line it starts on, so a record spanning lines 3–5 is line 3 and
 * the next record is line 6. (PapaParse replaced csv-parse: the same
 * readings, several times faster on these files.)
 */
import Papa from 'papaparse';
import { lineFromCells, type SourceLine } from '../lines';
import { SourceError } from './binary';
import { isColumnName, looksLikeHeader } from './header';

const SNIFF_CHARS = 16 * 1024;

interface Rec {
  cells: string[];
  /** Physical line the record starts on. */
  start: number;
}

/** Records until the end; `error` names the first unterminated quote, at the record starting on `errorLine`. */
function records(text: string): { recs: Rec[]; error: string | null; errorLine: number } {
  const recs: Rec[] = [];
  let error: string | null = null;
  let errorLine = 0;
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    step: (row) => {
      // An empty record after the final line end is the end of the text, not a row.
      if (offset >= text.length) return;
      recs.push({ cells: row.data, start: line });
      const quote = row.errors.find((e) => e.type === 'Quotes');
      if (quote && error === null) {
        error = quote.message;
        errorLine = line;
      }
      const end = row.meta.cursor;
      for (let i = text.indexOf('\n', offset); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
      // The cursor stops before the record's line end; the next record starts after it.
      offset = end;
      if (text[offset] === '\r') offset++;
      if (text[offset] === '\n') {
        offset++;
        line++;
      }
    },
  });
  return { recs, error, errorLine };
}

/**
 * The sample reads as CSV: a record is a header row, or records name known
 * fields (a card per item: "1,序号,1"), and most records have one width.
 */
export function sniffCsv(sample: string): boolean {
  // Most lines of a CSV list hold a comma; other text is turned away before any parsing.
  const lines = sample.split('\n', 200).filter((l) => l.trim() !== '');
  if (lines.filter((l) => l.includes(',')).length * 2 < lines.length) return false;
  // The first records decide; a CSV's header is near its top.
  const cut = sample.length > SNIFF_CHARS ? sample.lastIndexOf('\n', SNIFF_CHARS) : -1;
  const { recs } = records(cut > 0 ? sample.slice(0, cut) : sample);
  const content = recs.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (content.length === 0) return false;
  const widths = new Map<number, number>();
  for (const r of content) widths.set(r.cells.length, (widths.get(r.cells.length) ?? 0) + 1);
  let modal = 0;
  let modalCount = 0;
  for (const [w, n] of widths) if (n > modalCount) [modal, modalCount] = [w, n];
  if (modal < 2) return false;
  const header = content.some((r) => looksLikeHeader(r.cells));
  const labelled = content.filter((r) => r.cells.slice(0, 3).some(isColumnName)).length;
  const consistent = modalCount >= 0.8 * content.length || content.filter((r) => r.cells.length >= 2).length >= 0.8 * content.length;
  return consistent && (header || labelled >= 2);
}

export function readCsv(text: string): SourceLine[] {
  const { recs, error, errorLine } = records(text);
  if (error) throw new SourceError(`CSV cannot be read from the record starting on line ${errorLine}: ${error}`);
  return recs.map((r) => lineFromCells(r.start, r.cells));
}
