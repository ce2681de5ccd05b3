/**
 * Seed 001 (尼勒克县医疗保障局): a county list split into sections by headings
 * that carry the power type — with "## " (lines 3, 32, 37, 71) and without
 * (lines 66, 79) — each followed by a 10-column header; markdown separator rows
 * ("---") between items; one row per item, no per-level rows.
 *
 * Oddities left as written: the body is written "尼勒克医疗保障局" on lines 8,
 * 20, 51 and 76 and "尼勒克县医疗保障局" elsewhere (one body, two names);
 * item 处罚-4's name says "伪造等段" for "伪造等手段"; 处罚-6 is a 行政处罚
 * item named "…进行监督管理"; line 40's 责任事项依据 opens "《【法律】中华人民共和国行政…"
 * (bracket before the tag); line 82's 追责对象范围 and 追责情形 are "/".
 * Separator rows on lines 24 and 64 have 9 cells, like the merged rows above them.
 */
import type { ExpectedList } from './expected';

export const seed001: ExpectedList = {
  prefix: '001',
  items: [
    // L6 (section heading L3 "## …(行政处罚)", header L5).
    {
      nameLine: 6,
      seq: '1',
      name: '对用人单位不办理医疗保险和生育保险登记、未按规定变更登记或注销登记以及伪造、变造登记证明的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [6],
    },
    // L8; L9 is a markdown separator row. 行使主体/承办机构 written "尼勒克医疗保障局" (no 县) — kept as written.
    {
      nameLine: 8,
      seq: '2',
      name: '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克医疗保障局',
      unit: '尼勒克医疗保障局',
      levels: [],
      lines: [8],
    },
    // L11; L12 separator.
    {
      nameLine: 11,
      seq: '3',
      name: '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [11],
    },
    // L14; L15 separator. Name as written: "伪造等段" (手 missing).
    {
      nameLine: 14,
      seq: '4',
      name: '对采取虚报、隐瞒、伪造等段，骗取医疗救助资金的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [14],
    },
    // L17; L18 separator. "(新增)" is part of the name as written.
    {
      nameLine: 17,
      seq: '5',
      name: '对定点医药机构未提供合理、必要的医药服务等一般违法行为的处罚(新增)',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [17],
    },
    // L20; L21 separator. Body 尼勒克医疗保障局 as written. A 行政处罚 item named "…进行监督管理" — as written.
    {
      nameLine: 20,
      seq: '6',
      name: '对参加药品采购投标的投标人的违法行为进行监督管理',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克医疗保障局',
      unit: '尼勒克医疗保障局',
      levels: [],
      lines: [20],
    },
    // L23 (9 cells for 10 columns): the 承办机构 cell holds "<p>尼勒克县医疗保障局</p> <p>【行政法规】《医疗保障基金使用监督管理条例》…</p>" — 承办机构 and 实施依据 merged into one cell; the unit is its first paragraph.
    {
      nameLine: 23,
      seq: '7',
      name: '对定点医药机构违反管理规定、拒绝监督检查或者提供虚假情况的行政处罚(新增)',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [23],
    },
    // L26; L27 separator.
    {
      nameLine: 26,
      seq: '8',
      name: '对隐匿、转移、侵占或者挪用医疗保障基金的行政处罚(新增)',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [26],
    },
    // L29; L30 separator. Name as written, with a space before "(新增)".
    {
      nameLine: 29,
      seq: '9',
      name: '对个人骗取医疗保障基金支出行为的处罚 (新增)',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [29],
    },
    // L35 (heading L32 "## …(行政强制)", header L34).
    {
      nameLine: 35,
      seq: '1',
      name: '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存',
      subItem: null,
      powerTypes: ['COERCION'],
      powerTypeText: '行政强制',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [35],
    },
    // L40 (heading L37 "## …(行政检查)", header L39); 序号 restart at 1 in each section.
    {
      nameLine: 40,
      seq: '1',
      name: '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [40],
    },
    // L42; L43 separator.
    {
      nameLine: 42,
      seq: '2',
      name: '对纳入医疗保障范围的价格违法违规行为的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [42],
    },
    // L45; L46 separator.
    {
      nameLine: 45,
      seq: '3',
      name: '对医疗救助的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [45],
    },
    // L48; L49 separator.
    {
      nameLine: 48,
      seq: '4',
      name: '对用人单位和个人遵守社会保险法律法规情况进行监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [48],
    },
    // L51; L52 separator. Body 尼勒克医疗保障局, unit 基金监管与待遇保障处, as written.
    {
      nameLine: 51,
      seq: '5',
      name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克医疗保障局',
      unit: '基金监管与待遇保障处',
      levels: [],
      lines: [51],
    },
    // L54; L55 separator.
    {
      nameLine: 54,
      seq: '6',
      name: '对药品价格进行监测和成本调查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [54],
    },
    // L57; L58 separator.
    {
      nameLine: 57,
      seq: '7',
      name: '对药品上市许可持有人、药品生产企业、药品经营企业和医疗机构向药品价格主管部门提供其药品的实际购销价格和购销数量等资料的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [57],
    },
    // L60; L61 separator. Unit 医疗保障事业发展中心.
    {
      nameLine: 60,
      seq: '8',
      name: '医疗保险稽核',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '医疗保障事业发展中心',
      levels: [],
      lines: [60],
    },
    // L63 (9 cells for 10 columns): as L23, 承办机构 and 实施依据 merged — "<p>尼勒克县医疗保障局</p> <p>【规范性文件】《药品集中采购监督管理办法》…</p>"; the unit is its first paragraph. L64 separator.
    {
      nameLine: 63,
      seq: '9',
      name: '对公立医疗机构药品集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [63],
    },
    // L69 (heading L66 without "##": "尼勒克县医疗保障局权责清单事项表(行政奖励)", header L68).
    {
      nameLine: 69,
      seq: '1',
      name: '对举报欺诈骗取医疗保障基金行为的奖励',
      subItem: null,
      powerTypes: ['REWARD'],
      powerTypeText: '行政奖励',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [69],
    },
    // L74 (heading L71 "## …(其他行政权力)", header L73).
    {
      nameLine: 74,
      seq: '1',
      name: '落实公立医疗机构医疗服务价格(新增)',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政权力',
      body: '尼勒克县医疗保障局',
      unit: '尼勒克县医疗保障局',
      levels: [],
      lines: [74],
    },
    // L76; L77 separator. Body/unit 尼勒克医疗保障局 as written.
    {
      nameLine: 76,
      seq: '2',
      name: '建立医疗卫生机构、人员等信用记录制度，纳入全国信用信息共享平台，按照国家规定实施联合惩戒',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政权力',
      body: '尼勒克医疗保障局',
      unit: '尼勒克医疗保障局',
      levels: [],
      lines: [76],
    },
    // L82 (heading L79 without "##": "…(行政确认)", header L81).
    {
      nameLine: 82,
      seq: '1',
      name: '医疗保险参保登记(新增)',
      subItem: null,
      powerTypes: ['CONFIRMATION'],
      powerTypeText: '行政确认',
      body: '尼勒克县医疗保障局',
      unit: '医疗保障事业发展中心',
      levels: [],
      lines: [82],
    },
  ],
};
