/**
 * CSV (RFC 4180, as Excel and WPS write it) to lines, with csv-parse: quoted
 * fields keep their commas, doubled quotes and line breaks. A record is
 * numbered by the physical line it starts on, so a record spanning lines
 * 3–5 is line 3 and the next record is line 6.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { lineFromCells, type SourceLine } from '../lines';
import { SourceError } from './binary';
import { isColumnName, looksLikeHeader } from './header';

const OPTIONS: Options = {
  delimiter: ',',
  // Rows of a list differ in width (title rows, continuation rows); quotes
  // inside unquoted fields ("《法》"第三条") are text, not syntax.
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
};

const SNIFF_CHARS = 16 * 1024;

interface Rec {
  cells: string[];
  /** Physical line the record starts on. */
  start: number;
}

/** Records until the end or the first syntax error; `error` says what stopped it, at the record starting on `errorLine`. */
function records(text: string): { recs: Rec[]; error: CsvError | null; errorLine: number } {
  const recs: Rec[] = [];
  let nextStart = 1;
  // relax_column_count makes csv-parse build a CsvError for every row of another
  // width (title and continuation rows); their stack traces were most of the cost.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parse(text, {
      ...OPTIONS,
      on_record: (cells: string[], context) => {
        recs.push({ cells, start: nextStart });
        // context.lines is the line the record ends on.
        nextStart = context.lines + 1;
        return null; // collected here; csv-parse need not keep its own copy
      },
    });
  } catch (e) {
    if (e instanceof CsvError) return { recs, error: e, errorLine: nextStart };
    throw e;
  } finally {
    Error.stackTraceLimit = limit;
  }
  return { recs, error: null, errorLine: 0 };
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
  if (error) throw new SourceError(`CSV cannot be read from the record starting on line ${errorLine}: ${error.message}`);
  return recs.map((r) => lineFromCells(r.start, r.cells));
}
