/**
 * Tables: one row per line, cells separated by tabs, a header row naming the
 * columns (repeated before every item in some lists), optionally split into
 * sections by headings that carry the power type ("…事项表(行政处罚)") or the
 * department ("一、尼勒克县医疗保障局").
 *
 * Exports lose merged cells, so a column position is only a first guess:
 * - an item's name row may be preceded or followed by rows that carry its
 *   序号, more legal basis, or per-level data (行使主体 = 地州市级, 县市区医疗保障局…);
 * - cells shift left or right; where content proves it (a power-type cell in
 *   the wrong column, a cell that names its own field, two cells merged into
 *   one) the cell is moved, otherwise it stays where it is and a warning says
 *   the row looks shifted;
 * - a main item (主项) row spans the rows of its numbered sub-items (子项),
 *   which become one item each under the main item's name, 序号 and type.
 * TSV exports also break a row where a cell held a line break: the row ends
 * early and the next line carries the rest of that cell, then the remaining
 * cells. Such rows (and headers) are joined back when the cell counts add up
 * to the header's width.
 * Every non-blank line ends up in an item, a header/heading/separator, or a warning.
 */
import type { FieldKey } from '../../domain/fields';
import { fieldForHeader } from '../../domain/fields';
import { parseLevelDesignation } from '../../domain/levels';
import { isPowerTypeCell } from '../../domain/powerTypes';
import type { FieldValue, ImportWarning, ItemLevelRecord } from '../../domain/records';
import {
  comparableName,
  headingText,
  isHeaderRow,
  newDraft,
  selfLabel,
  settleDrafts,
  unplaced,
  warning,
} from '../assemble';
import { cleanCell, cleanCellLines, normaliseWidth, splitFirstBlock } from '../clean';
import { SectionTracker } from '../document';
import { isBlank, isSeparatorRow, type SourceLine } from '../lines';
import type { DraftItem, Heading, LayoutModule, LayoutResult } from '../types';

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

/** A table row as read: one physical line, or several joined where a cell held a line break. */
interface RowSource {
  /** The first line; for a joined row its text and cells are the joined ones. */
  line: SourceLine;
  /** Every non-blank physical line of the row. */
  lines: number[];
  /** The line each cell starts on. */
  cellLines: number[];
}

interface PlacedCell {
  /** 0-based column the cell was read from. */
  col: number;
  field: FieldValue;
}

interface PlacedRow {
  line: SourceLine;
  lines: number[];
  cells: PlacedCell[];
  /** From structured sources: cells covered by a vertical merge from the row above. */
  merged?: boolean[];
}

/** A main item (主项) whose rows of sub-items follow it. */
interface MainItem {
  draft: DraftItem;
  nameRow: PlacedRow;
  /** The main row names no sub-item of its own: it is the heading of its sub-items, not an item. */
  pure: boolean;
}

/** A draft plus the row that named it, which later rows are compared against. */
interface OpenItem {
  draft: DraftItem;
  nameRow: PlacedRow;
  /** Set when the item is a sub-item of a main item. */
  main: MainItem | null;
}

// ---------------------------------------------------------------- headers

function columnsOf(cells: readonly string[]): Column[] {
  return cells.map((c) => {
    const label = cleanCell(c);
    return { label, key: label === '' ? null : fieldForHeader(label) };
  });
}

function makeHeader(line: number, columns: Column[]): Header {
  let width = columns.length;
  while (width > 0 && columns[width - 1].label === '') width--;
  return { line, columns, width };
}

/** Text that can be (part of) a column name: a known header, or a few CJK characters that are not a value. */
function isLabelFragment(raw: string): boolean {
  const t = cleanCell(raw).replace(/\s+/g, '');
  if (t === '') return false;
  if (fieldForHeader(t) !== null) return true;
  return /^[\u4e00-\u9fa5（）()／/、]{1,12}$/.test(t) && !isPowerTypeCell(t) && !/(局|厅|委员会|科|处|股|室|中心)$/.test(t);
}

// Keys a second column under one parent must not take from the parent alone.
const ONE_COLUMN_KEYS: ReadonlySet<FieldKey> = new Set(['seq', 'name', 'subItem']);

/**
 * A header in two rows where upper cells span several columns
 * ("项目名称" over "主项 | 子项", "责任事项" over "内容 | 依据"): each column
 * is named by its upper and lower labels together. Null unless the lower row
 * is all labels and some upper cell spans a column (is empty above a label).
 */
function stackedHeader(a: SourceLine, b: SourceLine): Column[] | null {
  if (b.cells.length > a.cells.length + 1) return null;
  const columns: Column[] = [];
  let parent = '';
  let spanned = false;
  let resolved = false;
  for (let c = 0; c < Math.max(a.cells.length, b.cells.length); c++) {
    const top = cleanCell(a.cells[c] ?? '');
    const sub = cleanCell(b.cells[c] ?? '');
    if (top !== '') parent = top;
    if (sub === '') {
      columns.push({ label: top, key: top === '' ? null : fieldForHeader(top) });
      continue;
    }
    if (!isLabelFragment(sub)) return null;
    if (top === '') {
      if (parent === '' || c >= a.cells.length) return null;
      spanned = true;
    }
    const parentKey = fieldForHeader(parent);
    const key =
      fieldForHeader(parent + sub) ??
      fieldForHeader(`${parent}(${sub})`) ??
      fieldForHeader(sub) ??
      (top !== '' || (parentKey !== null && !ONE_COLUMN_KEYS.has(parentKey)) ? parentKey : null);
    if (key !== null) resolved = true;
    columns.push({ label: `${parent} ${sub}`, key });
  }
  return spanned && resolved ? columns : null;
}

/**
 * A header row broken where a header cell held a line break ("…责任事项" /
 * "内容	责任事项依据	…"): the cells joined back, or null. The join must
 * make a known column name, or give the width of the row that follows.
 */
function wrappedHeader(a: SourceLine, b: SourceLine, nextWidth: number | null): string[] | null {
  const head = cleanCell(a.cells[a.cells.length - 1]);
  const tail = cleanCell(b.cells[0]);
  if (head === '' || tail === '' || !isLabelFragment(tail)) return null;
  if (!b.cells.slice(1).every((c) => c.trim() === '' || isLabelFragment(c))) return null;
  const joined = head + tail;
  const width = a.cells.length + b.cells.length - 1;
  if (fieldForHeader(joined) === null && nextWidth !== width) return null;
  return [...a.cells.slice(0, -1), joined, ...b.cells.slice(1)];
}

/** The header starting at lines[i], with a second line when the header spans two. */
function readHeader(lines: readonly SourceLine[], i: number, warnings: ImportWarning[]): { header: Header; extra: number } {
  const a = lines[i];
  const b = lines[i + 1];
  if (b && !isBlank(b) && !isSeparatorRow(b) && headingText(b) === null) {
    const stacked = stackedHeader(a, b);
    if (stacked) return { header: makeHeader(a.no, stacked), extra: 1 };
    const next = lines.slice(i + 2).find((l) => !isBlank(l) && !isSeparatorRow(l));
    const joined = wrappedHeader(a, b, next ? next.cells.length : null);
    if (joined) {
      warnings.push(
        warning('WRAPPED_ROW', a.no, `header row continues on line ${b.no}: the column name "${cleanCell(a.cells[a.cells.length - 1])}…" held a line break; read as one header row`, a.text),
      );
      return { header: makeHeader(a.no, columnsOf(joined)), extra: 1 };
    }
  }
  return { header: makeHeader(a.no, columnsOf(a.cells)), extra: 0 };
}

// ---------------------------------------------------------------- wrapped rows

// At most this many physical lines are looked at for the rest of one row.
const MAX_WRAP_LINES = 40;

/** A line that reads as a row of its own: as wide as the table, or opening with a 序号 and more cells. */
function looksLikeOwnRow(line: SourceLine, header: Header): boolean {
  if (line.cells.length >= header.width) return true;
  const startsWithSeq = header.columns[0]?.key === 'seq' && /^\d+$/.test(normaliseWidth(line.cells[0].trim()));
  return startsWithSeq && line.cells.length > 1;
}

const BLOCK_OPEN = /<(p|li|ol|ul|div|table|tr|td)\b[^>]*>/gi;
const BLOCK_CLOSE = /<\/(p|li|ol|ul|div|table|tr|td)\s*>/gi;
const NUMBERED = /^(?:(\d+)\s*[.．、](?!\d)|[（(]\s*(\d+)\s*[)）])/;

/**
 * Evidence that `next` (a lone line) continues a cell that ends the row
 * above: the cell's markup is still open, `next` closes markup it did not
 * open, or `next` carries on the cell's numbered list ("1.…" then "2.…").
 */
function continuesCell(raw: string, next: string): boolean {
  const opened = (raw.match(BLOCK_OPEN) ?? []).length - (raw.match(BLOCK_CLOSE) ?? []).length;
  if (opened > 0) return true;
  if ((next.match(BLOCK_CLOSE) ?? []).length > (next.match(BLOCK_OPEN) ?? []).length) return true;
  const lastLine = cleanCellLines(raw).split('\n').pop() ?? '';
  const m = NUMBERED.exec(normaliseWidth(lastLine));
  const n = NUMBERED.exec(normaliseWidth(cleanCell(next)));
  return m !== null && n !== null && Number(n[1] ?? n[2]) === Number(m[1] ?? m[2]) + 1;
}

function joinPieces(a: SourceLine, pieces: readonly SourceLine[]): { src: RowSource; wrappedCols: number[] } {
  const cells = [...a.cells];
  const cellLines = cells.map(() => a.no);
  const wrappedCols: number[] = [];
  for (const b of pieces) {
    const k = cells.length - 1;
    cells[k] = `${cells[k]}\n${b.cells[0]}`;
    if (!wrappedCols.includes(k)) wrappedCols.push(k);
    for (const c of b.cells.slice(1)) {
      cells.push(c);
      cellLines.push(b.no);
    }
  }
  const text = [a, ...pieces].map((l) => l.text).join('\n');
  return {
    src: { line: { no: a.no, text, cells }, lines: [a.no, ...pieces.filter((l) => !isBlank(l)).map((l) => l.no)], cellLines },
    wrappedCols,
  };
}

/**
 * The row starting at lines[i], joined with the lines that carry the rest of
 * it when a cell held a line break; `last` is the index of its last line.
 * Null when the row stands alone.
 */
function joinWrapped(lines: readonly SourceLine[], i: number, header: Header, warnings: ImportWarning[]): { src: RowSource; last: number } | null {
  const a = lines[i];
  // Structured sources keep line breaks inside their cells.
  if (a.mergedFromAbove) return null;
  const pieces: SourceLine[] = [];
  if (a.cells.length >= header.width) {
    // The row is complete; only its last cell can go on, on lone lines, and only with evidence.
    let raw = a.cells[a.cells.length - 1];
    if (cleanCell(raw) === '') return null;
    for (let j = i + 1; j < lines.length && pieces.length < MAX_WRAP_LINES; j++) {
      const b = lines[j];
      if (b.cells.length !== 1 || isBlank(b) || b.mergedFromAbove || headingText(b) !== null || !continuesCell(raw, b.text)) break;
      pieces.push(b);
      raw += `\n${b.text}`;
    }
  } else {
    let total = a.cells.length;
    for (let j = i + 1; j < lines.length && j - i <= MAX_WRAP_LINES && total < header.width; j++) {
      const b = lines[j];
      if (b.mergedFromAbove || isSeparatorRow(b) || isHeaderRow(b)) return null;
      // The rest of a broken cell is text; a line opening with an empty cell is a row of its own
      // (a level row whose trailing cells a CSV export left out, say).
      if (!isBlank(b) && (b.cells[0].trim() === '' || headingText(b) !== null || looksLikeOwnRow(b, header))) return null;
      pieces.push(b);
      total += b.cells.length - 1;
    }
    if (total < header.width || total > Math.max(header.width, header.columns.length)) return null;
  }
  if (pieces.length === 0) return null;
  const { src, wrappedCols } = joinPieces(a, pieces);
  const names = wrappedCols.map((k) => `${k + 1} (${header.columns[k]?.label || 'no header'})`).join(', ');
  warnings.push(
    warning('WRAPPED_ROW', a.no, `row continues on line(s) ${src.lines.slice(1).join(', ')}: the cell in column ${names} held a line break; read as one row`, a.text),
  );
  return { src, last: i + pieces.length };
}

// ---------------------------------------------------------------- placing cells

const BODY_NAME = /^[\u4e00-\u9fa5（）()]{2,30}(局|厅|委员会|委|办公室|中心|科|处|股|室|部门|政府|所|站|队|院|馆)$/;
// A 行使主体 or 承办机构 value: one body or a few ("通化市社会医疗保险管理局、各县（市、区）医疗保障局").
const UNIT_NAME = /^[\u4e00-\u9fa5（）()、，,\s]{2,80}(局|厅|委员会|委|办公室|中心|科|处|股|室|部门|政府|所|站|队|院|馆|科室|单位|机构)$/;

/**
 * A row with one cell fewer than the header whose 行使主体/承办机构 cell holds a
 * body name followed by the next column's content ("<p>尼勒克县医疗保障局</p>
 * <p>【行政法规】…"): the column to split and its two parts, or null.
 */
function mergedCellSplit(raws: readonly string[], header: Header): { col: number; parts: [string, string] } | null {
  if (raws.length !== header.width - 1) return null;
  for (let c = 0; c < raws.length; c++) {
    const key = header.columns[c]?.key;
    if (key !== 'body' && key !== 'unit') continue;
    const parts = splitFirstBlock(raws[c]);
    if (parts && BODY_NAME.test(cleanCell(parts[0]))) return { col: c, parts };
  }
  return null;
}

function placeRow(src: RowSource, header: Header, warnings: ImportWarning[]): PlacedRow {
  const { line } = src;
  let raws = line.cells;
  let cellLines = src.cellLines;
  if (raws.length < header.width) {
    const split = mergedCellSplit(raws, header);
    if (split) {
      const { col, parts } = split;
      const next = header.columns[col + 1]?.label ?? '';
      warnings.push(
        warning('MERGED_CELL_SPLIT', line.no, `row has ${raws.length} cells for ${header.width} columns; the ${header.columns[col].label} cell also held the ${next} text and was split after its first paragraph`, raws[col]),
      );
      raws = [...raws.slice(0, col), parts[0], parts[1], ...raws.slice(col + 1)];
      cellLines = [...cellLines.slice(0, col + 1), cellLines[col], ...cellLines.slice(col + 1)];
    } else {
      warnings.push(warning('SHORT_ROW', line.no, `row has ${raws.length} cells for ${header.width} columns; cells are placed by position and may be shifted`, line.text));
    }
  }
  const cells: PlacedCell[] = [];
  raws.forEach((raw, col) => {
    const text = cleanCellLines(raw);
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
    cells.push({ col, field: { key, label, text, raw, line: cellLines[col] ?? line.no } });
  });
  fixPowerTypeCell(cells, header, line.no, warnings);
  const row: PlacedRow = { line, lines: src.lines, cells };
  if (line.mergedFromAbove) row.merged = line.mergedFromAbove;
  return row;
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

// ---------------------------------------------------------------- rows below a name row

// "负责地州市级对…": the level a row is about, when its level cell is missing.
const LEVEL_MENTION = /^(?:负责)?(?:对)?(?:本)?((?:自治区|省|地州市|州市|地市|县市区|县市|县区|县)级)/;

/** Placement of one row below (or above) an item's name row. */
function attachRow(item: OpenItem, row: PlacedRow, header: Header, warnings: ImportWarning[]): void {
  const { draft } = item;
  for (const l of row.lines) draft.lines.add(l);
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

  // Structured sources keep columns where they are: only text exports shift cells.
  // Legal-basis cells are left out: the same statute text is often both the
  // basis and the 责任事项依据, so it would vote for a shift that is not there.
  const shift = row.merged ? 0 : detectShift(rest, item.nameRow.cells.filter((c) => c.field.key !== 'legalBasis'));
  if (shift !== 0) {
    // In a shifted row the 行使主体/承办机构 columns may hold whatever slid into
    // them (duty text): kept as body or unit only when the text names one.
    const doubtful: string[] = [];
    for (const cell of rest) {
      const { key, text, label } = cell.field;
      if ((key === 'body' || key === 'unit') && !UNIT_NAME.test(text) && !parseLevelDesignation(text)) {
        doubtful.push(label);
        cell.field = { ...cell.field, key: null, label: '' };
      }
    }
    const kept = doubtful.length > 0 ? `; the ${doubtful.join('/')} cell names no body or unit and is kept without a field` : '';
    warnings.push(
      warning(
        'SHIFTED_CELLS',
        row.line.no,
        `cells of this row sit ${Math.abs(shift)} column(s) ${shift > 0 ? 'left' : 'right'} of the matching cells of its item's row (line ${item.nameRow.line.no}); placed by position, so some fields of this row may be mislabelled${kept}`,
        row.line.text,
      ),
    );
  }

  const level = levelOfRow(rest, header, row.line.no, warnings);
  if (level) {
    draft.levels.push(levelRecord(level, rest, row.lines));
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

function levelRecord(level: RowLevel, cells: readonly PlacedCell[], lines: readonly number[]): ItemLevelRecord {
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
    lines: [...lines],
  };
}

// ---------------------------------------------------------------- the item's own row

// Cells that belong to the item whichever of its rows they sit on.
const ITEM_KEYS: ReadonlySet<FieldKey> = new Set(['seq', 'name', 'subItem', 'powerType', 'legalBasis']);
const LEVEL_RANK = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 } as const;

/**
 * The first row before a name row, when it is the item's own row: its
 * 行使主体 names a higher level than the name row's, which names a level
 * (自治区医疗保障局 above 地州市医疗保障局). Else null.
 */
function ownRowBefore(pending: readonly PlacedRow[], nameRow: PlacedRow): PlacedRow | null {
  const levelOf = (row: PlacedRow | undefined) => {
    const body = row?.cells.find((c) => c.field.key === 'body');
    return body ? parseLevelDesignation(body.field.text) : null;
  };
  const own = levelOf(pending[0]);
  const named = levelOf(nameRow);
  return own !== null && named !== null && LEVEL_RANK[own] < LEVEL_RANK[named] ? pending[0] : null;
}

// ---------------------------------------------------------------- main items and sub-items

// "1.对…", "（2）对…", "(一)对…": how sub-items are numbered under their main item.
const SUB_ITEM_NUMBER = /^\s*(?:\d+\s*[.．、](?!\d)|[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[)）])/;

const slotOf = (f: FieldValue): string => (f.key !== null ? f.key : `label:${f.label}`);
const firstOf = (draft: DraftItem, key: FieldKey): FieldValue | undefined => draft.fields.find((f) => f.key === key && f.text !== '');

/** The main item `open` belongs to, or would be the main item of. */
function mainOf(open: OpenItem): MainItem {
  return open.main ?? { draft: open.draft, nameRow: open.nameRow, pure: firstOf(open.draft, 'subItem') === undefined };
}

/** Whether numbered lines may be read as sub-items of `open`: its main item is not itself numbered like one. */
function takesSubItems(open: OpenItem): boolean {
  const name = firstOf(mainOf(open).draft, 'name');
  return name !== undefined && !SUB_ITEM_NUMBER.test(normaliseWidth(name.text));
}

/**
 * A 子项 cell that lists several numbered sub-items, one per line
 * ("（1）对…\n（2）对…"): the lines, or null.
 */
function listedSubItems(text: string): string[] | null {
  const parts = text.split('\n');
  if (parts.length < 2) return null;
  const numbers = parts.map((p) => /^\s*(?:(\d+)\s*[.．、](?!\d)|[（(]\s*(\d+)\s*[)）])/.exec(normaliseWidth(p)));
  if (numbers.some((m) => m === null)) return null;
  return numbers.every((m, i) => Number(m![1] ?? m![2]) === i + 1) ? parts : null;
}

function parseTable(lines: readonly SourceLine[]): LayoutResult {
  const items: DraftItem[] = [];
  const headings: Heading[] = [];
  const warnings: ImportWarning[] = [];
  const sections = new SectionTracker(false);
  // Main rows whose sub-items were found: not items of their own.
  const mains = new Set<DraftItem>();
  let header: Header | null = null;
  let open: OpenItem | null = null;
  // Rows of the current header block seen before any row with a name.
  let pending: PlacedRow[] = [];

  const endBlock = () => {
    for (const row of pending) warnings.push(unplaced(row.line, 'row has no item name and no named row follows it under the same header'));
    pending = [];
    open = null;
  };

  /** Several sub-items listed in one 子项 cell become one item each. */
  const splitListed = (item: OpenItem): OpenItem => {
    const sub = firstOf(item.draft, 'subItem');
    const parts = sub ? listedSubItems(sub.text) : null;
    if (!sub || !parts) return item;
    warnings.push(warning('SUB_ITEMS_SPLIT', sub.line, `the ${sub.label || '子项'} cell lists ${parts.length} numbered sub-items; read as ${parts.length} items`, sub.raw));
    items.splice(items.indexOf(item.draft), 1);
    let last = item;
    for (const part of parts) {
      const draft: DraftItem = { ...item.draft, fields: item.draft.fields.map((f) => (f === sub ? { ...f, text: part.trim() } : f)), levels: [...item.draft.levels], lines: new Set(item.draft.lines) };
      items.push(draft);
      last = { ...item, draft };
    }
    return last;
  };

  const startItem = (row: PlacedRow): OpenItem => {
    const draft = newDraft(sections.section, sections.department);
    for (const c of row.cells) draft.fields.push(c.field);
    for (const l of row.lines) draft.lines.add(l);
    items.push(draft);
    return splitListed({ draft, nameRow: row, main: null });
  };

  /**
   * A row of a sub-item under `current` (the main item, or a sub-item before
   * it). Under a main row that names no sub-item of its own, the sub-item
   * takes every field of the main row it lacks: the main row's cells span its
   * sub-items' rows. Under a main row that is itself the first sub-item, it
   * takes the name, 序号 and power type. Cells a structured source marks as
   * merged from above repeat the value of the row above.
   */
  const addSubItem = (current: OpenItem, row: PlacedRow, hdr: Header, inferred = false): OpenItem => {
    const main = mainOf(current);
    if (main.pure) mains.add(main.draft);
    const draft = newDraft(main.draft.section, main.draft.department);
    const own = new Set(row.cells.map((c) => slotOf(c.field)));
    const inherit = (f: FieldValue) => {
      if (own.has(slotOf(f)) || f.text === '') return;
      own.add(slotOf(f));
      draft.fields.push(f);
      draft.lines.add(f.line);
    };
    if (main.pure) {
      for (const f of main.draft.fields) inherit(f);
      for (const l of main.draft.lines) draft.lines.add(l);
      draft.levels.push(...main.draft.levels);
    } else {
      for (const key of ['seq', 'name', 'powerType'] as const) {
        const f = firstOf(main.draft, key);
        if (f) inherit(f);
      }
    }
    row.merged?.forEach((merged, col) => {
      const key = hdr.columns[col]?.key;
      const above = merged && key ? firstOf(current.draft, key) : undefined;
      if (above) inherit(above);
    });
    // A sub-item found by its numbering has its own warning (SUB_ITEM_INFERRED), which says as much.
    if (!inferred && !row.cells.some((c) => c.field.key === 'name')) {
      warnings.push(warning('INHERITED_NAME', row.line.no, `sub-item row without a name; takes the name of the item on line ${main.nameRow.line.no}`, row.line.text));
    }
    for (const c of row.cells) draft.fields.push(c.field);
    for (const l of row.lines) draft.lines.add(l);
    items.push(draft);
    return splitListed({ draft, nameRow: row, main });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line) || isSeparatorRow(line)) continue;
    if (isHeaderRow(line)) {
      endBlock();
      const read = readHeader(lines, i, warnings);
      header = read.header;
      i += read.extra;
      continue;
    }
    const heading = headingText(line);
    if (heading !== null) {
      endBlock();
      const h = { line: line.no, text: heading };
      headings.push(h);
      sections.enter(h);
      continue;
    }
    const current: OpenItem | null = open;
    if (line.cells.length === 1) {
      const text = cleanCell(line.cells[0]);
      // "（1）对…" on a line of its own under a main item: its next sub-item.
      const col = header ? header.columns.findIndex((c) => c.key === 'subItem') : -1;
      // Only where the table has sub-items or the line reads as an item ("（1）对…"), not a list inside some cell.
      const subItemLike = SUB_ITEM_NUMBER.test(normaliseWidth(text)) && !/[。；;，,：:]$/.test(text) && (col >= 0 || /^对/.test(normaliseWidth(text).replace(SUB_ITEM_NUMBER, '').trim()));
      if (header && current && subItemLike && takesSubItems(current)) {
        const field: FieldValue = { key: 'subItem', label: header.columns[col]?.label ?? '', text, raw: line.cells[0], line: line.no };
        warnings.push(warning('SUB_ITEM_INFERRED', line.no, `a numbered line on its own under the item on line ${mainOf(current).nameRow.line.no}; read as its sub-item, with its name`, line.text));
        open = addSubItem(current, { line, lines: [line.no], cells: [{ col: Math.max(col, 0), field }] }, header, true);
        continue;
      }
      warnings.push(unplaced(line, 'a single cell that is neither a heading nor part of a table row'));
      continue;
    }
    if (!header) {
      warnings.push(unplaced(line, 'row before any header row'));
      continue;
    }
    const joined = joinWrapped(lines, i, header, warnings);
    const src: RowSource = joined?.src ?? { line, lines: [line.no], cellLines: line.cells.map(() => line.no) };
    if (joined) i = joined.last;
    const row = placeRow(src, header, warnings);
    if (row.cells.length === 0) continue;

    const nameCell = row.cells.find((c) => c.field.key === 'name');
    const hasSub = row.cells.some((c) => c.field.key === 'subItem');
    const hasSeq = row.cells.some((c) => c.field.key === 'seq');
    if (nameCell && !hasSub && !hasSeq && current && SUB_ITEM_NUMBER.test(normaliseWidth(nameCell.field.text)) && takesSubItems(current)) {
      // "（1）对…" in the name column, no 序号: the next sub-item of the main item above.
      warnings.push(
        warning('SUB_ITEM_INFERRED', row.line.no, `the ${nameCell.field.label || 'name'} cell is numbered like a sub-item and has no 序号; read as a sub-item of the item on line ${mainOf(current).nameRow.line.no}, with its name`, nameCell.field.text),
      );
      nameCell.field = { ...nameCell.field, key: 'subItem' };
      open = addSubItem(current, row, header, true);
    } else if (nameCell && current && hasSub && comparableName(nameCell.field.text) === comparableName(firstOf(mainOf(current).draft, 'name')?.text ?? null)) {
      // A sub-item row that repeats its main item's name.
      open = addSubItem(current, row, header);
    } else if (nameCell) {
      const own = ownRowBefore(pending, row);
      let item: OpenItem;
      if (own) {
        // The name was a merged cell rendered on a lower level's row: the row
        // before it is the item's own row, the name row that level's row.
        item = startItem(own);
        const levelCells = row.cells.filter((c) => !ITEM_KEYS.has(c.field.key as FieldKey));
        for (const c of row.cells) if (ITEM_KEYS.has(c.field.key as FieldKey)) item.draft.fields.push(c.field);
        for (const l of row.lines) item.draft.lines.add(l);
        warnings.push(
          warning('ROW_BEFORE_ITEM', own.line.no, `row without a name precedes its item's row (line ${line.no}) and names a higher level than it; read as the item's own row, and line ${line.no} as a level row`, own.line.text),
        );
        attachRow(item, { ...row, cells: levelCells }, header, warnings);
      } else {
        item = startItem(row);
      }
      for (const before of pending) {
        if (before === own) continue;
        warnings.push(warning('ROW_BEFORE_ITEM', before.line.no, `row without a name precedes its item's row (line ${line.no}) in the same block; read as part of that item`, before.line.text));
        attachRow(item, before, header, warnings);
      }
      pending = [];
      open = item;
    } else if (current && hasSub) {
      open = addSubItem(current, row, header);
    } else if (current) {
      attachRow(current, row, header, warnings);
    } else {
      pending.push(row);
    }
  }
  endBlock();
  const placed = items.filter((d) => !mains.has(d));
  return {
    layout: sections.typedSections > 0 ? 'table+sections' : 'table',
    items: settleDrafts(placed, headings, warnings),
    headings,
    warnings,
  };
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
