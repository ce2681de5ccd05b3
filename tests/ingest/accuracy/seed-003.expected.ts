/**
 * Seed 003 (通化市医疗保障局): the vertical card layout. Each item is a card of
 * rows "N<TAB>label<TAB>value" — "1 序号 1", "2 权利类型 行政处罚", "3 权利事项名称 …",
 * "4 实施主体", "5 承办机构" (承办公室 on line 9), "6 处罚依据 / 实施依据 / 设定依据 /
 * 强制依据", "7 责任事项", … — preceded by the title "通化市医疗保障局权责事项清单（试行）"
 * repeated before every card. The 责任事项 value is continued on a line that starts
 * with two tabs, after a blank line (all cards but the last). A city list: no
 * per-level rows.
 *
 * Oddities left as written: the label 权利类型 / 权利事项名称 (权利 for 权力);
 * "权利运行 结果公示" with a space on lines 145 and 230; the last card's
 * 权利运行结果公示 (line 261) is empty and its 责任事项 (line 260) has no HTML;
 * item 16's name ends with "。" and mixes half-width "," with full-width "、".
 */
import type { ExpectedList } from './expected';

export const seed003: ExpectedList = {
  prefix: '003',
  items: [
    // L5–17 (title L3); L13 continues 责任事项 (two leading tabs) after the blank line L12; unit labelled 承办公室.
    {
      nameLine: 7,
      seq: '1',
      name: '对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险基金、生育保险支出的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17],
    },
    // L21–33 (title L19); L29 continues 责任事项 (two leading tabs) after the blank line L28.
    {
      nameLine: 23,
      seq: '2',
      name: '对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [21, 22, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33],
    },
    // L37–49 (title L35); L45 continues 责任事项 (two leading tabs) after the blank line L44.
    {
      nameLine: 39,
      seq: '3',
      name: '对用人单位不办理医疗保险和生育保险登记、未按规定变更登记或注销登记以及伪造、变造登记证明的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [37, 38, 39, 40, 41, 42, 43, 45, 46, 47, 48, 49],
    },
    // L53–65 (title L51); L61 continues 责任事项 (two leading tabs) after the blank line L60.
    {
      nameLine: 55,
      seq: '4',
      name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [53, 54, 55, 56, 57, 58, 59, 61, 62, 63, 64, 65],
    },
    // L69–81 (title L67); L77 continues 责任事项 (two leading tabs) after the blank line L76.
    {
      nameLine: 71,
      seq: '5',
      name: '对参加药品采购投标的投标人的违法行为进行监督管理',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [69, 70, 71, 72, 73, 74, 75, 77, 78, 79, 80, 81],
    },
    // L85–98 (title L83); L93 continues 责任事项 (two leading tabs) after the blank line L92.
    {
      nameLine: 87,
      seq: '6',
      name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理',
      subItem: null,
      powerTypes: ['INSPECTION', 'PUNISHMENT'],
      powerTypeText: '行政检查和行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [85, 86, 87, 88, 89, 90, 91, 93, 94, 95, 96, 97, 98],
    },
    // L102–115 (title L100); L110 continues 责任事项 (two leading tabs) after the blank line L109.
    {
      nameLine: 104,
      seq: '7',
      name: '对纳入医疗保障范围的医药价格违法违规行为的查处',
      subItem: null,
      powerTypes: ['INSPECTION', 'PUNISHMENT'],
      powerTypeText: '行政检查和行政处罚',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [102, 103, 104, 105, 106, 107, 108, 110, 111, 112, 113, 114, 115],
    },
    // L119–132 (title L117); L127 continues 责任事项 (two leading tabs) after the blank line L126.
    {
      nameLine: 121,
      seq: '8',
      name: '医疗保险稽核',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市社会医疗保险管理局、各派出分局经办中心',
      levels: [],
      lines: [119, 120, 121, 122, 123, 124, 125, 127, 128, 129, 130, 131, 132],
    },
    // L136–149 (title L134); L144 continues 责任事项 (two leading tabs) after the blank line L143.
    {
      nameLine: 138,
      seq: '9',
      name: '对药品、医用耗材价格进行监测和成本调查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市社会医疗保险管理局、各派出分局经办中心',
      levels: [],
      lines: [136, 137, 138, 139, 140, 141, 142, 144, 145, 146, 147, 148, 149],
    },
    // L153–166 (title L151); L161 continues 责任事项 (two leading tabs) after the blank line L160.
    {
      nameLine: 155,
      seq: '10',
      name: '对药品上市许可持有人、药品生产企业、药品经营企业和医疗机构向药品价格主管部门提供其药品的实际购销价格和购销数量等资料的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局政策法规科',
      levels: [],
      lines: [153, 154, 155, 156, 157, 158, 159, 161, 162, 163, 164, 165, 166],
    },
    // L170–183 (title L168); L178 continues 责任事项 (two leading tabs) after the blank line L177.
    {
      nameLine: 172,
      seq: '11',
      name: '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局政策法规科',
      levels: [],
      lines: [170, 171, 172, 173, 174, 175, 176, 178, 179, 180, 181, 182, 183],
    },
    // L187–200 (title L185); L195 continues 责任事项 (two leading tabs) after the blank line L194.
    {
      nameLine: 189,
      seq: '12',
      name: '对公立医疗机构药品集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局政策法规科',
      levels: [],
      lines: [187, 188, 189, 190, 191, 192, 193, 195, 196, 197, 198, 199, 200],
    },
    // L204–217 (title L202); L212 continues 责任事项 (two leading tabs) after the blank line L211.
    {
      nameLine: 206,
      seq: '13',
      name: '对用人单位和个人遵守社会保险法律、法规情况的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [204, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217],
    },
    // L221–234 (title L219); L229 continues 责任事项 (two leading tabs) after the blank line L228.
    {
      nameLine: 223,
      seq: '14',
      name: '对医疗救助的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政检查',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [221, 222, 223, 224, 225, 226, 227, 229, 230, 231, 232, 233, 234],
    },
    // L238–250 (title L236); L246 continues 责任事项 (two leading tabs) after the blank line L245.
    {
      nameLine: 240,
      seq: '15',
      name: '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存',
      subItem: null,
      powerTypes: ['COERCION'],
      powerTypeText: '行政强制',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [238, 239, 240, 241, 242, 243, 244, 246, 247, 248, 249, 250],
    },
    // L254–264 (title L252).
    {
      nameLine: 256,
      seq: '16',
      name: '建立定点医疗机构、人员等信用记录制度,纳入全国信用信息共享平台、对其失信行为按照国家规定实施联合惩戒。',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政职权',
      body: '通化市医疗保障局',
      unit: '通化市医疗保障局基金监管科',
      levels: [],
      lines: [254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264],
    },
  ],
};
