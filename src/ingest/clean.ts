/**
 * Cell cleaning: the HTML some lists put in cells (<p>, <ol>, <li>, <br>)
 * turned into plain text with its line structure kept. A real HTML parser is
 * used because cells hold unclosed and nested tags, attributes with '>' in
 * quotes and entities; regexes over tags get those wrong.
 *
 * Punctuation is left as written (full-width stays full-width): cleaning must
 * not change meaning, and later stages may want the original forms. Matching
 * (headers, power types, level words, row numbers, duplicate keys) goes
 * through normaliseWidth instead, which folds only letters, digits and the
 * ideographic space.
 */
import { Parser } from 'htmlparser2';

export { normaliseWidth } from '../domain/width';

// Elements that start a new line of text. td/th are not here: a nested cell is
// a run of text on the same line, separated by a space (see INLINE_BREAKS).
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const INLINE_BREAKS = new Set(['td', 'th']);
const SKIPPED_CONTENT = new Set(['script', 'style']);

// Whitespace folded to one ASCII space. U+3000 (ideographic space) is not
// folded inside a line: it is part of how Chinese text is written.
const FOLDABLE_SPACE = /[ \t\n\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\ufeff]+/g;

/**
 * Deepest nesting handed to the HTML parser at once. htmlparser2 keeps the open
 * elements in an array it unshifts onto, so each level costs as much as the
 * levels below it: a cell of 250,000 unclosed <div>s (1.25 MB) took 24 s to
 * clean, a million of them minutes. No cell nests anywhere near this deep.
 */
const MAX_DEPTH = 1000;

/** Thrown from a parser callback to stop parsing at `at` (an offset into the text parsed). */
class StopParsing extends Error {
  constructor(readonly at: number) {
    super('parsing stopped');
  }
}

/**
 * The text of a cell: block elements become line breaks, entities are decoded,
 * runs of spaces fold to one, each line is trimmed and empty lines dropped.
 */
export function cleanCell(raw: string): string {
  if (!/[<&]/.test(raw)) return normaliseText(raw);
  // Paragraph breaks are marked with \u0000 while parsing: text nodes can
  // contain \n, which HTML treats as ordinary whitespace.
  const BREAK = '\u0000';
  let out = '';
  let skipping = 0;
  let depth = 0;
  let parser: Parser;
  const handler = {
    onopentag(name: string) {
      if (SKIPPED_CONTENT.has(name)) skipping++;
      if (BLOCK_ELEMENTS.has(name)) out += BREAK;
      else if (INLINE_BREAKS.has(name)) out += ' ';
      // Too deep (see MAX_DEPTH): the rest is parsed afresh, as if the open elements had closed.
      if (++depth > MAX_DEPTH) throw new StopParsing(parser.endIndex + 1);
    },
    onclosetag(name: string) {
      depth--;
      if (SKIPPED_CONTENT.has(name)) skipping = Math.max(0, skipping - 1);
      if (BLOCK_ELEMENTS.has(name)) out += BREAK;
      else if (INLINE_BREAKS.has(name)) out += ' ';
    },
    ontext(text: string) {
      if (skipping === 0) out += text;
    },
  };
  // Only nesting is lost past MAX_DEPTH, never text; browsers flatten too deep a tree alike.
  for (let rest = raw; ; ) {
    parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true });
    try {
      parser.write(rest);
      parser.end();
      break;
    } catch (e) {
      if (!(e instanceof StopParsing)) throw e;
      rest = rest.slice(e.at);
      depth = 0;
      skipping = 0;
    }
  }
  return out
    .split(BREAK)
    .map((l) => l.replace(FOLDABLE_SPACE, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * A cell that came in several physical lines (a TSV cell with a line break,
 * joined back by the table layout): plain text keeps each line as a line;
 * markup is read as HTML, where a line break is only whitespace.
 */
export function cleanCellLines(raw: string): string {
  if (!raw.includes('\n') || /[<&]/.test(raw)) return cleanCell(raw);
  return raw
    .split('\n')
    .map(normaliseText)
    .filter((l) => l !== '')
    .join('\n');
}

/** Whitespace rules of cleanCell for text that holds no markup. */
function normaliseText(text: string): string {
  return text.replace(FOLDABLE_SPACE, ' ').trim();
}

/**
 * Split a cell after its first top-level block element: "<p>A</p> <p>B</p>…"
 * → ["<p>A</p>", "<p>B</p>…"], both as written. Null when the cell does not
 * start with a block element or nothing follows it. Used to undo two cells
 * that an export merged into one.
 */
export function splitFirstBlock(raw: string): [string, string] | null {
  let depth = 0;
  let firstTag: string | null = null;
  let sawText = false;
  let splitAt = -1;
  const parser = new Parser(
    {
      onopentag(name) {
        if (splitAt >= 0) return;
        if (depth === 0 && firstTag === null) {
          if (!BLOCK_ELEMENTS.has(name) || sawText) splitAt = -2;
          else firstTag = name;
        }
        // A first block nested too deep (see MAX_DEPTH) is not split off.
        if (++depth > MAX_DEPTH) splitAt = -2;
        // The rest of the cell is not parsed once the answer is known: it can be nested deep too.
        if (splitAt !== -1) throw new StopParsing(parser.endIndex + 1);
      },
      ontext(text) {
        if (depth === 0 && firstTag === null && text.trim() !== '') sawText = true;
      },
      onclosetag(name) {
        if (splitAt !== -1) return;
        depth--;
        if (depth === 0 && name === firstTag) splitAt = parser.endIndex + 1;
        if (splitAt !== -1) throw new StopParsing(splitAt);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  try {
    parser.write(raw);
    parser.end();
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e;
  }
  if (splitAt < 0) return null;
  const head = raw.slice(0, splitAt);
  const tail = raw.slice(splitAt).trim();
  if (cleanCell(tail) === '') return null;
  return [head, tail];
}
