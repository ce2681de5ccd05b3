/**
 * Pinned expectations: the citations a careful reader records in every
 * legal-basis cell (FieldKey 'legalBasis': 实施依据 / 设定依据 / 处罚依据 /
 * 强制依据) of every item of the five seed lists, read from the source text
 * (seeds/*.txt), not from the extractor's output.
 *
 * Each item is named by its file and the 1-based line of its name. Its
 * citations are a set: order does not matter, duplicates are one.
 *
 * Conventions:
 *  - `statute` is the key the project normalises titles to (statuteTitles.ts):
 *    no 《》, no leading 中华人民共和国, half-width (), 〈〉 for inner quotes,
 *    …关于印发〈X〉的通知 keyed by X (without inner quotes the notice is kept
 *    as written), the two typos of KNOWN_TITLE_TYPOS corrected.
 *  - `article` null means the statute is cited without an article (a chapter
 *    reference such as 第五章 alone is statute-level too; 第五章第二十七条 is 27).
 *  - `paragraph` (款) / `clause` (项) only when the list gives them.
 *  - A statute cited with articles gets no extra statute-level record.
 *
 * Judgement calls are commented where they are made. General ones:
 *  - 第X条 inside the quoted wording of an article (本条例第三十八条, 依照本法…)
 *    is wording, not a citation.
 *  - 根据…《国务院关于修改部分行政法规的决定》修订 inside a version note names
 *    the amending act, not a basis.
 *  - A citation whose article number does not match its quoted wording is
 *    still recorded as written (the list says it; the cross-list comparison
 *    flags it). Such cases are marked WRONG-AS-WRITTEN below.
 */

export interface ExpectedCitation {
  statute: string;
  article: number | null;
  paragraph?: number | null;
  clause?: number | null;
}

export interface ExpectedItem {
  /** Seed file name under seeds/. */
  file: string;
  /** 1-based line of the item's name in that file. */
  line: number;
  /** Item name, for messages only. */
  name: string;
  citations: ExpectedCitation[];
}

const F0 = '000_5ac790a9ed78689f.txt';
const F1 = '001_40ae8e75de3bdc72.txt';
const F2 = '002_447b1eadcf571c88.txt';
const F3 = '003_75e85e84c1617e8e.txt';
const F4 = '004_119a4ff0c2874498.txt';

// Short names for statutes cited often.
const SBF = '社会保险法';
const JKF = '基本医疗卫生与健康促进法';
const YPF = '药品管理法';
const JGF = '价格法';
const CFF = '行政处罚法';
const QZF = '行政强制法';
const TL = '医疗保障基金使用监督管理条例';
const SJ = '社会救助暂行办法';
const JBJL = '欺诈骗取医疗保障基金行为举报奖励暂行办法';
const XJ_ZNPZ = '新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定';
const YL_ZNPZ = '伊犁哈萨克自治州医疗保障局职能配置、内设机构和人员编制规定';
const ZJ = '社会保险费征缴暂行条例';
const JHBF = '社会保险稽核办法';
const NMG = '内蒙古自治区城镇基本医疗保险条例';
const GBF_SD = '国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知';
// 004: 自治区医疗保障局《职能配置、机构设置和人员编制规定》 — only the quoted
// part is a title; the issuing body is written outside the quotes, so the key
// is the quoted text (statute-level: no article given).
const ZNPZ_004 = '职能配置、机构设置和人员编制规定';

/** Statute with articles. */
const a = (statute: string, ...articles: number[]): ExpectedCitation[] => articles.map((article) => ({ statute, article }));
/** One article with 款 / 项. */
const p = (statute: string, article: number, paragraph: number | null, clause: number | null = null): ExpectedCitation => ({
  statute,
  article,
  paragraph,
  clause,
});
/** Statute-level citations (no article). */
const s = (...statutes: string[]): ExpectedCitation[] => statutes.map((statute) => ({ statute, article: null }));

export const SEED_EXPECTATIONS: ExpectedItem[] = [
  // ------------------------------------------------------------------ 000
  { file: F0, line: 4, name: '对参加药品采购投标人的违法行为进行处罚', citations: [...a(JKF, 103), ...a(YPF, 88)] },
  {
    file: F0,
    line: 7,
    name: '对以欺诈、证明材料或者其他手段骗取医疗保险待遇的处罚',
    citations: [...a(SBF, 88), ...a(JKF, 104), ...a(TL, 41)],
  },
  {
    file: F0,
    line: 12,
    name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚',
    // 第四十条's wording mentions 本条例第三十八条: wording, not a citation.
    citations: [...a(TL, 40, 42), ...a(SJ, 68)],
  },
  {
    file: F0,
    line: 15,
    name: '医疗保险稽核',
    // 《医疗保险基金使用监督管理条例》 is the known typo for 医疗保障…条例.
    citations: [
      ...a(SBF, 31),
      ...a(TL, 11),
      ...a('医疗机构医疗保障定点管理暂行办法', 30),
      ...a('零售药店医疗保障定点管理暂行办法', 29),
      ...a(JHBF, 2, 3, 5, 12),
    ],
  },
  {
    file: F0,
    line: 19,
    name: '对公立医疗机构高值医用耗材集中采购行为的合规性监督检查',
    // Three legal-basis cells (lines 18–20, merged cells repeated); union.
    // 第三条第一款第四项: clause written without parentheses.
    citations: [...a('高值医用耗材集中采购工作规范(试行)', 42, 44), p(XJ_ZNPZ, 3, 1, 4)],
  },
  {
    file: F0,
    line: 23,
    name: '对公立医疗机构集中采购药品集中采购行为合规性的监督检查',
    citations: [...a('药品集中采购监督管理办法', 5), p(XJ_ZNPZ, 3, 1, 4)],
  },
  {
    file: F0,
    line: 28,
    name: '对医疗救助的监督检查',
    // 《国务院关于印发修改部分行政法规的决定》 sits in the revision note: not a basis.
    citations: [...a(SJ, 57), ...a(TL, 2)],
  },
  {
    file: F0,
    line: 33,
    name: '对用人单位和个人遵守社会保险法律、法规情况进行监督检查',
    // （一）（二）（三） are the article's own enumeration, not cited 项.
    citations: a(SBF, 77, 79),
  },
  {
    file: F0,
    line: 38,
    name: '对纳入基本医疗保险基金支付范围的医疗服务行为相类似的监督管理',
    citations: [...a(JKF, 87), ...a(TL, 22)],
  },
  { file: F0, line: 43, name: '药品价格进行监测和成本调查', citations: [...a(YPF, 84), ...a(TL, 22)] },
  {
    file: F0,
    line: 48,
    name: '对药品上市许可持有人…资料监督检查',
    // Cell of line 48: 《药品管理法》第八十六条 … 第二十一条 with no title between:
    // as written 第二十一条 is 药品管理法's (WRONG-AS-WRITTEN: its wording is the
    // 条例's 分工协作 article). Cells of lines 49/50 cite 条例 16 and 21.
    citations: [...a(YPF, 86, 21), ...a(TL, 16, 21)],
  },
  {
    file: F0,
    line: 53,
    name: '对举报欺诈骗取医疗保险基金行为的奖励',
    // 《欺诈骗取医疗保险基金行为举报奖励暂行办法》 is the known typo (医保发〔2018〕22号);
    // the 新疆 办法 keeps its own title (医疗保险 in its real name).
    citations: [...a(SBF, 81), ...a(JBJL, 2, 3), ...a('新疆维吾尔自治区打击欺诈骗取医疗保险基金行为举报奖励暂行办法', 2, 3)],
  },
  {
    file: F0,
    line: 56,
    name: '制定公立医疗机构医疗服务价格',
    // The notice is written with 《》 nested in 《》: still the 关于印发 notice, keyed by X.
    // The 发改发〔2021〕41号 notice is cited by quoting a sentence, no article.
    citations: [
      ...a(JGF, 2, 5, 18),
      p(XJ_ZNPZ, 4, 5),
      ...s('国家发展和改革委员会、国家医疗保障局、财政部、人力资源社会保障部、市场监管总局、国家中医药局、国家药监局关于深化医疗服务价格改革试点工作的通知'),
    ],
  },
  // ------------------------------------------------------------------ 001
  { file: F1, line: 6, name: '对用人单位不办理医疗保险和生育保险登记…的处罚', citations: a(SBF, 84) },
  {
    file: F1,
    line: 8,
    name: '对医疗保险经办机构…骗取医疗保险、生育保险基金支出的处罚',
    // 实施《中华人民共和国社会保险法》若干规定 cites the 若干规定, not the law.
    citations: [...a(SBF, 87), ...a(JKF, 104), ...a('实施〈社会保险法〉若干规定', 25)],
  },
  { file: F1, line: 11, name: '对以欺诈、伪造证明材料…骗取医疗保险、生育保险待遇的处罚', citations: [...a(SBF, 88), ...a(JKF, 104)] },
  {
    file: F1,
    line: 14,
    name: '对采取虚报、隐瞒、伪造等段，骗取医疗救助资金的处罚',
    // 根据…《国务院关于修改部分行政法规的决定》修订 is the version note.
    citations: a(SJ, 68),
  },
  { file: F1, line: 17, name: '对定点医药机构未提供合理、必要的医药服务等一般违法行为的处罚(新增)', citations: a(TL, 38) },
  { file: F1, line: 20, name: '对参加药品采购投标的投标人的违法行为进行监督管理', citations: [...a(JKF, 103), ...a(YPF, 88)] },
  {
    file: F1,
    line: 23,
    name: '对定点医药机构违反管理规定、拒绝监督检查或者提供虚假情况的行政处罚(新增)',
    citations: [p(TL, 14, 1), p(TL, 15, 2), ...a(TL, 16), p(TL, 29, 2), ...a(TL, 39)],
  },
  {
    file: F1,
    line: 26,
    name: '对隐匿、转移、侵占或者挪用医疗保障基金的行政处罚(新增)',
    citations: [p(SBF, 64, 2), p(SBF, 69, 2), ...a(SBF, 91), ...a(TL, 21, 44)],
  },
  {
    file: F1,
    line: 29,
    name: '对个人骗取医疗保障基金支出行为的处罚 (新增)',
    // 社会保险法第八十条 quotes the wording of 第八十八条: WRONG-AS-WRITTEN, recorded as 80.
    citations: [...a(SBF, 80), ...a(JKF, 104), ...a(TL, 41)],
  },
  { file: F1, line: 35, name: '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存', citations: [...a(SBF, 79), ...a(TL, 27)] },
  { file: F1, line: 40, name: '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查', citations: [p(YL_ZNPZ, 3, 4)] },
  {
    file: F1,
    line: 42,
    name: '对纳入医疗保障范围的价格违法违规行为的监督检查',
    citations: [...a(JGF, 33, 34, 35), ...a('价格违法行为行政处罚规定', 2)],
  },
  { file: F1, line: 45, name: '对医疗救助的监督检查', citations: a(SJ, 57) },
  { file: F1, line: 48, name: '对用人单位和个人遵守社会保险法律法规情况进行监督检查', citations: a(SBF, 77) },
  { file: F1, line: 51, name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用加强监督管理', citations: a(JKF, 87) },
  { file: F1, line: 54, name: '对药品价格进行监测和成本调查', citations: a(YPF, 84) },
  { file: F1, line: 57, name: '对药品上市许可持有人…资料的监督检查', citations: a(YPF, 86) },
  {
    file: F1,
    line: 60,
    name: '医疗保险稽核',
    // 《社会保险经办条例》中华人民共和国国务院令765号第四十三条: order number between title and article.
    citations: [...a(SBF, 31), ...a('社会保险经办条例', 43, 44)],
  },
  { file: F1, line: 63, name: '对公立医疗机构药品集中采购行为合规性的监督检查', citations: a('药品集中采购监督管理办法', 5) },
  { file: F1, line: 69, name: '对举报欺诈骗取医疗保障基金行为的奖励', citations: [...a(SBF, 82), ...a(JBJL, 2, 3)] },
  { file: F1, line: 74, name: '落实公立医疗机构医疗服务价格(新增)', citations: [...a(JGF, 3, 5), p(YL_ZNPZ, 3, 4)] },
  {
    file: F1,
    line: 76,
    name: '建立医疗卫生机构、人员等信用记录制度…',
    citations: [...a(JKF, 93), ...a(TL, 33)],
  },
  {
    file: F1,
    line: 82,
    name: '医疗保险参保登记(新增)',
    // 《国务院关于修改部分行政法规的决定》(国务院令710号) is cited here as a basis
    // (tagged 【行政法规】, its wording quoted), not as a revision note: statute-level.
    citations: [...a(SBF, 57), ...s('国务院关于修改部分行政法规的决定'), ...a(ZJ, 7, 9)],
  },
  // ------------------------------------------------------------------ 002
  { file: F2, line: 6, name: '对医保定点医药机构、医保经办机构、参保人骗取医保基金支出的处罚', citations: a(SBF, 87, 88) },
  {
    file: F2,
    line: 7,
    name: '对医疗救助对象救助金的给付',
    // 第五章第二十七条 → 27; 第五章医疗救助第二十五条 → 25 (chapter name between).
    citations: [...a(SJ, 27, 30), ...a('甘肃省社会救助条例', 25, 29)],
  },
  {
    file: F2,
    line: 10,
    name: '对医保基金违法违规行为提供主要事实和证据的举报人的奖励',
    // 第一章第二条 → 2. The list opens a “ after 第二条： and closes it after
    // 第九条's wording; 第五条 and 第九条 are still the list's own citations (each
    // starts a sentence with 第X条：), not wording quoted inside 第二条.
    citations: [...a(JBJL, 10, 11, 12, 13), ...a('甘肃省欺诈骗取医疗保险基金行为举报奖励实施办法(暂行)', 2, 5, 9)],
  },
  {
    file: F2,
    line: 11,
    name: '对医疗机构、药品生产经营企业在药品交易过程中发生的各种不诚信行为的监管',
    // Three documents cited with 明确规定 and a paraphrase: statute-level. The first
    // notice has no inner quotes, so it is keyed as written.
    citations: s(
      '国务院关于印发社会信用体系建设规划纲要(2014-2020年)的通知',
      '国务院办公厅关于完善公立医院药品集中采购工作的指导意见',
      '甘肃省人民政府办公厅关于完善公立医院药品集中采购工作的实施意见',
    ),
  },
  {
    file: F2,
    line: 14,
    name: '对我区非营利性医疗机构在特殊情况下使用非集中采购中标药品进行备案采购核准',
    // 3.…〈甘肃省医疗卫生机构药品备案采购管理办法〉的通知…全文: the whole document, statute-level.
    citations: [
      ...a('国家卫生部医疗机构药品集中采购工作规范', 32),
      ...s('甘肃省人民政府办公厅关于完善公立医院药品集中采购工作的实施意见', '甘肃省医疗卫生机构药品备案采购管理办法'),
    ],
  },
  // ------------------------------------------------------------------ 003 (cards: titles only)
  { file: F3, line: 7, name: '对医疗保险经办机构…骗取医疗保险基金、生育保险支出的处罚', citations: s(SBF, JKF, CFF, TL, '社会保险欺诈案件管理办法') },
  { file: F3, line: 23, name: '对以欺诈、伪造证明材料…骗取医疗保险、生育保险待遇的处罚', citations: s(SBF, JKF, '社会保险欺诈案件管理办法', CFF, TL) },
  { file: F3, line: 39, name: '对用人单位不办理医疗保险和生育保险登记…的处罚', citations: s(SBF, CFF, TL, ZJ) },
  { file: F3, line: 55, name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', citations: s(CFF, TL, SJ) },
  { file: F3, line: 71, name: '对参加药品采购投标的投标人的违法行为进行监督管理', citations: s(CFF, YPF, JKF, JGF) },
  { file: F3, line: 87, name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', citations: s(JKF, CFF, SBF, TL) },
  { file: F3, line: 104, name: '对纳入医疗保障范围的医药价格违法违规行为的查处', citations: s(JGF, CFF) },
  {
    file: F3,
    line: 121,
    name: '医疗保险稽核',
    citations: s(SBF, TL, JKF, '医疗机构医疗保障定点管理暂行办法', '零售药店医疗保障定点管理暂行办法'),
  },
  { file: F3, line: 138, name: '对药品、医用耗材价格进行监测和成本调查', citations: s(JKF, YPF, JGF) },
  { file: F3, line: 155, name: '对药品上市许可持有人…资料的监督检查', citations: s(YPF, JGF, JKF, GBF_SD) },
  {
    file: F3,
    line: 172,
    name: '对公立医疗机构高值医用耗材集中采购行为合规性的监督检查',
    citations: s('高值医用耗材集中采购工作规范(试行)', GBF_SD, '吉林省治理高值医用耗材实施方案'),
  },
  { file: F3, line: 189, name: '对公立医疗机构药品集中采购行为合规性的监督检查', citations: s(JKF, GBF_SD, '药品集中采购监督管理办法') },
  {
    file: F3,
    line: 206,
    name: '对用人单位和个人遵守社会保险法律、法规情况的监督检查',
    // 《基金监管使用监督管理条例》 is probably a garbled 医疗保障基金使用监督管理条例,
    // but no statute has exactly this title and the project corrects only known
    // exact typos: recorded as written.
    citations: s(SBF, '基金监管使用监督管理条例'),
  },
  { file: F3, line: 223, name: '对医疗救助的监督检查', citations: s(TL, SJ) },
  { file: F3, line: 240, name: '对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存', citations: s(SBF, JGF, QZF, TL) },
  { file: F3, line: 256, name: '建立定点医疗机构、人员等信用记录制度…', citations: s(JKF, TL) },
  // ------------------------------------------------------------------ 004
  {
    file: F4,
    line: 6,
    name: '对社会(医疗和生育)保险基金的收支、管理和投资运营情况的监督检查',
    // "…修正)七十九条": the 第 is missing right after the version note; still article 79.
    citations: a(SBF, 79),
  },
  {
    file: F4,
    line: 7,
    name: '对签订服务协议的医疗机构、零售药店的监督管理',
    // 内蒙古…条例 is a 地方性法规 tagged 【行政法规】; the tag does not change the citation.
    citations: [...a(SBF, 31, 87, 88), ...a(NMG, 49)],
  },
  {
    file: F4,
    line: 9,
    name: '对社会（医疗和生育）保险费缴纳情况和社会（医疗和生育）保险待遇领取情况的监督检查',
    citations: [...a(SBF, 77), ...a(ZJ, 5), p(ZJ, 18, 1), ...a(JHBF, 3, 5)],
  },
  { file: F4, line: 10, name: '对可能被转移、隐匿或者灭失的资料予以封存（医疗保险和生育保险）', citations: [p(SBF, 79, 1)] },
  {
    file: F4,
    line: 12,
    name: '对用人单位不办理医疗保险登记的行政处罚',
    citations: [...a(SBF, 84, 86), ...a(NMG, 55), ...a('社会保险费征缴监督检查办法', 12)],
  },
  { file: F4, line: 15, name: '对骗取医疗保障基金的行政处罚', citations: [...a(SBF, 87, 88), ...a(NMG, 54)] },
  { file: F4, line: 16, name: '对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理', citations: a(JKF, 87) },
  { file: F4, line: 17, name: '对医疗救助的监督检查', citations: a(SJ, 57) },
  { file: F4, line: 18, name: '对采取虚报、隐瞒、伪造等手段，骗取医疗救助基金的处罚', citations: a(SJ, 68) },
  {
    file: F4,
    line: 20,
    name: '对药品、医用耗材价格进行监测和成本调查',
    // 基本医疗卫生与健康促进法第一百零三条 here is about 投标 (WRONG-AS-WRITTEN for
    // this item's subject, but it is the list's citation).
    citations: [...a(JKF, 103), ...a(YPF, 86), ...s(ZNPZ_004)],
  },
  {
    file: F4,
    line: 21,
    name: '对药品上市许可持有人…资料的监督检查',
    citations: [...a(YPF, 86), ...a(JGF, 35), ...s(ZNPZ_004)],
  },
  { file: F4, line: 23, name: '对参加药品采购投标的投标人的违法行为进行监督管理', citations: a(JKF, 103) },
  {
    file: F4,
    line: 24,
    name: '对公立医疗机构药品和高值医用耗材集中采购行为合规性的监督检查',
    // 六、…（三） are sections of the 意见/方案, not articles: statute-level.
    // The 治理高值医用耗材改革方案 notice has no inner quotes: keyed as written.
    citations: s('国务院办公厅关于完善公立医院药品集中采购工作的指导意见', '国务院办公厅关于印发治理高值医用耗材改革方案的通知', ZNPZ_004),
  },
  { file: F4, line: 26, name: '建立医疗卫生机构、人员等信用记录制度…', citations: a(JKF, 93) },
];

/** Key of one citation for set comparison. */
export function citationKey(c: { statute: string; article: number | null; paragraph?: number | null; clause?: number | null }): string {
  return `${c.statute}|${c.article ?? '-'}|${c.paragraph ?? '-'}|${c.clause ?? '-'}`;
}
