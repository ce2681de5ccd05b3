import * as iconv from 'iconv-lite';
import { cleanCell, parseDocument, readSource } from '../../../src/ingest';

const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'page.html', extractCitations: () => [] });
const rows = (html: string) => readSource(html).lines.map((l) => [l.no, ...l.cells]);

// A county page as CMS systems publish them: layout table, navigation, headings, the list, a footer.
const PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>尼勒克县医疗保障局权责清单 - 尼勒克县人民政府</title>
<script type="text/javascript">if (a < b) { document.write("<table><tr><td>x</td></tr></table>"); }</script>
</head>
<body>
<table width="100%" class="layout"><tr><td>
  <table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td></tr></table>
  <h3>当前位置：首页 &gt; 政务公开 &gt; 权责清单</h3>
  <h2 style="text-align:center">尼勒克县医疗保障局权责清单事项表(行政处罚)</h2>
  <table border="1" cellspacing="0" cellpadding="0">
    <thead>
      <tr><th>序号</th><th>事项名称</th><th>权力类型</th><th>实施依据</th><th>行使主体</th></tr>
    </thead>
    <tbody>
      <tr>
        <td rowspan="3">1</td>
        <td rowspan="3"><span style="font-family:宋体">对用人单位不办理医疗保险登记的处罚</span></td>
        <td>行政处罚</td>
        <td><p>【法律】《中华人民共和国社会保险法》第八十四条&nbsp;用人单位不办理社会保险登记的&hellip;</p>
            <p>【规章】《社会保险费申报缴纳管理规定》第十四条</p></td>
        <td>自治区医疗保障局</td>
      </tr>
      <tr><td>&nbsp;</td><td colspan="1"></td><td>地州市级</td></tr>
      <tr><td></td><td><p></p></td><td>县市级</td></tr>
      <tr><td>2</td><td>对骗取医疗保障基金支出的处罚</td><td colspan="2">行政处罚&nbsp;&amp;&nbsp;行政强制</td><td>自治区医疗保障局</td></tr>
    </tbody>
  </table>
  <p>注：本清单自发布之日起施行。</p>
</td></tr></table>
<table class="footer"><tr><td>主办：尼勒克县人民政府</td><td>ICP备案号</td></tr></table>
</body>
</html>
`;

describe('HTML pages', () => {
  it('reads the list table: a line per <tr> numbered by its source line, spans expanded, headings kept', () => {
    const src = readSource(PAGE);
    expect(src.format).toBe('html');
    expect(src.lineCount).toBe(PAGE.split('\n').length - 1);
    expect(src.lines.map((l) => [l.no, ...l.cells.map(cleanCell)])).toEqual([
      [12, '## 尼勒克县医疗保障局权责清单事项表(行政处罚)'],
      [15, '序号', '事项名称', '权力类型', '实施依据', '行使主体'],
      [18, '1', '对用人单位不办理医疗保险登记的处罚', '行政处罚', '【法律】《中华人民共和国社会保险法》第八十四条 用人单位不办理社会保险登记的…\n【规章】《社会保险费申报缴纳管理规定》第十四条', '自治区医疗保障局'],
      [26, '', '', '', '', '地州市级'],
      [27, '', '', '', '', '县市级'],
      [28, '2', '对骗取医疗保障基金支出的处罚', '行政处罚 & 行政强制', '', '自治区医疗保障局'],
    ]);
    // Cells are the inner HTML as written; the layouts clean them.
    expect(src.lines[2].cells[1]).toBe('<span style="font-family:宋体">对用人单位不办理医疗保险登记的处罚</span>');
    expect(src.lines[5].cells[2]).toBe('行政处罚&nbsp;&amp;&nbsp;行政强制');
    expect(src.lines[3].mergedFromAbove).toEqual([true, true, false, false, false]);
    expect(src.lines[4].mergedFromAbove).toEqual([true, true, false, false, false]);
    expect(src.lines[5].mergedFromAbove).toBeUndefined();
  });

  it('skips navigation before the list and a footer that is not as wide, saying so', () => {
    const src = readSource(PAGE);
    expect(src.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['10:SKIPPED_TABLE', '33:SKIPPED_TABLE']);
    expect(src.warnings[0].text).toContain('首页');
    // The breadcrumb heading before the list names no list and is left out; the page title is not needed.
    expect(src.lines.some((l) => l.text.includes('当前位置'))).toBe(false);
  });

  it('gives the items, with the section heading supplying what it should', () => {
    const list = parse(PAGE);
    expect(list).toMatchObject({ format: 'html', encoding: 'utf-8', title: '尼勒克县医疗保障局权责清单事项表(行政处罚)', department: '尼勒克县医疗保障局', layout: 'table+sections' });
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.lines])).toEqual([
      ['1', '对用人单位不办理医疗保险登记的处罚', ['PUNISHMENT'], [18, 26, 27]],
      ['2', '对骗取医疗保障基金支出的处罚', ['PUNISHMENT', 'COERCION'], [28]],
    ]);
    expect(list.items[0].legalBasis).toBe('【法律】《中华人民共和国社会保险法》第八十四条 用人单位不办理社会保险登记的…\n【规章】《社会保险费申报缴纳管理规定》第十四条');
    expect(list.items[0].levels.map((l) => l.levelText)).toEqual(['地州市级', '县市级']);
  });

  it('detects GBK pages from the bytes, whatever the meta tag says', () => {
    const list = parse(iconv.encode(PAGE.replace('charset=utf-8', 'charset=gb2312'), 'gbk'));
    expect([list.format, list.encoding, list.items.length]).toEqual(['html', 'gb18030', 2]);
    expect(list.items[1].name).toBe('对骗取医疗保障基金支出的处罚');
  });

  it('uses a caption as a heading and the page title only when nothing else heads the list', () => {
    const table = '<table><caption>某局权责清单(行政检查)</caption><tr><td>序号</td><td>事项名称</td></tr><tr><td>1</td><td>甲</td></tr></table>';
    expect(rows(`<html><head><title>某局权责清单</title></head><body>${table}</body></html>`).map((r) => r[1])).toEqual(['## 某局权责清单(行政检查)', '序号', '1']);
    const bare = '<html><head><title>某局权责清单</title></head><body><table><tr><td>序号</td><td>事项名称</td></tr></table></body></html>';
    expect(rows(bare).map((r) => r[1])).toEqual(['# 某局权责清单', '序号']);
    // A title that names no list is site chrome.
    expect(rows(bare.replace('某局权责清单', '首页'))).toEqual([[1, '序号', '事项名称']]);
  });

  it('expands colspan and rowspan in a grid, including a rowspan at the end of a row', () => {
    const html = `<table>
<tr><th colspan="2">事项名称</th><th rowspan="3">备注</th></tr>
<tr><td>a</td><td rowspan="2">b</td></tr>
<tr><td>c</td></tr>
<tr><td>d</td><td>e</td><td>f</td></tr>
</table>`;
    const src = readSource(html);
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [2, '事项名称', '', '备注'],
      [3, 'a', 'b', ''],
      [4, 'c', '', ''],
      [5, 'd', 'e', 'f'],
    ]);
    expect(src.lines.map((l) => l.mergedFromAbove)).toEqual([undefined, [false, false, true], [false, true, true], undefined]);
  });

  it('reads the inner tables of a layout table, and a data table whose cells hold tables as one table', () => {
    const inner = '<table><tr><td>序号</td><td>事项名称</td><td>权力类型</td></tr><tr><td>1</td><td>甲</td><td>行政检查</td></tr></table>';
    expect(rows(`<table><tr><td>${inner}</td></tr></table>`).map((r) => r.length - 1)).toEqual([3, 3]);
    const nested = '<table><tr><td>序号</td><td>事项名称</td><td>实施依据</td></tr><tr><td>1</td><td>甲</td><td><table><tr><td>《法》</td></tr></table></td></tr></table>';
    expect(rows(nested).map((r) => r[3])).toEqual(['实施依据', '<table><tr><td>《法》</td></tr></table>']);
  });

  it('numbers the rows of a minified page by the one line they are on', () => {
    const html = '<html><body><h2>某局权责清单</h2><table><tr><td>序号</td><td>事项名称</td><td>权力类型</td></tr><tr><td>1</td><td>甲</td><td>行政检查</td></tr></table></body></html>';
    const list = parse(html);
    expect(list.items.map((i) => [i.name, i.lines])).toEqual([['甲', [1]]]);
    expect(list.lineCount).toBe(1);
  });

  it('reads a page fragment that starts with text before the table', () => {
    const html = '某局权责清单\n<table>\n<tr><td>序号</td><td>事项名称</td><td>权力类型</td></tr>\n<tr><td>1</td><td>甲</td><td>行政检查</td></tr>\n</table>\n';
    expect(readSource(html).format).toBe('html');
    expect(parse(html).items.map((i) => i.name)).toEqual(['甲']);
  });

  it('warns when a page has no table rows', () => {
    const src = readSource('<html><body><table></table><p>无</p></body></html>');
    expect(src.lines).toEqual([]);
    expect(src.warnings.map((w) => w.code)).toEqual(['NO_TABLE_ROWS']);
  });
});
