/**
 * Sources: bytes in, SourceLine[] out, so every format goes through the same
 * row assembly (the layouts). The format is sniffed from the content, never
 * from the file name:
 *
 * 1. bytes: nothing → no lines; a ZIP with xl/workbook.xml → XLSX (any other
 *    ZIP, a damaged one, or a known binary signature such as PDF or PNG →
 *    SourceError naming what it is);
 * 2. decode (encoding.ts), refusing text that is mostly control characters;
 * 3. text, judged on its first 64 KiB:
 *    - a <table> in markup → HTML;
 *    - tabs in most lines, or a tab-separated header row → text (TSV);
 *    - a pipe row that is a header → markdown;
 *    - comma-separated records of one width that name known columns → CSV;
 *    - a line whose space-separated runs are a header → aligned columns;
 *    - three or more known column names on lines of their own → cell-per-line;
 *    - otherwise text, and the layouts say what they make of it.
 */
import type { ImportWarning } from '../../domain/records';
import { physicalLines, splitLines, type SourceLine } from '../lines';
import { readAligned, sniffAligned } from './aligned';
import { isZip, knownBinary, looksBinary, SourceError } from './binary';
import { readCellPerLine, sniffCellPerLine } from './cellPerLine';
import { readCsv, sniffCsv } from './csv';
import { decodeBytes, normaliseNewlines, type DecodedText } from './encoding';
import { looksLikeHeader } from './header';
import { readHtml } from './html';
import { readMarkdown, sniffMarkdown } from './markdown';
import { sourceWarning, type Source, type SourceFormat } from './types';
import { describeZip, isWorkbook, readXlsx } from './xlsx';
import { readZipDirectory } from './zip';

export { SourceError } from './binary';
export type { Source, SourceFormat } from './types';

const SAMPLE_CHARS = 64 * 1024;

/** An empty input: nothing to read, so no format either. */
const empty = (): Source => ({ format: null, encoding: null, lines: [], lineCount: 0, warnings: [] });

/**
 * Reads a document. A string is taken as text already decoded, and reported
 * as UTF-8: it reads exactly as its UTF-8 bytes would. Throws SourceError
 * when the input is not a document this service reads.
 */
export function readSource(input: Buffer | string): Source {
  let decoded: DecodedText;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    decoded = { text: normaliseNewlines(text), encoding: 'utf-8', undecodable: 0 };
  } else {
    if (input.length === 0) return empty();
    if (isZip(input)) {
      const entries = readZipDirectory(input);
      if (!isWorkbook(entries)) throw new SourceError(`the file is ${describeZip(entries)}`);
      return readXlsx(input, entries);
    }
    const binary = knownBinary(input);
    if (binary) throw new SourceError(`the file is ${binary}`);
    decoded = decodeBytes(input);
  }
  const { encoding, undecodable } = decoded;
  let { text } = decoded;
  if (text === '') return empty();
  const binary = looksBinary(text);
  if (binary) throw new SourceError(`the file is ${binary}`);

  const warnings: ImportWarning[] = [];
  // A stray NUL (a truncated export, a UTF-16 fragment) is no text of a list, and PostgreSQL cannot store it.
  const nuls = text.split('\u0000').length - 1;
  if (nuls > 0) {
    text = text.replace(/\u0000/g, '');
    warnings.push(sourceWarning('NUL_REMOVED', null, `${nuls} NUL character(s) (U+0000) removed from the document`));
  }
  if (undecodable > 0) {
    const code = encoding === 'utf-8' ? 'INVALID_UTF8' : `INVALID_${encoding.replace(/-/g, '').toUpperCase()}`;
    warnings.push(sourceWarning(code, null, `document read as ${encoding}, but ${undecodable} byte sequence(s) could not be decoded and were replaced with U+FFFD`));
  }
  const format = sniffText(text);
  if (format === 'html') {
    const html = readHtml(text, encoding);
    return { ...html, warnings: [...warnings, ...html.warnings] };
  }
  const physical = physicalLines(text);
  let lines: SourceLine[];
  switch (format) {
    case 'csv':
      lines = readCsv(text);
      break;
    case 'markdown':
      lines = readMarkdown(physical);
      break;
    case 'aligned':
      lines = readAligned(physical);
      break;
    case 'cell-per-line': {
      const r = readCellPerLine(physical);
      lines = r.lines;
      for (const w of r.warnings) warnings.push(w);
      break;
    }
    default:
      lines = splitLines(text);
  }
  return { format, encoding, lines, lineCount: physical.length, warnings };
}

/** The start of the text, cut at a line end so no sniffer sees half a line. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  return cut > 0 ? text.slice(0, cut) : text.slice(0, SAMPLE_CHARS);
}

/** Which text format the content is (see the module comment for the order of the rules). */
export function sniffText(text: string): Exclude<SourceFormat, 'xlsx'> {
  const head = sample(text);
  const lines = physicalLines(head);
  const content = lines.filter((l) => l.trim() !== '');
  const tabbed = content.filter((l) => l.includes('\t'));
  if (/<table[\s>]/i.test(text) && (/^\s*</.test(head) || tabbed.length * 2 < content.length)) return 'html';
  if (content.length === 0) return 'text';
  if (tabbed.length * 2 >= content.length || tabbed.some((l) => looksLikeHeader(l.split('\t')))) return 'text';
  if (sniffMarkdown(content)) return 'markdown';
  if (sniffCsv(head)) return 'csv';
  if (sniffAligned(content)) return 'aligned';
  if (sniffCellPerLine(lines)) return 'cell-per-line';
  return 'text';
}
