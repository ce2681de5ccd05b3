/**
 * Accuracy against a careful human reading of the five seed lists: every item
 * as pinned in seed-00N.expected.ts (read from the source text, line by line),
 * one test per item so a failure names the item and its source line.
 *
 * A parsed item is found by the line its name is written on, so one misread
 * item does not make every later item fail. Citations are not compared here
 * (they are tested elsewhere), so the extractor is switched off.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ItemRecord, ListRecord } from '../../../src/domain/records';
import { parseDocument } from '../../../src/ingest';
import { type ExpectedList, expectedReading, label, reading } from './expected';
import { seed000 } from './seed-000.expected';
import { seed001 } from './seed-001.expected';
import { seed002 } from './seed-002.expected';
import { seed003 } from './seed-003.expected';
import { seed004 } from './seed-004.expected';

const SEEDS = join(__dirname, '../../../seeds');

const parsed = new Map<string, ListRecord>();
function parseSeed(prefix: string): ListRecord {
  let list = parsed.get(prefix);
  if (!list) {
    const file = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
    if (!file) throw new Error(`no seed file ${prefix}_*.txt`);
    list = parseDocument(readFileSync(join(SEEDS, file)), { fileName: file, extractCitations: () => [] });
    parsed.set(prefix, list);
  }
  return list;
}

/** The parsed item whose name was read from `line`, else one that at least covers the line. */
function itemAt(list: ListRecord, line: number): ItemRecord | undefined {
  return (
    list.items.find((i) => i.fields.some((f) => f.key === 'name' && f.line === line)) ??
    list.items.find((i) => i.lines.includes(line))
  );
}

const LISTS: [string, ExpectedList, number][] = [
  ['000', seed000, 13],
  ['001', seed001, 23],
  ['002', seed002, 5],
  ['003', seed003, 16],
  ['004', seed004, 14],
];

describe.each(LISTS)('seed %s', (prefix, expected, count) => {
  it('the fixture is for this seed', () => expect(expected.prefix).toBe(prefix));

  it(`the reading pins ${count} items and the parser reads ${count}`, () => {
    expect(expected.items).toHaveLength(count);
    expect(parseSeed(expected.prefix).items.map((i) => i.name)).toEqual(expected.items.map((i) => i.name));
  });

  it.each(expected.items.map((item) => [label(item), item] as const))('%s', (_label, item) => {
    const found = itemAt(parseSeed(expected.prefix), item.nameLine);
    if (!found) throw new Error(`no item was read from line ${item.nameLine} (${item.name})`);
    expect(reading(found)).toEqual(expectedReading(item));
  });
});
