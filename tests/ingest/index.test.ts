import { parseDocument } from '../../src/ingest';
import { doc, parse } from './helpers';

const TABLE = doc('## 某局权责清单(行政检查)', '', ['序号', '事项名称', '权力类型', '实施依据'], ['1', '对医疗救助的监督检查', '', '<p>【法律】《社会保险法》第八十七条</p>']);

describe('parseDocument', () => {
  it('gives the same record for bytes and for text', () => {
    expect(parseDocument(Buffer.from(TABLE, 'utf8'), { fileName: 'a', extractCitations: () => [] })).toEqual(parse(TABLE));
  });

  it('reads a BOM and CRLF line ends as plain UTF-8 lines', () => {
    const crlf = Buffer.from(`\ufeff${TABLE.replace(/\n/g, '\r\n')}\r\n`, 'utf8');
    const list = parseDocument(crlf, { fileName: 'a', extractCitations: () => [] });
    expect(list).toEqual(parse(TABLE));
    expect(list.lineCount).toBe(4);
  });

  it('returns title, department, layout, items and line count', () => {
    const list = parse(TABLE);
    expect(list).toMatchObject({ title: '某局权责清单(行政检查)', department: '某局', layout: 'table+sections', lineCount: 4 });
    expect(list.items[0]).toMatchObject({ seq: '1', name: '对医疗救助的监督检查', powerTypes: ['INSPECTION'], legalBasis: '【法律】《社会保险法》第八十七条', lines: [4] });
  });

  it('uses the extractor it is given', () => {
    const seen: string[] = [];
    const list = parseDocument(TABLE, {
      fileName: 'a',
      extractCitations: (text, field) => {
        seen.push(`${field}:${text}`);
        return [{ field, statuteTitle: '社会保险法', titleAsWritten: '社会保险法', category: '法律', article: 87, paragraph: null, clause: null, text: '《社会保险法》第八十七条', start: 4, end: 17, quoted: null }];
      },
    });
    expect(seen).toEqual(['legalBasis:【法律】《社会保险法》第八十七条']);
    expect(list.items[0].citations).toEqual([expect.objectContaining({ article: 87, line: 4 })]);
  });

  it('warns about bytes that are not UTF-8, and still reads the rest', () => {
    const bytes = Buffer.concat([Buffer.from(TABLE, 'utf8'), Buffer.from([0x0a, 0xff, 0xfe])]);
    const list = parseDocument(bytes, { fileName: 'a', extractCitations: () => [] });
    expect(list.items).toHaveLength(1);
    expect(list.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['null:INVALID_UTF8', '5:UNPLACED_LINE']);
  });

  it('sorts warnings by line, document-wide ones first', () => {
    const list = parse(doc('甲段文字', ['序号', '事项名称', '权力类型'], ['1', '甲', ''], '注'));
    expect(list.warnings.map((w) => w.line)).toEqual([1, 3, 4]);
  });

  it('reads an empty document as no items', () => {
    const { report, ...record } = parse('');
    expect(record).toEqual({ title: null, department: null, layout: 'unknown', items: [], warnings: [], lineCount: 0 });
    expect(report).toMatchObject({ items: 0, lines: { total: 0, content: 0 } });
  });

  it('reports every line of a document in no known layout', () => {
    const list = parse('第一段。\n第二段。');
    expect(list.layout).toBe('unknown');
    expect(list.items).toEqual([]);
    expect(list.warnings.map((w) => w.code)).toEqual(['UNKNOWN_LAYOUT', 'UNPLACED_LINE', 'UNPLACED_LINE']);
  });
});
