/**
 * Helpers shared by layout modules (fields, headers, warnings), the last step
 * of every layout (settleDrafts: the same item rendered twice becomes one;
 * department sections kept only where there are several) and the step that
 * turns a placed DraftItem into an ItemRecord: named values, power types and
 * citations are derived here once, the same way for every layout.
 */
import type { FieldKey } from '../domain/fields';
import { fieldForHeader, LEGAL_BASIS_FIELDS, OTHER_CITING_FIELDS } from '../domain/fields';
import { isPowerTypeCell, parsePowerTypes, type PowerType } from '../domain/powerTypes';
import type { CitationRecord, FieldValue, ImportWarning, ItemLevelRecord, ItemRecord } from '../domain/records';
import { cleanCell, normaliseWidth } from './clean';
import { headingDepartments } from './document';
import { excerpt, type SourceLine } from './lines';
import type { DraftItem, Heading, SectionContext } from './types';

// Heading semantics live in document.ts; layouts reach them through here too.
export { headingText, sectionFromHeading } from './document';

export type CitationExtractor = (text: string, field: FieldKey) => CitationRecord[];

export function warning(code: string, line: number | null, message: string, text?: string): ImportWarning {
  return text === undefined ? { line, code, message } : { line, code, message, text: excerpt(text) };
}

/** The warning for a line no layout rule could place: reported, never dropped. */
export function unplaced(line: SourceLine, why: string): ImportWarning {
  return warning('UNPLACED_LINE', line.no, `line not placed: ${why}`, line.text);
}

export function makeField(key: FieldKey | null, label: string, raw: string, line: number): FieldValue {
  return { key, label, text: cleanCell(raw), raw, line };
}

/** A new item under the current section (power type) and department section, if any. */
export function newDraft(section: SectionContext | null, department?: string | null): DraftItem {
  const draft: DraftItem = { fields: [], levels: [], lines: new Set(), section };
  if (department !== undefined) draft.department = department;
  return draft;
}

/** The field a short cell names, or null; long cells are not cleaned, which keeps this cheap on data rows. */
export function labelKey(cell: string): FieldKey | null {
  return cell.length <= 40 ? fieldForHeader(cleanCell(cell)) : null;
}

/**
 * A value no one would write as a column name: a number, a power type, long
 * text, markup or a quoted title.
 */
function isValueLike(cell: string): boolean {
  const t = normaliseWidth(cleanCell(cell));
  return (
    /^\d+$/.test(t) ||
    isPowerTypeCell(t) ||
    t.length > 12 ||
    /[<《【\n，。；、]/.test(t) ||
    // An item name ("对…的处罚") or a body ("某县医疗保障局").
    /^对./.test(t) ||
    /(局|厅|委员会|办公室|中心|政府)$/.test(t)
  );
}

/**
 * A card row of label/value pairs ("序号	1	权力类型	行政处罚"): known labels at
 * the even cells, no label among the odd ones, and at least one odd cell that
 * is plainly a value. Such a row can hold two known labels and still not be a header.
 */
export function isPairRow(line: SourceLine): boolean {
  const cells = [...line.cells];
  while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
  // "label value label" with the last value empty is a pair row too.
  if (cells.length < 3) return false;
  for (let i = 0; i < cells.length; i += 2) if (labelKey(cells[i]) === null) return false;
  let value = false;
  for (let i = 1; i < cells.length; i += 2) {
    if (labelKey(cells[i]) !== null) return false;
    if (isValueLike(cells[i])) value = true;
  }
  return value;
}

/**
 * A header row: most of its non-empty cells are known column names. Two known
 * names at least, so a data row that happens to hold one label is not a
 * header; and not a row of label/value pairs.
 */
export function isHeaderRow(line: SourceLine): boolean {
  const cells = line.cells.filter((c) => c.trim() !== '');
  const known = cells.filter((c) => labelKey(c) !== null).length;
  return known >= 2 && known * 2 > cells.length && !isPairRow(line);
}

/**
 * A cell that names its own field in its first line ("<p>追究情形</p><p>因不履行…"),
 * as exports that lost columns sometimes leave behind. Null otherwise.
 */
export function selfLabel(text: string): { key: FieldKey; label: string } | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  const first = text.slice(0, nl);
  const key = fieldForHeader(first);
  return key ? { key, label: first } : null;
}

const CITING_FIELDS: ReadonlySet<FieldKey> = new Set([...LEGAL_BASIS_FIELDS, ...OTHER_CITING_FIELDS]);

/**
 * A placed item to its record. Warnings about the item (unknown power type,
 * failed citation extraction) are appended to `warnings`.
 */
export function finishItem(draft: DraftItem, extract: CitationExtractor, warnings: ImportWarning[]): ItemRecord {
  const lines = [...draft.lines].sort((a, b) => a - b);
  const firstLine = lines[0] ?? null;
  // Source order (stable, so cells of one line keep their column order): rows
  // placed before their item's name row come first, as in the document.
  const fields = [...draft.fields].sort((a, b) => a.line - b.line);
  const text = (key: FieldKey): string | null => fields.find((f) => f.key === key && f.text !== '')?.text ?? null;

  const name = text('name');
  if (name === null) throw new Error(`layout produced an item without a name (line ${firstLine})`);

  let powerTypeText = text('powerType');
  let powerTypes = parsePowerTypes(powerTypeText);
  const section = draft.section;
  const sectionTypes = section ? parsePowerTypes(section.powerTypeText) : [];
  if (powerTypes.length === 0 && sectionTypes.length > 0) {
    if (powerTypeText !== null) {
      warnings.push(warning('UNKNOWN_POWER_TYPE', firstLine, `power type "${powerTypeText}" not recognised; taken from the section heading (line ${section!.line})`, name));
    } else {
      powerTypeText = section!.powerTypeText;
    }
    powerTypes = sectionTypes;
  } else if (powerTypes.length === 0) {
    const why = powerTypeText === null ? 'no power type given' : `power type "${powerTypeText}" not recognised`;
    warnings.push(warning('UNKNOWN_POWER_TYPE', firstLine, why, name));
  } else if (sectionTypes.length > 0 && powerTypes.join() !== sectionTypes.join()) {
    warnings.push(
      warning('POWER_TYPE_MISMATCH', firstLine, `item says "${powerTypeText}" but its section heading (line ${section!.line}) says "${section!.powerTypeText}"; the item's own value is kept`, name),
    );
  }

  // Several rows may carry the legal basis (continuation rows, per-level rows); identical repeats count once.
  const bases = [...new Set(fields.filter((f) => f.key === 'legalBasis' && f.text !== '').map((f) => f.text))];

  return {
    seq: text('seq'),
    name,
    subItem: text('subItem'),
    powerTypes,
    powerTypeText,
    body: text('body'),
    unit: text('unit'),
    localCode: text('localCode'),
    legalBasis: bases.length > 0 ? bases.join('\n') : null,
    fields,
    levels: draft.levels,
    citations: citationsOf(fields, draft.levels, extract, warnings),
    lines,
    // Only set when the document holds several departments' sections (settleDrafts decides).
    ...(draft.department !== undefined ? { department: draft.department } : {}),
  };
}

/**
 * Citations in every citing field of the item and of its per-level rows. A text
 * repeated in several fields (the same basis on each level row) is searched once.
 * Offsets are into that field's cleaned text; `line` says which field.
 */
function citationsOf(fields: readonly FieldValue[], levels: readonly ItemLevelRecord[], extract: CitationExtractor, warnings: ImportWarning[]): CitationRecord[] {
  const out: CitationRecord[] = [];
  const seen = new Set<string>();
  for (const f of [...fields, ...levels.flatMap((l) => l.fields)]) {
    if (f.key === null || !CITING_FIELDS.has(f.key) || f.text === '') continue;
    const id = `${f.key}\u0000${f.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    try {
      for (const c of extract(f.text, f.key)) out.push({ ...c, line: f.line });
    } catch (e) {
      // One field the extractor cannot handle must not lose the whole import.
      warnings.push(warning('CITATION_FAILED', f.line, `citation extraction failed: ${e instanceof Error ? e.message : String(e)}`, f.text));
    }
  }
  return out;
}

/** Fields in source order (stable within a line), as finishItem reads them. */
function bySourceOrder(fields: readonly FieldValue[]): FieldValue[] {
  return [...fields].sort((a, b) => a.line - b.line);
}

function firstText(fields: readonly FieldValue[], key: FieldKey): string | null {
  return bySourceOrder(fields).find((f) => f.key === key && f.text !== '')?.text ?? null;
}

/** The power types finishItem will give a draft: its own, else its section's. */
export function draftPowerTypes(draft: DraftItem): PowerType[] {
  const own = parsePowerTypes(firstText(draft.fields, 'powerType'));
  return own.length > 0 || !draft.section ? own : parsePowerTypes(draft.section.powerTypeText);
}

/** A name as compared for sameness: width folded, no whitespace, half-width brackets, no trailing punctuation. */
export function comparableName(text: string | null): string {
  if (text === null) return '';
  return normaliseWidth(text)
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[。.;；，,、]+$/, '');
}

/** What makes two drafts the same item: department section, name, sub-item and power types. */
function identityOf(draft: DraftItem): string | null {
  const name = firstText(draft.fields, 'name');
  if (name === null) return null;
  const types = [...draftPowerTypes(draft)].sort().join('+');
  return [draft.department ?? '', comparableName(name), comparableName(firstText(draft.fields, 'subItem')), types].join('\u0000');
}

// Fields that make up the identity: equal by construction, so not compared as conflicts.
const IDENTITY_KEYS: ReadonlySet<FieldKey> = new Set(['name', 'subItem', 'powerType']);
const slotOf = (f: FieldValue): string => (f.key !== null ? f.key : `label:${f.label}`);

/**
 * Fold `dup` into `kept`: lines and levels are united; a field `kept` lacks is
 * taken from `dup`; a field both have with different text stays as `kept`
 * has it, and the other reading is reported (DUPLICATE_CONFLICT).
 */
function mergeDraft(kept: DraftItem, dup: DraftItem, warnings: ImportWarning[]): void {
  const keptLine = Math.min(...kept.lines);
  const dupLine = Math.min(...dup.lines);
  const name = firstText(kept.fields, 'name') ?? '';
  warnings.push(
    warning('DUPLICATE_MERGED', dupLine, `the item on line ${keptLine} is listed again on line ${dupLine} (same name, sub-item and power type); read as one item from both`, name),
  );
  const slots = new Map<string, FieldValue[]>();
  for (const f of bySourceOrder(dup.fields)) {
    if (f.text === '') continue;
    const list = slots.get(slotOf(f)) ?? [];
    list.push(f);
    slots.set(slotOf(f), list);
  }
  for (const [slot, theirs] of slots) {
    const mine = kept.fields.filter((f) => slotOf(f) === slot && f.text !== '');
    if (mine.length === 0) {
      kept.fields.push(...theirs);
      continue;
    }
    if (theirs[0].key !== null && IDENTITY_KEYS.has(theirs[0].key)) continue;
    const a = [...new Set(bySourceOrder(mine).map((f) => f.text))].join('\n');
    const b = [...new Set(theirs.map((f) => f.text))].join('\n');
    if (a !== b) {
      const label = theirs[0].label || mine[0].label || slot;
      warnings.push(
        warning('DUPLICATE_CONFLICT', theirs[0].line, `${label} of the repeated item differs from its reading on line ${mine[0].line}; the first reading is kept`, b),
      );
    }
  }
  const levelId = (l: ItemLevelRecord) => [l.levelText, ...l.fields.map((f) => `${slotOf(f)}=${f.text}`)].join('\u0000');
  const haveLevels = new Set(kept.levels.map(levelId));
  for (const l of dup.levels) if (!haveLevels.has(levelId(l))) kept.levels.push(l);
  for (const l of dup.lines) kept.lines.add(l);
}

/**
 * The last step of every layout, once all items are placed:
 * - departments: kept on the drafts only when the headings name several
 *   departments (absent means "the list's department");
 * - the same item rendered twice (a row repeated after a page break, an item
 *   listed in two sections) becomes one item, with DUPLICATE_MERGED naming both lines.
 */
export function settleDrafts(items: readonly DraftItem[], headings: readonly Heading[], warnings: ImportWarning[]): DraftItem[] {
  const several = headingDepartments(headings).length >= 2;
  const out: DraftItem[] = [];
  const byIdentity = new Map<string, DraftItem>();
  for (const draft of items) {
    if (!several) delete draft.department;
    else if (draft.department === undefined) draft.department = null;
    const id = identityOf(draft);
    const kept = id === null ? undefined : byIdentity.get(id);
    if (kept) {
      mergeDraft(kept, draft, warnings);
      continue;
    }
    if (id !== null) byIdentity.set(id, draft);
    out.push(draft);
  }
  return out;
}
