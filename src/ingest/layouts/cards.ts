/**
 * Cards: one vertical card per item, one field per line as
 * "row number<TAB>label<TAB>value" ("2	权利类型	行政处罚"), a value continued
 * on lines that start with two tabs, and usually a title line repeated before
 * every card.
 *
 * A card ends at a heading, at a row numbered 1 or labelled 序号, or when a
 * label repeats: cards do not always carry 序号, and the title does not
 * always repeat.
 */
import { fieldForHeader } from '../../domain/fields';
import type { FieldValue, ImportWarning } from '../../domain/records';
import { headingText, makeField, newDraft, sectionFromHeading, unplaced } from '../assemble';
import { cleanCell } from '../clean';
import { isBlank, isSeparatorRow, type SourceLine } from '../lines';
import type { DraftItem, Heading, LayoutModule, LayoutResult, SectionContext } from '../types';

interface CardRow {
  rowNo: string;
  label: string;
  raw: string;
}

/** "N<TAB>label<TAB>value": a short label after a row number (or nothing). */
function readCardRow(line: SourceLine): CardRow | null {
  const [no, labelRaw, ...values] = line.cells;
  if (values.length === 0) return null;
  const rowNo = no.trim();
  const label = cleanCell(labelRaw);
  if (!/^\d*$/.test(rowNo) || label === '' || label.length > 20 || /[<>\n]/.test(label)) return null;
  // An unknown label is only trusted in the exact three-cell shape.
  if (fieldForHeader(label) === null && values.length !== 1) return null;
  return { rowNo, label, raw: values.join('\t') };
}

/** A value continued from the row above: two empty leading cells, then text. */
function continuationRaw(line: SourceLine): string | null {
  const [a, b, ...rest] = line.cells;
  if (rest.length === 0 || a.trim() !== '' || (b ?? '').trim() !== '') return null;
  const raw = rest.join('\t');
  return raw.trim() === '' ? null : raw;
}

function parseCards(lines: readonly SourceLine[]): LayoutResult {
  const items: DraftItem[] = [];
  const headings: Heading[] = [];
  const warnings: ImportWarning[] = [];
  let section: SectionContext | null = null;
  let card: DraftItem | null = null;
  let cardLines: SourceLine[] = [];
  let labels = new Set<string>();
  let last: FieldValue | null = null;

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
  };

  for (const line of lines) {
    if (isBlank(line) || isSeparatorRow(line)) continue;
    const heading = headingText(line);
    if (heading !== null) {
      closeCard();
      const h = { line: line.no, text: heading };
      headings.push(h);
      // The card title repeats before every card: a heading without a power type keeps the section.
      section = sectionFromHeading(h) ?? section;
      continue;
    }
    const row = readCardRow(line);
    if (row) {
      const key = fieldForHeader(row.label);
      if (card && (row.rowNo === '1' || key === 'seq' || labels.has(row.label))) closeCard();
      const c: DraftItem = card ?? newDraft(section);
      card = c;
      labels.add(row.label);
      cardLines.push(line);
      c.lines.add(line.no);
      const field = makeField(key, row.label, row.raw, line.no);
      c.fields.push(field);
      last = field;
      continue;
    }
    const more = continuationRaw(line);
    if (more !== null && card && last) {
      // Each continuation line is a new line of the value; raw keeps both parts as written.
      const prev: FieldValue = last;
      prev.raw = prev.raw === '' ? more : `${prev.raw}\n${more}`;
      prev.text = [prev.text, cleanCell(more)].filter((t) => t !== '').join('\n');
      card.lines.add(line.no);
      cardLines.push(line);
      continue;
    }
    warnings.push(unplaced(line, more !== null ? 'continuation line with no field above it' : 'not a card row'));
  }
  closeCard();
  return { layout: 'cards', items, headings, warnings };
}

/** Share of content lines that are card rows or continuations, if most card rows have known labels. */
function scoreCards(lines: readonly SourceLine[]): number {
  let content = 0;
  let cardish = 0;
  let known = 0;
  for (const line of lines) {
    if (isBlank(line) || isSeparatorRow(line) || headingText(line) !== null) continue;
    content++;
    const row = readCardRow(line);
    if (row) {
      cardish++;
      if (fieldForHeader(row.label) !== null) known++;
    } else if (continuationRaw(line) !== null) {
      cardish++;
    }
  }
  if (content === 0 || known < 2 || known * 2 < cardish) return 0;
  return cardish / content;
}

export const cardsLayout: LayoutModule = { family: 'cards', score: scoreCards, parse: parseCards };
