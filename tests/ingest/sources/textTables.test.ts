/** Plain-text renderings of a table other than TSV: markdown, space-aligned columns, one cell per line. */
import { parseDocument, readSource } from '../../../src/ingest';
import { runs } from '../../../src/ingest/sources/aligned';
import { pipeCells } from '../../../src/ingest/sources/markdown';

const parse = (input: Buffer | string) => parseDocument(input, { fileName: 'list.txt', extractCitations: () => [] });
const items = (input: string) => parse(input).items.map((i) => [i.seq, i.name, i.powerTypes, i.lines]);

describe('markdown pipe tables', () => {
  const MD = [
    '# 某局权责清单(行政检查)',
    '',
    '| 序号 | 事项名称 | 权力类型 | 实施依据 |',
    '|:---:|------|---|---|',
    '| 1 | 对甲的检查 | 行政检查 | 《社会保险法》第七十九条<br>第八十条 |',
    '| 2 | 对乙\\|丙的检查 |  | 《条例》 |',
    '',
    '注：以上事项按规定执行。',
  ].join('\n');

  it('splits rows into cells, keeps separators as dash cells and other lines whole', () => {
    const src = readSource(MD);
    expect(src.format).toBe('markdown');
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [1, '# 某局权责清单(行政检查)'],
      [2, ''],
      [3, '序号', '事项名称', '权力类型', '实施依据'],
      [4, ':---:', '------', '---', '---'],
      [5, '1', '对甲的检查', '行政检查', '《社会保险法》第七十九条<br>第八十条'],
      [6, '2', '对乙|丙的检查', '', '《条例》'],
      [7, ''],
      [8, '注：以上事项按规定执行。'],
    ]);
  });

  it('gives the items, the heading supplying the power type where the row has none', () => {
    const list = parse(MD);
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.lines])).toEqual([
      ['1', '对甲的检查', ['INSPECTION'], [5]],
      ['2', '对乙|丙的检查', ['INSPECTION'], [6]],
    ]);
    expect(list.items[0].legalBasis).toBe('《社会保险法》第七十九条\n第八十条');
    expect(list.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['8:UNPLACED_LINE']);
  });

  it('reads rows without outer pipes inside a table', () => {
    expect(pipeCells('a | b')).toEqual(['a', 'b']);
    const src = readSource('| 序号 | 事项名称 | 权力类型 |\n|---|---|---|\n1 | 甲 | 行政检查\n');
    expect(src.lines[2].cells).toEqual(['1', '甲', '行政检查']);
  });
});

describe('space-aligned columns (pdftotext -layout)', () => {
  const ALIGNED = [
    '                        某局权责清单',
    '',
    '序号   事项名称                          权力类型      行使主体',
    ' 1     对用人单位未按规定申报的处罚      行政处罚      某县医疗保障局',
    ' 2     对定点医药机构的检查              行政检查',
    '                                                       某县医疗保障局',
    '\f序号   事项名称                      权力类型   行使主体',
    ' 3     对医疗救助的监督检查          行政检查   某县医疗保障局',
  ].join('\n');

  it('splits at runs of two or more spaces, keeping single spaces and one ideographic space in the text', () => {
    // Columns are display columns: a CJK character or U+3000 is two wide.
    expect(runs('  第八十七条　社会 保险  行政处罚　　某局').map((r) => [r.start, r.end, r.text])).toEqual([
      [2, 23, '第八十七条　社会 保险'],
      [25, 33, '行政处罚'],
      [37, 41, '某局'],
    ]);
    expect(runs('a𠀀b  c').map((r) => [r.start, r.end])).toEqual([[0, 4], [6, 7]]);
  });

  it('puts each text run in the column of the header it lies under, resetting at a repeated header', () => {
    const src = readSource(ALIGNED);
    expect(src.format).toBe('aligned');
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [1, '某局权责清单'],
      [2, ''],
      [3, '序号', '事项名称', '权力类型', '行使主体'],
      [4, '1', '对用人单位未按规定申报的处罚', '行政处罚', '某县医疗保障局'],
      [5, '2', '对定点医药机构的检查', '行政检查', ''],
      [6, '', '', '', '某县医疗保障局'],
      [7, '序号', '事项名称', '权力类型', '行使主体'],
      [8, '3', '对医疗救助的监督检查', '行政检查', '某县医疗保障局'],
    ]);
  });

  it('gives the items', () => {
    expect(items(ALIGNED)).toEqual([
      ['1', '对用人单位未按规定申报的处罚', ['PUNISHMENT'], [4]],
      ['2', '对定点医药机构的检查', ['INSPECTION'], [5, 6]],
      ['3', '对医疗救助的监督检查', ['INSPECTION'], [8]],
    ]);
  });
});

describe('one cell per line', () => {
  const CELLS = ['某局权责清单', '序号', '事项名称', '权力类型', '实施依据', '1', '对甲的处罚', '行政处罚', '《社会保险法》第八十七条', '', '2', '对乙的检查', '行政检查', '《条例》第十条'].join('\n');

  it('regroups the values into rows as wide as the header', () => {
    const src = readSource(CELLS);
    expect(src.format).toBe('cell-per-line');
    expect(src.lines.map((l) => [l.no, ...l.cells])).toEqual([
      [1, '某局权责清单'],
      [2, '序号', '事项名称', '权力类型', '实施依据'],
      [6, '1', '对甲的处罚', '行政处罚', '《社会保险法》第八十七条'],
      [11, '2', '对乙的检查', '行政检查', '《条例》第十条'],
    ]);
    expect(src.warnings).toEqual([]);
    expect(items(CELLS)).toEqual([
      ['1', '对甲的处罚', ['PUNISHMENT'], [6]],
      ['2', '对乙的检查', ['INSPECTION'], [11]],
    ]);
  });

  it('warns once when a missing cell puts the rows out of step, and about a short last row', () => {
    const shifted = ['序号', '事项名称', '权力类型', '1', '对甲的处罚', '2', '对乙的检查', '行政检查', '3', '对丙的检查', '行政检查'].join('\n');
    const src = readSource(shifted);
    expect(src.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['7:CELL_GROUP_MISALIGNED', '10:SHORT_CELL_GROUP']);
  });

  it('is not used when the names on their own lines are not known column names', () => {
    expect(readSource('甲\n乙\n丙\n丁\n').format).toBe('text');
  });
});
