/**
 * Full-text search input, pure: the user's text becomes a list of literal
 * terms, every one of which must occur (AND) in some searched field of a hit.
 *
 * Nothing the user types is query syntax. Quotes, `*`, `^`, `-`, `:`, `NEAR`,
 * `OR`, `%`, `_`, `\` are characters to find like any other; only whitespace
 * separates terms. Each backend gets the terms in a form it cannot read as
 * syntax: FTS5 phrases in double quotes (inner quotes doubled), LIKE patterns
 * with `%`, `_` and `\` escaped.
 *
 * Matching is exact substring matching, except that ASCII letters match
 * either case (`drg` finds `DRG`). Only ASCII is folded, and the same way on
 * every path (SQLite's built-in lower(), PostgreSQL translate(), foldAscii
 * here), so the two backends and the FTS and LIKE paths find the same rows.
 *
 * Lengths are in code points, never UTF-16 units: 😀 is one character, and
 * a term of 3 code points or more goes to the trigram index (which finds
 * nothing for shorter terms) while a shorter one is matched with LIKE.
 */

/** Longest text accepted, in code points (spaces included). */
export const MAX_SEARCH_LENGTH = 100;

/** Terms of at least this many code points can use a trigram index. */
export const TRIGRAM = 3;

/** The user's text cannot be searched for: empty, or too long. */
export class SearchInputError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

export interface SearchQuery {
  /** Every term, ASCII-folded, deduplicated, none inside another; all must match. */
  terms: string[];
  /** The terms of TRIGRAM code points or more. */
  long: string[];
  /** The shorter terms (1 or 2 code points). */
  short: string[];
}

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A–Z to a–z, nothing else: the one case folding every search path shares. */
export function foldAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

// Control characters (NUL ends an FTS5 string) and lone surrogates (no UTF-8
// form) cannot be in stored text a user meant to find: they separate terms.
const SEPARATOR = /[\s\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Reads the user's text into terms. Throws SearchInputError when it is longer
 * than MAX_SEARCH_LENGTH code points or holds no term.
 */
export function parseSearchText(text: string): SearchQuery {
  const length = codePointLength(text.trim());
  if (length > MAX_SEARCH_LENGTH) throw new SearchInputError(`search text is ${length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed`);
  const words = [...new Set(foldAscii(text).replace(SEPARATOR, ' ').split(' ').filter((w) => w !== ''))];
  if (words.length === 0) throw new SearchInputError('search text is empty');
  // A term inside another adds nothing under AND (the longer one implies it), and
  // dropping it lets more queries use the trigram index alone.
  const terms = words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
  return {
    terms,
    long: terms.filter((t) => codePointLength(t) >= TRIGRAM),
    short: terms.filter((t) => codePointLength(t) < TRIGRAM),
  };
}

/** An FTS5 query matching rows that hold every term literally: each term a quoted phrase. */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** A LIKE pattern finding `term` anywhere, as plain text (use with ESCAPE '\'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** A half-open range [start, end) in code points. */
export interface TextRange {
  start: number;
  end: number;
}

/** Where each term occurs in `text` (ASCII case ignored), in code points, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[]): TextRange[] {
  const folded = foldAscii(text);
  // UTF-16 index → code point index, for the indexOf hits below.
  const cp = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; n++) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    for (let k = 0; k < width; k++) cp[i + k] = n;
    i += width;
  }
  cp[text.length] = n;
  const raw: TextRange[] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1)) raw.push({ start: cp[at], end: cp[at + t.length] });
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of raw) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** A window of a field's text around its first match. */
export interface Snippet {
  /** The window's text. */
  text: string;
  /** Where the window starts in the whole field, in code points. */
  offset: number;
  /** Length of the whole field, in code points (the window is cut at the end when offset + its length is less). */
  length: number;
  /** The matches inside the window, relative to it, in code points. */
  highlights: TextRange[];
}

export const SNIPPET_WIDTH = 48;
/** Characters of context kept before the first match. */
const LEAD = 12;

/**
 * The snippet of `text` for `terms`: SNIPPET_WIDTH code points (more when
 * the first match is longer), starting a little before the first match;
 * null when no term occurs.
 */
export function snippet(text: string, terms: readonly string[], width = SNIPPET_WIDTH): Snippet | null {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return null;
  const chars = Array.from(text);
  const first = ranges[0];
  const start = Math.max(0, Math.min(first.start - LEAD, chars.length - width));
  const end = Math.min(chars.length, Math.max(start + width, first.end));
  return {
    text: chars.slice(start, end).join(''),
    offset: start,
    length: chars.length,
    highlights: ranges
      .filter((r) => r.start < end && r.end > start)
      .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start })),
  };
}

/** Canonical fields whose text is an item's duties (责任事项, 部门职责) for search. */
export const DUTY_FIELD_KEYS = ['responsibilities', 'departmentDuties'] as const;

/** An item's duties text as the search indexes it: its duty fields, one per line. */
export function dutiesText(fields: readonly { key: string | null; text: string }[]): string | null {
  const texts = fields.filter((f) => (DUTY_FIELD_KEYS as readonly (string | null)[]).includes(f.key)).map((f) => f.text);
  return texts.length ? texts.join('\n') : null;
}

/**
 * The rank of a hit when no trigram index ranks it (short terms on SQLite,
 * every search on PostgreSQL): for each term, 3 when the name text holds it,
 * plus 1 for each other field holding it; plus 1 / (1 + nameLength), so among
 * equal hits the shorter name (the one the terms make up more of) comes
 * first. The SQL of both backends computes the same; this is its reference.
 */
export function ruleRank(name: string | null, others: readonly (string | null)[], terms: readonly string[], nameLength: number): number {
  const has = (s: string | null, t: string) => s != null && foldAscii(s).includes(t);
  let score = 0;
  for (const t of terms) score += 3 * Number(has(name, t)) + others.filter((o) => has(o, t)).length;
  return score + 1 / (1 + nameLength);
}
