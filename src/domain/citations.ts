/**
 * Citation extraction: statute and article references in one cleaned field
 * text (HTML already turned into text, paragraphs on separate lines).
 *
 * Built as a pipeline of small stages, each exported and tested on its own
 * (eyecite is the model):
 *   findTitles         every 《…》 title (nested 〈〉/《》 inside, unbalanced quotes tolerated)
 *   readEmbeddedTitle  实施《X》若干规定: the quoted law is part of a longer, unquoted title
 *   isRevisionNote     根据…《…决定》修订 names the amending act, not a basis
 *   readTagBefore      【法律】 / [部门规章] / "【法律】1." before a title
 *   skipTitleTrailer   version notes (…修正), （国务院令第735号）, 国办发〔2019〕2号 after a title
 *   parseReference     第八十七条, 第六十四条第二款, 第四十条第一款第（一）项, 第四十二至四十七条,
 *                      第四十七、四十二至四十七、五十五条, 第五章, 第五章第二十七条
 *   isReferencePosition where a 第X条 is a reference rather than part of quoted wording
 *   readQuoted         the article wording the list gives after the number
 *   extractCitations   the stages put together
 *
 * Decisions (see also statuteTitles.ts):
 *  - One record per article: a range 第四十二至四十七条 gives six records with
 *    the same span; a list 第十八、二十四条 (or 第十八条、二十四条) gives one
 *    record per element, each spanning its own element ("第十八", "二十四条").
 *    An article named twice is recorded twice (different spans).
 *  - 第十五条之一 (an inserted article) is read as article 15 with "之一" kept
 *    in `text`: the records have no field for it, and 15 is the nearest
 *    honest number; the text says which article is meant.
 *  - The first reference right after its title spans the title too, with any
 *    version note between ("《社会保险法》(2018年12月29日修改)第八十四条"), as
 *    records.ts describes; later references span only themselves.
 *  - A statute with no article reference gives one statute-level record
 *    (article null) spanning its title. A chapter reference (第五章) has no
 *    article: it gives a statute-level record spanning "第五章", so the chapter
 *    stays visible in `text`. 第五章第二十七条 is article 27.
 *  - 款/项 are kept only when one article is named; with a list or range they
 *    cannot be attributed honestly and are null.
 *  - `quoted` is one article's wording: null for ranges, lists, chapters and
 *    statute-level records.
 *  - category comes from a tag only; inferredCategory is the separate guess
 *    of inferCategoryFromTitle (title, issuer and documentNumber), so a wrong
 *    tag shows as a difference (categoriesConflict), never as a silent fix.
 *  - status: CORRECTED_TITLE > TRUNCATED > NO_ARTICLE > OK (one value; see
 *    citationStatus). documentNumber is the first number in the notes right
 *    after the title (国办发〔2019〕2号, 国务院令第735号), as written.
 *  - A tag heads the numbered items that follow it ("【法律】1.《A》…
 *    2.《B》" — B is 法律 too); otherwise an untagged title has category null.
 *  - Nothing is invented: a cut-off "《…法》第" is a statute-level record
 *    with status TRUNCATED; a 第X条 that is not at a reference position (本法第二十条, 依照…第X条) is
 *    wording, not a citation; nor is a law the wording mentions after
 *    依照/根据/按照… ("…依照《治安管理处罚法》第五十条…").
 *  - titleAsWritten is the text between 《》 (a tag written inside included);
 *    for 实施《X》若干规定 it is that whole name, since the quotes do not
 *    delimit the instrument cited.
 */
import type { CitationRecord, CitationStatus } from './records';
import type { FieldKey } from './fields';
import { isNumeralChar, parseChineseNumber } from './numerals';
import { inferCategoryFromTitle, isStatuteTitle, normaliseStatuteTitle, statuteCategory } from './statuteTitles';

// ---------------------------------------------------------------------------
// Stage: titles

export interface TitleSpan {
  /** Offset of 《 (or of the first title character when the opener is missing). */
  start: number;
  /** Offset after 》 (or after the last title character when the closer is missing). */
  end: number;
  /** Text between the quotes, as written. */
  inner: string;
  /** False when one of the quotes was missing and the title was delimited by rule. */
  balanced: boolean;
}

// Longer "titles" are a quote left open across a sentence, not a title.
const MAX_TITLE_LENGTH = 120;
const MAX_UNQUOTED_TITLE_LENGTH = 60;

/** Offset of the 》 closing the 《 at `open`, or -1 (a title never spans lines). */
function findClosingQuote(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') return -1;
    if (ch === '《') depth++;
    else if (ch === '》' && --depth === 0) return i;
  }
  return -1;
}

/** Where a title opened with 《 but never closed most plausibly ends. */
function cutUnclosedTitle(text: string, from: number): number {
  let i = from;
  for (; i < text.length && i - from < MAX_UNQUOTED_TITLE_LENGTH; i++) {
    const ch = text[i];
    if ('\n《》【[（(。；;，,：:、“”"'.includes(ch) || /\s/.test(ch)) break;
    if (ch === '第' && isNumeralChar(text[i + 1])) break;
  }
  return i;
}

// Numbering of a list item: "1." "2、" "（3）" "一、".
const NUMBERING_AT_END =
  /(?:^|[\s。；;，,】\]］”"])((?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[.．、]|[(（][0-9０-９一二三四五六七八九十]{1,3}[)）])$/;

/** Length of an item number ending at `pos` ("1." in "…\n1.《"), or 0. */
function numberingBefore(text: string, pos: number): number {
  const lineStart = lineStartWithin(text, pos, 20);
  const from = lineStart >= 0 ? lineStart : pos - 20;
  const head = lineStart >= 0 ? '\n' : '';
  const m = NUMBERING_AT_END.exec(head + text.slice(from, pos));
  return m ? m[1].length : 0;
}

/**
 * Start of the line `pos` is on when it lies at most `max` characters back,
 * else -1. Not text.lastIndexOf('\n', pos - 1), which scans back to the start
 * of a text without line breaks, for every citation in it: a legal basis of
 * 20,000 citations on one line (400 KB) took 3 s, twice that 11 s.
 */
function lineStartWithin(text: string, pos: number, max: number): number {
  for (let i = pos - 1; i >= Math.max(-1, pos - max - 1); i--) if (i === -1 || text[i] === '\n') return i + 1;
  return -1;
}

function skipSpacesBack(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && /[ \t\u3000]/.test(text[p - 1])) p--;
  return p;
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && /[ \t\u3000]/.test(text[p])) p++;
  return p;
}

/**
 * Start of a title whose 《 is missing, given its 》 at `close`: accepted only
 * right after a tag or an item number. At a bare line start "依据社会保险法》"
 * cannot be told from a title, so it is not guessed at.
 */
function strayTitleStart(text: string, close: number): number | null {
  let s = close;
  while (s > 0 && !'\n】]］。；;，,：:、“”"《》()（）.．'.includes(text[s - 1]) && !/\s/.test(text[s - 1])) s--;
  if (s === close || close - s > MAX_UNQUOTED_TITLE_LENGTH) return null;
  const before = skipSpacesBack(text, s);
  if (before > 0 && '】]］'.includes(text[before - 1])) return s;
  if (numberingBefore(text, before) > 0) return s;
  return null;
}

/** Every 《》 title in `text`, in order; titles nested inside another are part of it. */
export function findTitles(text: string): TitleSpan[] {
  const out: TitleSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '《') {
      const close = findClosingQuote(text, i);
      if (close !== -1 && close - i - 1 <= MAX_TITLE_LENGTH) {
        out.push({ start: i, end: close + 1, inner: text.slice(i + 1, close), balanced: true });
        i = close + 1;
        continue;
      }
      const cut = cutUnclosedTitle(text, i + 1);
      const inner = text.slice(i + 1, cut);
      if (isStatuteTitle(inner)) {
        out.push({ start: i, end: cut, inner, balanced: false });
        i = cut;
        continue;
      }
    } else if (ch === '》') {
      const s = strayTitleStart(text, i);
      if (s !== null && isStatuteTitle(text.slice(s, i))) {
        out.push({ start: s, end: i + 1, inner: text.slice(s, i), balanced: false });
      }
    }
    i++;
  }
  return out;
}

/** A category tag written inside the quotes (《【法律】中华人民共和国行政处罚法》). */
export function splitLeadingTag(inner: string): { tag: string | null; rest: string } {
  const m = /^\s*([【\[［][^】\]］]{1,10}[】\]］])\s*/.exec(inner);
  if (!m) return { tag: null, rest: inner };
  return { tag: m[1], rest: inner.slice(m[0].length) };
}

// ---------------------------------------------------------------------------
// Stage: the instrument a title stands for

export interface EmbeddedTitle {
  start: number;
  end: number;
  /** The whole instrument name as written, e.g. 实施《中华人民共和国社会保险法》若干规定. */
  asWritten: string;
  /** The same with the inner title in 〈〉, ready for normaliseStatuteTitle. */
  titleForm: string;
}

/**
 * 实施《中华人民共和国社会保险法》若干规定 cites the 若干规定, not the law; so
 * does 《药品管理法》实施条例. Without 实施 before the title, only compound
 * suffixes count: "《社会保险法》规定" means "the law provides".
 */
export function readEmbeddedTitle(text: string, title: TitleSpan): EmbeddedTitle | null {
  if (!title.balanced) return null;
  const prefixed = text.slice(title.start - 2, title.start) === '实施';
  const after = text.slice(title.end, title.end + 6);
  const m = prefixed
    ? /^(若干规定|实施细则|实施办法|实施条例|规定|办法|细则|条例)/.exec(after)
    : /^(若干规定|实施细则|实施办法|实施条例)/.exec(after);
  if (!m) return null;
  const start = prefixed ? title.start - 2 : title.start;
  const end = title.end + m[1].length;
  const titleForm = prefixed ? `实施〈${title.inner}〉${m[1]}` : `${title.inner}${m[1]}`;
  return { start, end, asWritten: text.slice(start, end), titleForm };
}

/** 根据2019年3月2日《国务院关于修改部分行政法规的决定》修订: the amending act, not a basis. */
export function isRevisionNote(text: string, title: TitleSpan): boolean {
  const before = text.slice(Math.max(0, title.start - 30), title.start);
  const after = text.slice(title.end, title.end + 12);
  return /根据[^，,。；;\n《》]{0,24}$/.test(before) && /^[^，,。；;\n《]{0,8}?(修订|修正|修改)/.test(after);
}

// ---------------------------------------------------------------------------
// Stage: category tag before a title

export interface TagBefore {
  /** The tag as written (【法律】), or null when none precedes the title. */
  tag: string | null;
  /** Category the tag names, or null (no tag, or a tag that is not a category). */
  category: string | null;
  /** True when an item number sits right before the title ("1.《…", "【法律】1.《…"). */
  numbered: boolean;
  /** Start of the tag / numbering / title run: where the citation begins. */
  unitStart: number;
}

/** Reads "【法律】", "1.", "【法律】1." or "1.【法律】" right before `pos` (spaces allowed). */
export function readTagBefore(text: string, pos: number): TagBefore {
  let p = skipSpacesBack(text, pos);
  let unitStart = pos;
  let numbered = false;
  let tag: string | null = null;
  for (let round = 0; round < 2; round++) {
    const n = numberingBefore(text, p);
    if (n > 0) {
      if (round === 0) numbered = true;
      p -= n;
      unitStart = p;
      p = skipSpacesBack(text, p);
      continue;
    }
    const q = p > 0 && '：:'.includes(text[p - 1]) ? p - 1 : p;
    if (tag === null && q > 0 && '】]］'.includes(text[q - 1])) {
      // Only the 12 characters a tag may span are searched (lastIndexOf over the whole text was quadratic).
      const near = Math.max(0, q - 12);
      const window = text.slice(near, q);
      const found = Math.max(window.lastIndexOf('【'), window.lastIndexOf('['), window.lastIndexOf('［'));
      const open = found === -1 ? -1 : near + found;
      if (open !== -1 && q - open <= 12 && !/[\n《》]/.test(text.slice(open, q))) {
        tag = text.slice(open, q);
        p = skipSpacesBack(text, open);
        unitStart = open;
        continue;
      }
    }
    break;
  }
  return { tag, category: tag === null ? null : statuteCategory(tag), numbered, unitStart };
}

// ---------------------------------------------------------------------------
// Stage: what follows a title before its articles

// An order or document number written without parentheses right after a title:
// 《社会保险经办条例》中华人民共和国国务院令765号第四十三条.
const PROMULGATION_NOTE =
  /^(?:中华人民共和国)?(?:国务院|主席|[\u4e00-\u9fff]{1,12}部)令(?:第)?[0-9０-９零〇一二三四五六七八九十百千]+号|^[\u4e00-\u9fff]{1,10}〔[0-9０-９]{4}〕[0-9０-９]+号/;

/** Offset of the matching close of the parenthesis at `open` (same line), or -1. */
function findClosingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') return -1;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && --depth === 0) return i;
  }
  return -1;
}

/**
 * Offset after the version notes, promulgation numbers and a "…的通知"
 * wrapper that follow a title at `pos`. Titles inside these (revision acts)
 * are thereby skipped.
 */
export function skipTitleTrailer(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const q = skipSpaces(text, p);
    if (text.startsWith('的通知', q)) {
      // 关于印发《X》的通知 with the outer quotes missing: the articles are X's.
      p = q + 3;
      continue;
    }
    if (text[q] === '(' || text[q] === '（') {
      const close = findClosingParen(text, q);
      if (close === -1) break;
      p = close + 1;
      continue;
    }
    const m = PROMULGATION_NOTE.exec(text.slice(q, q + 40));
    if (m) {
      p = q + m[0].length;
      continue;
    }
    break;
  }
  return p;
}

// ---------------------------------------------------------------------------
// Stage: article references

export interface ReferenceItem {
  start: number;
  end: number;
  /** Article numbers (or chapter numbers for a chapter reference) the element names. */
  numbers: number[];
}

export interface ReferenceGroup {
  kind: 'article' | 'chapter';
  start: number;
  end: number;
  /** One element per number or range sharing one 第…条 ("第十八、二十四条" → 2). */
  items: ReferenceItem[];
  paragraph: number | null;
  clause: number | null;
}

function readNumeral(text: string, pos: number): { value: number; end: number } | null {
  let end = pos;
  while (end < text.length && isNumeralChar(text[end])) end++;
  if (end === pos) return null;
  const value = parseChineseNumber(text.slice(pos, end));
  return value === null ? null : { value, end };
}

/**
 * Offset after 之一 / 之二 at `pos` (第十五条之一, an article inserted by an
 * amendment), else `pos`. The article is read as its base number (15) and the
 * suffix stays in the record's text: nothing is invented, and the text shows
 * which article is meant.
 */
function skipInsertedSuffix(text: string, pos: number): number {
  if (text[pos] !== '之') return pos;
  let p = pos + 1;
  while (/[一二三四五六七八九十]/.test(text[p] ?? '')) p++;
  return p > pos + 1 ? p : pos;
}

const RANGE_MARK = '至到~～－—-';
const isRangeMark = (ch: string | undefined): boolean => ch !== undefined && RANGE_MARK.includes(ch);
// Larger spans are typos or garbage; only the two ends are then recorded.
const MAX_RANGE = 200;

function expandRange(from: number, to: number): number[] {
  if (to <= from || to - from > MAX_RANGE) return from === to ? [from] : [from, to];
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

/** 第N款 / 第（N）项 / 第N项 at `pos`. */
function readSubdivision(text: string, pos: number, unit: '款' | '项'): { value: number; end: number } | null {
  if (text[pos] !== '第') return null;
  let p = pos + 1;
  const paren = text[p] === '(' || text[p] === '（';
  if (paren) p++;
  const n = readNumeral(text, p);
  if (!n) return null;
  p = n.end;
  if (paren) {
    if (text[p] !== ')' && text[p] !== '）') return null;
    p++;
  }
  if (text[p] !== unit || n.value <= 0) return null;
  return { value: n.value, end: p + 1 };
}

// A chapter's name between 第五章 and the article: 第五章医疗救助第二十五条.
const CHAPTER_NAME = /^(?:(?!第)[\u4e00-\u9fff]){0,12}(?=第[0-9０-９零〇一二两三四五六七八九十百千万]+[条條])/;

/**
 * The reference starting at `pos` ("第…条…", "第…章"), or null. With
 * `allowMissingDi` the 第 may be missing ("…修正)七十九条"), which is only
 * trusted right after a title.
 */
export function parseReference(text: string, pos: number, allowMissingDi = false): ReferenceGroup | null {
  let p = pos;
  if (text[p] === '第') p++;
  else if (!allowMissingDi) return null;

  const items: ReferenceItem[] = [];
  for (;;) {
    const itemStart = items.length === 0 ? pos : p;
    const first = readNumeral(text, p);
    if (!first) {
      if (items.length === 0) return null;
      break;
    }
    p = first.end;
    let numbers = [first.value];
    if (isRangeMark(text[p])) {
      const q = text[p + 1] === '第' ? p + 2 : p + 1;
      const second = readNumeral(text, q);
      if (second) {
        numbers = expandRange(first.value, second.value);
        p = second.end;
      }
    }
    items.push({ start: itemStart, end: p, numbers });
    // A list shares one 第…条: 第四十七、四十二至四十七、五十五条 / 第二、第二十九条.
    if (text[p] === '、') {
      const q = text[p + 1] === '第' ? p + 2 : p + 1;
      if (isNumeralChar(text[q])) {
        p = q;
        continue;
      }
    }
    break;
  }
  if (items.some((it) => it.numbers.some((n) => n <= 0))) return null;

  const unit = text[p];
  let last = items[items.length - 1];
  if (unit === '章') {
    p++;
    last.end = p;
    if (items.length === 1 && items[0].numbers.length === 1) {
      const name = CHAPTER_NAME.exec(text.slice(p, p + 16));
      if (name) {
        const article = parseReference(text, p + name[0].length, false);
        if (article && article.kind === 'article') {
          article.items[0].start = pos;
          return { ...article, start: pos };
        }
      }
    }
    return { kind: 'chapter', start: pos, end: p, items, paragraph: null, clause: null };
  }
  if (unit !== '条' && unit !== '條') return null;
  p++;
  p = skipInsertedSuffix(text, p);
  // 第四十二条至第四十七条
  if (items.length === 1 && items[0].numbers.length === 1 && isRangeMark(text[p]) && text[p + 1] === '第') {
    const second = readNumeral(text, p + 2);
    // 第…条至第零条 names no article to go to: the range is not extended.
    if (second && second.value > 0 && (text[second.end] === '条' || text[second.end] === '條')) {
      items[0].numbers = expandRange(items[0].numbers[0], second.value);
      p = skipInsertedSuffix(text, second.end + 1);
    }
  }
  last.end = p;
  // 第十八条、二十四条: a further article after 、 without its 第 (with 第 it
  // is a reference of its own). Only with its 条, so "第三条、五" stays text.
  while (text[p] === '、' && isNumeralChar(text[p + 1])) {
    const n = readNumeral(text, p + 1);
    if (!n || n.value <= 0) break;
    let q = n.end;
    let numbers = [n.value];
    if (isRangeMark(text[q])) {
      const second = readNumeral(text, text[q + 1] === '第' ? q + 2 : q + 1);
      if (!second || second.value <= 0) break;
      numbers = expandRange(n.value, second.value);
      q = second.end;
    }
    if (text[q] !== '条' && text[q] !== '條') break;
    q = skipInsertedSuffix(text, q + 1);
    last = { start: p + 1, end: q, numbers };
    items.push(last);
    p = q;
  }

  let paragraph: number | null = null;
  let clause: number | null = null;
  const para = readSubdivision(text, p, '款');
  if (para) {
    paragraph = para.value;
    p = para.end;
  }
  const cl = readSubdivision(text, p, '项');
  if (cl) {
    clause = cl.value;
    p = cl.end;
  }
  last.end = p;
  const single = items.length === 1 && items[0].numbers.length === 1;
  return {
    kind: 'article',
    start: pos,
    end: p,
    items,
    paragraph: single ? paragraph : null,
    clause: single ? clause : null,
  };
}

const REFERENCE_SEPARATORS = '\n；;、，,。”"’」』';

/**
 * Whether a 第 at `pos` stands where lists put references: at the start of
 * the text or of a line, after a separator (；、，。 or a closing quote) or
 * after an item number. "本法第二十条", "依照本条例第三十八条" do not.
 */
export function isReferencePosition(text: string, pos: number): boolean {
  const p = skipSpacesBack(text, pos);
  if (p === 0) return true;
  if (REFERENCE_SEPARATORS.includes(text[p - 1])) return true;
  return numberingBefore(text, p) > 0;
}

/**
 * The article wording between `from` (end of a reference) and `to` (the next
 * reference, title or tag): after a colon or space, inside “” when quoted,
 * trimmed of separators. Null when nothing but punctuation is left.
 */
export function readQuoted(text: string, from: number, to: number): string | null {
  let s = text.slice(from, to).replace(/^[\s:：]+/, '');
  if (s.startsWith('“') || s.startsWith('"')) {
    const close = s.indexOf(s[0] === '“' ? '”' : '"', 1);
    s = close === -1 ? s.slice(1) : s.slice(1, close);
  }
  s = s.replace(/[\s；;，,、”"]+$/, '').replace(/^[“"]/, '').trim();
  if (/^[\p{P}\s]*$/u.test(s)) return null;
  return s;
}

// ---------------------------------------------------------------------------
// Stage: document number and reading status

// Issuer characters: Han, but not the 年/月/日 of a date written before the number.
const ISSUER = '(?:(?![年月日号])[\\u4e00-\\u9fff])';
const NUMBER_CHARS = '[0-9０-９零〇一二两三四五六七八九十百千]+';
// 国办发〔2019〕2号, 卫规财发〔2012〕86号 (brackets as written: 〔〕 [] ［］ () （）).
const BRACKETED_NUMBER = `${ISSUER}{1,12}[〔\\[［(（][0-9０-９]{4}[〕\\]］)）]${NUMBER_CHARS}号`;
// 国务院令第735号, 国务院令649号, 中华人民共和国主席令第三十五号, 劳动和社会保障部令第16号.
const ORDER_NUMBER = `${ISSUER}{0,20}?(?:国务院|主席|部|委|委员会|局|总局|署|行|办公厅)令第?${NUMBER_CHARS}号`;
// 内蒙古自治区第十二届人民代表大会常务委员会公告第十五号 (a local 人大's promulgation).
const ANNOUNCEMENT_NUMBER = `${ISSUER}{2,40}?常务委员会公告第?${NUMBER_CHARS}号`;
const DOCUMENT_NUMBER = new RegExp(`${BRACKETED_NUMBER}|${ORDER_NUMBER}|${ANNOUNCEMENT_NUMBER}`);

/**
 * The first document number in the text between a title and its articles
 * (the version note, parenthesised or not), as written; null when none.
 * A date before it ("2015年11月9日，甘政办发〔2015〕158号") is not part of it.
 */
export function readDocumentNumber(trailer: string): string | null {
  const m = DOCUMENT_NUMBER.exec(trailer);
  return m ? m[0] : null;
}

/**
 * Whether the text at `pos` (right after a title) is a reference cut off
 * where the article number should be: 第 and nothing, 第 and no numeral
 * ("第，"), or 第 and a numeral with no unit before the text, line or
 * sentence ends ("第八十"). "第十三届…" is not: a numeral followed by
 * another word is something else.
 */
export function isCutOffReference(text: string, pos: number): boolean {
  if (text[pos] !== '第') return false;
  let p = pos + 1;
  if (!isNumeralChar(text[p])) return true;
  while (isNumeralChar(text[p])) p++;
  const next = text[p];
  return next === undefined || /[\s\p{P}]/u.test(next);
}

/**
 * How a record was read. One value, in this order of precedence:
 * CORRECTED_TITLE (the title key came from the typo table), TRUNCATED (cut
 * off after 第), NO_ARTICLE (statute-level, chapters included), OK.
 */
function citationStatus(s: StatuteContext, article: number | null): CitationStatus {
  if (s.corrected) return 'CORRECTED_TITLE';
  if (article === null) return s.truncated ? 'TRUNCATED' : 'NO_ARTICLE';
  return 'OK';
}

// ---------------------------------------------------------------------------
// Putting it together

interface StatuteContext {
  statuteTitle: string;
  titleAsWritten: string;
  category: string | null;
  /** The title key came from the typo table. */
  corrected: boolean;
  /** A 第 right after the title with no article number after it. */
  truncated: boolean;
  documentNumber: string | null;
  inferredCategory: string | null;
  /** Span of the title (with an embedding 实施…若干规定). */
  start: number;
  end: number;
  referenced: boolean;
}

interface FoundGroup {
  statute: StatuteContext;
  group: ReferenceGroup;
  /** Where the first element's span starts when the reference sits right after its title. */
  adjacentFrom: number | null;
}

/**
 * Where the wording of a previous article ends, given the start of the next
 * citation: the start of its line when only a short lead-in precedes it there
 * ("…资料。\n自治区医疗保障局《职能配置…规定》"), else the citation itself.
 */
function wordingBoundary(text: string, unitStart: number): number {
  // A lead-in of at most 20 characters (see lineStartWithin for why the search is bounded).
  const lineStart = lineStartWithin(text, unitStart, 20);
  if (lineStart < 0) return unitStart;
  return !/[。；;，,：:“”"]/.test(text.slice(lineStart, unitStart)) ? lineStart : unitStart;
}

const CITING_VERB_BEFORE = /(依照|按照|根据|依据|违反|适用|参照|遵照)\s*$/;
const TAG_ANYWHERE = /[【\[［][^】\]［］【\n]{1,10}[】\]］]/g;

/** Every statute and article reference in one cleaned field text, in text order. */
export function extractCitations(text: string, field: FieldKey): CitationRecord[] {
  const titles = findTitles(text);
  const found: FoundGroup[] = [];
  const statutes: StatuteContext[] = [];
  // Starts of citation units (tags, titles) that end the wording of the previous article.
  const boundaries: number[] = [];
  for (const m of text.matchAll(TAG_ANYWHERE)) {
    if (statuteCategory(m[0]) !== null) boundaries.push(m.index ?? 0);
  }

  let current: StatuteContext | null = null;
  let lastWasReference = false;
  let consumedTo = 0; // titles before this offset sit inside a skipped note
  let scannedTo = 0;
  let carriedCategory: string | null = null;

  const scanContinuations = (to: number): void => {
    for (let i = text.indexOf('第', scannedTo); i !== -1 && i < to; i = text.indexOf('第', i + 1)) {
      if (current === null || !isReferencePosition(text, i)) continue;
      const group = parseReference(text, i, false);
      if (group === null || group.end > to) continue;
      found.push({ statute: current, group, adjacentFrom: null });
      current.referenced = true;
      lastWasReference = true;
      i = group.end - 1;
    }
    scannedTo = Math.max(scannedTo, to);
  };

  for (const title of titles) {
    if (title.start < consumedTo) continue;
    scanContinuations(title.start);
    if (isRevisionNote(text, title)) continue;
    // A law the quoted wording mentions ("…依照《治安管理处罚法》第五十条…") is not the list's citation.
    if (lastWasReference && CITING_VERB_BEFORE.test(text.slice(Math.max(0, title.start - 6), title.start))) continue;

    const embedded = readEmbeddedTitle(text, title);
    const spanStart = embedded ? embedded.start : title.start;
    const spanEnd = embedded ? embedded.end : title.end;
    const tagBefore = readTagBefore(text, spanStart);
    boundaries.push(wordingBoundary(text, tagBefore.unitStart));
    lastWasReference = false;

    const { tag: innerTag, rest } = splitLeadingTag(title.inner);
    if (!embedded && !isStatuteTitle(rest)) {
      current = null;
      consumedTo = scannedTo = title.end;
      continue;
    }

    let category: string | null;
    if (innerTag !== null) {
      category = statuteCategory(innerTag);
      carriedCategory = null;
    } else if (tagBefore.tag !== null) {
      category = tagBefore.category;
      carriedCategory = tagBefore.numbered ? category : null;
    } else {
      category = tagBefore.numbered ? carriedCategory : null;
    }

    const afterTrailer = skipTitleTrailer(text, spanEnd);
    const normalised = normaliseStatuteTitle(embedded ? embedded.titleForm : rest);
    const documentNumber = readDocumentNumber(text.slice(spanEnd, afterTrailer));
    const statute: StatuteContext = {
      statuteTitle: normalised.title,
      titleAsWritten: embedded ? embedded.asWritten : title.inner,
      category,
      corrected: normalised.corrected,
      truncated: false,
      documentNumber,
      // The title as written keeps its issuer (国务院办公厅关于印发〈X〉的通知), which the key drops.
      inferredCategory: inferCategoryFromTitle(embedded ? embedded.titleForm : rest, documentNumber),
      start: spanStart,
      end: spanEnd,
      referenced: false,
    };
    statutes.push(statute);
    current = statute;

    consumedTo = afterTrailer;
    let refAt = skipSpaces(text, afterTrailer);
    // 《社会保险法》：第八十七条 — a colon, but only before a 第, so "《X》：七、…" stays text.
    if ('：:'.includes(text[refAt] ?? '\n') && text[skipSpaces(text, refAt + 1)] === '第') refAt = skipSpaces(text, refAt + 1);
    const group = parseReference(text, refAt, true);
    if (group !== null) {
      found.push({ statute, group, adjacentFrom: spanStart });
      statute.referenced = true;
      lastWasReference = true;
      consumedTo = group.end;
    } else {
      statute.truncated = isCutOffReference(text, refAt);
    }
    scannedTo = consumedTo;
  }
  scanContinuations(text.length);

  const groupStarts = found.map((f) => f.group.start);
  const ends = [...boundaries, ...groupStarts].sort((a, b) => a - b);
  // Binary search: a scan of `ends` for every reference was quadratic in the number of citations.
  const nextBoundary = (from: number): number => {
    let lo = 0;
    for (let hi = ends.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < ends.length ? ends[lo] : text.length;
  };

  const records: CitationRecord[] = [];
  const base = (s: StatuteContext) => ({
    field,
    statuteTitle: s.statuteTitle,
    titleAsWritten: s.titleAsWritten,
    category: s.category,
    documentNumber: s.documentNumber,
    inferredCategory: s.inferredCategory,
  });

  for (const s of statutes) {
    if (s.referenced) continue;
    records.push({
      ...base(s),
      article: null,
      paragraph: null,
      clause: null,
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      quoted: null,
      status: citationStatus(s, null),
    });
  }

  for (const { statute, group, adjacentFrom } of found) {
    const single = group.kind === 'article' && group.items.length === 1 && group.items[0].numbers.length === 1;
    const quoted = single ? readQuoted(text, group.end, nextBoundary(group.end)) : null;
    group.items.forEach((item, index) => {
      const start = index === 0 && adjacentFrom !== null ? adjacentFrom : item.start;
      const span = { text: text.slice(start, item.end), start, end: item.end };
      if (group.kind === 'chapter') {
        records.push({
          ...base(statute),
          article: null,
          paragraph: null,
          clause: null,
          ...span,
          quoted: null,
          status: citationStatus(statute, null),
        });
        return;
      }
      for (const article of item.numbers) {
        records.push({
          ...base(statute),
          article,
          paragraph: group.paragraph,
          clause: group.clause,
          ...span,
          quoted,
          status: citationStatus(statute, article),
        });
      }
    });
  }

  // Stable: elements of one range keep their numeric order.
  return records.sort((a, b) => a.start - b.start);
}
