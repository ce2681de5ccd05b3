/**
 * The traps DESIGN.md names under "What makes the input hard" that concern
 * reading lists (citations are tested elsewhere), each as a minimal realistic
 * document shaped after the seed lines it comes from. Every test asserts the
 * reading a careful person would make, not what the parser happens to do.
 */
import type { ItemRecord, ListRecord } from '../../../src/domain/records';
import { parseDocument } from '../../../src/ingest';
import { C, doc, row, SECTION_HEADER, WIDE_HEADER, wide } from '../helpers';
import { levelReading, reading } from './expected';

const parse = (text: string): ListRecord => parseDocument(text, { fileName: 'trap.txt', extractCitations: () => [] });
const only = (list: ListRecord): ItemRecord => {
  expect(list.items).toHaveLength(1);
  return list.items[0];
};
const fieldTexts = (item: ItemRecord, key: string): string[] => item.fields.filter((f) => f.key === key).map((f) => f.text);

// Texts as the Xinjiang provincial list (seed 000) writes them.
const RESP = '<p>直接实施责任:</p> <ol style="list-style-type: none"> <li>1.制定监督检查计划;</li> </ol>';
const RESP_BASIS = '<p>【法规】《医疗保障基金使用监督管理条例》(2021年1月15日公布,2021年5月1日起施行)</p>';
const PERSONS = '<p>1.具体承办人;</p> <p>2.具体承办的业务科室负责人;</p>';

describe('trap: merged cells lost, continuation rows shifting left', () => {
  it('a level row that lost its 承办机构 cell has no unit: the duty text now under 承办机构 is not one (seed 000 lines 38–40)', () => {
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({
          [C.seq]: '13', [C.name]: '对纳入基本医疗保险基金支付范围的医疗服务行为相类似的监督管理', [C.type]: '行政检查',
          [C.basis]: '<p>【法律】《中华人民共和国基本医疗卫生与健康促进法》第八十七条</p>', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处',
          [C.scope]: '对自治区基本医疗保险基金支付范围的医疗服务行为和医疗费用监督检查',
          [C.duties]: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用监督检查',
          [C.resp]: RESP, [C.respBasis]: RESP_BASIS, [C.persons]: PERSONS,
        }),
        // 地州市级, then (no 承办机构) its scope text, 直接实施责任, 【法规】, 1.具体承办人 — all left of their columns.
        wide({ [C.body]: '地州市级', [C.unit]: '对地州市基本医疗保险基金支付范围的医疗服务行为和医疗费用监督检查', [C.scope]: RESP, [C.duties]: RESP_BASIS, [C.resp]: PERSONS }),
        wide({ [C.body]: '县区级', [C.unit]: '对县市区基本医疗保险基金支付范围的医疗服务行为和医疗费用监督检查', [C.scope]: RESP, [C.duties]: RESP_BASIS }),
      ),
    );
    const item = only(list);
    expect(item).toMatchObject({ seq: '13', body: '自治区医疗保障局', unit: '基金监管处', lines: [2, 3, 4] });
    expect(item.levels.map(levelReading)).toEqual([
      { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: null, lines: [3] },
      { levelText: '县区级', level: 'COUNTY', body: null, unit: null, lines: [4] },
    ]);
  });

  it('a level row that lost its 行使主体 and 承办机构 cells: its level is the one its duty text names, it has no body or unit (seed 000 lines 48–50)', () => {
    const duty = (level: string) => `负责${level}对药品上市许可持有人、药品经营企业和医疗机构向药品价格主管部门提供其药品价格的实际购销价格和购销数量等资料监督检查`;
    const rule = '【法规】《医疗保障基金使用监督管理条例》（2021年1月15日公布，2021年5月11日施行） 第十六条';
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({
          [C.seq]: '15', [C.name]: '对药品上市许可持有人、药品生产企业、药品经营企业和医疗机构价格主管部门提供其药品价格的实际购销价格和购销数量等资料监督检查',
          [C.type]: '行政检查', [C.basis]: '【法律】《中华人民共和国药品管理法》第八十六条', [C.body]: '自治区医疗保障局', [C.unit]: '医药价格和招标采购处',
          [C.scope]: duty('自治区级'), [C.duties]: duty('自治区级'), [C.resp]: '直接实施责任： 1.制定监督检查计划', [C.respBasis]: rule,
        }),
        wide({ [C.basis]: rule, [C.body]: duty('地州市级'), [C.unit]: duty('地州市级'), [C.scope]: '直接实施责任： 1.制定监督检查计划', [C.duties]: rule, [C.resp]: '1.具体承办人； 2.具体承办的业务科室负责人；' }),
        wide({ [C.basis]: rule, [C.body]: duty('县级'), [C.unit]: duty('县级'), [C.scope]: '直接实施责任： 1.制定监督检查计划', [C.duties]: rule }),
      ),
    );
    const item = only(list);
    expect(item).toMatchObject({ seq: '15', body: '自治区医疗保障局', unit: '医药价格和招标采购处', lines: [2, 3, 4] });
    expect(item.levels.map(levelReading)).toEqual([
      { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: null, lines: [3] },
      { levelText: '县级', level: 'COUNTY', body: null, unit: null, lines: [4] },
    ]);
  });

  it('a name rendered on the middle row of its merged block: the first row is still the item’s own 自治区 row (seed 000 lines 18–20)', () => {
    const basis = '<p>【规范性文件】《高值医用耗材集中采购工作规范（试行）》（卫规财发〔2012〕86号）第四十二条</p>';
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.basis]: basis, [C.body]: '自治区医疗保障局', [C.unit]: '医药价格和招标采购处', [C.scope]: '负责自治区公立医疗机构高值医用耗材集中采购行为的合规性监督检查' }),
        wide({ [C.name]: '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查', [C.type]: '行政检查', [C.basis]: basis, [C.body]: '地州市医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责地州市公立医疗机构高值医用耗材集中采购行为的合规性监督检查' }),
        wide({ [C.basis]: basis, [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责县市区公立医疗机构高值医用耗材集中采购行为的合规性监督检查' }),
      ),
    );
    expect(reading(only(list))).toEqual({
      seq: null,
      name: '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '医药价格和招标采购处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [3] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [4] },
      ],
      lines: [2, 3, 4],
    });
  });

  it('two cells merged into one: the 承办机构 cell holding the body name and then the 实施依据 (seed 001 line 23)', () => {
    const list = parse(
      doc(
        '## 尼勒克县医疗保障局权责清单事项表(行政处罚)',
        SECTION_HEADER,
        [
          '7', '对定点医药机构违反管理规定、拒绝监督检查或者提供虚假情况的行政处罚(新增)', '行政处罚', '尼勒克县医疗保障局',
          '<p>尼勒克县医疗保障局</p> <p>【行政法规】《医疗保障基金使用监督管理条例》第三十九条：定点医药机构有下列情形之一的，由医疗保障行政部门责令改正</p>',
          '<p>直接实施责任：</p> <ol style="list-style-type: none"> <li>1. 制定监督检查计划</li> </ol>',
          '<p>【法律】《中华人民共和国行政处罚法》第三十六条</p>', '<p>1. 具体承办人；</p>', '<p>1. 对符合法定条件的申请不予受理的；</p>',
        ],
      ),
    );
    const item = only(list);
    expect(item).toMatchObject({ seq: '7', body: '尼勒克县医疗保障局', unit: '尼勒克县医疗保障局', powerTypes: ['PUNISHMENT'] });
    expect(item.legalBasis).toMatch(/^【行政法规】《医疗保障基金使用监督管理条例》第三十九条/);
    expect(fieldTexts(item, 'responsibilities')[0]).toMatch(/^直接实施责任/);
    expect(fieldTexts(item, 'responsibilityBasis')[0]).toMatch(/^【法律】《中华人民共和国行政处罚法》/);
  });
});

describe('trap: 序号 on the row after the name', () => {
  it('the 序号 on the 地州市 row is the number of the item named on the row before it (seed 000 lines 23–25)', () => {
    const basis = '<p>【规范性文件】《药品集中采购监督管理办法》（国办发〔2010〕6号）</p> <p>第五条：纠正医药购销和医疗服务中不正之风部际联席会议负责全国药品集中采购监督管理的组织协调</p>';
    const list = parse(
      doc(
        [...WIDE_HEADER, ''],
        [...wide({ [C.name]: '对公立医疗机构集中采购药品集中采购行为合规性的监督检查', [C.type]: '行政检查', [C.basis]: basis, [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '负责对本自治区公立医疗机构集中采购行为合规性监督检查' }), ''],
        [...wide({ [C.seq]: '10', [C.basis]: basis, [C.body]: '地州市医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责对本地州市公立医疗机构集中采购行为合规性监督检查' }), ''],
        [...wide({ [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责对本县市区公立医疗机构集中采购行为合规性监督检查' }), ''],
      ),
    );
    expect(reading(only(list))).toEqual({
      seq: '10',
      name: '对公立医疗机构集中采购药品集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [3] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [4] },
      ],
      lines: [2, 3, 4],
    });
  });
});

describe('trap: the header row repeated before every item', () => {
  it('each repeat is a header, not an item or a stray row; variants with 追究 for 追责 and trailing empty cells are the same header (seed 000)', () => {
    const variant = WIDE_HEADER.map((h) => (h === '追责对象范围' ? '追究对象范围' : h === '追责情形' ? '追究情形' : h));
    const list = parse(
      doc(
        '',
        WIDE_HEADER,
        wide({ [C.seq]: '2', [C.name]: '对参加药品采购投标人的违法行为进行处罚', [C.type]: '行政处罚', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处' }),
        '',
        [...variant, '', ''],
        [...wide({ [C.seq]: '7', [C.name]: '医疗保险稽核', [C.type]: '行政检查', [C.body]: '自治区医疗保障局', [C.unit]: '医疗保障事业发展中心' }), '', ''],
        '',
        WIDE_HEADER,
        wide({ [C.name]: '制定公立医疗机构医疗服务价格', [C.type]: '其他行政权力', [C.body]: '自治区医疗保障局', [C.unit]: '具体承办业务科室', [C.scope]: '自治区级' }),
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.unit, i.lines])).toEqual([
      ['2', '对参加药品采购投标人的违法行为进行处罚', ['PUNISHMENT'], '基金监管处', [3]],
      ['7', '医疗保险稽核', ['INSPECTION'], '医疗保障事业发展中心', [6]],
      [null, '制定公立医疗机构医疗服务价格', ['OTHER'], '具体承办业务科室', [9]],
    ]);
    expect(list.warnings).toEqual([]);
  });
});

describe('trap: section headings carrying the power type, with and without "##"', () => {
  it('every item takes its section’s power type; headings are neither items nor stray lines (seed 001)', () => {
    const list = parse(
      doc(
        '',
        '## 尼勒克县医疗保障局权责清单事项表(行政强制)',
        '',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存', 2: '行政强制', 3: '尼勒克县医疗保障局', 4: '尼勒克县医疗保障局' }),
        '',
        '尼勒克县医疗保障局权责清单事项表(行政奖励)',
        '',
        SECTION_HEADER,
        // This row leaves 权力类型 empty: the heading says what it is.
        row(10, { 0: '1', 1: '对举报欺诈骗取医疗保障基金行为的奖励', 3: '尼勒克县医疗保障局', 4: '尼勒克县医疗保障局' }),
        '',
        '## 尼勒克县医疗保障局权责清单事项表(其他行政权力)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '落实公立医疗机构医疗服务价格(新增)', 3: '尼勒克县医疗保障局', 4: '尼勒克县医疗保障局' }),
        '',
        '尼勒克县医疗保障局权责清单事项表(行政确认)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '医疗保险参保登记(新增)', 2: '行政确认', 3: '尼勒克县医疗保障局', 4: '医疗保障事业发展中心' }),
      ),
    );
    expect(list.items.map((i) => [i.seq, i.name, i.powerTypes, i.lines])).toEqual([
      ['1', '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存', ['COERCION'], [5]],
      ['1', '对举报欺诈骗取医疗保障基金行为的奖励', ['REWARD'], [10]],
      ['1', '落实公立医疗机构医疗服务价格(新增)', ['OTHER'], [14]],
      ['1', '医疗保险参保登记(新增)', ['CONFIRMATION'], [18]],
    ]);
    expect(list.title).toBe('尼勒克县医疗保障局权责清单事项表(行政强制)');
    expect(list.department).toBe('尼勒克县医疗保障局');
    expect(list.warnings).toEqual([]);
  });
});

describe('trap: markdown separator rows between items', () => {
  it('separator rows, of any width, are not items, not part of one and not warned about (seed 001 lines 8–12, 23–24)', () => {
    const list = parse(
      doc(
        '## 尼勒克县医疗保障局权责清单事项表(行政处罚)',
        SECTION_HEADER,
        row(10, { 0: '2', 1: '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚', 2: '行政处罚', 3: '尼勒克医疗保障局', 4: '尼勒克医疗保障局' }),
        ['---', '---', '------', '----------', '----------', '--', '--', '--', '--', '---'],
        '',
        row(10, { 0: '3', 1: '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚', 2: '行政处罚', 3: '尼勒克县医疗保障局', 4: '尼勒克县医疗保障局' }),
        ['---', '---------------------------------------', '------', '-----------', '--', '--', '--', '--', '---'],
        '',
      ),
    );
    expect(list.items.map((i) => [i.seq, i.lines])).toEqual([
      ['2', [3]],
      ['3', [6]],
    ]);
    expect(list.warnings).toEqual([]);
  });
});

describe('trap: the vertical card layout', () => {
  const TITLE = '通化市医疗保障局权责事项清单（试行）';
  it('reads "1 序号 N" as 序号 N (the 1 is the row number), and a line starting with two tabs as more of the value above (seed 003 lines 3–33)', () => {
    const list = parse(
      doc(
        '',
        '',
        TITLE,
        '',
        ['1', '序号', '6'],
        ['2', '权利类型', '行政检查和行政处罚'],
        ['3', '权利事项名称', '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理'],
        ['4', '实施主体', '通化市医疗保障局'],
        ['5', '承办公室', '通化市医疗保障局基金监管科'],
        ['6', '实施依据', '《中华人民共和国基本医疗卫生与健康促进法》《中华人民共和国行政处罚法》'],
        ['7', '责任事项', '<p>1.检查责任：根据工作职责开展监督检查工作。</p> <p>4.告知责任：作出行政处罚决定前，应当告知当事人。</p>'],
        '',
        ['', '', '<p>5.决定责任:依法需要给予行政处罚的,应制作《行政处罚决定书》。</p>'],
        ['8', '权利运行结果公示', '通化市医疗保障局 http://www.tonghua.gov.cn/ybj/'],
        ['9', '检查方式', '日常检查、随机抽查、专项检查'],
        ['10', '监督电话', '0435-3917006'],
        '',
        TITLE,
        '',
        ['1', '序号', '7'],
        ['2', '权利类型', '行政检查'],
        ['3', '权利事项名称', '医疗保险稽核'],
        ['4', '实施主体', '通化市医疗保障局'],
        ['5', '承办机构', '通化市社会医疗保险管理局、各派出分局经办中心'],
        ['6', '设定依据', '《中华人民共和国社会保险法》'],
      ),
    );
    expect(list.layout).toBe('cards');
    expect(list.items.map(reading)).toEqual([
      {
        seq: '6',
        name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理',
        subItem: null,
        powerTypes: ['INSPECTION', 'PUNISHMENT'],
        powerTypeText: '行政检查和行政处罚',
        body: '通化市医疗保障局',
        unit: '通化市医疗保障局基金监管科',
        levels: [],
        lines: [5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16],
      },
      {
        seq: '7',
        name: '医疗保险稽核',
        subItem: null,
        powerTypes: ['INSPECTION'],
        powerTypeText: '行政检查',
        body: '通化市医疗保障局',
        unit: '通化市社会医疗保险管理局、各派出分局经办中心',
        levels: [],
        lines: [20, 21, 22, 23, 24, 25],
      },
    ]);
    const resp = fieldTexts(list.items[0], 'responsibilities').join('\n');
    expect(resp.indexOf('1.检查责任')).toBeGreaterThanOrEqual(0);
    expect(resp.indexOf('5.决定责任')).toBeGreaterThan(resp.indexOf('4.告知责任'));
    expect(list.warnings).toEqual([]);
  });
});

describe('trap: HTML in cells', () => {
  it('reads <p> and <ol> cells as their text, with the list’s lines kept (seed 000 line 38, seed 001 line 23)', () => {
    const list = parse(
      doc(
        SECTION_HEADER,
        [
          '<p>9</p>', '<p>对公立医疗机构药品集中采购行为合规性的监督检查</p>', '<p>行政检查</p>', '<p>尼勒克县医疗保障局</p>', '<p>尼勒克县医疗保障局</p>',
          '<p>【规范性文件】《药品集中采购监督管理办法》第五条</p>',
          '<p>直接实施责任:</p> <ol style="list-style-type: none"> <li>1. 执行自治区、自治州制定的行政处罚标准规范。</li> <li>2. 制定监督检查计划。</li> </ol>',
          '<p>【法律】《中华人民共和国药品管理法》</p>', '<p>1.具体承办人;</p> <p>2.具体承办的业务科室负责人;</p>', '<p>因不履行或不正确履行职责,有下列情形的:</p>',
        ],
      ),
    );
    const item = only(list);
    expect(reading(item)).toEqual({
      seq: '9',
      name: '对公立医疗机构药品集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [2],
    });
    expect(item.legalBasis).toBe('【规范性文件】《药品集中采购监督管理办法》第五条');
    expect(fieldTexts(item, 'responsibilities')).toEqual(['直接实施责任:\n1. 执行自治区、自治州制定的行政处罚标准规范。\n2. 制定监督检查计划。']);
    expect(fieldTexts(item, 'accountablePersons')).toEqual(['1.具体承办人;\n2.具体承办的业务科室负责人;']);
  });
});

describe('trap: full-width and half-width punctuation mixed', () => {
  it('keeps names as written in either width, and reads types, headings and levels in either width (seeds 000, 001, 004)', () => {
    const list = parse(
      doc(
        '## 尼勒克县医疗保障局权责清单事项表（行政检查）',
        WIDE_HEADER,
        wide({ [C.seq]: '1', [C.name]: '对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处' }),
        wide({ [C.body]: '地（州、市）级', [C.unit]: '具体承办的业务科室' }),
        wide({ [C.body]: '县（市、区）级', [C.unit]: '具体承办的业务科室' }),
        WIDE_HEADER,
        wide({ [C.seq]: '2', [C.name]: '对社会（医疗和生育）保险费缴纳情况和社会（医疗和生育）保险待遇领取情况的监督检查', [C.type]: '行政检查', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处' }),
      ),
    );
    expect(list.items.map(reading)).toEqual([
      {
        seq: '1',
        name: '对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查',
        subItem: null,
        powerTypes: ['INSPECTION'],
        powerTypeText: '行政检查',
        body: '自治区医疗保障局',
        unit: '基金监管处',
        levels: [
          { levelText: '地（州、市）级', level: 'PREFECTURE', body: null, unit: '具体承办的业务科室', lines: [4] },
          { levelText: '县（市、区）级', level: 'COUNTY', body: null, unit: '具体承办的业务科室', lines: [5] },
        ],
        lines: [3, 4, 5],
      },
      {
        seq: '2',
        name: '对社会（医疗和生育）保险费缴纳情况和社会（医疗和生育）保险待遇领取情况的监督检查',
        subItem: null,
        powerTypes: ['INSPECTION'],
        powerTypeText: '行政检查',
        body: '自治区医疗保障局',
        unit: '基金监管处',
        levels: [],
        lines: [7],
      },
    ]);
  });
});

describe('trap: names differing for one body', () => {
  it('keeps 尼勒克医疗保障局 and 尼勒克县医疗保障局 each as written (seed 001 lines 6, 8)', () => {
    const list = parse(
      doc(
        '## 尼勒克县医疗保障局权责清单事项表(行政处罚)',
        SECTION_HEADER,
        row(10, { 0: '1', 1: '对用人单位不办理医疗保险和生育保险登记、未按规定变更登记或注销登记以及伪造、变造登记证明的处罚', 2: '行政处罚', 3: '尼勒克县医疗保障局', 4: '尼勒克县医疗保障局' }),
        row(10, { 0: '2', 1: '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚', 2: '行政处罚', 3: '尼勒克医疗保障局', 4: '尼勒克医疗保障局' }),
        row(10, { 0: '5', 1: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理', 2: '行政检查', 3: '尼勒克医疗保障局', 4: '基金监管与待遇保障处' }),
      ),
    );
    expect(list.items.map((i) => [i.body, i.unit])).toEqual([
      ['尼勒克县医疗保障局', '尼勒克县医疗保障局'],
      ['尼勒克医疗保障局', '尼勒克医疗保障局'],
      ['尼勒克医疗保障局', '基金监管与待遇保障处'],
    ]);
    expect(list.department).toBe('尼勒克县医疗保障局');
  });
});

describe('trap: per-level rows (自治区级 / 地州市级 / 县市级)', () => {
  it('rows under an item for lower levels are its levels, each with its own unit; the item keeps the 自治区 row’s body and unit (seed 000 lines 7–9, 28–30)', () => {
    const list = parse(
      doc(
        WIDE_HEADER,
        wide({ [C.seq]: '3', [C.name]: '对以欺诈、证明材料或者其他手段骗取医疗保险待遇的处罚', [C.type]: '行政处罚', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '自治区级', [C.duties]: '负责自治区级或伪造证明材料或者其他手段骗取医疗保险待遇的处罚' }),
        wide({ [C.body]: '地州市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责地州市级或伪造证明材料或者其他手段骗取医疗保险待遇的处罚', [C.duties]: '<p>负责地州市级或伪造证明材料或者其他手段骗取医疗保险待遇的处罚</p>' }),
        wide({ [C.body]: '县市级', [C.unit]: '具体承办的业务科室', [C.scope]: '负责县市级或伪造证明材料或者其他手段骗取医疗保险待遇的处罚', [C.duties]: '<p>负责县市级或伪造证明材料或者其他手段骗取医疗保险待遇的处罚</p>' }),
        WIDE_HEADER,
        wide({ [C.seq]: '11', [C.name]: '对医疗救助的监督检查', [C.type]: '行政检查', [C.body]: '自治区医疗保障局', [C.unit]: '基金监管处', [C.scope]: '负责全区医疗保障救助的监督检查' }),
        wide({ [C.body]: '地州市医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责地州市级医疗保障救助的监督检查' }),
        wide({ [C.body]: '县市区医疗保障局', [C.unit]: '具体承办的业务科室', [C.scope]: '负责县市区级医疗保障救助的监督检查' }),
      ),
    );
    expect(list.items.map((i) => [i.seq, i.body, i.unit, i.lines, i.levels.map(levelReading)])).toEqual([
      ['3', '自治区医疗保障局', '基金监管处', [2, 3, 4], [
        { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: '具体承办的业务科室', lines: [3] },
        { levelText: '县市级', level: 'COUNTY', body: null, unit: '具体承办的业务科室', lines: [4] },
      ]],
      ['11', '自治区医疗保障局', '基金监管处', [6, 7, 8], [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [7] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [8] },
      ]],
    ]);
    expect(list.warnings).toEqual([]);
  });
});

describe('trap: a list applying to every level (各级医疗保障行政部门)', () => {
  it('keeps 各级医疗保障行政部门 as every item’s body, invents no level rows and names no single department (seed 004)', () => {
    const list = parse(
      doc(
        '',
        '',
        '内蒙古自治区医疗保障行政执法事项清单',
        '',
        ['序号', '事项名称', '职权类型', '实施依据', '实施主体'],
        ['1', '对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查', '行政监督检查', '<p>【法律】《中华人民共和国社会保险法》第七十九条</p>', '各级医疗保障行政部门'],
        ['2', '对签订服务协议的医疗机构、零售药店的监督管理', '行政监督检查', '<p>【法律】《中华人民共和国社会保险法》第八十七条</p>', '各级医疗保障行政部门'],
        '',
        ['14', '建立医疗卫生机构、人员等信用记录制度，纳入全国信用信息共享平台，对其失信行为按照国家规定实施联合惩戒', '其他行政职权', '<p>【法律】《基本医疗卫生与健康促进法》</p> <p>第九十三条</p>', '各级医疗保障行政部门'],
      ),
    );
    expect(list.items.map((i) => [i.seq, i.powerTypes, i.powerTypeText, i.body, i.unit, i.levels, i.lines])).toEqual([
      ['1', ['INSPECTION'], '行政监督检查', '各级医疗保障行政部门', null, [], [6]],
      ['2', ['INSPECTION'], '行政监督检查', '各级医疗保障行政部门', null, [], [7]],
      ['14', ['OTHER'], '其他行政职权', '各级医疗保障行政部门', null, [], [9]],
    ]);
    expect(list.title).toBe('内蒙古自治区医疗保障行政执法事项清单');
    expect(list.department).toBeNull();
  });
});
