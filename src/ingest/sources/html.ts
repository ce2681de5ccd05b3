/**
 * HTML pages to lines: one line per <tr> of each data table, numbered by the
 * source line the <tr> starts on; cells keep their inner HTML as written
 * (the layouts clean cells). colspan/rowspan are expanded the way a text
 * export leaves merged cells: the value in the first cell, covered cells
 * empty, and cells covered from a row above marked in mergedFromAbove.
 *
 * Headings (<h1>–<h4>, <caption>, and the page <title> when the page has no
 * heading of its own) become '#'-marked heading lines, so section headings
 * that carry the power type ("…事项表(行政处罚)") work as in text lists.
 *
 * Government pages wrap content in layout tables and surround it with
 * navigation: a table that contains tables is a container (its own rows are
 * skipped, its inner tables read) unless its own rows have a header; when
 * some table has a header row, tables before the first such table are page
 * furniture and skipped (with a warning), as are headings there that do not
 * name a list; after it, a table without a header row is read only when it
 * is as wide as the list's table (a continuation, not a page footer).
 * Text outside tables and headings (paragraphs, links) is page content, not
 * rows, and is not read.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { DomHandler, DomUtils, Parser, type ParserOptions } from 'htmlparser2';
import { parsePowerTypes } from '../../domain/powerTypes';
import type { ImportWarning } from '../../domain/records';
import { cleanCell } from '../clean';
import { lineFromCells, physicalLines, type SourceLine } from '../lines';
import { SourceError } from './binary';
import { looksLikeHeader } from './header';
import { sourceWarning, type Source } from './types';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'select', 'textarea', 'svg']);
const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4 };
const NAMES_A_LIST = /清单|事项|权责|职权|一览表|目录/;
// Breadcrumbs ("当前位置：首页 > 政务公开 > 权责清单") name the list too, but are navigation.
const BREADCRUMB = /位置[:：]|[>»›＞]/;
const MAX_COLSPAN = 1000; // the HTML limits
const MAX_ROWSPAN = 65534;

interface Heading {
  kind: 'heading';
  line: number;
  level: number;
  text: string;
}
interface Table {
  kind: 'table';
  el: Element;
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** Line number of each character offset, by binary search over line starts. */
function lineIndex(text: string): (offset: number | null) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === null) return 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Inner HTML exactly as written in the page. */
function innerHtml(el: Element, source: string): string {
  const first = el.children[0];
  const last = el.children[el.children.length - 1];
  if (!first || first.startIndex === null || last.endIndex === null) return '';
  return source.slice(first.startIndex, last.endIndex + 1);
}

/** Visible text of an element on one line. */
const visibleText = (el: Element, source: string) => cleanCell(innerHtml(el, source)).replace(/\n/g, ' ');

/**
 * Elements under `root` with one of `names`, not looking inside elements
 * named in `stop` (nested tables, or rows and cells of an outer table).
 */
function descendants(root: Element, names: ReadonlySet<string>, stop: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (names.has(node.name)) out.push(node);
    else if (!stop.has(node.name)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

const TR = new Set(['tr']);
const CELLS = new Set(['td', 'th']);
const TABLE = new Set(['table']);
const TR_STOP = new Set(['table']);
const CELL_STOP = new Set(['table', 'tr']);

const ownRows = (table: Element) => descendants(table, TR, TR_STOP);
const rowCells = (tr: Element) => descendants(tr, CELLS, CELL_STOP);

function span(el: Element, name: string, max: number): number {
  const n = parseInt(el.attribs[name] ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : 1;
}

/** A table's rows as lines, spans expanded. */
function tableLines(table: Element, source: string, lineOf: (o: number | null) => number): SourceLine[] {
  const rows = ownRows(table);
  const lines: SourceLine[] = [];
  // Rows still covered by a rowspan, per column.
  const carry: number[] = [];
  rows.forEach((tr, ri) => {
    const cells: string[] = [];
    const merged: boolean[] = [];
    let col = 0;
    const fillCarried = () => {
      while (carry[col] > 0) {
        carry[col]--;
        cells[col] = '';
        merged[col] = true;
        col++;
      }
    };
    for (const td of rowCells(tr)) {
      fillCarried();
      const colspan = Math.max(1, span(td, 'colspan', MAX_COLSPAN));
      // rowspan="0" spans the rest of the table.
      const rs = span(td, 'rowspan', MAX_ROWSPAN);
      const rowspan = rs === 0 ? rows.length - ri : Math.max(1, rs);
      // A cell with nothing visible (&nbsp;, empty <p>) is empty, as a text export has it.
      cells[col] = isEmptyCell(td) ? '' : innerHtml(td, source);
      merged[col] = false;
      for (let k = 0; k < colspan; k++) {
        if (k > 0) {
          cells[col + k] = '';
          merged[col + k] = false;
        }
        if (rowspan > 1) carry[col + k] = Math.max(carry[col + k] ?? 0, rowspan - 1);
      }
      col += colspan;
    }
    // Columns right of the last cell that a rowspan from above still covers.
    for (let c = col; c < carry.length; c++) {
      if (carry[c] > 0) {
        carry[c]--;
        cells[c] = '';
        merged[c] = true;
      }
    }
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) [cells[c], merged[c]] = ['', false];
    lines.push(lineFromCells(lineOf(tr.startIndex), cells.length > 0 ? cells : [''], merged));
  });
  return lines;
}

/**
 * The nodes under `el` in document order, `visit` returning true to stop. Not
 * recursive: unclosed <div>s or tables within tables nest thousands deep,
 * deeper than DomUtils.textContent and findOne (which recurse) can go before
 * the call stack overflows.
 */
function walk(el: Element, visit: (node: ChildNode) => boolean | void): void {
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === true) return;
    if (DomUtils.hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** DomUtils.textContent, without recursion (see walk). */
function textContent(el: Element): string {
  let text = '';
  walk(el, (node) => {
    if (DomUtils.isText(node)) text += node.data;
  });
  return text;
}

/** No visible text and no image (see walk for why not DomUtils). */
const isEmptyCell = (td: Element) => {
  let empty = true;
  walk(td, (node) => {
    if ((DomUtils.isText(node) && /[^\s\u00a0\u3000]/.test(node.data)) || (DomUtils.isTag(node) && node.name === 'img')) empty = false;
    return !empty;
  });
  return empty;
};

/** Cell text for header detection; long cells are data, and not worth cleaning to find that out. */
const headerText = (td: Element, source: string) => {
  const raw = innerHtml(td, source);
  return raw.length > 200 ? raw : cleanCell(raw);
};

const headerTables = new WeakMap<Element, boolean>();
function hasHeaderRow(table: Element, source: string): boolean {
  let known = headerTables.get(table);
  if (known === undefined) {
    known = ownRows(table).some((tr) => looksLikeHeader(rowCells(tr).map((td) => headerText(td, source))));
    headerTables.set(table, known);
  }
  return known;
}

/** Columns of a table: its widest row, colspans counted. */
const tableWidth = (table: Element) =>
  ownRows(table).reduce((w, tr) => Math.max(w, rowCells(tr).reduce((n, td) => n + Math.max(1, span(td, 'colspan', MAX_COLSPAN)), 0)), 0);

/** Headings and tables of the page in document order; container tables are looked into, data tables are not. */
function pageParts(root: ChildNode[], source: string, lineOf: (o: number | null) => number): { parts: (Heading | Table)[]; title: Heading | null } {
  const parts: (Heading | Table)[] = [];
  let title: Heading | null = null;
  const stack: ChildNode[] = [...root].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node) || SKIPPED.has(node.name)) continue;
    const level = HEADINGS[node.name];
    if (level !== undefined) {
      parts.push({ kind: 'heading', line: lineOf(node.startIndex), level, text: visibleText(node, source) });
      continue;
    }
    if (node.name === 'title') {
      title ??= { kind: 'heading', line: lineOf(node.startIndex), level: 1, text: visibleText(node, source) };
      continue;
    }
    if (node.name === 'table') {
      const container = descendants(node, TABLE, new Set()).length > 0 && !hasHeaderRow(node, source);
      if (!container) {
        parts.push({ kind: 'table', el: node });
        continue;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return { parts, title };
}

const namesList = (text: string) => !BREADCRUMB.test(text) && (NAMES_A_LIST.test(text) || parsePowerTypes(text).length > 0);

/**
 * Deepest nesting of a page read. htmlparser2 keeps the open elements in an
 * array it unshifts onto, so each level costs as much as the levels below it:
 * 40,000 tables nested in one another (600 KB) took 4 s to parse, twice as
 * many 47 s. A list page nests a few dozen levels, a sloppy one (tags never
 * closed) some hundreds; one past this is refused rather than parsed.
 */
const MAX_DEPTH = 10_000;

/** htmlparser2's parseDocument, refusing a page nested deeper than MAX_DEPTH. */
function parsePage(source: string, lineOf: (o: number | null) => number): Document {
  const options: ParserOptions = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };
  class DepthLimited extends DomHandler {
    private at: Parser | null = null;
    override onparserinit(parser: Parser): void {
      this.at = parser;
      super.onparserinit(parser);
    }
    override onopentag(name: string, attribs: { [key: string]: string }): void {
      // tagStack holds the document itself below the open elements.
      if (this.tagStack.length > MAX_DEPTH) {
        throw new SourceError(`the HTML page nests elements more than ${MAX_DEPTH} levels deep (line ${lineOf(this.at?.startIndex ?? null)}); no list is laid out like that`);
      }
      super.onopentag(name, attribs);
    }
  }
  const handler = new DepthLimited(undefined, { withStartIndices: true, withEndIndices: true });
  new Parser(handler, options).end(source);
  return handler.root;
}

export function readHtml(source: string, encoding: string): Source {
  const lineOf = lineIndex(source);
  const doc = parsePage(source, lineOf);
  const { parts, title } = pageParts(doc.children, source, lineOf);
  const warnings: ImportWarning[] = [];

  // Which tables are the list: decided first, so headings after the last of them (the footer) can be left out.
  const firstHeaderTable = parts.findIndex((p) => p.kind === 'table' && hasHeaderRow(p.el, source));
  const skipped = new Map<number, string>();
  let dataWidth = 0;
  parts.forEach((p, i) => {
    if (p.kind !== 'table' || firstHeaderTable < 0) return;
    const width = tableWidth(p.el);
    if (i < firstHeaderTable) skipped.set(i, 'table before the first table with a header row was taken for page navigation and not read');
    else if (hasHeaderRow(p.el, source)) dataWidth = width;
    // A table without a header continues the list only if it is as wide.
    else if (width !== dataWidth) skipped.set(i, `table without a header row, ${width} column(s) wide where the list's table has ${dataWidth}, was taken for page furniture and not read`);
  });
  const lastTable = parts.reduce((last, p, i) => (p.kind === 'table' && !skipped.has(i) ? i : last), -1);

  const lines: SourceLine[] = [];
  const heading = (h: Heading) => lineFromCells(h.line, [`${'#'.repeat(h.level)} ${h.text}`]);
  let rows = 0;
  let headedBeforeRows = false;
  parts.forEach((p, i) => {
    if (p.kind === 'heading') {
      // Before the list only headings that name it; after it, none (the page footer).
      if (p.text === '' || i > lastTable || (i < firstHeaderTable && !namesList(p.text))) return;
      lines.push(heading(p));
      if (rows === 0) headedBeforeRows = true;
      return;
    }
    const skip = skipped.get(i);
    if (skip) {
      const text = textContent(p.el).replace(/\s+/g, ' ').slice(0, 200);
      warnings.push(sourceWarning('SKIPPED_TABLE', lineOf(p.el.startIndex), skip, text));
      return;
    }
    const caption = descendants(p.el, new Set(['caption']), TR_STOP)[0];
    const captionText = caption ? visibleText(caption, source) : '';
    if (captionText !== '') {
      lines.push(heading({ kind: 'heading', line: lineOf(caption.startIndex), level: 2, text: captionText }));
      if (rows === 0) headedBeforeRows = true;
    }
    for (const line of tableLines(p.el, source, lineOf)) {
      lines.push(line);
      rows++;
    }
  });

  // The page title stands in for a heading only when nothing before the first row heads the list.
  if (title && title.text !== '' && !headedBeforeRows && namesList(title.text)) lines.unshift(heading(title));
  if (rows === 0) warnings.push(sourceWarning('NO_TABLE_ROWS', null, 'the HTML page has no table rows to read'));

  return { format: 'html', encoding, lines, lineCount: physicalLines(source).length, warnings };
}
