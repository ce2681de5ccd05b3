/**
 * Ingest: one document in, one ListRecord out. Pure — bytes or text in, no
 * file or database access — so the CLI, the server and tests share it.
 *
 * source (format and encoding sniffed from the bytes → lines) → detect layout
 * (content only) → the layout places rows into items → named values, power
 * types and citations derived → warnings sorted.
 */
import { extractCitations as realExtractCitations } from '../domain/citations';
import type { ImportWarning, ListRecord } from '../domain/records';
import { type CitationExtractor, finishItem } from './assemble';
import { detectLayout, unknownLayout } from './detect';
import { inferDepartment, inferTitle } from './document';
import { readSource } from './sources';
import { isBlank, isSeparatorRow } from './lines';
import { buildReport } from './report';

export type { CitationExtractor } from './assemble';
export { cleanCell } from './clean';
export { detectLayout, LAYOUTS } from './detect';
export { readSource, SourceError, type Source, type SourceFormat } from './sources';

export interface ParseOptions {
  /** Name of the source file, for the caller's provenance; never used to pick a layout. */
  fileName: string;
  /** Citation extractor; the domain's by default. Tests of row placement pass `() => []`. */
  extractCitations?: CitationExtractor;
}

/**
 * Throws SourceError when the input is not a document this service reads
 * (a PDF, an image, a damaged XLSX); anything it can read gives a record,
 * with what it could not place as warnings.
 */
export function parseDocument(input: Buffer | string, opts: ParseOptions): ListRecord {
  const extract = opts.extractCitations ?? realExtractCitations;
  const source = readSource(input);
  const { lines } = source;
  const warnings: ImportWarning[] = [...source.warnings];

  const layout = detectLayout(lines);
  const result = layout ? layout.parse(lines) : unknownLayout(lines);
  // Not push(...): a large unreadable document has more warnings than a call takes arguments.
  for (const w of result.warnings) warnings.push(w);
  const items = result.items.map((draft) => finishItem(draft, extract, warnings));

  const record: ListRecord = {
    title: inferTitle(result.headings),
    department: inferDepartment(result.headings, items),
    layout: result.layout,
    items,
    // Document-wide warnings first, then by line; discovery order within a line.
    warnings: warnings
      .map((w, i) => ({ w, i }))
      .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
      .map(({ w }) => w),
    lineCount: source.lineCount,
    // An empty input has neither.
    ...(source.format !== null && { format: source.format }),
    ...(source.encoding !== null && { encoding: source.encoding }),
  };
  record.report = buildReport(record, lines.filter((l) => !isBlank(l) && !isSeparatorRow(l)).map((l) => l.no));
  return record;
}
