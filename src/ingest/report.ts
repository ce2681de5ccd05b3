/**
 * The import report: what a document yielded and, line by line, what it did
 * not. Built from the ListRecord and the document's content lines, so it is
 * the same for every layout and format.
 */
import type { FieldKey } from '../domain/fields';
import type { ImportReport, ItemRecord, ListRecord } from '../domain/records';

/** Fields every list should give each item; the report says which items lack them. */
const EXPECTED: readonly { field: FieldKey; has: (i: ItemRecord) => boolean }[] = [
  { field: 'seq', has: (i) => i.seq !== null },
  { field: 'powerType', has: (i) => i.powerTypes.length > 0 },
  { field: 'legalBasis', has: (i) => !!i.legalBasis },
  { field: 'body', has: (i) => !!i.body },
  { field: 'unit', has: (i) => !!i.unit },
];

export function buildReport(record: Omit<ListRecord, 'report'>, contentLines: readonly number[]): ImportReport {
  const used = new Set<number>();
  for (const item of record.items) {
    for (const l of item.lines) used.add(l);
    for (const lv of item.levels) for (const l of lv.lines) used.add(l);
  }
  const content = new Set(contentLines);
  const unplacedLines = record.warnings
    .filter((w) => w.code === 'UNPLACED_LINE' && w.line !== null && !used.has(w.line))
    .map((w) => ({ line: w.line!, text: w.text ?? '' }));
  const unplaced = new Set(unplacedLines.map((u) => u.line));
  const usedContent = [...used].filter((l) => content.has(l)).length;

  const absentFields: FieldKey[] = [];
  const missingFields: ImportReport['missingFields'] = [];
  for (const { field, has } of EXPECTED) {
    const lacking = record.items.filter((i) => !has(i));
    if (lacking.length === 0) continue;
    if (lacking.length === record.items.length) absentFields.push(field);
    else missingFields.push({ field, items: lacking.map((i) => ({ seq: i.seq, name: i.name, line: i.lines[0] ?? null })) });
  }

  const warningsByCode: Record<string, number> = {};
  for (const w of record.warnings) warningsByCode[w.code] = (warningsByCode[w.code] ?? 0) + 1;

  return {
    layout: record.layout,
    format: record.format ?? 'text',
    encoding: record.encoding ?? 'utf-8',
    items: record.items.length,
    levels: record.items.reduce((n, i) => n + i.levels.length, 0),
    citations: record.items.reduce((n, i) => n + i.citations.length, 0),
    lines: {
      total: record.lineCount,
      content: content.size,
      used: usedContent,
      structural: Math.max(0, content.size - usedContent - unplaced.size),
      unplaced: unplaced.size,
    },
    unplacedLines,
    absentFields,
    missingFields,
    duplicatesMerged: warningsByCode.DUPLICATE_MERGED ?? 0,
    warningsByCode,
  };
}
