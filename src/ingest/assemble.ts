/**
 * Helpers shared by layout modules (fields, headings, warnings) and the step
 * that turns a placed DraftItem into an ItemRecord: named values, power types
 * and citations are derived here once, the same way for every layout.
 */
import type { FieldKey } from '../domain/fields';
import { fieldForHeader, LEGAL_BASIS_FIELDS, OTHER_CITING_FIELDS } from '../domain/fields';
import { isPowerTypeCell, parsePowerTypes } from '../domain/powerTypes';
import type { CitationRecord, FieldValue, ImportWarning, ItemLevelRecord, ItemRecord } from '../domain/records';
import { cleanCell } from './clean';
import { excerpt, type SourceLine } from './lines';
import type { DraftItem, Heading, SectionContext } from './types';

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

export function newDraft(section: SectionContext | null): DraftItem {
  return { fields: [], levels: [], lines: new Set(), section };
}

/**
 * A header row: most of its non-empty cells are known column names. Two known
 * names at least, so a data row that happens to hold one label is not a header.
 */
export function isHeaderRow(line: SourceLine): boolean {
  const cells = line.cells.filter((c) => c.trim() !== '');
  // Column names are short; not cleaning long cells keeps this cheap on data rows.
  const known = cells.filter((c) => c.length <= 40 && fieldForHeader(cleanCell(c)) !== null).length;
  return known >= 2 && known * 2 > cells.length;
}

/**
 * The text of a heading line ("## …", or a bare title such as
 * "…权责清单事项表(行政奖励)"), or null. A heading has text in its first cell
 * only (exports pad a title row spanning the table with tabs) and is marked
 * with '#' or names a list; other lone lines are not headings, so they are
 * reported rather than silently taken as titles.
 */
export function headingText(line: SourceLine): string | null {
  if (line.cells.slice(1).some((c) => c.trim() !== '')) return null;
  const t = line.cells[0].trim();
  if (t === '') return null;
  const marked = /^#{1,6}\s*/.exec(t);
  const text = cleanCell(marked ? t.slice(marked[0].length) : t);
  if (text === '') return null;
  if (marked || /(清单|事项表|一览表|目录|权责)/.test(text)) return text;
  return null;
}

/** The power type a section heading carries, e.g. "行政处罚" from "…事项表(行政处罚)". */
export function sectionFromHeading(heading: Heading): SectionContext | null {
  for (const m of heading.text.matchAll(/[（(]([^（）()]+)[）)]/g)) {
    if (isPowerTypeCell(m[1])) return { powerTypeText: m[1].trim(), line: heading.line };
  }
  return parsePowerTypes(heading.text).length > 0 ? { powerTypeText: heading.text, line: heading.line } : null;
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
