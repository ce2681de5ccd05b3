/**
 * Tables: one row per line, cells separated by tabs, a header row naming the
 * columns (repeated before every item in some lists), optionally split into
 * sections by headings that carry the power type ("…事项表(行政处罚)").
 *
 * Exports lose merged cells, so a column position is only a first guess:
 * - an item's name row may be preceded or followed by rows that carry its
 *   序号, more legal basis, or per-level data (行使主体 = 地州市级, 县市区医疗保障局…);
 * - cells shift left or right; where content proves it (a power-type cell in
 *   the wrong column, a cell that names its own field, two cells merged into
 *   one) the cell is moved, otherwise it stays where it is and a warning says
 *   the row looks shifted.
 * Every non-blank line ends up in an item, a header/heading/separator, or a warning.
 */
import type { FieldKey } from '../../domain/fields';
import { fieldForHeader } from '../../domain/fields';
import { parseLevelDesignation } from '../../domain/levels';
import { isPowerTypeCell } from '../../domain/powerTypes';
import type { FieldValue, ImportWarning, ItemLevelRecord } from '../../domain/records';
import {
  headingText,
  isHeaderRow,
  makeField,
  newDraft,
  sectionFromHeading,
  selfLabel,
  unplaced,
  warning,
} from '../assemble';
import { cleanCell, splitFirstBlock } from '../clean';
import { isBlank, isSeparatorRow, type SourceLine } from '../lines';
import type { DraftItem, Heading, LayoutModule, LayoutResult, SectionContext } from '../types';

interface Column {
  label: string;
  key: FieldKey | null;
}

interface Header {
  line: number;
  columns: Column[];
  /** Columns up to the last one with a label; cells beyond are unlabelled. */
  width: number;
}

interface PlacedCell {
  /** 0-based column the cell was read from. */
  col: number;
  field: FieldValue;
}

interface PlacedRow {
  line: SourceLine;
  cells: PlacedCell[];
}

/** A draft plus the row that named it, which later rows are compared against. */
interface OpenItem {
  draft: DraftItem;
  nameRow: PlacedRow;
}

function readHeader(line: SourceLine): Header {
  const columns = line.cells.map((c) => {
    const label = cleanCell(c);
    return { label, key: label === '' ? null : fieldForHeader(label) };
  });
  let width = columns.length;
  while (width > 0 && columns[width - 1].label === '') width--;
  return { line: line.no, columns, width };
}

const BODY_NAME = /^[\u4e00-\u9fa5（）()]{2,30}(局|厅|委员会|委|办公室|中心|科|处|股|室|部门|政府|所|站|队|院|馆)$/;

/**
 * A row with one cell fewer than the header whose 行使主体/承办机构 cell holds a
 * body name followed by the next column's content ("<p>尼勒克县医疗保障局</p>
 * <p>【行政法规】…"): split it back into two cells.
 */
function splitMergedCell(raws: string[], header: Header, line: number, warnings: ImportWarning[]): string[] {
  if (raws.length !== header.width - 1) return raws;
  for (let c = 0; c < raws.length; c++) {
    const key = header.columns[c]?.key;
    if (key !== 'body' && key !== 'unit') continue;
    const parts = splitFirstBlock(raws[c]);
    if (!parts || !BODY_NAME.test(cleanCell(parts[0]))) continue;
    const next = header.columns[c + 1]?.label ?? '';
    warnings.push(
      warning('MERGED_CELL_SPLIT', line, `row has ${raws.length} cells for ${header.width} columns; the ${header.columns[c].label} cell also held the ${next} text and was split after its first paragraph`, raws[c]),
    );
    return [...raws.slice(0, c), parts[0], parts[1], ...raws.slice(c + 1)];
  }
  return raws;
}

function placeRow(line: SourceLine, header: Header, warnings: ImportWarning[]): PlacedRow {
  let raws = line.cells;
  if (raws.length < header.width) {
    raws = splitMergedCell(raws, header, line.no, warnings);
    if (raws.length < header.width) {
      warnings.push(warning('SHORT_ROW', line.no, `row has ${raws.length} cells for ${header.width} columns; cells are placed by position and may be shifted`, line.text));
    }
  }
  const cells: PlacedCell[] = [];
  raws.forEach((raw, col) => {
    const text = cleanCell(raw);
    if (text === '') return;
    const column = header.columns[col];
    let key = column?.key ?? null;
    let label = column?.label ?? '';
    const self = selfLabel(text);
    if (self && self.key !== key) {
      warnings.push(
        warning('SELF_LABELLED_CELL', line.no, `cell in column ${col + 1} (${label || 'no header'}) begins with the field name "${self.label}"; read as that field`, raw),
      );
      key = self.key;
      label = self.label;
    } else if (label === '') {
      warnings.push(warning('EXTRA_CELL', line.no, `cell in column ${col + 1} has no header; kept without a field`, raw));
    }
    cells.push({ col, field: { key, label, text, raw, line: line.no } });
  });
  fixPowerTypeCell(cells, header, line.no, warnings);
  return { line, cells };
}

/**
 * The power type found in another column (子项名称, when 权力类型 is empty)
 * moves to the power-type field: recognised by content, not position.
 */
function fixPowerTypeCell(cells: PlacedCell[], header: Header, line: number, warnings: ImportWarning[]): void {
  if (cells.some((c) => c.field.key === 'powerType')) return;
  const misplaced = cells.find((c) => c.field.key !== 'name' && isPowerTypeCell(c.field.text));
  if (!misplaced) return;
  const target = header.columns.find((c) => c.key === 'powerType');
  warnings.push(
    warning('SHIFTED_POWER_TYPE', line, `power type "${misplaced.field.text}" found in column ${misplaced.col + 1} (${misplaced.field.label || 'no header'}) while ${target?.label ?? 'the power-type column'} is empty; read as the power type`),
  );
  misplaced.field = { ...misplaced.field, key: 'powerType', label: target?.label ?? misplaced.field.label };
}

const prefixOf = (text: string): string => text.replace(/\s+/g, '').slice(0, 8);

/**
 * Columns by which `row` is displaced relative to `ref`, judged by cells that
 * begin alike (the same duty text, the same statute) sitting in different
 * columns. 0 when the rows agree or nothing can be compared.
 */
export function detectShift(row: readonly PlacedCell[], ref: readonly PlacedCell[]): number {
  const votes = new Map<number, number>();
  for (const cell of row) {
    const p = prefixOf(cell.field.text);
    if (p.length < 8) continue;
    const matches = ref.filter((r) => prefixOf(r.field.text) === p);
    let shift: number | null = null;
    if (matches.some((m) => m.col === cell.col)) shift = 0;
    else if (matches.length === 1) shift = matches[0].col - cell.col;
    if (shift !== null) votes.set(shift, (votes.get(shift) ?? 0) + 1);
  }
  let best = 0;
  let bestVotes = votes.get(0) ?? 0;
  for (const [shift, n] of votes) if (n > bestVotes) [best, bestVotes] = [shift, n];
  return best;
}

// "负责地州市级对…": the level a row is about, when its level cell is missing.
const LEVEL_MENTION = /^(?:负责)?(?:对)?(?:本)?((?:自治区|省|地州市|州市|地市|县市区|县市|县区|县)级)/;

/** Placement of one row below (or above) an item's name row. */
function attachRow(item: OpenItem, row: PlacedRow, header: Header, warnings: ImportWarning[]): void {
  const { draft } = item;
  draft.lines.add(row.line.no);
  const rest: PlacedCell[] = [];
  for (const cell of row.cells) {
    const key = cell.field.key;
    if (key === 'seq') {
      const seq = draft.fields.find((f) => f.key === 'seq');
      if (seq && seq.text !== cell.field.text) {
        warnings.push(warning('CONFLICTING_SEQ', row.line.no, `序号 "${cell.field.text}" on a row of the item numbered "${seq.text}" (line ${seq.line})`, row.line.text));
      }
      draft.fields.push(cell.field);
    } else if (key === 'legalBasis') {
      // A legal-basis continuation: it is the item's basis, whatever level the row is for.
      draft.fields.push(cell.field);
    } else {
      rest.push(cell);
    }
  }
  if (rest.length === 0) return;

  // Legal-basis cells are left out: the same statute text is often both the
  // basis and the 责任事项依据, so it would vote for a shift that is not there.
  const shift = detectShift(rest, item.nameRow.cells.filter((c) => c.field.key !== 'legalBasis'));
  if (shift !== 0) {
    warnings.push(
      warning(
        'SHIFTED_CELLS',
        row.line.no,
        `cells of this row sit ${Math.abs(shift)} column(s) ${shift > 0 ? 'left' : 'right'} of the matching cells of its item's row (line ${item.nameRow.line.no}); placed by position, so some fields of this row may be mislabelled`,
        row.line.text,
      ),
    );
  }

  const level = levelOfRow(rest, header, row.line.no, warnings);
  if (level) {
    draft.levels.push(levelRecord(level, rest, row.line.no));
  } else {
    // Not a level row: more text for the item's own fields.
    for (const cell of rest) draft.fields.push(cell.field);
  }
}

interface RowLevel {
  /** The level as written: the whole 行使主体 cell, or the level words found in another cell. */
  text: string;
  /** The cell it was read from. */
  source: PlacedCell;
  inferred: boolean;
}

/** The level a non-name row is for: its 行使主体 cell, else a level named at the start of its first cell. */
function levelOfRow(rest: readonly PlacedCell[], header: Header, line: number, warnings: ImportWarning[]): RowLevel | null {
  const body = rest.find((c) => c.field.key === 'body');
  if (body && parseLevelDesignation(body.field.text)) return { text: body.field.text, source: body, inferred: false };
  const bodyCol = header.columns.findIndex((c) => c.key === 'body');
  const first = rest.find((c) => c.col >= bodyCol);
  const m = first ? LEVEL_MENTION.exec(first.field.text) : null;
  if (!first || !m || !parseLevelDesignation(m[1])) return null;
  warnings.push(
    warning('LEVEL_INFERRED', line, `no level in the ${header.columns[bodyCol]?.label ?? '行使主体'} column; level "${m[1]}" read from the start of column ${first.col + 1}`, first.field.text),
  );
  return { text: m[1], source: first, inferred: true };
}

function levelRecord(level: RowLevel, cells: readonly PlacedCell[], line: number): ItemLevelRecord {
  const text = (key: FieldKey): string | null => cells.find((c) => c.field.key === key)?.field.text ?? null;
  const body = cells.find((c) => c.field.key === 'body');
  // "地州市级" designates a level, not a body ("县市区医疗保障局" is both); a cell
  // the level was inferred from is duty text that merely sits in the body column.
  const bodyIsName = body && !/级$/.test(body.field.text) && !(level.inferred && body === level.source);
  return {
    levelText: level.text,
    level: parseLevelDesignation(level.text),
    body: bodyIsName ? body.field.text : null,
    unit: text('unit'),
    scope: text('levelScope'),
    duties: text('departmentDuties'),
    responsibilities: text('responsibilities'),
    fields: cells.map((c) => c.field),
    lines: [line],
  };
}

/**
 * A row without a name that carries a 子项: the next sub-item of the item
 * above, whose merged name (and 序号, 权力类型 when missing) it shares.
 */
function subItemOf(parent: OpenItem, row: PlacedRow, section: SectionContext | null, warnings: ImportWarning[]): OpenItem {
  const draft = newDraft(section);
  const has = (key: FieldKey) => row.cells.some((c) => c.field.key === key);
  for (const key of ['seq', 'name', 'powerType'] as const) {
    if (has(key)) continue;
    const inherited = parent.draft.fields.find((f) => f.key === key);
    if (!inherited) continue;
    draft.fields.push(inherited);
    draft.lines.add(inherited.line);
  }
  warnings.push(warning('INHERITED_NAME', row.line.no, `sub-item row without a name; takes the name of the item on line ${parent.nameRow.line.no}`, row.line.text));
  for (const c of row.cells) draft.fields.push(c.field);
  draft.lines.add(row.line.no);
  return { draft, nameRow: row };
}

function parseTable(lines: readonly SourceLine[]): LayoutResult {
  const items: DraftItem[] = [];
  const headings: Heading[] = [];
  const warnings: ImportWarning[] = [];
  let header: Header | null = null;
  let section: SectionContext | null = null;
  let sections = 0;
  let open: OpenItem | null = null;
  // Rows of the current header block seen before any row with a name.
  let pending: PlacedRow[] = [];

  const endBlock = () => {
    for (const row of pending) warnings.push(unplaced(row.line, 'row has no item name and no named row follows it under the same header'));
    pending = [];
    open = null;
  };

  for (const line of lines) {
    if (isBlank(line) || isSeparatorRow(line)) continue;
    if (isHeaderRow(line)) {
      endBlock();
      header = readHeader(line);
      continue;
    }
    const heading = headingText(line);
    if (heading !== null) {
      endBlock();
      const h = { line: line.no, text: heading };
      headings.push(h);
      // A new heading starts a new section, with or without a power type.
      section = sectionFromHeading(h);
      if (section) sections++;
      continue;
    }
    if (line.cells.length === 1) {
      warnings.push(unplaced(line, 'a single cell that is neither a heading nor part of a table row'));
      continue;
    }
    if (!header) {
      warnings.push(unplaced(line, 'row before any header row'));
      continue;
    }
    const row = placeRow(line, header, warnings);
    if (row.cells.length === 0) continue;
    const current: OpenItem | null = open;

    if (row.cells.some((c) => c.field.key === 'name')) {
      const draft = newDraft(section);
      for (const c of row.cells) draft.fields.push(c.field);
      draft.lines.add(line.no);
      const item: OpenItem = { draft, nameRow: row };
      items.push(draft);
      for (const before of pending) {
        warnings.push(warning('ROW_BEFORE_ITEM', before.line.no, `row without a name precedes its item's row (line ${line.no}) in the same block; read as part of that item`, before.line.text));
        attachRow(item, before, header, warnings);
      }
      pending = [];
      open = item;
    } else if (current && row.cells.some((c) => c.field.key === 'subItem')) {
      open = subItemOf(current, row, section, warnings);
      items.push(open.draft);
    } else if (current) {
      attachRow(current, row, header, warnings);
    } else {
      pending.push(row);
    }
  }
  endBlock();
  return { layout: sections > 0 ? 'table+sections' : 'table', items, headings, warnings };
}

/** Share of content lines that are table rows, provided some row is a header. */
function scoreTable(lines: readonly SourceLine[]): number {
  let headers = 0;
  let content = 0;
  let rows = 0;
  for (const line of lines) {
    if (isBlank(line) || isSeparatorRow(line) || headingText(line) !== null) continue;
    content++;
    if (line.cells.length >= 2) rows++;
    if (isHeaderRow(line)) headers++;
  }
  return headers === 0 || content === 0 ? 0 : rows / content;
}

export const tableLayout: LayoutModule = { family: 'table', score: scoreTable, parse: parseTable };
