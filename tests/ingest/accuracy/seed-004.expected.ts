/**
 * Seed 004 (内蒙古自治区医疗保障局): a 5-column table (序号, 事项名称, 职权类型,
 * 实施依据, 实施主体) under the title on line 3 and one header (line 5); blank
 * lines between groups of rows, one markdown separator row (line 13). Every
 * item's 实施主体 is "各级医疗保障行政部门": the list applies at every level,
 * it does not name one body or one level, and it has no 承办机构 column (unit
 * null) and no per-level rows.
 *
 * Oddities left as written: 行政监督检查 and 其他行政职权 for 行政检查 and
 * 其他行政权力; item 12 is a 行政处罚 item named "…进行监督管理".
 */
import type { ExpectedList } from './expected';

export const seed004: ExpectedList = {
  prefix: '004',
  items: [
    // L6; 行政监督检查 is 行政检查.
    {
      nameLine: 6,
      seq: '1',
      name: '对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [6],
    },
    // L7; 行政监督检查 is 行政检查.
    {
      nameLine: 7,
      seq: '2',
      name: '对签订服务协议的医疗机构、零售药店的监督管理',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [7],
    },
    // L9; 行政监督检查 is 行政检查.
    {
      nameLine: 9,
      seq: '3',
      name: '对社会（医疗和生育）保险费缴纳情况和社会（医疗和生育）保险待遇领取情况的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [9],
    },
    // L10.
    {
      nameLine: 10,
      seq: '4',
      name: '对可能被转移、隐匿或者灭失的资料予以封存（医疗保险和生育保险）',
      subItem: null,
      powerTypes: ['COERCION'],
      powerTypeText: '行政强制',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [10],
    },
    // L12.
    {
      nameLine: 12,
      seq: '5',
      name: '对用人单位不办理医疗保险登记的行政处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [12],
    },
    // L15 (after the separator row L13 and blank L14).
    {
      nameLine: 15,
      seq: '6',
      name: '对骗取医疗保障基金的行政处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [15],
    },
    // L16; 行政监督检查 is 行政检查.
    {
      nameLine: 16,
      seq: '7',
      name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [16],
    },
    // L17; 行政监督检查 is 行政检查.
    {
      nameLine: 17,
      seq: '8',
      name: '对医疗救助的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [17],
    },
    // L18.
    {
      nameLine: 18,
      seq: '9',
      name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [18],
    },
    // L20; 行政监督检查 is 行政检查.
    {
      nameLine: 20,
      seq: '10',
      name: '对药品、医用耗材价格进行监测和成本调查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [20],
    },
    // L21; 行政监督检查 is 行政检查.
    {
      nameLine: 21,
      seq: '11',
      name: '对药品上市许可持有人、药品和医用耗材生产企业、药品经营企业和医疗机构向医药价格主管部门提供其药品、医用耗材的实际购销价格和购销数量等资料的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [21],
    },
    // L23.
    {
      nameLine: 23,
      seq: '12',
      name: '对参加药品采购投标的投标人的违法行为进行监督管理',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [23],
    },
    // L24; 行政监督检查 is 行政检查.
    {
      nameLine: 24,
      seq: '13',
      name: '对公立医疗机构药品和高值医用耗材集中采购行为合规性的监督检查',
      subItem: null,
      powerTypes: ['INSPECTION'],
      powerTypeText: '行政监督检查',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [24],
    },
    // L26; 其他行政职权 is 其他行政权力.
    {
      nameLine: 26,
      seq: '14',
      name: '建立医疗卫生机构、人员等信用记录制度，纳入全国信用信息共享平台，对其失信行为按照国家规定实施联合惩戒',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政职权',
      body: '各级医疗保障行政部门',
      unit: null,
      levels: [],
      lines: [26],
    },
  ],
};
