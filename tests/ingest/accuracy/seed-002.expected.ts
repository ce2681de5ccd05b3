/**
 * Seed 002 (凉州区医疗保障局): a 13-column table with 地方权力编码, the title on
 * line 3, the header repeated before each block (lines 5, 9, 13), one row per
 * item, a single 办事层级 cell ("县级") instead of per-level rows. The file has
 * no final newline (14 lines).
 *
 * Oddities left as written: lines 6 and 7 use half-width punctuation
 * ("(2011年7月1日施行, …", "第五章第二十七条:") and no HTML, lines 10, 11 and 14
 * full-width punctuation inside <p>; item 5 cites
 * 《国家卫生部医疗机构药品集中采购工作规范》 (the issuer written into the title).
 */
import type { ExpectedList } from './expected';

export const seed002: ExpectedList = {
  prefix: '002',
  items: [
    // L6 (header L5); 子项名称 and 子项地方权力编码 empty; 地方权力编码 11620602MB1902380J4620236001000; 办事层级 "县级" (a field, not a level row).
    {
      nameLine: 6,
      seq: '1',
      name: '对医保定点医药机构、医保经办机构、参保人骗取医保基金支出的处罚',
      subItem: null,
      powerTypes: ['PUNISHMENT'],
      powerTypeText: '行政处罚',
      body: '凉州区医疗保障局',
      unit: '基金监管股',
      levels: [],
      lines: [6],
    },
    // L7 (header L5); 子项名称 and 子项地方权力编码 empty; 地方权力编码 11620602MB1902380J4620536001000; 办事层级 "县级" (a field, not a level row).
    {
      nameLine: 7,
      seq: '2',
      name: '对医疗救助对象救助金的给付',
      subItem: null,
      powerTypes: ['BENEFIT'],
      powerTypeText: '行政给付',
      body: '凉州区医疗保障局',
      unit: '医保服务中心',
      levels: [],
      lines: [7],
    },
    // L10 (header L9); 子项名称 and 子项地方权力编码 empty; 地方权力编码 11620602MB1902380J4620836001000; 办事层级 "县级" (a field, not a level row).
    {
      nameLine: 10,
      seq: '3',
      name: '对医保基金违法违规行为提供主要事实和证据的举报人的奖励',
      subItem: null,
      powerTypes: ['REWARD'],
      powerTypeText: '行政奖励',
      body: '凉州区医疗保障局',
      unit: '基金监管股',
      levels: [],
      lines: [10],
    },
    // L11 (header L9); 子项名称 and 子项地方权力编码 empty; 地方权力编码 11620602MB1902380J4621036001000; 办事层级 "县级" (a field, not a level row).
    {
      nameLine: 11,
      seq: '4',
      name: '对医疗机构、药品生产经营企业在药品交易过程中发生的各种不诚信行为的监管',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政权力',
      body: '凉州区医疗保障局',
      unit: '医药服务管理股',
      levels: [],
      lines: [11],
    },
    // L14 (header L13); 子项名称 and 子项地方权力编码 empty; 地方权力编码 11620602MB1902380J4621036002000; 办事层级 "县级" (a field, not a level row).
    {
      nameLine: 14,
      seq: '5',
      name: '对我区非营利性医疗机构在特殊情况下使用非集中采购中标药品进行备案采购核准',
      subItem: null,
      powerTypes: ['OTHER'],
      powerTypeText: '其他行政权力',
      body: '凉州区医疗保障局',
      unit: '医药服务管理股',
      levels: [],
      lines: [14],
    },
  ],
};
