/**
 * Shape of the hand-made readings in seed-00N.expected.ts, and the projection
 * of a parsed ItemRecord onto that shape, so a test compares like with like.
 *
 * The readings were made from the source text (each seed read line by line,
 * cell by cell), not from the parser's output. Conventions a reader has to
 * pick once and keep:
 *
 * - `seq` is the 序号 as written; null when the list gives none for the item
 *   (000's 高值医用耗材 item and its last item). Numbers are not inferred
 *   from neighbours.
 * - `name` is the name cell exactly as written, markers such as "(新增)",
 *   spacing before them and typos included.
 * - `body` / `unit` are the item's own 行使主体/实施主体 and 承办机构/承办公室,
 *   cleaned of HTML. In the provincial list (000) the item's own row is the
 *   自治区 row; the 地州市 / 县市 rows under it are `levels`. A list without
 *   per-level rows has `levels: []` (a single 办事层级 cell such as "县级" in
 *   002 is a field, not a level row).
 * - A level row's `levelText` is its 行使主体 cell as written ("地州市级",
 *   "县市区医疗保障局"); where the row has no such cell and names its level only
 *   inside its duty text ("负责地州市级对…"), the level words it names.
 *   `body` is that cell when it names a body ("地州市医疗保障局"), null when it
 *   only names a level ("地州市级") or is missing. `unit` is the row's 承办机构
 *   cell, null when the row has none (including rows whose cells shifted left
 *   so that duty text sits in the 承办机构 column).
 * - `lines` are the source lines holding the item's content: header rows,
 *   headings, titles, separator rows and blank lines are not the item's.
 */
import type { ItemLevelRecord, ItemRecord } from '../../../src/domain/records';

/** A level row as a careful reader records it: the record's own fields, nothing derived. */
export type ExpectedLevel = Pick<ItemLevelRecord, 'levelText' | 'level' | 'body' | 'unit' | 'lines'>;

export type ExpectedItem = Pick<ItemRecord, 'seq' | 'name' | 'subItem' | 'powerTypes' | 'powerTypeText' | 'body' | 'unit' | 'lines'> & {
  /** The line the item's name is written on: how a parsed item is found for this reading. */
  nameLine: number;
  levels: ExpectedLevel[];
};

export interface ExpectedList {
  /** File name prefix in seeds/. */
  prefix: string;
  items: ExpectedItem[];
}

export type Reading = Omit<ExpectedItem, 'nameLine'>;

export const levelReading = (l: ItemLevelRecord): ExpectedLevel => ({
  levelText: l.levelText,
  level: l.level,
  body: l.body,
  unit: l.unit,
  lines: l.lines,
});

/** The parsed item in the fixture's shape. */
export const reading = (item: ItemRecord): Reading => ({
  seq: item.seq,
  name: item.name,
  subItem: item.subItem,
  powerTypes: item.powerTypes,
  powerTypeText: item.powerTypeText,
  body: item.body,
  unit: item.unit,
  levels: item.levels.map(levelReading),
  lines: item.lines,
});

export const expectedReading = ({ nameLine: _nameLine, ...rest }: ExpectedItem): Reading => rest;

/** A short label for test names: "L23 10 对公立医疗机构集中采购…". */
export const label = (item: ExpectedItem): string => {
  const name = item.name.length > 24 ? `${item.name.slice(0, 24)}…` : item.name;
  return `L${item.nameLine} ${item.seq ?? '(no 序号)'} ${name}`;
};
