/** Which reader a document goes to: decided from its content, never its name. */
import { parseDocument, readSource } from '../../../src/ingest';
import { sniffText } from '../../../src/ingest/sources';
import { seedText, toCsv, tsvRows } from './fixtures';

describe('sniffText', () => {
  it.each([
    ['html page', '<!doctype html><html><body><table><tr><td>序号</td></tr></table></body></html>', 'html'],
    ['html fragment after a title line', '某局权责清单\n<TABLE border=1>\n<tr><td>序号</td><td>事项名称</td></tr>\n</TABLE>', 'html'],
    ['tab-separated', '序号\t事项名称\t权力类型\n1\t甲\t行政检查', 'text'],
    ['tab-separated with a <table> in a cell', '序号\t事项名称\t实施依据\n1\t甲\t<table><tr><td>《法》</td></tr></table>', 'text'],
    ['markdown', '| 序号 | 事项名称 |\n|---|---|\n| 1 | 甲 |', 'markdown'],
    ['csv', '序号,事项名称,权力类型\n1,甲,行政检查', 'csv'],
    ['aligned', '序号  事项名称  权力类型\n1     甲        行政检查', 'aligned'],
    ['cell per line', '序号\n事项名称\n权力类型\n1\n甲\n行政检查', 'cell-per-line'],
    ['prose', '第一段文字。\n第二段，文字。', 'text'],
    ['nothing', '\n\n', 'text'],
  ])('%s → %s', (_, text, format) => {
    expect(sniffText(text)).toBe(format);
  });

  it('keeps every seed list on the text path it has always taken', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) expect(sniffText(seedText(prefix))).toBe('text');
  });

  it('judges a large document by its start', () => {
    const csv = toCsv(tsvRows(seedText('000')));
    const big = csv.repeat(Math.ceil((512 * 1024) / csv.length));
    expect(sniffText(big)).toBe('csv');
  });
});

describe('the file name plays no part', () => {
  it('reads CSV named .txt and TSV named .csv by their content', () => {
    const csv = '序号,事项名称,权力类型\n1,甲,行政检查\n';
    const tsv = csv.replace(/,/g, '\t');
    expect(parseDocument(csv, { fileName: 'list.txt', extractCitations: () => [] }).format).toBe('csv');
    expect(parseDocument(tsv, { fileName: 'list.csv', extractCitations: () => [] }).format).toBe('text');
    expect(parseDocument(tsv, { fileName: 'list.xlsx', extractCitations: () => [] }).items.map((i) => i.name)).toEqual(['甲']);
  });

  it('reports the format and line count of what it read', () => {
    expect(readSource('序号,事项名称\n1,甲\n')).toMatchObject({ format: 'csv', encoding: 'utf-8', lineCount: 2 });
  });
});
