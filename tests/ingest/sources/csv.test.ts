import * as iconv from 'iconv-lite';
import { parseDocument, readSource, SourceError } from '../../../src/ingest';
import { sniffCsv } from '../../../src/ingest/sources/csv';

const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'list.csv', extractCitations: () => [] });

// As Excel writes it: every row as wide as the table, quotes only where needed.
const CSV = [
  '某局权责清单,,,',
  ',,,',
  '序号,事项名称,权力类型,实施依据',
  '1,对甲的处罚,行政处罚,"【法律】《社会保险法》第八十七条: ""以欺诈、伪造证明材料……""',
  '第八十八条: 以欺诈, 伪造证明材料或者其他手段骗取社会保险待遇的"',
  '2,"对乙, 丙的检查",行政检查,《医疗保障基金使用监督管理条例》',
  '',
].join('\n');

describe('CSV', () => {
  it('keeps quoted commas, doubled quotes and line breaks in their cell; a record is numbered by the line it starts on', () => {
    const src = readSource(CSV);
    expect(src.format).toBe('csv');
    expect(src.lineCount).toBe(6);
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [1, '某局权责清单', '', '', ''],
      [2, '', '', '', ''],
      [3, '序号', '事项名称', '权力类型', '实施依据'],
      [4, '1', '对甲的处罚', '行政处罚', '【法律】《社会保险法》第八十七条: "以欺诈、伪造证明材料……"\n第八十八条: 以欺诈, 伪造证明材料或者其他手段骗取社会保险待遇的'],
      [6, '2', '对乙, 丙的检查', '行政检查', '《医疗保障基金使用监督管理条例》'],
    ]);
    // The text of a line is its cells on one line, so warnings quote it readably.
    expect(src.lines[3].text).not.toContain('\n');
  });

  it('gives the items, from GBK bytes with CRLF line ends as Excel writes them', () => {
    const list = parse(iconv.encode(CSV.replace(/\n/g, '\r\n'), 'gbk'));
    expect([list.format, list.encoding, list.title]).toEqual(['csv', 'gb18030', '某局权责清单']);
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.lines])).toEqual([
      ['1', '对甲的处罚', ['PUNISHMENT'], [4]],
      ['2', '对乙, 丙的检查', ['INSPECTION'], [6]],
    ]);
    expect(list.items[0].legalBasis).toContain('第八十八条');
  });

  it('takes quotes inside an unquoted field as text', () => {
    expect(readSource('序号,事项名称,权力类型\n1,对"两定"机构的检查,行政检查\n').lines[1].cells).toEqual(['1', '对"两定"机构的检查', '行政检查']);
  });

  it('reads cards written as CSV, which have labels but no header row', () => {
    const cards = '某局权责事项清单,,\n1,序号,1\n2,权利类型,行政处罚\n3,权利事项名称,对甲的处罚\n4,处罚依据,《条例》第十条\n,,第十一条\n';
    expect(readSource(cards).format).toBe('csv');
    expect(parse(cards).items.map((i) => [i.name, i.powerTypes, i.legalBasis])).toEqual([['对甲的处罚', ['PUNISHMENT'], '《条例》第十条\n第十一条']]);
  });

  it('refuses a quote that is never closed, naming the line', () => {
    const broken = `${CSV}3,"对丁的处罚,行政处罚,x\n4,戊,行政检查,y\n`;
    expect(() => readSource(broken)).toThrow(SourceError);
    expect(() => readSource(broken)).toThrow(/CSV cannot be read from the record starting on line 7: Quoted field unterminated/);
  });

  it('is not sniffed from prose with commas, nor from rows without known column names', () => {
    expect(sniffCsv('我们认为,这是一段文字,不是表格。\n第二段,也是文字。\n')).toBe(false);
    expect(sniffCsv('a,b,c\n1,2,3\n4,5,6\n')).toBe(false);
    expect(sniffCsv('序号,事项名称,权力类型\n1,甲,行政检查\n')).toBe(true);
  });
});
