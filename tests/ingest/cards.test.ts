import { codes, doc, parse, texts } from './helpers';

const TITLE = '通化市医疗保障局权责事项清单（试行）';

/** One card in the shape of seed 003. */
const card = (seq: string, type: string, name: string, extra: (string | string[])[] = []) => [
  TITLE,
  '',
  ['1', '序号', seq],
  ['2', '权利类型', type],
  ['3', '权利事项名称', name],
  ['4', '实施主体', '通化市医疗保障局'],
  ['5', '承办公室', '通化市医疗保障局基金监管科'],
  ['6', '处罚依据', '《中华人民共和国社会保险法》'],
  ...extra,
  '',
];

describe('cards layout', () => {
  it('reads one item per card, under a title repeated before each', () => {
    const list = parse(doc('', ...card('1', '行政处罚', '对甲的处罚'), ...card('2', '行政强制', '对乙的封存')));
    expect(list.layout).toBe('cards');
    expect(list.title).toBe(TITLE);
    expect(list.department).toBe('通化市医疗保障局');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.powerTypeText, i.body, i.unit, i.legalBasis])).toEqual([
      ['1', '对甲的处罚', ['PUNISHMENT'], '行政处罚', '通化市医疗保障局', '通化市医疗保障局基金监管科', '《中华人民共和国社会保险法》'],
      ['2', '对乙的封存', ['COERCION'], '行政强制', '通化市医疗保障局', '通化市医疗保障局基金监管科', '《中华人民共和国社会保险法》'],
    ]);
    expect(list.items[0].lines).toEqual([4, 5, 6, 7, 8, 9]);
    expect(list.warnings).toEqual([]);
  });

  it('labels fields with the label as written (typos included) and the canonical key', () => {
    const item = parse(doc(...card('1', '行政处罚', '甲'))).items[0];
    expect(item.fields.map((f) => [f.label, f.key])).toEqual([
      ['序号', 'seq'],
      ['权利类型', 'powerType'],
      ['权利事项名称', 'name'],
      ['实施主体', 'body'],
      ['承办公室', 'unit'],
      ['处罚依据', 'legalBasis'],
    ]);
  });

  it('reads combined power types', () => {
    const item = parse(doc(...card('6', '行政检查和行政处罚', '甲'))).items[0];
    expect(item.powerTypes).toEqual(['INSPECTION', 'PUNISHMENT']);
    expect(item.powerTypeText).toBe('行政检查和行政处罚');
  });

  it('continues a value on lines starting with two tabs, across a blank line', () => {
    const list = parse(
      doc(
        ...card('6', '行政检查和行政处罚', '甲', [
          ['7', '责任事项', '<p>1.检查责任：开展检查。</p> <p>4.告知责任：告知。</p>'],
          '',
          ['', '', '<p>5.决定责任：作出决定。</p>'],
          ['8', '权利运行 结果公示', '通化市医疗保障局 http://www.tonghua.gov.cn'],
        ]),
      ),
    );
    const item = list.items[0];
    const resp = item.fields.find((f) => f.key === 'responsibilities')!;
    expect(resp.text).toBe('1.检查责任：开展检查。\n4.告知责任：告知。\n5.决定责任：作出决定。');
    expect(resp.raw).toBe('<p>1.检查责任：开展检查。</p> <p>4.告知责任：告知。</p>\n<p>5.决定责任：作出决定。</p>');
    expect(resp.line).toBe(9);
    expect(item.lines).toContain(11);
    expect(texts(item, 'resultPublication')).toEqual(['通化市医疗保障局 http://www.tonghua.gov.cn']);
    expect(list.warnings).toEqual([]);
  });

  it('maps every card label of seed 003 to a field', () => {
    const labels = ['序号', '权利类型', '权利事项名称', '实施主体', '承办公室', '承办机构', '处罚依据', '设定依据', '强制依据', '实施依据', '责任事项', '权利运行结果公示', '权利运行 结果公示', '追责情形', '担责方式', '担责情形', '检查方式', '监督电话'];
    const list = parse(doc(TITLE, ...labels.map((l, i) => [String(i + 1), l, l === '权利事项名称' ? '甲' : `值${i}`])));
    // Repeated keys with different labels (承办公室/承办机构) stay in one card.
    expect(list.items).toHaveLength(1);
    expect(list.items[0].fields.filter((f) => f.key === null)).toEqual([]);
  });

  it('keeps an unknown label as a field without a key', () => {
    const item = parse(doc(...card('1', '行政处罚', '甲', [['7', '公开方式', '网站公开']]))).items[0];
    expect(item.fields.find((f) => f.label === '公开方式')).toMatchObject({ key: null, text: '网站公开' });
  });

  it('starts a new card at a repeated label when there is no title or 序号 between cards', () => {
    const list = parse(doc(['1', '权利类型', '行政检查'], ['2', '权利事项名称', '甲'], ['3', '权利类型', '行政处罚'], ['4', '权利事项名称', '乙']));
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes])).toEqual([
      [null, '甲', ['INSPECTION']],
      [null, '乙', ['PUNISHMENT']],
    ]);
  });

  it('starts a new card at a row numbered 1', () => {
    const list = parse(doc(['1', '权利事项名称', '甲'], ['2', '权利类型', '行政检查'], ['1', '权利事项名称', '乙'], ['2', '权利类型', '行政检查']));
    expect(list.items.map((i) => i.name)).toEqual(['甲', '乙']);
  });

  it('does not keep a label with an empty value as a field, but counts its line', () => {
    const item = parse(doc(...card('16', '其他行政职权', '甲', [['8', '权利运行结果公示', '']]))).items[0];
    expect(texts(item, 'resultPublication')).toEqual([]);
    expect(item.lines).toContain(9);
  });

  it('fills a label with an empty value from its continuation line', () => {
    const item = parse(doc(...card('1', '行政处罚', '甲', [['7', '责任事项', ''], ['', '', '<p>1.立案责任</p>']]))).items[0];
    expect(texts(item, 'responsibilities')).toEqual(['1.立案责任']);
  });

  it('reports the lines of a card without an item name', () => {
    const list = parse(doc(TITLE, ['1', '序号', '1'], ['2', '权利类型', '行政处罚'], ['3', '权利事项名称', '甲'], TITLE, ['1', '序号', '2'], ['2', '权利类型', '行政处罚'], ['3', '实施主体', '某局']));
    expect(list.items.map((i) => i.name)).toEqual(['甲']);
    expect(codes(list)).toEqual(['6:UNPLACED_LINE', '7:UNPLACED_LINE', '8:UNPLACED_LINE']);
  });

  it('reports a continuation line with no field above it, and lines that are not card rows', () => {
    const list = parse(doc(TITLE, ['', '', '孤立的续行'], ['1', '权利事项名称', '甲'], ['2', '权利类型', '行政处罚'], '注：试行', ['x', 'y', 'z', 'w']));
    expect(list.items).toHaveLength(1);
    expect(codes(list)).toEqual(['2:UNPLACED_LINE', '5:UNPLACED_LINE', '6:UNPLACED_LINE']);
  });

  it('warns when a card has no power type', () => {
    const list = parse(doc(TITLE, ['1', '序号', '1'], ['2', '权利事项名称', '甲'], ['3', '实施主体', '某局']));
    expect(codes(list)).toEqual(['2:UNKNOWN_POWER_TYPE']);
  });
});

// ---------------------------------------------------------------- card shapes other than seed 003's

const BASIS_84 = '<p>【法律】《中华人民共和国社会保险法》（2018年12月29日修正）第八十四条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。</p>';
const BASIS_RESCUE = '【行政法规】《社会救助暂行办法》（国务院令第649号）第五十七条';

describe('cards layout (b): unnumbered "label<TAB>value" rows', () => {
  const text = doc(
    '伊宁县医疗保障局权责清单',
    '',
    ['序号', '1'],
    ['事项名称', '对用人单位不办理医疗保险登记的处罚'],
    ['权力类型', '行政处罚'],
    ['实施依据', BASIS_84],
    ['', '<p>第八十六条：用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足。</p>'],
    ['实施主体', '伊宁县医疗保障局'],
    ['承办机构', '基金监管股'],
    ['公开方式', '政府网站'],
    '',
    ['序号', '2'],
    ['事项名称', '对医疗救助的监督检查'],
    ['权力类型', '行政检查'],
    ['实施依据', BASIS_RESCUE],
    ['实施主体', '伊宁县医疗保障局'],
  );

  it('reads one item per card, a card starting at 序号', () => {
    const list = parse(text);
    expect(list.layout).toBe('cards');
    expect(list.title).toBe('伊宁县医疗保障局权责清单');
    expect(list.department).toBe('伊宁县医疗保障局');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.body, i.unit, i.lines])).toEqual([
      ['1', '对用人单位不办理医疗保险登记的处罚', ['PUNISHMENT'], '伊宁县医疗保障局', '基金监管股', [3, 4, 5, 6, 7, 8, 9, 10]],
      ['2', '对医疗救助的监督检查', ['INSPECTION'], '伊宁县医疗保障局', null, [12, 13, 14, 15, 16]],
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('continues a value on a line starting with one tab, and keeps an unknown label without a key', () => {
    const item = parse(text).items[0];
    const basis = item.fields.find((f) => f.key === 'legalBasis')!;
    expect(basis.text).toBe('【法律】《中华人民共和国社会保险法》（2018年12月29日修正）第八十四条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。\n第八十六条：用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足。');
    expect(basis.line).toBe(6);
    expect(item.fields.find((f) => f.label === '公开方式')).toMatchObject({ key: null, text: '政府网站', line: 10 });
  });
});

describe('cards layout (c): several label/value pairs on one row', () => {
  const text = doc(
    '凉州区医疗保障局权责清单',
    ['序号', '1', '权力类型', '行政处罚'],
    ['事项名称', '对医保定点医药机构骗取医保基金支出的处罚', '子项名称', ''],
    ['实施依据', '《中华人民共和国社会保险法》第八十七条', '行使主体', '凉州区医疗保障局'],
    ['', '（2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正）'],
    ['承办机构', '基金监管股', '办理时限', '立案之日起90日'],
    ['序号', '2', '权力类型', '行政给付'],
    ['事项名称', '对医疗救助对象救助金的给付', '子项名称', ''],
    ['实施依据', '1.《社会救助暂行办法》第二十八条', '行使主体', '凉州区医疗保障局'],
  );

  it('reads every pair, and starts a card at 序号', () => {
    const list = parse(text);
    expect(list.layout).toBe('cards');
    expect(list.items.map((i) => [i.seq, i.name, i.subItem, i.powerTypes, i.body, i.unit, i.lines])).toEqual([
      ['1', '对医保定点医药机构骗取医保基金支出的处罚', null, ['PUNISHMENT'], '凉州区医疗保障局', '基金监管股', [2, 3, 4, 5, 6]],
      ['2', '对医疗救助对象救助金的给付', null, ['BENEFIT'], '凉州区医疗保障局', null, [7, 8, 9]],
    ]);
    expect(texts(list.items[0], 'timeLimit')).toEqual(['立案之日起90日']);
    expect(list.warnings).toEqual([]);
  });

  it('continues the value the continuation line is indented to', () => {
    const item = parse(text).items[0];
    expect(item.legalBasis).toBe('《中华人民共和国社会保险法》第八十七条\n（2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正）');
    expect(item.body).toBe('凉州区医疗保障局');
  });
});

describe('cards layout (d): "label：value" lines', () => {
  const text = doc(
    '伊犁州医疗保障局行政权力事项清单',
    '',
    '事项名称：对用人单位不办理医疗保险登记的处罚',
    '权力类型：行政处罚',
    '实施依据：【法律】《中华人民共和国社会保险法》（2018年12月29日修正）',
    '第八十四条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。',
    '实施主体：伊犁州医疗保障局',
    '承办机构：基金监管科',
    '责任事项：',
    '1.立案责任：发现违法行为线索的，予以审查，决定是否立案。',
    '2.调查责任：对立案的案件，指定专人负责，及时组织调查取证。',
    '办理时限：立案之日起九十日',
    '',
    '事项名称:对医疗救助的监督检查',
    '权力类型:行政检查',
    `实施依据:${BASIS_RESCUE}`,
    '实施主体:伊犁州医疗保障局',
    '责任事项:直接实施责任：',
    '1.制定监督检查计划。',
  );

  it('reads full- and half-width colons, a card starting where a label repeats', () => {
    const list = parse(text);
    expect(list.layout).toBe('cards');
    expect(list.department).toBe('伊犁州医疗保障局');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.powerTypeText, i.body, i.unit, i.lines])).toEqual([
      [null, '对用人单位不办理医疗保险登记的处罚', ['PUNISHMENT'], '行政处罚', '伊犁州医疗保障局', '基金监管科', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
      [null, '对医疗救助的监督检查', ['INSPECTION'], '行政检查', '伊犁州医疗保障局', null, [14, 15, 16, 17, 18, 19]],
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('continues a value on the lines without a label, colons in the text included', () => {
    const [first, second] = parse(text).items;
    expect(first.legalBasis).toBe('【法律】《中华人民共和国社会保险法》（2018年12月29日修正）\n第八十四条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。');
    expect(texts(first, 'responsibilities')).toEqual(['1.立案责任：发现违法行为线索的，予以审查，决定是否立案。\n2.调查责任：对立案的案件，指定专人负责，及时组织调查取证。']);
    // The label line had no value: raw is the continuation lines as written, line the label's.
    expect(first.fields.find((f) => f.key === 'responsibilities')).toMatchObject({
      label: '责任事项',
      line: 9,
      raw: '1.立案责任：发现违法行为线索的，予以审查，决定是否立案。\n2.调查责任：对立案的案件，指定专人负责，及时组织调查取证。',
    });
    expect(texts(first, 'timeLimit')).toEqual(['立案之日起九十日']);
    // "直接实施责任：" is text, not a label: the value of 责任事项.
    expect(texts(second, 'responsibilities')).toEqual(['直接实施责任：\n1.制定监督检查计划。']);
    expect(second.legalBasis).toBe(BASIS_RESCUE);
  });
});

describe('cards layout (e): an unlabelled name line opens each card', () => {
  it('reads "label：value" cards under their name lines, taking a leading number as 序号', () => {
    const list = parse(
      doc(
        '尼勒克县医疗保障局权责清单',
        '',
        '1.对定点医药机构违反服务协议的行政处罚',
        '权力类型：行政处罚',
        '实施依据：【行政法规】《医疗保障基金使用监督管理条例》第三十八条',
        '实施主体：尼勒克县医疗保障局',
        '追责情形：',
        '1.对符合立案条件的不予立案的；',
        '2.滥用职权、玩忽职守的',
        '2.对医疗救助的监督检查',
        '权力类型：行政检查',
        `实施依据：${BASIS_RESCUE}`,
        '实施主体：尼勒克县医疗保障局',
        '追责情形：对不履行监督职责的',
        '医疗保险稽核',
        '权力类型：行政检查',
        '实施主体：尼勒克县医疗保障局',
      ),
    );
    expect(list.layout).toBe('cards');
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.body, i.lines])).toEqual([
      ['1', '对定点医药机构违反服务协议的行政处罚', ['PUNISHMENT'], '尼勒克县医疗保障局', [3, 4, 5, 6, 7, 8, 9]],
      ['2', '对医疗救助的监督检查', ['INSPECTION'], '尼勒克县医疗保障局', [10, 11, 12, 13, 14]],
      [null, '医疗保险稽核', ['INSPECTION'], '尼勒克县医疗保障局', [15, 16, 17]],
    ]);
    expect(texts(list.items[0], 'accountabilityCircumstances')).toEqual(['1.对符合立案条件的不予立案的；\n2.滥用职权、玩忽职守的']);
    expect(list.items[0].fields.slice(0, 2)).toEqual([
      { key: 'seq', label: '', text: '1', raw: '1', line: 3 },
      { key: 'name', label: '', text: '对定点医药机构违反服务协议的行政处罚', raw: '对定点医药机构违反服务协议的行政处罚', line: 3 },
    ]);
    expect(list.warnings).toEqual([]);
  });

  it('reads tab cards under name lines, the repeated title between cards a heading', () => {
    const list = parse(
      doc(
        '医疗保障行政权力事项',
        '对用人单位不办理医疗保险登记的处罚',
        ['权力类型', '行政处罚'],
        ['实施依据', BASIS_84],
        ['', '<p>第八十六条：用人单位未按时足额缴纳社会保险费的，责令限期缴纳。</p>'],
        ['实施主体', '通化市医疗保障局'],
        '医疗保障行政权力事项',
        '对医疗救助的监督检查',
        ['权力类型', '行政检查'],
        ['实施主体', '通化市医疗保障局'],
      ),
    );
    expect(list.title).toBe('医疗保障行政权力事项');
    expect(list.items.map((i) => [i.name, i.powerTypes, i.lines])).toEqual([
      ['对用人单位不办理医疗保险登记的处罚', ['PUNISHMENT'], [2, 3, 4, 5, 6]],
      ['对医疗救助的监督检查', ['INSPECTION'], [8, 9, 10]],
    ]);
    expect(list.items[0].legalBasis).toContain('\n第八十六条');
    expect(list.department).toBe('通化市医疗保障局');
    expect(list.warnings).toEqual([]);
  });

  it('takes a lone line for a name only where no card labels a name', () => {
    const list = parse(doc(TITLE, ['1', '序号', '1'], ['2', '权利事项名称', '甲'], '注：以上为试行', ['3', '权利类型', '行政处罚']));
    expect(list.items.map((i) => i.name)).toEqual(['甲']);
    expect(codes(list)).toEqual(['4:UNPLACED_LINE']);
  });
});

describe('cards layout: sections', () => {
  it('takes the department and power type from headings between cards', () => {
    const list = parse(
      doc(
        '一、通化市医疗保障局',
        '（一）行政处罚',
        ['1', '序号', '1'],
        ['2', '权利事项名称', '对骗取医保基金的处罚'],
        ['3', '实施主体', '通化市医疗保障局'],
        '二、通化县医疗保障局',
        '行政处罚（共1项）',
        ['1', '序号', '1'],
        ['2', '权利事项名称', '对骗取医保基金的处罚'],
        ['3', '实施主体', '通化县医疗保障局'],
      ),
    );
    expect(list.department).toBe('通化市医疗保障局');
    expect(list.items.map((i) => [i.name, i.powerTypes, i.powerTypeText, i.department])).toEqual([
      ['对骗取医保基金的处罚', ['PUNISHMENT'], '行政处罚', '通化市医疗保障局'],
      ['对骗取医保基金的处罚', ['PUNISHMENT'], '行政处罚', '通化县医疗保障局'],
    ]);
    expect(list.warnings).toEqual([]);
  });
});
