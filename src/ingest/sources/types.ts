/** What a source reader hands to the pipeline: lines for the layouts, and what it found out on the way. */
import type { ImportWarning } from '../../domain/records';
import { excerpt, type SourceLine } from '../lines';

/**
 * Container formats, detected from content:
 * - text: tab-separated lines (TSV, Excel "text" exports, plain text);
 * - csv, xlsx, html: as named;
 * - markdown: pipe tables (`| 序号 | 事项名称 |`);
 * - aligned: columns laid out with runs of spaces (pdftotext -layout);
 * - cell-per-line: every cell on a line of its own, rows regrouped by the header's width.
 */
export type SourceFormat = 'text' | 'csv' | 'xlsx' | 'html' | 'markdown' | 'aligned' | 'cell-per-line';

export interface Source {
  /** Null for an empty input, which has no format to speak of. */
  format: SourceFormat | null;
  /** Character encoding of text formats; null for XLSX (its XML says) and for an empty input. */
  encoding: string | null;
  lines: SourceLine[];
  /** Lines (rows for XLSX) the source has; line numbers of `lines` run up to it, with gaps where nothing was read. */
  lineCount: number;
  warnings: ImportWarning[];
}

export function sourceWarning(code: string, line: number | null, message: string, text?: string): ImportWarning {
  return text === undefined ? { line, code, message } : { line, code, message, text: excerpt(text) };
}
