/**
 * Cards: one vertical card per item, one or more labelled fields per line.
 * The shapes met, all read by this module and told apart by content:
 * (a) "row number<TAB>label<TAB>value" ("2	权利类型	行政处罚"), a value
 *     continued on lines that start with tabs;
 * (b) "label<TAB>value", continued the same way;
 * (c) several pairs on one row ("序号	1	权力类型	行政处罚");
 * (d) "label：value" (full- or half-width colon), one field per line, a value
 *     continued on the lines that follow without a label;
 * (e) any of these after an unlabelled first line holding the item name
 *     (when no card labels a name).
 * A title line often repeats before every card: it is a heading.
 *
 * A card starts at a 序号 field, at a row numbered 1, at a name line, or when
 * a label repeats: cards do not always carry 序号, and the title does not
 * always repeat.
 */
import type { FieldKey } from '../../domain/fields';
import { fieldForHeader } from '../../domain/fields';
import { isPowerTypeCell } from '../../domain/powerTypes';
import type { FieldValue, ImportWarning } from '../../domain/records';
import { headingText, isHeaderRow, makeField, newDraft, settleDrafts, unplaced } from '../assemble';
import { cleanCell, normaliseWidth } from '../clean';
import { SectionTracker } from '../document';
import { isBlank, isSeparatorRow, type SourceLine } from '../lines';
import type { DraftItem, Heading, LayoutModule, LayoutResult } from '../types';

interface CardPair {
  label: string;
  key: FieldKey | null;
  raw: string;
  /** Cell index of the value in a tab row: a continuation line indented to it continues this value. */
  at?: number;
}

type CardLine =
  | { kind: 'fields'; rowNo: string | null; pairs: CardPair[]; colon: boolean }
  | { kind: 'continuation'; raw: string; at: number }
  | { kind: 'lone'; text: string; raw: string }
  | { kind: 'other' };

function trimTrailing(cells: readonly string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out;
}

/**
 * A cell read as a label: a known field name, or an unknown one that looks
 * like a label. `lenient` (after a row number, the shape seed 003 has) takes
 * any short text; otherwise an unknown label is a few CJK characters that are
 * not a value (a power type, a body, an article number).
 */
function cardLabel(raw: string, lenient: boolean): { label: string; key: FieldKey | null } | null {
  // Labels are short; not cleaning long cells keeps this cheap on table rows.
  if (raw.length > 60) return null;
  const label = cleanCell(raw);
  if (label === '' || label.length > 20 || /[<>\n]/.test(label)) return null;
  const key = fieldForHeader(label);
  if (key !== null || lenient) return { label, key };
  const t = label.replace(/\s+/g, '');
  const plausible = /^[\u4e00-\u9fa5（）()／/、]{2,12}$/.test(t) && !isPowerTypeCell(t) && !/(局|厅|委员会|科|处|股|室|中心)$/.test(t) && !/^第.+[条款项章节]/.test(t);
  return plausible ? { label, key: null } : null;
}

/** Label/value pairs of a row, after any row number (`offset` cells); null when the first cell is no label. */
function pairsOf(rest: readonly string[], numbered: boolean, offset: number): CardPair[] | null {
  const first = cardLabel(rest[0], numbered && rest.length === 2);
  if (!first) return null;
  if (first.key === null && rest.length !== 2 && cardLabel(rest[2] ?? '', false)?.key == null) return null;
  const pairs: CardPair[] = [];
  for (let i = 0; i < rest.length; ) {
    const label = i === 0 ? first : cardLabel(rest[i], false)!;
    // Another pair follows when a label sits two cells on (an unknown one only as the last pair);
    // otherwise the rest of the row is this value (a value holding tabs).
    const next = i + 2 < rest.length ? cardLabel(rest[i + 2], false) : null;
    if (next && (next.key !== null || rest.length - (i + 2) <= 2)) {
      pairs.push({ ...label, raw: rest[i + 1], at: offset + i + 1 });
      i += 2;
    } else {
      pairs.push({ ...label, raw: rest.slice(i + 1).join('\t'), at: offset + i + 1 });
      break;
    }
  }
  return pairs;
}

/** Shapes (a), (b), (c): tab-separated label/value cells, with or without a row number. */
function readTabRow(line: SourceLine): CardLine | null {
  if (line.cells.length < 2) return null;
  // Trailing empty cells are dropped, but a label keeps its (empty) value cell.
  const cells = trimTrailing(line.cells);
  const withValue = (rest: string[]) => (rest.length === 1 ? [rest[0], ''] : rest);
  const no = normaliseWidth(line.cells[0].trim());
  if (/^\d*$/.test(no) && line.cells.length >= 3 && cells.length >= 2) {
    const pairs = pairsOf(withValue(cells.slice(1)), true, 1);
    if (pairs) return { kind: 'fields', rowNo: line.cells[0].trim(), pairs, colon: false };
  }
  // "label<TAB>" with nothing after it: only a known label, else a title padded with tabs would be a field.
  if (cells.length === 0 || (cells.length === 1 && fieldForHeader(cleanCell(cells[0])) === null)) return null;
  const pairs = pairsOf(withValue(cells), false, 0);
  return pairs ? { kind: 'fields', rowNo: null, pairs, colon: false } : null;
}

// An unknown "label：" must end in a noun that names a field, so a line of
// text with a colon in it ("直接实施责任：", "第八十七条：…") is not a label.
const LABEL_NOUN = /(时限|期限|方式|对象|条件|电话|地址|网址|编号|编码|名称|类型|类别|主体|机构|科室|部门|层级|结果|流程|标准|备注|时间|地点)$/;

/** Shape (d): "label：value" alone on its line, optionally after a row number ("3.事项名称：…"). */
function readColonRow(line: SourceLine): CardLine | null {
  if (line.cells.slice(1).some((c) => c.trim() !== '')) return null;
  const m = /^\s*(?:(\d+)\s*[.．、]\s*)?([^：:<>《【\n]{1,20}?)\s*[：:]\s*([\s\S]*)$/.exec(line.cells[0]);
  if (!m) return null;
  const label = cleanCell(m[2]);
  const key = fieldForHeader(label);
  if (key === null && !(/^[\u4e00-\u9fa5]{2,8}$/.test(label) && LABEL_NOUN.test(label))) return null;
  return { kind: 'fields', rowNo: m[1] ?? null, pairs: [{ label, key, raw: m[3] }], colon: true };
}

/** A value continued from the row above: empty leading cells, then text (and the cell it starts in). */
function continuation(line: SourceLine): { raw: string; at: number } | null {
  if (line.cells.length < 2 || line.cells[0].trim() !== '') return null;
  const k = line.cells.findIndex((c) => c.trim() !== '');
  return k < 0 ? null : { raw: line.cells.slice(k).join('\t'), at: k };
}

function classify(line: SourceLine): CardLine {
  if (isBlank(line) || isSeparatorRow(line)) return { kind: 'other' };
  const row = readTabRow(line) ?? readColonRow(line);
  if (row) return row;
  const more = continuation(line);
  if (more !== null) return { kind: 'continuation', ...more };
  if (trimTrailing(line.cells).length === 1) return { kind: 'lone', text: cleanCell(line.cells[0]), raw: line.cells[0] };
  return { kind: 'other' };
}

/** What a document's card lines say about the document as a whole. */
interface CardDocument {
  kinds: CardLine[];
  /** Fields are written "label：value": lines without a label continue the value above. */
  colon: boolean;
  /** No card labels an item name: the name is the unlabelled line that opens each card. */
  nameLines: boolean;
  /** How often each lone line occurs: a title repeats before every card. */
  loneCounts: Map<string, number>;
}

// detectLayout scores the very lines parseDocument then parses: classify them once.
const READ = new WeakMap<readonly SourceLine[], CardDocument>();

function readDocument(lines: readonly SourceLine[]): CardDocument {
  const known = READ.get(lines);
  if (known) return known;
  const doc = classifyDocument(lines);
  READ.set(lines, doc);
  return doc;
}

function classifyDocument(lines: readonly SourceLine[]): CardDocument {
  const kinds = lines.map(classify);
  let colonRows = 0;
  let tabRows = 0;
  let named = false;
  const loneCounts = new Map<string, number>();
  for (const k of kinds) {
    if (k.kind === 'fields') {
      if (k.colon) colonRows++;
      else tabRows++;
      if (k.pairs.some((p) => p.key === 'name')) named = true;
    } else if (k.kind === 'lone') {
      loneCounts.set(k.text, (loneCounts.get(k.text) ?? 0) + 1);
    }
  }
  return { kinds, colon: colonRows > tabRows, nameLines: !named, loneCounts };
}

/** Index of the next line with content after i, or -1. */
function nextContent(lines: readonly SourceLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (!isBlank(lines[j]) && !isSeparatorRow(lines[j])) return j;
  return -1;
}

// "1.对…" / "1、对…": a name line numbered with its 序号.
const NUMBERED_NAME = /^(\d+)\s*[.．、](?!\d)\s*/;

function parseCards(lines: readonly SourceLine[]): LayoutResult {
  const doc = readDocument(lines);
  const items: DraftItem[] = [];
  const headings: Heading[] = [];
  const warnings: ImportWarning[] = [];
  const sections = new SectionTracker(true);
  let card: DraftItem | null = null;
  let cardLines: SourceLine[] = [];
  let labels = new Set<string>();
  let last: FieldValue | null = null;
  // Values of the last tab row by cell index: with several pairs on a row, the indentation says which one goes on.
  let lastRow = new Map<number, FieldValue>();
  // Whether cards begin with 序号 (read from the first labelled field of the document).
  let seqFirst: boolean | null = null;
  // Label of the first field after a name line: the one every card's fields start with.
  let firstLabel: string | null = null;

  const closeCard = () => {
    if (card) {
      // A label with an empty value (and no continuation) is not a field of the item.
      card.fields = card.fields.filter((f) => f.text !== '');
      if (card.fields.some((f) => f.key === 'name' && f.text !== '')) items.push(card);
      else for (const l of cardLines) warnings.push(unplaced(l, 'card has no item name'));
    }
    card = null;
    cardLines = [];
    labels = new Set();
    last = null;
    lastRow = new Map();
  };

  const openCard = (): DraftItem => {
    const c = newDraft(sections.section, sections.department);
    card = c;
    return c;
  };

  /** Whether a fields line would start a new card if it came now. */
  const startsCard = (k: CardLine): boolean => {
    if (k.kind !== 'fields') return false;
    const p = k.pairs[0];
    return p.key === 'seq' || labels.has(p.label) || p.label === firstLabel || k.rowNo === '1';
  };

  /** A lone line that opens a card with the item's name (shape e). */
  const isNameLine = (i: number, text: string): boolean => {
    if (!doc.nameLines || text === '' || text.length > 150 || /[。；;，,：:]$/.test(text) || /^[《【]/.test(text)) return false;
    const j = nextContent(lines, i);
    if (j < 0 || doc.kinds[j].kind !== 'fields') return false;
    // In "label：value" cards a lone line may also continue the value above; it opens a card only where one would start.
    return !card || !doc.colon || startsCard(doc.kinds[j]);
  };

  const addLine = (c: DraftItem, line: SourceLine) => {
    c.lines.add(line.no);
    cardLines.push(line);
  };

  const continueField = (raw: string, line: SourceLine, at?: number) => {
    // Each continuation line is a new line of the value; raw keeps every part as written.
    const prev = (at !== undefined ? lastRow.get(at) : undefined) ?? last!;
    prev.raw = prev.raw === '' ? raw : `${prev.raw}\n${raw}`;
    prev.text = [prev.text, cleanCell(raw)].filter((t) => t !== '').join('\n');
    addLine(card!, line);
  };

  const enterHeading = (line: SourceLine, text: string) => {
    closeCard();
    const h = { line: line.no, text };
    headings.push(h);
    sections.enter(h);
  };

  lines.forEach((line, i) => {
    const k = doc.kinds[i];
    if (isBlank(line) || isSeparatorRow(line)) return;

    if (k.kind === 'fields') {
      lastRow = new Map();
      k.pairs.forEach((pair, n) => {
        const cur: DraftItem | null = card;
        if (cur) {
          const labelled = cur.fields.some((f) => f.label !== '');
          const hasSeq = cur.fields.some((f) => f.key === 'seq');
          const newCard =
            labels.has(pair.label) ||
            (pair.key === 'seq' && labelled && (hasSeq || seqFirst === true)) ||
            (n === 0 && k.rowNo === '1' && labelled);
          if (newCard) closeCard();
        }
        if (seqFirst === null) seqFirst = pair.key === 'seq';
        const c = card ?? openCard();
        if (firstLabel === null && doc.nameLines && c.fields.length > 0 && c.fields.every((f) => f.label === '')) firstLabel = pair.label;
        labels.add(pair.label);
        const field = makeField(pair.key, pair.label, pair.raw, line.no);
        c.fields.push(field);
        last = field;
        if (pair.at !== undefined) lastRow.set(pair.at, field);
      });
      addLine(card!, line);
      return;
    }

    if (k.kind === 'continuation') {
      if (card && last) continueField(k.raw, line, k.at);
      else warnings.push(unplaced(line, 'continuation line with no field above it'));
      return;
    }

    if (k.kind === 'lone') {
      // In "label：value" cards, a line right after a label with no value is that value.
      const awaited: boolean = doc.colon && last !== null && (last as FieldValue).text === '';
      const heading = awaited ? null : headingText(line);
      if (heading !== null) return enterHeading(line, heading);
      if (isNameLine(i, k.text)) {
        closeCard();
        const c = openCard();
        const m = NUMBERED_NAME.exec(normaliseWidth(k.raw.trim()));
        if (m) c.fields.push(makeField('seq', '', m[1], line.no));
        c.fields.push(makeField('name', '', m ? k.raw.trim().slice(m[0].length) : k.raw, line.no));
        addLine(c, line);
        last = null;
        return;
      }
      // A title repeated before every card (in "label：value" cards, only before a name line).
      const j = nextContent(lines, i);
      const beforeName = j >= 0 && doc.kinds[j].kind === 'lone' && isNameLine(j, (doc.kinds[j] as { text: string }).text);
      if ((doc.loneCounts.get(k.text) ?? 0) >= 2 && (!doc.colon || beforeName) && !awaited) return enterHeading(line, k.text);
      if (doc.colon && card && last) return continueField(k.raw, line);
    }
    warnings.push(unplaced(line, 'not a card row'));
  });
  closeCard();
  return { layout: 'cards', items: settleDrafts(items, headings, warnings), headings, warnings };
}

/** Share of content lines that are card lines, if most card rows have known labels. */
function scoreCards(lines: readonly SourceLine[]): number {
  const doc = readDocument(lines);
  let content = 0;
  let cardish = 0;
  let known = 0;
  let rows = 0;
  let fieldAbove = false;
  lines.forEach((line, i) => {
    if (isBlank(line) || isSeparatorRow(line) || headingText(line) !== null) return;
    content++;
    const k = doc.kinds[i];
    // A table's header row reads as pairs of labels; it is not a card row.
    if (k.kind === 'fields' && !isHeaderRow(line)) {
      cardish++;
      rows++;
      fieldAbove = true;
      if (k.pairs.some((p) => p.key !== null)) known++;
    } else if (k.kind === 'continuation') {
      cardish++;
    } else if (k.kind === 'lone' && ((doc.colon && fieldAbove) || doc.nameLines)) {
      const j = nextContent(lines, i);
      if (doc.colon || (j >= 0 && doc.kinds[j].kind === 'fields')) cardish++;
    }
  });
  if (content === 0 || known < (doc.colon ? 3 : 2) || known * 2 < rows) return 0;
  return cardish / content;
}

export const cardsLayout: LayoutModule = { family: 'cards', score: scoreCards, parse: parseCards };
