/**
 * Ingest: one document in, one ListRecord out. Pure — bytes or text in, no
 * file or database access — so the CLI, the server and tests share it.
 *
 * decode → lines → detect layout (content only) → the layout places rows into
 * items → named values, power types and citations derived → warnings sorted.
 */
import { extractCitations as realExtractCitations } from '../domain/citations';
import type { ImportWarning, ListRecord } from '../domain/records';
import { type CitationExtractor, finishItem, warning } from './assemble';
import { detectLayout, unknownLayout } from './detect';
import { inferDepartment, inferTitle } from './document';
import { decode, splitLines } from './lines';

export type { CitationExtractor } from './assemble';
export { cleanCell } from './clean';
export { detectLayout, LAYOUTS } from './detect';

export interface ParseOptions {
  /** Name of the source file, for the caller's provenance; never used to pick a layout. */
  fileName: string;
  /** Citation extractor; the domain's by default. Tests of row placement pass `() => []`. */
  extractCitations?: CitationExtractor;
}

export function parseDocument(input: Buffer | string, opts: ParseOptions): ListRecord {
  const extract = opts.extractCitations ?? realExtractCitations;
  const { text, invalidUtf8 } = decode(input);
  const lines = splitLines(text);
  const warnings: ImportWarning[] = [];
  if (invalidUtf8) warnings.push(warning('INVALID_UTF8', null, 'document is not valid UTF-8; undecodable bytes were replaced with U+FFFD'));

  const layout = detectLayout(lines);
  const result = layout ? layout.parse(lines) : unknownLayout(lines);
  warnings.push(...result.warnings);
  const items = result.items.map((draft) => finishItem(draft, extract, warnings));

  return {
    title: inferTitle(result.headings),
    department: inferDepartment(result.headings, items),
    layout: result.layout,
    items,
    // Document-wide warnings first, then by line; discovery order within a line.
    warnings: warnings
      .map((w, i) => ({ w, i }))
      .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
      .map(({ w }) => w),
    lineCount: lines.length,
  };
}
