import { parseDocument } from '../../src/ingest';
import { detectLayout, LAYOUTS, unknownLayout } from '../../src/ingest/detect';
import { splitLines } from '../../src/ingest/lines';
import type { LayoutModule } from '../../src/ingest/types';
import { doc, parse } from './helpers';

const lines = (text: string) => splitLines(text);

describe('detectLayout', () => {
  it('recognises a table by its header row', () => {
    expect(detectLayout(lines(doc('某局权责清单', '', ['序号', '事项名称', '权力类型'], ['1', '甲', '行政检查'])))?.family).toBe('table');
  });

  it('recognises cards by their labelled rows', () => {
    expect(detectLayout(lines(doc('某局权责事项清单', ['1', '序号', '1'], ['2', '权利类型', '行政处罚'], ['3', '权利事项名称', '甲'], ['', '', '续'])))?.family).toBe('cards');
  });

  it('finds nothing in prose or an empty document', () => {
    expect(detectLayout(lines('第一段文字。\n第二段文字。'))).toBeNull();
    expect(detectLayout([])).toBeNull();
  });

  it('lets the best-scoring registered layout win', () => {
    const always = (family: string, score: number): LayoutModule => ({ family, score: () => score, parse: () => ({ layout: family, items: [], headings: [], warnings: [] }) });
    expect(detectLayout([], [always('a', 0.6), always('b', 0.9)])?.family).toBe('b');
    expect(detectLayout([], [always('a', 0.7), always('b', 0.7)])?.family).toBe('a');
    expect(detectLayout([], [always('a', 0.4)])).toBeNull();
  });

  it('registers the table and cards layouts', () => {
    expect(LAYOUTS.map((l) => l.family)).toEqual(['table', 'cards']);
  });
});

describe('unknownLayout', () => {
  it('keeps headings and reports every other non-blank line', () => {
    const r = unknownLayout(lines('# 某局权责清单\n\n一段文字\n---\t---\n另一段'));
    expect(r.layout).toBe('unknown');
    expect(r.headings).toEqual([{ line: 1, text: '某局权责清单' }]);
    expect(r.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['null:UNKNOWN_LAYOUT', '3:UNPLACED_LINE', '5:UNPLACED_LINE']);
  });

  it('is silent on an empty document', () => {
    expect(unknownLayout(lines('\n\n')).warnings).toEqual([]);
  });
});

describe('layout comes from content, never the file name', () => {
  it('reads the same document the same way whatever it is called', () => {
    const text = doc(['1', '序号', '1'], ['2', '权利类型', '行政处罚'], ['3', '权利事项名称', '甲']);
    expect(parse(text).layout).toBe('cards');
    expect(parseDocument(text, { fileName: 'table.tsv', extractCitations: () => [] }).layout).toBe('cards');
  });
});
