import { finishItem } from '../../src/ingest/assemble';
import { detectShift, tableLayout } from '../../src/ingest/layouts/table';
import type { SourceLine } from '../../src/ingest/lines';
import { C, codes, doc, parse, row, SECTION_HEADER, texts, wide, WIDE_HEADER } from './helpers';

describe('table layout: rows and headers', () => {
  it('reads one item per named row, with the header repeated before each and blank lines between', () => {
    const list = parse(
      doc(
        '',
        WIDE_HEADER,
        wide({ [C.seq]: '2', [C.name]: '对甲的处罚', [C.type]: '行政处罚', [C.body]: '自治区医疗保障局' }),
        '',
        WIDE_HEADER,
        wide({ [C.seq]: '3', [C.name]: '对乙的检查', [C.type]: '行政检查', [C.body]: '自治区医疗保障局' }),
      ),
    );
    expect(list.layout).toBe('table');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.lines])).toEqual([
      ['2', '对甲的处罚', ['PUNISHMENT'], [3]],
      ['3', '对乙的检查', ['INSPECTION'], [6]],
    ]);
    expect(list.warnings).toEqual([]);
    expect(list.lineCount).toBe(6);
  });

  it('labels every non-empty cell with its header, keeping the raw HTML and the line', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.seq]: '1', [C.name]: '事项', [C.type]: '行政检查', [C.basis]: '<p>【法律】《社会保险法》</p> <p>第八十七条</p>', [C.remarks]: ' ' })));
    const item = list.items[0];
    expect(item.fields.map((f) => f.key)).toEqual(['seq', 'name', 'powerType', 'legalBasis']);
    expect(item.fields[3]).toEqual({
      key: 'legalBasis',
      label: '实施依据',
      text: '【法律】《社会保险法》\n第八十七条',
      raw: '<p>【法律】《社会保险法》</p> <p>第八十七条</p>',
      line: 2,
    });
    expect(item.legalBasis).toBe('【法律】《社会保险法》\n第八十七条');
  });

  it('accepts header rows with trailing empty cells and rows as wide as them', () => {
    const list = parse(doc([...WIDE_HEADER, '', ''], [...wide({ [C.seq]: '7', [C.name]: '医疗保险稽核', [C.type]: '行政检查' }), '', '']));
    expect(list.items).toHaveLength(1);
    expect(list.warnings).toEqual([]);
  });

  it('keeps a column with an unknown header as a field without a key, under its label', () => {
    const list = parse(doc(['序号', '事项名称', '权力类型', '公开方式'], ['1', '事项', '行政检查', '网站公开']));
    expect(list.items[0].fields.find((f) => f.label === '公开方式')).toMatchObject({ key: null, text: '网站公开' });
  });

  it('reads an item without 序号', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.name]: '制定公立医疗机构医疗服务价格', [C.type]: '其他行政权力' })));
    expect(list.items[0]).toMatchObject({ seq: null, name: '制定公立医疗机构医疗服务价格', powerTypes: ['OTHER'], powerTypeText: '其他行政权力' });
  });

  it('ignores markdown separator rows between items', () => {
    const list = parse(doc(SECTION_HEADER, row(10, { 0: '1', 1: '甲', 2: '行政处罚' }), ['---', '---', '------'], '', row(10, { 0: '2', 1: '乙', 2: '行政处罚' }), ['--', '--', '--']));
    expect(list.items.map((i) => i.name)).toEqual(['甲', '乙']);
    expect(list.warnings).toEqual([]);
  });

  it('fills seq, name, subItem, body, unit and localCode from their columns', () => {
    const header = ['序号', '事项名称', '子项名称', '权力类型', '地方权力编码', '子项地方权力编码', '行使主体', '承办机构', '实施依据', '办事层级'];
    const list = parse(doc(header, ['4', '主项', '子项甲', '其他行政权力', '11620602MB1902380J4621036001000', '', '凉州区医疗保障局', '医药服务管理股', '《价格法》', '县级']));
    expect(list.items[0]).toMatchObject({
      seq: '4',
      name: '主项',
      subItem: '子项甲',
      body: '凉州区医疗保障局',
      unit: '医药服务管理股',
      localCode: '11620602MB1902380J4621036001000',
      legalBasis: '《价格法》',
      levels: [],
    });
    expect(texts(list.items[0], 'levelScope')).toEqual(['县级']);
  });
});

describe('table layout: per-level rows', () => {
  const item3 = [
    WIDE_HEADER,
    wide({ [C.seq]: '3', [C.name]: '对骗取待遇的处罚', [C.type]: '行政处罚', [C.basis]: '《社会保险法》', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '自治区级', [C.duties]: '负责自治区级', [C.resp]: '直接实施责任：执行' }),
    wide({ [C.body]: '地州市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责地州市级', [C.duties]: '<p>负责地州市级职责</p>', [C.resp]: '直接实施责任：执行' }),
    wide({ [C.body]: '县市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责县市级', [C.duties]: '<p>负责县市级职责</p>', [C.resp]: '直接实施责任：执行' }),
  ];

  it('reads rows whose 行使主体 names a level as levels of the item above', () => {
    const list = parse(doc(...item3));
    expect(list.items).toHaveLength(1);
    const item = list.items[0];
    expect(item.lines).toEqual([2, 3, 4]);
    expect(item.body).toBe('自治区医疗保障局');
    expect(item.levels).toEqual([
      expect.objectContaining({ levelText: '地州市级', level: 'PREFECTURE', body: null, unit: '具体承办的业务科室', scope: '负责地州市级', duties: '负责地州市级职责', responsibilities: '直接实施责任：执行', lines: [3] }),
      expect.objectContaining({ levelText: '县市级', level: 'COUNTY', lines: [4] }),
    ]);
    expect(item.levels[0].fields.map((f) => f.key)).toEqual(['body', 'unit', 'levelScope', 'departmentDuties', 'responsibilities']);
    expect(list.warnings).toEqual([]);
  });

  it('keeps a level row body that is a body name ("县市区医疗保障局")', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.seq]: '11', [C.name]: '对医疗救助的监督检查', [C.type]: '行政检查', [C.body]: '自治区医疗保障局' }), wide({ [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室' })));
    expect(list.items[0].levels[0]).toMatchObject({ levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局' });
  });

  it('places a level row that lost a cell by position, warns that it looks shifted, and keeps no duty text as its unit', () => {
    // As seed 000 line 39: no 承办机构, so the duties and everything after sit one or two columns left.
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.seq]: '13', [C.name]: '事项', [C.type]: '行政检查', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '对自治区范围', [C.duties]: '对纳入范围', [C.resp]: '<p>直接实施责任:</p> 1.制定监督检查计划', [C.respBasis]: '<p>【法规】《医疗保障基金使用监督管理条例》</p>', [C.persons]: '<p>1.具体承办人;</p>' }),
        wide({ [C.body]: '地州市级', [C.unit]: '对地州市范围', [C.scope]: '<p>直接实施责任:</p> 1.制定监督检查计划', [C.duties]: '<p>【法规】《医疗保障基金使用监督管理条例》</p>', [C.resp]: '<p>1.具体承办人;</p>' }),
      ),
    );
    const level = list.items[0].levels[0];
    // The 承办机构 column holds the row's scope text, which slid left: not a unit.
    expect(level).toMatchObject({ level: 'PREFECTURE', body: null, unit: null, scope: '直接实施责任:\n1.制定监督检查计划' });
    expect(level.fields.find((f) => f.text === '对地州市范围')).toMatchObject({ key: null, label: '', line: 3 });
    expect(codes(list)).toEqual(['3:SHIFTED_CELLS']);
    expect(list.warnings[0].message).toMatch(/2 column\(s\) left of .*line 2.*承办机构 cell names no body or unit/);
  });

  it('infers the level from the first cell when the 行使主体 cell is missing, and warns', () => {
    // As seed 000 lines 49/50: legal basis, then the scope text where 行使主体 should be.
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.seq]: '15', [C.name]: '事项', [C.type]: '行政检查', [C.basis]: '【法律】《药品管理法》', [C.body]: '自治区医疗保障局' }),
        wide({ [C.basis]: '【法规】《条例》第十六条', [C.body]: '负责地州市级对药品的监督检查', [C.unit]: '负责地州市级对药品的监督检查' }),
        wide({ [C.basis]: '【法规】《条例》第十六条', [C.body]: '负责县级对药品的监督检查' }),
      ),
    );
    const item = list.items[0];
    expect(item.levels.map((l) => [l.levelText, l.level, l.body])).toEqual([
      ['地州市级', 'PREFECTURE', null],
      ['县级', 'COUNTY', null],
    ]);
    expect(item.legalBasis).toBe('【法律】《药品管理法》\n【法规】《条例》第十六条');
    expect(codes(list)).toEqual(['3:LEVEL_INFERRED', '4:LEVEL_INFERRED']);
  });

  it('appends a row without a level to the item as more of its fields', () => {
    const list = parse(doc(SECTION_HEADER, row(10, { 0: '1', 1: '事项', 2: '行政检查', 3: '某局', 6: '1.检查责任' }), row(10, { 6: '2.处理责任' })));
    expect(texts(list.items[0], 'responsibilities')).toEqual(['1.检查责任', '2.处理责任']);
    expect(list.items[0].levels).toEqual([]);
    expect(list.items[0].lines).toEqual([2, 3]);
  });
});

describe('table layout: rows that belong to an item but are not its name row', () => {
  it('takes 序号 from the row after the name (seed 000 lines 23–25)', () => {
    const basis = '<p>【规范性文件】《药品集中采购监督管理办法》（国办发〔2010〕6号）</p>';
    const list = parse(
      doc(
        [...WIDE_HEADER, ''],
        [...wide({ [C.name]: '对集中采购行为合规性的监督检查', [C.type]: '行政检查', [C.basis]: basis, [C.body]: '自治区医疗保障局' }), ''],
        [...wide({ [C.seq]: '10', [C.basis]: basis, [C.body]: '地州市医疗保障局' }), ''],
        [...wide({ [C.body]: '县市区医疗保障局' }), ''],
      ),
    );
    expect(list.items).toHaveLength(1);
    const item = list.items[0];
    expect(item).toMatchObject({ seq: '10', name: '对集中采购行为合规性的监督检查', lines: [2, 3, 4] });
    expect(item.legalBasis).toBe('【规范性文件】《药品集中采购监督管理办法》（国办发〔2010〕6号）');
    expect(item.levels.map((l) => l.level)).toEqual(['PREFECTURE', 'COUNTY']);
    expect(list.warnings).toEqual([]);
  });

  it('merges a legal-basis continuation row into the item, before or after the name row', () => {
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.basis]: '【规范性文件】《规范》第四十二条' }),
        wide({ [C.name]: '高值医用耗材检查', [C.type]: '行政检查', [C.basis]: '【规范性文件】《规范》第四十二条' }),
        wide({ [C.basis]: '【规范性文件】《规范》第四十三条' }),
      ),
    );
    const item = list.items[0];
    expect(item.lines).toEqual([2, 3, 4]);
    expect(item.legalBasis).toBe('【规范性文件】《规范》第四十二条\n【规范性文件】《规范》第四十三条');
    expect(texts(item, 'legalBasis')).toHaveLength(3);
    expect(codes(list)).toEqual(['2:ROW_BEFORE_ITEM']);
  });

  it('reports rows with no name and no named row under the same header', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.seq]: '1', [C.name]: '甲', [C.type]: '行政检查' }), WIDE_HEADER, wide({ [C.basis]: '孤立的依据' })));
    expect(list.items).toHaveLength(1);
    expect(list.items[0].lines).toEqual([2]);
    expect(codes(list)).toEqual(['4:UNPLACED_LINE']);
    expect(list.warnings[0].text).toBe('孤立的依据');
  });

  it('warns when a continuation row carries a different 序号', () => {
    const list = parse(doc(SECTION_HEADER, row(10, { 0: '1', 1: '甲', 2: '行政检查' }), row(10, { 0: '2', 3: '某局' })));
    expect(codes(list)).toEqual(['3:CONFLICTING_SEQ']);
    expect(list.items[0].seq).toBe('1');
  });

  it('reads a row with a 子项 and no name as the next sub-item of the item above', () => {
    const header = ['序号', '项目名称（主项）', '子项', '权力类型', '行使主体'];
    const list = parse(doc(header, ['1', '主项', '子项一', '行政许可', '某局'], ['', '', '子项二', '', '某局']));
    expect(list.items.map((i) => [i.seq, i.name, i.subItem, i.powerTypes, i.lines])).toEqual([
      ['1', '主项', '子项一', ['LICENSING'], [2]],
      ['1', '主项', '子项二', ['LICENSING'], [2, 3]],
    ]);
    expect(codes(list)).toEqual(['3:INHERITED_NAME']);
  });
});

describe('table layout: shifted and merged cells', () => {
  it('recognises a power type in the 子项名称 column by its content (seed 000 line 12)', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.seq]: '5', [C.name]: '对采取虚报手段骗取医疗救助资金的处罚', [C.sub]: '行政处罚', [C.basis]: '<p>【法规】《条例》</p>' })));
    const item = list.items[0];
    expect(item).toMatchObject({ subItem: null, powerTypes: ['PUNISHMENT'], powerTypeText: '行政处罚' });
    expect(item.fields.find((f) => f.key === 'powerType')).toMatchObject({ label: '权力类型', raw: '行政处罚', line: 2 });
    expect(codes(list)).toEqual(['2:SHIFTED_POWER_TYPE']);
  });

  it('leaves a real 子项 alone when 权力类型 is filled', () => {
    const list = parse(doc(WIDE_HEADER, wide({ [C.seq]: '1', [C.name]: '甲', [C.sub]: '行政处罚', [C.type]: '行政处罚' })));
    expect(list.items[0].subItem).toBe('行政处罚');
    expect(list.warnings).toEqual([]);
  });

  it('splits a 承办机构 cell that swallowed the 实施依据 cell (seed 001 line 23)', () => {
    const merged = '<p>尼勒克县医疗保障局</p> <p>【行政法规】《医疗保障基金使用监督管理条例》第十四条</p>';
    const list = parse(doc(SECTION_HEADER, ['7', '对定点医药机构的处罚', '行政处罚', '尼勒克县医疗保障局', merged, '<p>直接实施责任：</p>', '<p>【法律】《行政处罚法》</p>', '<p>1.具体承办人</p>', '<p>1.玩忽职守</p>']));
    const item = list.items[0];
    expect(item.unit).toBe('尼勒克县医疗保障局');
    expect(item.legalBasis).toBe('【行政法规】《医疗保障基金使用监督管理条例》第十四条');
    expect(texts(item, 'responsibilities')).toEqual(['直接实施责任：']);
    expect(texts(item, 'accountabilityCircumstances')).toEqual(['1.玩忽职守']);
    expect(item.fields.find((f) => f.key === 'legalBasis')?.raw).toBe('<p>【行政法规】《医疗保障基金使用监督管理条例》第十四条</p>');
    expect(codes(list)).toEqual(['2:MERGED_CELL_SPLIT']);
  });

  it('does not split a merged cell whose first paragraph is not a body name', () => {
    const list = parse(doc(SECTION_HEADER, ['7', '事项', '行政处罚', '某局', '<p>见下文说明如下所述内容很长并且不是机构名称，</p> <p>【法律】《法》</p>', 'a', 'b', 'c', 'd']));
    expect(codes(list)).toEqual(['2:SHORT_ROW']);
    expect(list.items[0].legalBasis).toBe('a');
  });

  it('warns about a row shorter than its header', () => {
    const list = parse(doc(SECTION_HEADER, ['1', '事项', '行政处罚', '某局']));
    expect(codes(list)).toEqual(['2:SHORT_ROW']);
    expect(list.items).toHaveLength(1);
  });

  it('keeps a cell beyond the headers as an unlabelled field and warns', () => {
    const list = parse(doc([...WIDE_HEADER, ''], [...wide({ [C.seq]: '16', [C.name]: '奖励', [C.type]: '行政奖励' }), '<p>因不履行职责</p>']));
    expect(list.items[0].fields.find((f) => f.key === null)).toMatchObject({ label: '', text: '因不履行职责', line: 2 });
    expect(codes(list)).toEqual(['2:EXTRA_CELL']);
  });

  it('reads a cell that names its own field by that name (seed 000 line 15)', () => {
    const list = parse(doc([...WIDE_HEADER, ''], [...wide({ [C.seq]: '7', [C.name]: '稽核', [C.type]: '行政检查', [C.remarks]: '<p>追究对象范围</p> <p>1.具体承办人</p>' }), '<p>追究情形</p> <p>因不履行</p>']));
    const item = list.items[0];
    expect(item.fields.filter((f) => f.line === 2 && ['accountablePersons', 'accountabilityCircumstances'].includes(f.key ?? '')).map((f) => [f.key, f.label])).toEqual([
      ['accountablePersons', '追究对象范围'],
      ['accountabilityCircumstances', '追究情形'],
    ]);
    expect(texts(item, 'remarks')).toEqual([]);
    expect(codes(list)).toEqual(['2:SELF_LABELLED_CELL', '2:SELF_LABELLED_CELL']);
  });
});

describe('table layout: sections', () => {
  it('reads sections under headings with and without "##", taking the power type from the heading when a row lacks it', () => {
    const list = parse(
      doc(
        '',
        '## 尼勒克县医疗保障局权责清单事项表(行政处罚)',
        '',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对甲的处罚', 2: '行政处罚', 3: '尼勒克县医疗保障局' }),
        ['---', '---', '---'],
        row(10, { 0: '2', 1: '对乙的处罚', 3: '尼勒克县医疗保障局' }),
        '',
        '尼勒克县医疗保障局权责清单事项表(行政奖励)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对举报的奖励', 3: '尼勒克县医疗保障局' }),
      ),
    );
    expect(list.layout).toBe('table+sections');
    expect(list.title).toBe('尼勒克县医疗保障局权责清单事项表(行政处罚)');
    expect(list.department).toBe('尼勒克县医疗保障局');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.powerTypeText])).toEqual([
      ['1', '对甲的处罚', ['PUNISHMENT'], '行政处罚'],
      ['2', '对乙的处罚', ['PUNISHMENT'], '行政处罚'],
      ['1', '对举报的奖励', ['REWARD'], '行政奖励'],
    ]);
    expect(list.items[2].lines).toEqual([11]);
    expect(list.warnings).toEqual([]);
  });

  it('warns when an item and its section disagree on the power type, keeping the item’s', () => {
    const list = parse(doc('## 某局权责清单(行政处罚)', SECTION_HEADER, row(10, { 0: '1', 1: '甲', 2: '行政检查' })));
    expect(list.items[0].powerTypes).toEqual(['INSPECTION']);
    expect(codes(list)).toEqual(['3:POWER_TYPE_MISMATCH']);
  });

  it('warns when an item has no power type at all', () => {
    const list = parse(doc('某局权责清单', SECTION_HEADER, row(10, { 0: '1', 1: '甲' }), row(10, { 0: '2', 1: '乙', 2: '公共服务' })));
    expect(list.layout).toBe('table');
    expect(list.items.map((i) => [i.powerTypes, i.powerTypeText])).toEqual([
      [[], null],
      [[], '公共服务'],
    ]);
    expect(codes(list)).toEqual(['3:UNKNOWN_POWER_TYPE', '4:UNKNOWN_POWER_TYPE']);
  });

  it('ends a section at the next heading even when that heading names no power type', () => {
    const list = parse(doc('## 某局权责清单(行政处罚)', SECTION_HEADER, row(10, { 0: '1', 1: '甲' }), '## 其他事项清单', SECTION_HEADER, row(10, { 0: '1', 1: '乙' })));
    expect(list.items.map((i) => i.powerTypes)).toEqual([['PUNISHMENT'], []]);
  });
});

describe('table layout: lines that cannot be placed', () => {
  it('reports rows before any header, and stray single-cell lines, with their text', () => {
    const list = parse(doc(['1', '甲', '行政处罚'], SECTION_HEADER, row(10, { 0: '1', 1: '甲', 2: '行政处罚' }), '注：以上为试行', ''));
    expect(list.items).toHaveLength(1);
    expect(codes(list)).toEqual(['1:UNPLACED_LINE', '4:UNPLACED_LINE']);
    expect(list.warnings[1]).toMatchObject({ text: '注：以上为试行' });
  });

  it('does not report blank lines, tab-only lines, separators, headers or headings', () => {
    const list = parse(doc('# 某局权责清单', '\t\t', SECTION_HEADER, '---\t---', row(10, { 0: '1', 1: '甲', 2: '行政处罚' }), '   '));
    expect(list.warnings).toEqual([]);
  });
});

describe('detectShift', () => {
  const cell = (col: number, text: string) => ({ col, field: { key: null, label: '', text, raw: text, line: 1 } });
  const ref = [cell(7, '负责自治区级监督检查'), cell(9, '直接实施责任：1.制定监督检查计划'), cell(10, '【法规】《医疗保障基金使用监督管理条例》'), cell(11, '1.具体承办人；2.科室负责人')];

  it('is 0 when cells that begin alike sit in the same columns', () => {
    expect(detectShift([cell(9, '直接实施责任：1.制定监督检查计划'), cell(10, '【法规】《医疗保障基金使用监督管理条例》')], ref)).toBe(0);
  });
  it('is the column distance when they do not', () => {
    expect(detectShift([cell(7, '直接实施责任：1.制定监督检查计划'), cell(8, '【法规】《医疗保障基金使用监督管理条例》'), cell(9, '1.具体承办人；2.科室负责人')], ref)).toBe(2);
    expect(detectShift([cell(10, '直接实施责任：1.制定监督检查计划')], ref)).toBe(-1);
  });
  it('is 0 when nothing can be compared', () => {
    expect(detectShift([cell(3, '短'), cell(4, '完全不同的一段文字内容')], ref)).toBe(0);
    expect(detectShift([], ref)).toBe(0);
  });
  it('follows the majority', () => {
    // One cell votes for 5, two for 1.
    const cells = [cell(5, '【法规】《医疗保障基金使用监督管理条例》'), cell(8, '直接实施责任：1.制定监督检查计划'), cell(10, '1.具体承办人；2.科室负责人')];
    expect(detectShift(cells, ref)).toBe(1);
  });
});

// ---------------------------------------------------------------- rows and headers broken by line breaks in cells

const HEADER9 = ['序号', '事项名称', '子项名称', '权力类型', '实施依据', '行使主体', '承办机构', '责任事项内容', '追责情形'];

describe('table layout: rows that wrap onto the next line', () => {
  it('joins a row whose 实施依据 cell held a line break, keeping both lines', () => {
    const list = parse(
      doc(
        '伊犁州医疗保障局权责清单',
        HEADER9,
        ['1', '对用人单位不办理医疗保险登记的处罚', '', '行政处罚', '【法律】《中华人民共和国社会保险法》第八十四条：用人单位不办理社会保险登记的，'],
        ['由社会保险行政部门责令限期改正。', '伊犁州医疗保障局', '基金监管科', '1.立案责任', '1.对符合立案条件的不予立案的'],
        ['2', '对医疗救助的监督检查', '', '行政检查', '【行政法规】《社会救助暂行办法》第五十七条', '伊犁州医疗保障局', '医疗救助科', '1.检查责任', '1.未履行监督职责的'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.body, i.unit, i.lines])).toEqual([
      ['1', '对用人单位不办理医疗保险登记的处罚', '伊犁州医疗保障局', '基金监管科', [3, 4]],
      ['2', '对医疗救助的监督检查', '伊犁州医疗保障局', '医疗救助科', [5]],
    ]);
    const item = list.items[0];
    expect(item.fields.find((f) => f.key === 'legalBasis')).toEqual({
      key: 'legalBasis',
      label: '实施依据',
      text: '【法律】《中华人民共和国社会保险法》第八十四条：用人单位不办理社会保险登记的，\n由社会保险行政部门责令限期改正。',
      raw: '【法律】《中华人民共和国社会保险法》第八十四条：用人单位不办理社会保险登记的，\n由社会保险行政部门责令限期改正。',
      line: 3,
    });
    // Cells after the break come from the second line.
    expect(item.fields.find((f) => f.key === 'body')!.line).toBe(4);
    expect(codes(list)).toEqual(['3:WRAPPED_ROW']);
    expect(list.warnings[0].message).toMatch(/line\(s\) 4: the cell in column 5 \(实施依据\)/);
  });

  it('joins a cell broken over several lines, a blank line among them', () => {
    const list = parse(
      doc(
        HEADER9,
        ['3', '对骗取医保基金支出的处罚', '', '行政处罚', '【法律】《中华人民共和国社会保险法》第八十七条', '伊犁州医疗保障局', '基金监管科', '1.立案责任：发现线索的予以审查；'],
        '2.调查责任：指定专人负责；',
        '',
        ['3.审查责任：提出处理意见。', '1.没有法律依据实施处罚的'],
      ),
    );
    const item = list.items[0];
    expect(item.lines).toEqual([2, 3, 5]);
    expect(texts(item, 'responsibilities')).toEqual(['1.立案责任：发现线索的予以审查；\n2.调查责任：指定专人负责；\n3.审查责任：提出处理意见。']);
    expect(item.fields.find((f) => f.key === 'accountabilityCircumstances')).toMatchObject({ text: '1.没有法律依据实施处罚的', line: 5 });
    expect(codes(list)).toEqual(['2:WRAPPED_ROW']);
  });

  it('joins lone lines that carry on the last cell: an open <p>, or the next number of its list', () => {
    const list = parse(
      doc(
        HEADER9,
        ['4', '对定点医药机构违反服务协议的处罚', '', '行政处罚', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条', '伊犁州医疗保障局', '基金监管科', '1.立案责任', '1.没有法律依据实施处罚的；'],
        '2.擅自改变处罚种类、幅度的。',
        ['5', '对药品价格进行监测', '', '行政检查', '【法律】《药品管理法》第八十五条', '伊犁州医疗保障局', '医药价格科', '1.检查责任', '<p>1.未按规定检查的；'],
        '2.玩忽职守的。</p>',
      ),
    );
    expect(list.items.map((i) => [i.seq, texts(i, 'accountabilityCircumstances'), i.lines])).toEqual([
      ['4', ['1.没有法律依据实施处罚的；\n2.擅自改变处罚种类、幅度的。'], [2, 3]],
      // Markup is read as HTML: the line break inside <p> is a space.
      ['5', ['1.未按规定检查的； 2.玩忽职守的。'], [4, 5]],
    ]);
    expect(codes(list)).toEqual(['2:WRAPPED_ROW', '4:WRAPPED_ROW']);
  });

  it('does not join a lone line that nothing ties to the row above', () => {
    const list = parse(doc(HEADER9, ['1', '对医疗救助的监督检查', '', '行政检查', '《社会救助暂行办法》', '某局', '某科', '1.检查责任', '玩忽职守的'], '注：本清单自公布之日起施行'));
    expect(list.items[0].lines).toEqual([2]);
    expect(codes(list)).toEqual(['3:UNPLACED_LINE']);
  });

  it('does not join a short row with a row of its own: one opening with its 序号, or with an empty cell', () => {
    const list = parse(
      doc(
        HEADER9,
        ['1', '对医疗救助的监督检查', '', '行政检查', '《社会救助暂行办法》'],
        ['2', '医疗保险稽核', '', '行政检查', '《社会保险法》', '某局', '某科', '1.检查责任'],
        ['', '', '', '', '', '县市区医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.lines, i.levels.map((l) => l.level)])).toEqual([
      ['1', [2], []],
      ['2', [3, 4], ['COUNTY']],
    ]);
    expect(codes(list)).toEqual(['2:SHORT_ROW', '3:SHORT_ROW', '4:SHORT_ROW']);
  });
});

describe('table layout: headers on two lines', () => {
  it('joins a header row broken inside a column name', () => {
    const list = parse(
      doc(
        '某县医疗保障局权责清单',
        ['序号', '事项名称', '权力类型', '实施依据', '行使主体', '承办机构', '责任事项'],
        ['内容', '追责情形'],
        ['1', '对医疗救助的监督检查', '行政检查', '《社会救助暂行办法》第五十七条', '某县医疗保障局', '医疗救助股', '<p>1.检查责任：制定检查计划。</p>', '1.未履行监督职责的'],
      ),
    );
    const item = list.items[0];
    expect(item.fields.map((f) => [f.key, f.label])).toEqual([
      ['seq', '序号'],
      ['name', '事项名称'],
      ['powerType', '权力类型'],
      ['legalBasis', '实施依据'],
      ['body', '行使主体'],
      ['unit', '承办机构'],
      ['responsibilities', '责任事项内容'],
      ['accountabilityCircumstances', '追责情形'],
    ]);
    expect(item.lines).toEqual([4]);
    expect(codes(list)).toEqual(['2:WRAPPED_ROW']);
  });

  it('reads a two-row header whose upper cells span columns: 项目名称 over 主项 | 子项, 责任事项 over 内容 | 依据', () => {
    const list = parse(
      doc(
        '某市医疗保障局权力清单',
        ['序号', '项目名称', '', '权力类型', '实施依据', '实施主体', '责任事项', '', '追责情形'],
        ['', '主项', '子项', '', '', '', '内容', '依据', ''],
        ['1', '对医疗救助的监督检查', '', '行政检查', '【行政法规】《社会救助暂行办法》第五十七条', '某市医疗保障局', '1.检查责任', '《行政处罚法》第五十四条', '1.未履行监督职责的'],
      ),
    );
    const item = list.items[0];
    expect(item.fields.map((f) => [f.key, f.label])).toEqual([
      ['seq', '序号'],
      ['name', '项目名称 主项'],
      ['powerType', '权力类型'],
      ['legalBasis', '实施依据'],
      ['body', '实施主体'],
      ['responsibilities', '责任事项 内容'],
      ['responsibilityBasis', '责任事项 依据'],
      ['accountabilityCircumstances', '追责情形'],
    ]);
    expect(list.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------- sections by department

const H5 = ['序号', '事项名称', '权力类型', '实施依据', '行使主体'];

describe('table layout: sections by department', () => {
  it('sets each item’s department from its section heading when the document holds several departments', () => {
    const list = parse(
      doc(
        '伊犁州医疗保障系统权责清单',
        '',
        '一、尼勒克县医疗保障局',
        '（一）行政处罚（共2项）',
        H5,
        ['1', '对用人单位不办理医疗保险登记的处罚', '', '【法律】《社会保险法》第八十四条', '尼勒克县医疗保障局'],
        ['2', '对骗取医保基金支出的处罚', '', '【法律】《社会保险法》第八十七条', '尼勒克县医疗保障局'],
        '（二）行政检查（共1项）',
        H5,
        ['1', '对医疗救助的监督检查', '', '【行政法规】《社会救助暂行办法》第五十七条', '尼勒克县医疗保障局'],
        '二、伊宁县医疗保障局',
        '行政处罚',
        H5,
        ['1', '对用人单位不办理医疗保险登记的处罚', '', '【法律】《社会保险法》第八十四条', '伊宁县医疗保障局'],
      ),
    );
    expect(list.layout).toBe('table+sections');
    expect(list.title).toBe('伊犁州医疗保障系统权责清单');
    // The document's department is its first: the title names none.
    expect(list.department).toBe('尼勒克县医疗保障局');
    expect(list.items.map((i) => [i.seq, i.powerTypes, i.powerTypeText, i.department, i.lines])).toEqual([
      ['1', ['PUNISHMENT'], '行政处罚', '尼勒克县医疗保障局', [6]],
      ['2', ['PUNISHMENT'], '行政处罚', '尼勒克县医疗保障局', [7]],
      ['1', ['INSPECTION'], '行政检查', '尼勒克县医疗保障局', [10]],
      // The same power of another department is another item.
      ['1', ['PUNISHMENT'], '行政处罚', '伊宁县医疗保障局', [14]],
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('reads "## …局权责清单" and "（二）…委员会" headings; items before the second keep the first department', () => {
    const list = parse(
      doc(
        '## 伊犁州医疗保障局权责清单',
        '',
        H5,
        ['1', '对医疗救助的监督检查', '行政检查', '【行政法规】《社会救助暂行办法》第五十七条', '伊犁州医疗保障局'],
        '## （二）县卫生健康委员会',
        H5,
        ['1', '对医疗机构的监督检查', '行政检查', '《医疗机构管理条例》第四十条', '尼勒克县卫生健康委员会'],
      ),
    );
    expect(list.department).toBe('伊犁州医疗保障局');
    expect(list.layout).toBe('table');
    expect(list.items.map((i) => i.department)).toEqual(['伊犁州医疗保障局', '县卫生健康委员会']);
  });

  it('sets no item department when every heading names the same department', () => {
    const list = parse(
      doc(
        '## 尼勒克县医疗保障局权责清单事项表(行政处罚)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对甲的处罚', 3: '尼勒克县医疗保障局' }),
        '尼勒克县医疗保障局权责清单事项表(行政检查)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对乙的检查', 3: '尼勒克县医疗保障局' }),
      ),
    );
    expect(list.items.map((i) => [i.powerTypes, 'department' in i])).toEqual([
      [['PUNISHMENT'], false],
      [['INSPECTION'], false],
    ]);
  });

  it('reads a heading naming both the department and the power type', () => {
    const list = parse(
      doc(
        '尼勒克县医疗保障局权责清单事项表(行政处罚)',
        H5,
        ['1', '对骗取医保基金支出的处罚', '', '《社会保险法》第八十七条', '尼勒克县医疗保障局'],
        '伊宁县医疗保障局权责清单事项表(行政奖励)',
        H5,
        ['1', '对举报欺诈骗保的奖励', '', '《违法违规使用医疗保障基金举报奖励办法》', '伊宁县医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.powerTypes, i.department])).toEqual([
      [['PUNISHMENT'], '尼勒克县医疗保障局'],
      [['REWARD'], '伊宁县医疗保障局'],
    ]);
  });
});

// ---------------------------------------------------------------- the same item twice

describe('table layout: an item rendered twice', () => {
  it('merges a row repeated after a page break, taking the fields the first lacked', () => {
    const list = parse(
      doc(
        '某县医疗保障局权责清单',
        H5,
        ['1', '对医疗救助的监督检查', '行政检查', '【行政法规】《社会救助暂行办法》第五十七条', '某县医疗保障局'],
        ['2', '对骗取医保基金支出的处罚', '行政处罚', '', '某县医疗保障局'],
        '',
        H5,
        ['2', '对骗取医保基金支出的处罚', '行政处罚', '<p>【法律】《中华人民共和国社会保险法》第八十七条</p>', '某县医疗保障局'],
        ['3', '医疗保险稽核', '行政检查', '【法律】《社会保险法》第七十九条', '某县医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.legalBasis, i.lines])).toEqual([
      ['1', '对医疗救助的监督检查', '【行政法规】《社会救助暂行办法》第五十七条', [3]],
      ['2', '对骗取医保基金支出的处罚', '【法律】《中华人民共和国社会保险法》第八十七条', [4, 7]],
      ['3', '医疗保险稽核', '【法律】《社会保险法》第七十九条', [8]],
    ]);
    expect(codes(list)).toEqual(['7:DUPLICATE_MERGED']);
    expect(list.warnings[0].message).toMatch(/line 4 is listed again on line 7/);
  });

  it('keeps the first reading of a field the two renderings disagree on, and says so', () => {
    const list = parse(
      doc(
        '## 某县医疗保障局权责清单(行政检查)',
        H5,
        ['1', '对医疗救助的监督检查', '', '【行政法规】《社会救助暂行办法》第五十七条', '某县医疗保障局'],
        // The table continued on the next page under its title again.
        '## 某县医疗保障局权责清单(行政检查)（续表）',
        H5,
        ['1', '对医疗救助的监督检查', '行政检查', '【行政法规】《社会救助暂行办法》第六十八条', '某县医疗保障局'],
      ),
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ seq: '1', powerTypes: ['INSPECTION'], legalBasis: '【行政法规】《社会救助暂行办法》第五十七条', lines: [3, 6] });
    expect(codes(list)).toEqual(['6:DUPLICATE_MERGED', '6:DUPLICATE_CONFLICT']);
    expect(list.warnings[1]).toMatchObject({ text: '【行政法规】《社会救助暂行办法》第六十八条' });
    expect(list.warnings[1].message).toMatch(/实施依据 .*line 3/);
  });

  it('does not merge items that differ in sub-item or power type', () => {
    const list = parse(
      doc(
        ['序号', '事项名称', '子项名称', '权力类型'],
        ['1', '对定点医药机构的处罚', '对分解住院的处罚', '行政处罚'],
        ['2', '对定点医药机构的处罚', '对串换药品的处罚', '行政处罚'],
        ['3', '对定点医药机构的检查', '', '行政检查'],
        ['4', '对定点医药机构的检查', '', '行政处罚'],
      ),
    );
    expect(list.items).toHaveLength(4);
    expect(list.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------- main items and their sub-items

const H6 = ['序号', '事项名称', '子项名称', '权力类型', '实施依据', '行使主体'];

describe('table layout: a main item with numbered sub-items', () => {
  it('reads one item per sub-item row, under the main row’s name, 序号 and power type; the main row is no item of its own', () => {
    const list = parse(
      doc(
        H6,
        ['1', '对定点医药机构违法行为的处罚', '', '行政处罚', '', '某县医疗保障局'],
        ['', '', '1.对定点医药机构分解住院的处罚', '', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条第一项', ''],
        ['', '', '2.对定点医药机构串换药品的处罚', '', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条第三项', ''],
        ['2', '对医疗救助的监督检查', '', '行政检查', '《社会救助暂行办法》第五十七条', '某县医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.subItem, i.powerTypes, i.body, i.legalBasis, i.lines])).toEqual([
      ['1', '对定点医药机构违法行为的处罚', '1.对定点医药机构分解住院的处罚', ['PUNISHMENT'], '某县医疗保障局', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条第一项', [2, 3]],
      ['1', '对定点医药机构违法行为的处罚', '2.对定点医药机构串换药品的处罚', ['PUNISHMENT'], '某县医疗保障局', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条第三项', [2, 4]],
      ['2', '对医疗救助的监督检查', null, ['INSPECTION'], '某县医疗保障局', '《社会救助暂行办法》第五十七条', [5]],
    ]);
    expect(codes(list)).toEqual(['3:INHERITED_NAME', '4:INHERITED_NAME']);
  });

  it('reads sub-item rows that repeat the main item’s name', () => {
    const list = parse(
      doc(
        H6,
        ['1', '对定点医药机构违法行为的处罚', '', '行政处罚', '【行政法规】《医疗保障基金使用监督管理条例》', '某县医疗保障局'],
        ['', '对定点医药机构违法行为的处罚', '1.对分解住院的处罚', '', '第三十八条第一项', '某县医疗保障局'],
        ['', '对定点医药机构违法行为的处罚', '2.对串换药品的处罚', '', '第三十八条第三项', '某县医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.subItem, i.powerTypes, i.legalBasis, i.lines])).toEqual([
      ['1', '1.对分解住院的处罚', ['PUNISHMENT'], '第三十八条第一项', [2, 3]],
      ['1', '2.对串换药品的处罚', ['PUNISHMENT'], '第三十八条第三项', [2, 4]],
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('reads "（1）…" in the name column, without 序号, as sub-items', () => {
    const list = parse(
      doc(
        H5,
        ['1', '对定点医药机构违法行为的处罚', '行政处罚', '【行政法规】《医疗保障基金使用监督管理条例》', '某县医疗保障局'],
        ['', '（1）对分解住院的处罚', '', '第三十八条第一项', '某县医疗保障局'],
        ['', '（2）对串换药品的处罚', '', '第三十八条第三项', '某县医疗保障局'],
        ['2', '对医疗救助的监督检查', '行政检查', '《社会救助暂行办法》第五十七条', '某县医疗保障局'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.subItem, i.powerTypes])).toEqual([
      ['1', '对定点医药机构违法行为的处罚', '（1）对分解住院的处罚', ['PUNISHMENT']],
      ['1', '对定点医药机构违法行为的处罚', '（2）对串换药品的处罚', ['PUNISHMENT']],
      ['2', '对医疗救助的监督检查', null, ['INSPECTION']],
    ]);
    expect(list.items[0].fields.find((f) => f.key === 'subItem')).toMatchObject({ label: '事项名称', line: 3 });
    expect(codes(list)).toEqual(['3:SUB_ITEM_INFERRED', '4:SUB_ITEM_INFERRED']);
  });

  it('reads "（1）对…" lines on their own as sub-items, each taking the main row’s fields', () => {
    const list = parse(
      doc(
        H6,
        ['2', '对参保人骗取医保基金的处罚', '', '行政处罚', '【行政法规】《医疗保障基金使用监督管理条例》第四十一条', '某县医疗保障局'],
        '（1）对参保人伪造医学文书骗取医保基金的处罚',
        '（2）对参保人重复享受医保待遇的处罚',
      ),
    );
    expect(list.items.map((i) => [i.seq, i.subItem, i.legalBasis, i.body, i.lines])).toEqual([
      ['2', '（1）对参保人伪造医学文书骗取医保基金的处罚', '【行政法规】《医疗保障基金使用监督管理条例》第四十一条', '某县医疗保障局', [2, 3]],
      ['2', '（2）对参保人重复享受医保待遇的处罚', '【行政法规】《医疗保障基金使用监督管理条例》第四十一条', '某县医疗保障局', [2, 4]],
    ]);
    expect(codes(list)).toEqual(['3:SUB_ITEM_INFERRED', '4:SUB_ITEM_INFERRED']);
  });

  it('reads a 子项名称 cell listing numbered sub-items as one item each', () => {
    const list = parse(doc(H6, ['4', '对医药价格违法行为的处罚', '<p>（1）对未按规定公示价格的处罚</p><p>（2）对价格欺诈的处罚</p>', '行政处罚', '《价格法》第四十二条', '某县医疗保障局']));
    expect(list.items.map((i) => [i.seq, i.subItem, i.lines])).toEqual([
      ['4', '（1）对未按规定公示价格的处罚', [2]],
      ['4', '（2）对价格欺诈的处罚', [2]],
    ]);
    expect(codes(list)).toEqual(['2:SUB_ITEMS_SPLIT']);
  });

  it('keeps a main row without sub-items an item, and does not take a numbered duty line for a sub-item', () => {
    const list = parse(
      doc(
        ['序号', '事项名称', '权力类型', '责任事项内容'],
        ['1', '对医疗救助的监督检查', '行政检查', '直接实施责任：'],
        '1.制定监督检查计划。',
        ['2', '医疗保险稽核', '行政检查', ''],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.subItem, i.lines])).toEqual([
      ['1', null, [2]],
      ['2', null, [4]],
    ]);
    expect(codes(list)).toEqual(['3:UNPLACED_LINE']);
  });

  it('reads the "项目名称（主项） / 子项" header form', () => {
    const list = parse(
      doc(
        ['序号', '项目名称（主项）', '子项', '权力类型', '实施依据'],
        ['1', '行政许可事项', '', '行政许可', ''],
        ['', '', '（1）定点医药机构申请', '', '《医疗保障基金使用监督管理条例》第十四条'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.subItem, i.powerTypes])).toEqual([['1', '行政许可事项', '（1）定点医药机构申请', ['LICENSING']]]);
  });
});

// ---------------------------------------------------------------- structured sources

describe('table layout: cells a structured source marks as merged from above', () => {
  const line = (no: number, cells: string[], mergedFromAbove?: boolean[]): SourceLine => ({ no, text: cells.join('\t'), cells, ...(mergedFromAbove ? { mergedFromAbove } : {}) });

  it('gives a sub-item the values merged down over its row, and reports no shift', () => {
    const header = ['序号', '事项名称', '子项名称', '权力类型', '实施依据', '行使主体', '责任事项内容'];
    const lines = [
      line(1, header),
      line(2, ['1', '对定点医药机构违法行为的处罚', '对分解住院的处罚', '行政处罚', '【行政法规】《医疗保障基金使用监督管理条例》第三十八条', '某县医疗保障局', '1.立案责任：发现违法行为线索的，予以审查。']),
      line(3, ['', '', '对串换药品的处罚', '', '', '', '1.立案责任：发现违法行为线索的，予以审查。'], [true, true, false, true, true, true, false]),
    ];
    const result = tableLayout.parse(lines);
    const items = result.items.map((d) => finishItem(d, () => [], []));
    expect(items.map((i) => [i.seq, i.subItem, i.powerTypes, i.legalBasis, i.body, i.lines])).toEqual([
      ['1', '对分解住院的处罚', ['PUNISHMENT'], '【行政法规】《医疗保障基金使用监督管理条例》第三十八条', '某县医疗保障局', [2]],
      ['1', '对串换药品的处罚', ['PUNISHMENT'], '【行政法规】《医疗保障基金使用监督管理条例》第三十八条', '某县医疗保障局', [2, 3]],
    ]);
    expect(result.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['3:INHERITED_NAME']);
  });
});

// ---------------------------------------------------------------- the layout traps of DESIGN.md, one case each

describe('table layout: traps from DESIGN.md', () => {
  it('per-level rows 自治区级 / 地州市级 / 县市级 / 县市区医疗保障局 under one item become its levels', () => {
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.seq]: '21', [C.name]: '对医疗保障经办机构的监督检查', [C.type]: '行政检查', [C.basis]: '<p>【法律】《中华人民共和国社会保险法》第七十九条</p>', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '自治区级' }),
        wide({ [C.body]: '地州市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责地州市级经办机构的监督检查' }),
        wide({ [C.body]: '县市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责县市级经办机构的监督检查' }),
        wide({ [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室' }),
      ),
    );
    const item = list.items[0];
    expect(item).toMatchObject({ seq: '21', body: '自治区医疗保障局', unit: '基金监管处', lines: [2, 3, 4, 5] });
    expect(item.levels.map((l) => [l.levelText, l.level, l.body, l.unit, l.scope, l.lines])).toEqual([
      ['地州市级', 'PREFECTURE', null, '具体承办的业务科室', '负责地州市级经办机构的监督检查', [3]],
      ['县市级', 'COUNTY', null, '具体承办的业务科室', '负责县市级经办机构的监督检查', [4]],
      ['县市区医疗保障局', 'COUNTY', '县市区医疗保障局', '具体承办的业务科室', null, [5]],
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('the name on a lower level’s row: the row before it is the item’s own row (seed 000 lines 18–20)', () => {
    const basis = '<p>【规范性文件】《高值医用耗材集中采购工作规范（试行）》（卫规财发〔2012〕86号）第四十二条</p>';
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.basis]: basis, [C.body]: '自治区医疗保障局', [C.unit]: '医药价格和招标采购处' }),
        wide({ [C.name]: '对高值医用耗材集中采购行为的监督检查', [C.type]: '行政检查', [C.basis]: basis, [C.body]: '地州市医疗保障局', [C.unit]: '具体承办的业务科室' }),
        wide({ [C.basis]: basis, [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室' }),
      ),
    );
    const item = list.items[0];
    expect(item).toMatchObject({ body: '自治区医疗保障局', unit: '医药价格和招标采购处', powerTypes: ['INSPECTION'], lines: [2, 3, 4] });
    expect(item.levels.map((l) => [l.levelText, l.level, l.body, l.unit, l.lines])).toEqual([
      ['地州市医疗保障局', 'PREFECTURE', '地州市医疗保障局', '具体承办的业务科室', [3]],
      ['县市区医疗保障局', 'COUNTY', '县市区医疗保障局', '具体承办的业务科室', [4]],
    ]);
    expect(codes(list)).toEqual(['2:ROW_BEFORE_ITEM']);
  });

  it('the header repeated before every item, separator rows and blank lines between them', () => {
    const list = parse(
      doc(
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对甲的处罚', 2: '行政处罚', 3: '尼勒克县医疗保障局' }),
        ['---', '---', '------', '----------'],
        '',
        SECTION_HEADER,
        row(10, { 0: '2', 1: '对乙的处罚', 2: '行政处罚', 3: '尼勒克县医疗保障局' }),
        ['--', '--', '--', '--'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.lines])).toEqual([
      ['1', [2]],
      ['2', [6]],
    ]);
    expect(list.warnings).toEqual([]);
  });
});
