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
    const item = parse(doc(...card('1', '行政处罚', '甲', [['7', '办理时限', '30日']]))).items[0];
    expect(item.fields.find((f) => f.label === '办理时限')).toMatchObject({ key: null, text: '30日' });
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
