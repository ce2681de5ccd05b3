import ExcelJS from 'exceljs';
import { parseDocument, readSource } from '../../../src/ingest';
import { readXlsx } from '../../../src/ingest/sources/xlsx';
import { addSheet, rawXlsx, seedText, toXlsx, tsvRows, xlsxBuffer } from './fixtures';

const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'list.xlsx', extractCitations: () => [] });
const cellsOf = (buf: Buffer) => readSource(buf).lines.map((l) => [l.no, ...l.cells]);

describe('XLSX written by exceljs', () => {
  it('reads every row with its row number, padded to the sheet width, numbers as displayed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, '清单', [['某局权责清单'], [], ['序号', '事项名称', '权力类型'], ['1', '对甲的处罚', '行政处罚']]);
    ws.getCell('A5').value = 2;
    ws.getCell('B5').value = 1.5;
    ws.getCell('C5').value = 0.1 + 0.2;
    const src = readSource(await xlsxBuffer(wb));
    expect(src).toMatchObject({ format: 'xlsx', encoding: null, lineCount: 5, warnings: [] });
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [1, '某局权责清单', '', ''],
      [3, '序号', '事项名称', '权力类型'],
      [4, '1', '对甲的处罚', '行政处罚'],
      [5, '2', '1.5', '0.3'],
    ]);
    expect(src.lines[1].text).toBe('序号\t事项名称\t权力类型');
  });

  it('applies number formats and shows dates as ISO text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 3;
    ws.getCell('A1').numFmt = '0.00';
    ws.getCell('B1').value = 0.125;
    ws.getCell('B1').numFmt = '0.0%';
    ws.getCell('C1').value = 1234567;
    ws.getCell('C1').numFmt = '#,##0';
    ws.getCell('D1').value = new Date(Date.UTC(2021, 5, 30));
    ws.getCell('D1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('E1').value = new Date(Date.UTC(2020, 0, 1, 8, 30));
    ws.getCell('E1').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('F1').value = true;
    expect(cellsOf(await xlsxBuffer(wb))).toEqual([[1, '3.00', '12.5%', '1,234,567', '2021-06-30', '2020-01-01 08:30', 'TRUE']]);
  });

  it('reads rich text as its text and formulas by their cached result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = { richText: [{ text: '对', font: { bold: true } }, { text: '医疗救助的监督检查' }] };
    ws.getCell('B1').value = { formula: 'ROW()', result: 7 };
    ws.getCell('C1').value = { formula: 'A1&"（主项）"', result: '对医疗救助的监督检查（主项）' };
    ws.getCell('D1').value = '第一行\n第二行';
    expect(cellsOf(await xlsxBuffer(wb))).toEqual([[1, '对医疗救助的监督检查', '7', '对医疗救助的监督检查（主项）', '第一行\n第二行']]);
  });

  it('reads merged cells as merged: value top-left, covered cells empty, vertical cover marked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, 's', [
      ['某局权责清单'],
      ['序号', '事项名称', '行使主体', '承办机构'],
      ['1', '对甲的检查', '自治区医疗保障局', '基金监管处'],
      ['', '', '地州市医疗保障局', ''],
      ['', '', '县市区医疗保障局', ''],
    ]);
    ws.mergeCells('A1:D1');
    ws.mergeCells('A3:B5'); // a 2-D merge: 序号 and 事项名称 over the level rows
    ws.mergeCells('D3:D4');
    const src = readSource(await xlsxBuffer(wb));
    expect(src.lines.map((l) => l.cells)).toEqual([
      ['某局权责清单', '', '', ''],
      ['序号', '事项名称', '行使主体', '承办机构'],
      ['1', '', '自治区医疗保障局', '基金监管处'],
      ['', '', '地州市医疗保障局', ''],
      ['', '', '县市区医疗保障局', ''],
    ]);
    expect(src.lines.map((l) => l.mergedFromAbove)).toEqual([undefined, undefined, undefined, [true, true, false, true], [true, true, false, false]]);
  });

  it('reads every visible sheet, numbering rows on from the sheet before, and says which lines are which sheet', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '行政处罚', [['序号', '事项名称', '权力类型'], ['1', '甲', '行政处罚']]);
    wb.addWorksheet('空白');
    const lookup = addSheet(wb, '下拉选项', [['行政许可'], ['行政处罚']]);
    lookup.state = 'hidden';
    addSheet(wb, '行政检查', [['序号', '事项名称', '权力类型'], ['1', '乙', '行政检查'], ['2', '丙', '行政检查']]);
    const src = readSource(await xlsxBuffer(wb));
    expect(src.lines.map((l) => [l.no, l.cells[1]])).toEqual([[1, '事项名称'], [2, '甲'], [3, '事项名称'], [4, '乙'], [5, '丙']]);
    expect(src.lineCount).toBe(5);
    expect(src.warnings.map((w) => w.code)).toEqual(['HIDDEN_SHEET_SKIPPED', 'MULTIPLE_SHEETS']);
    expect(src.warnings[1].message).toContain('"行政检查" rows 1–3 are lines 3–5');
    const list = parse(await xlsxBuffer(wb));
    expect(list.items.map((i) => [i.name, i.lines])).toEqual([['甲', [2]], ['乙', [4]], ['丙', [5]]]);
  });
});

describe('a sheet shaped like seed 000 (事项名称 merged over its level rows)', () => {
  // Seed 000's item 11: header row, the item row, two level rows; blank line before the next header.
  const rows = tsvRows(seedText('000')).slice(0, 36);

  it('reads as the TSV does: same items, levels and lines', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, 'Sheet1', rows);
    // The spreadsheet the TSV was exported from merged 序号 and 事项名称 over each item's level rows.
    ws.mergeCells('A28:A30');
    ws.mergeCells('B28:B30');
    ws.mergeCells('A33:A35');
    ws.mergeCells('B33:B35');
    const fromXlsx = parse(await xlsxBuffer(wb));
    const fromTsv = parse(rows.map((r) => r.join('\t')).join('\n'));
    const view = (l: typeof fromTsv) => l.items.map((i) => ({ seq: i.seq, name: i.name, powerTypes: i.powerTypes, levels: i.levels.map((v) => v.levelText), lines: i.lines }));
    expect(view(fromXlsx)).toEqual(view(fromTsv));
    expect(fromXlsx.items.find((i) => i.seq === '11')?.levels.map((v) => v.levelText)).toEqual(['地州市医疗保障局', '县市区医疗保障局']);
    const line29 = readSource(await xlsxBuffer(wb)).lines.find((l) => l.no === 29)!;
    expect(line29.mergedFromAbove?.slice(0, 3)).toEqual([true, true, false]);
  });

  it('reads the whole seed the same from XLSX as from TSV', async () => {
    const all = tsvRows(seedText('000'));
    const fromXlsx = parse(await toXlsx(all));
    const fromTsv = parse(seedText('000'));
    expect(fromXlsx.items.map((i) => i.fields)).toEqual(fromTsv.items.map((i) => i.fields));
  });
});

describe('XLSX parts written by hand', () => {
  it('reads inline strings, ISO dates, booleans, errors, cells without r, and strips phonetic runs and _xHHHH_ escapes', () => {
    const shared = ['<si><t>序号</t></si>', '<si><r><t>事项</t></r><r><rPr><b/></rPr><t>名称</t></r><rPh sb="0" eb="2"><t>じこう</t></rPh></si>', '<si><t>甲_x000D_\n乙</t></si>'];
    const xml = `<sheetData>
      <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>
      <row><c t="inlineStr"><is><t xml:space="preserve"> 1 </t></is></c><c t="s"><v>2</v></c><c t="d"><v>2020-03-01T00:00:00Z</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>
    </sheetData>`;
    expect(readSource(rawXlsx([{ name: 's', xml }], shared)).lines.map((l) => [l.no, ...l.cells])).toEqual([
      [2, '序号', '事项名称', '', '', ''],
      [3, ' 1 ', '甲\n乙', '2020-03-01', 'FALSE', '#N/A'],
    ]);
  });

  it('reads elements with a namespace prefix and sheets addressed by absolute targets', () => {
    const xml = '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row></x:sheetData>';
    const src = readSource(rawXlsx([{ name: 'a', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }, { name: 'b', xml }]));
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([[1, '1'], [2, '甲']]);
  });

  it('uses built-in and custom number formats from the styles part', () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const xml = '<sheetData><row r="1"><c r="A1" s="1"><v>2</v></c><c r="B1" s="2"><v>43831</v></c><c r="C1" s="0"><v>1E-3</v></c></row></sheetData>';
    expect(cellsOf(rawXlsx([{ name: 's', xml }], [], styles))).toEqual([[1, '2.0', '2020-01-01', '0.001']]);
  });

  it('warns about formulas saved without a result', () => {
    const xml = '<sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>';
    const src = readSource(rawXlsx([{ name: '表1', xml }]));
    expect(src.lines.map((l) => l.cells)).toEqual([['', 'x']]);
    expect(src.warnings.map((w) => w.code)).toEqual(['FORMULA_WITHOUT_VALUE']);
    expect(src.warnings[0].message).toContain('A1');
  });

  it('does not walk a merge over a whole column row by row', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>乙</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>';
    // A row-by-row walk would take minutes; the test's timeout catches that, not a clock.
    const src = readSource(rawXlsx([{ name: 's', xml }]));
    expect(src.lines.map((l) => [l.cells, l.mergedFromAbove])).toEqual([[['甲', ''], undefined], [['', '乙'], [true, false]]]);
  }, 10_000);

  it('reads a workbook whose sheets are all empty as no lines', () => {
    expect(readXlsx(rawXlsx([{ name: 's', xml: '<sheetData/>' }]))).toEqual({ format: 'xlsx', encoding: null, lines: [], lineCount: 0, warnings: [] });
  });
});
