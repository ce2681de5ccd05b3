/**
 * Seed 000 (新疆维吾尔自治区医疗保障局): a 14-column table, the header repeated
 * before every item (lines 3, 6, 11, 14, 17, 22, 27, 32, 37, 42, 47, 52, 55;
 * lines 14, 22 and 52 carry one or two extra empty cells and say 追究 for 追责),
 * an item's first row for the 自治区 level and rows under it for 地州市 / 县市.
 * Merged cells were lost on export: a 序号 or a name can sit on another row
 * of the item, and the per-level rows often lack cells, so what follows
 * shifts left.
 *
 * Oddities left as written: 序号 start at 2 and skip 1, 4, 6, 8, 9; item 3's
 * name lacks 伪造 ("以欺诈、证明材料…"); item 13's name says "相类似的监督管理"
 * while its rows say "医疗服务行为和医疗费用监督检查".
 */
import type { ExpectedList } from './expected';

export const seed000: ExpectedList = {
  prefix: '000',
  items: [
    // L4 (header L3): one row; cols 7–9 hold 自治区级/地州市级/自治区级 duty texts side by side —
    // no row per level, so no level rows.
    {
      nameLine: 4,
      seq: '2',
      name: '对参加药品采购投标人的违法行为进行处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [],
      lines: [4],
    },
    // L7–9 (header L6): L7 the 自治区级 row; L8 and L9 have 行使主体 "地州市级" / "县市级" (a level,
    // not a body) and 承办机构 "具体承办的业务科室", cells in their own columns.
    {
      nameLine: 7,
      seq: '3',
      name: '对以欺诈、证明材料或者其他手段骗取医疗保险待遇的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: '具体承办的业务科室', lines: [8] },
        { levelText: '县市级', level: 'COUNTY', body: null, unit: '具体承办的业务科室', lines: [9] },
      ],
      lines: [7, 8, 9],
    },
    // L12 (header L11): "行政处罚" sits in the 子项名称 column (col 2) and 权力类型 is empty: it is the
    // power type, not a sub-item. Cols 7–9 hold the three levels' duty texts in one row: no level rows.
    {
      nameLine: 12,
      seq: '5',
      name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [],
      lines: [12],
    },
    // L15 (header L14, 16 cells): one row; cols 8–10 hold 自治区级/地州市级/地州市级 duty texts, so the
    // cells after them sit two columns right; cells 13/14 begin with their own labels (追究对象范围 /
    // 追究情形). No row per level, so no level rows.
    {
      nameLine: 15,
      seq: '7',
      name: '医疗保险稽核',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '医疗保障事业发展中心',
      levels: [],
      lines: [15],
    },
    // L18–20 (header L17): the name, type and basis were a merged cell rendered on the middle row
    // (L19). L18, the first row, is the 自治区 row (自治区医疗保障局 / 医药价格和招标采购处) —
    // the item's own body and unit, as in every other item of this list; L19 is the 地州市 row,
    // L20 the 县市区 row. No 序号 is written anywhere in the block (the list jumps from 7 to 10).
    {
      nameLine: 19,
      seq: null,
      name: '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '医药价格和招标采购处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [19] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [20] },
      ],
      lines: [18, 19, 20],
    },
    // L23–25 (header L22): name on L23 (the 自治区 row), its 序号 "10" on L24 (the 地州市 row) —
    // the merged 序号 cell was rendered on the middle row.
    {
      nameLine: 23,
      seq: '10',
      name: '对公立医疗机构集中采购药品集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [24] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [25] },
      ],
      lines: [23, 24, 25],
    },
    // L28–30 (header L27).
    {
      nameLine: 28,
      seq: '11',
      name: '对医疗救助的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [29] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [30] },
      ],
      lines: [28, 29, 30],
    },
    // L33–35 (header L32): L34/L35 lack the 部门职责 cell, so their later cells sit one column left;
    // 行使主体 (地州市级 / 县市区级) and 承办机构 are still in place.
    {
      nameLine: 33,
      seq: '12',
      name: '对用人单位和个人遵守社会保险法律、法规情况进行监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: '具体承办的业务科室', lines: [34] },
        { levelText: '县市区级', level: 'COUNTY', body: null, unit: '具体承办的业务科室', lines: [35] },
      ],
      lines: [33, 34, 35],
    },
    // L38–40 (header L37): L39/L40 have no 承办机构: col 6 holds the row's 实施层级及权限 text
    // ("对地州市基本医疗保险基金支付范围的医疗服务行为和医疗费用监督检查", matching L38's col 7),
    // and 直接实施责任 / 【法规】 / 1.具体承办人 sit two columns left of L38's. So unit is null.
    {
      nameLine: 38,
      seq: '13',
      name: '对纳入基本医疗保险基金支付范围的医疗服务行为相类似的监督管理',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [
        { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: null, lines: [39] },
        { levelText: '县区级', level: 'COUNTY', body: null, unit: null, lines: [40] },
      ],
      lines: [38, 39, 40],
    },
    // L43–45 (header L42).
    {
      nameLine: 43,
      seq: '14',
      name: '药品价格进行监测和成本调查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '医药价格和招标采购处',
      levels: [
        { levelText: '地州市医疗保障局', level: 'PREFECTURE', body: '地州市医疗保障局', unit: '具体承办的业务科室', lines: [44] },
        { levelText: '县市区医疗保障局', level: 'COUNTY', body: '县市区医疗保障局', unit: '具体承办的业务科室', lines: [45] },
      ],
      lines: [43, 44, 45],
    },
    // L48–50 (header L47): L49/L50 have neither 行使主体 nor 承办机构: cols 5 and 6 hold the same
    // duty text "负责地州市级对…" / "负责县级对…" (L48's cols 7/8 text for the lower level), then
    // 直接实施责任, 【法规】, 1.具体承办人 two columns left of L48's. The level is named only inside
    // that duty text; body and unit are absent (null), not the duty text.
    {
      nameLine: 48,
      seq: '15',
      name: '对药品上市许可持有人、药品生产企业、药品经营企业和医疗机构价格主管部门提供其药品价格的实际购销价格和购销数量等资料监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '自治区医疗保障局',
      unit: '医药价格和招标采购处',
      levels: [
        { levelText: '地州市级', level: 'PREFECTURE', body: null, unit: null, lines: [49] },
        { levelText: '县级', level: 'COUNTY', body: null, unit: null, lines: [50] },
      ],
      lines: [48, 49, 50],
    },
    // L53 (header L52, 16 cells, 15 filled): one row; col 7 "自治区级 负责自治区级对…", cols 8–10
    // the same 地州市级 duty three times, then basis, 直接实施责任, 具体承办业务科室, 追责情形 one or two
    // columns right of their headers. No row per level, so no level rows.
    {
      nameLine: 53,
      seq: '16',
      name: '对举报欺诈骗取医疗保险基金行为的奖励',
      subItem: null,
      powerTypes: ['REWARD'],
      powerTypeText: '行政奖励',
      body: '自治区医疗保障局',
      unit: '基金监管处',
      levels: [],
      lines: [53],
    },
    // L56 (header L55): no 序号 written; 实施层级及权限 "自治区级" only, no lower-level rows.
    {
      nameLine: 56,
      seq: null,
      name: '制定公立医疗机构医疗服务价格',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政权力',
      body: '自治区医疗保障局',
      unit: '具体承办业务科室',
      levels: [],
      lines: [56],
    },
  ],
};
