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

  it('recognises every card shape by its content', () => {
    const family = (...l: (string | string[])[]) => detectLayout(lines(doc(...l)))?.family;
    expect(family(['序号', '1'], ['事项名称', '甲'], ['权力类型', '行政处罚'], ['', '续'])).toBe('cards');
    expect(family(['序号', '1', '权力类型', '行政处罚'], ['事项名称', '对甲的处罚', '子项名称', ''], ['实施依据', '《社会保险法》第八十七条', '行使主体', '某局'])).toBe('cards');
    expect(family('事项名称：对甲的处罚', '权力类型：行政处罚', '实施依据：', '《社会保险法》第八十七条', '实施主体：某局')).toBe('cards');
    expect(family('对甲的处罚', ['权力类型', '行政处罚'], ['实施主体', '某局'], '对乙的检查', ['权力类型', '行政检查'], ['实施主体', '某局'])).toBe('cards');
  });

  it('does not take prose with a label or two for cards', () => {
    expect(detectLayout(lines(doc('说明：本清单依据有关法律制定。', '实施主体：各级医疗保障部门。', '第一段文字。', '第二段文字。')))).toBeNull();
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
