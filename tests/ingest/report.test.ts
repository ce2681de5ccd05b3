import { buildReport } from '../../src/ingest/report';
import type { ItemRecord, ListRecord } from '../../src/domain/records';

const item = (over: Partial<ItemRecord>): ItemRecord => ({
  seq: '1', name: '对甲的处罚', subItem: null, powerTypes: ['PUNISHMENT'], powerTypeText: '行政处罚', body: '某局', unit: null,
  localCode: null, legalBasis: '《某法》第一条', fields: [], levels: [], citations: [], lines: [3], ...over,
});

describe('the import report', () => {
  const record: Omit<ListRecord, 'report'> = {
    title: '某局权责清单', department: '某局', layout: 'table', lineCount: 9,
    items: [
      item({ lines: [3], levels: [{ levelText: '县市级', level: 'COUNTY', body: null, unit: null, scope: null, duties: null, responsibilities: null, fields: [], lines: [4] }] }),
      item({ seq: null, name: '对乙的检查', powerTypes: ['INSPECTION'], legalBasis: null, lines: [6, 7] }),
    ],
    warnings: [
      { line: 8, code: 'UNPLACED_LINE', message: 'line not placed', text: '孤立的一行' },
      { line: 4, code: 'SHIFTED_CELLS', message: 'shifted' },
      { line: 7, code: 'DUPLICATE_MERGED', message: 'merged' },
    ],
  };
  // Lines 1 (title), 2 (header), 3, 4, 6, 7, 8 have content; 5 and 9 are blank.
  const r = buildReport(record, [1, 2, 3, 4, 6, 7, 8]);

  it('accounts for every content line', () => {
    expect(r.lines).toEqual({ total: 9, content: 7, used: 4, structural: 2, unplaced: 1 });
    expect(r.lines.used + r.lines.structural + r.lines.unplaced).toBe(r.lines.content);
    expect(r.unplacedLines).toEqual([{ line: 8, text: '孤立的一行' }]);
  });

  it('names the items lacking a field, and the fields no item has', () => {
    expect(r.absentFields).toEqual(['unit']);
    expect(r.missingFields).toEqual([
      { field: 'seq', items: [{ seq: null, name: '对乙的检查', line: 6 }] },
      { field: 'legalBasis', items: [{ seq: null, name: '对乙的检查', line: 6 }] },
    ]);
  });

  it('counts items, levels, merges and warnings by kind', () => {
    expect(r).toMatchObject({ items: 2, levels: 1, citations: 0, duplicatesMerged: 1, layout: 'table', format: 'text', encoding: 'utf-8' });
    expect(r.warningsByCode).toEqual({ UNPLACED_LINE: 1, SHIFTED_CELLS: 1, DUPLICATE_MERGED: 1 });
  });
});
