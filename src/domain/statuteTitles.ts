/**
 * Statute titles: one canonical key per law whatever the form it is written
 * in, whether a 《》 title is a statute (or normative document) at all, and the
 * category a list tags it with. Pure functions, no I/O.
 *
 * Canonical title (the key `normaliseStatuteTitle(..).title` returns):
 *  - no 《》, no whitespace, no category tag written inside the quotes
 *    (《【法律】中华人民共和国行政处罚法》 occurs);
 *  - full-width （）［］ and full-width digits/letters → half-width, so
 *    (试行) and （试行） are one key; 〔〕 (document numbers) are kept;
 *  - nested quotes 《》, <> inside a title → 〈〉;
 *  - the leading 中华人民共和国 removed, also right after an inner 〈, so
 *    《中华人民共和国社会保险法》 and 《社会保险法》 are one law, keyed 社会保险法
 *    (the short form is what most lists write and what people search for);
 *  - a notice that only publishes a named document, …关于印发〈X〉的通知, is
 *    keyed by X: lists cite the same 办法 both ways. Without inner quotes
 *    (国务院关于印发社会信用体系建设规划纲要(2014-2020年)的通知) the notice is
 *    kept as written, since where X begins is then a guess;
 *  - a short table of known typos, applied only to an exact canonical match.
 *    Nothing else is corrected: no fuzzy matching.
 */

export interface NormalisedTitle {
  /** Canonical key (see above). */
  title: string;
  /** True when the key comes from the typo table rather than from the text. */
  corrected: boolean;
  /** The input, unchanged. */
  asWritten: string;
}

/**
 * Known misspellings → the statute's real title (both canonical keys).
 * Only entries where exactly one real statute fits and the seed lists show it.
 */
export const KNOWN_TITLE_TYPOS: ReadonlyMap<string, string> = new Map([
  // 国务院令第735号 is 医疗保障基金使用监督管理条例; no 医疗保险… 条例 exists.
  ['医疗保险基金使用监督管理条例', '医疗保障基金使用监督管理条例'],
  // 医保发〔2018〕22号 is cited under both spellings in the seed lists; the
  // document itself (and its 关于印发 notice) says 医疗保障基金.
  ['欺诈骗取医疗保险基金行为举报奖励暂行办法', '欺诈骗取医疗保障基金行为举报奖励暂行办法'],
]);

const PRC = '中华人民共和国';
const LEADING_TAG = /^[【\[［][^】\]］]{1,10}[】\]］]/;

/** Whitespace removed, full-width brackets/digits/letters → half-width. */
function unifyForms(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/［/g, '[')
    .replace(/］/g, ']')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Remove one enclosing 《…》, tolerating a missing half. */
function stripOuterQuotes(s: string): string {
  let t = s;
  if (t.startsWith('《')) t = t.slice(1);
  if (t.endsWith('》')) t = t.slice(0, -1);
  return t;
}

/** The title cleaned of quotes, whitespace, tag and width differences, nothing more. */
function cleanTitle(asWritten: string): string {
  let t = stripOuterQuotes(unifyForms(asWritten));
  t = t.replace(LEADING_TAG, '');
  return t.replace(/[《<]/g, '〈').replace(/[》>]/g, '〉');
}

/** …关于印发〈X〉的通知 → X; anything else unchanged. */
function unwrapPublishingNotice(t: string): string {
  const m = /^.*?关于印发〈(.+)〉的通知$/.exec(t);
  return m ? m[1] : t;
}

/** One canonical key per statute (see the module comment for the rules). */
export function normaliseStatuteTitle(asWritten: string): NormalisedTitle {
  let t = unwrapPublishingNotice(cleanTitle(asWritten));
  if (t.startsWith(PRC) && t.length > PRC.length) t = t.slice(PRC.length);
  t = t.split(`〈${PRC}`).join('〈');
  const fixed = KNOWN_TITLE_TYPOS.get(t);
  if (fixed !== undefined) return { title: fixed, corrected: true, asWritten };
  return { title: t, corrected: false, asWritten };
}

// Documents that are filled in or issued per case, not rules: 决定书, 告知书,
// 登记表, 清单, 许可证, 检查笔录 ….
const FORM_SUFFIX = /(书|表|单|证|卡|笔录|回执|台账|凭证|存根|票据|报告|记录|方法)$/;
// Statutes and normative documents. 基准 (行政处罚裁量基准) is included: a
// 裁量基准 is a published normative document that binds how a power is used,
// so lists cite it as a basis. 标准 and 目录 likewise.
const STATUTE_SUFFIX =
  /(法|法典|条例|办法|规定|规则|细则|决定|决议|意见|通知|通告|公告|规范|方案|纲要|规划|准则|基准|标准|解释|批复|目录|章程)$/;

/**
 * Whether a 《》 title names a statute or normative document (true) or a form,
 * a document issued per case, or something else (false). Decided on the
 * title's ending after dropping trailing parentheses such as (试行).
 */
export function isStatuteTitle(title: string): boolean {
  let t = cleanTitle(title);
  while (/\([^()]*\)$/.test(t)) t = t.replace(/\([^()]*\)$/, '');
  if (t.length < 2) return false;
  if (FORM_SUFFIX.test(t)) return false;
  const m = STATUTE_SUFFIX.exec(t);
  return m !== null && m.index > 0;
}

export type StatuteCategory = '法律' | '行政法规' | '地方性法规' | '规章' | '规范性文件';

const CATEGORY_BY_TAG: Readonly<Record<string, StatuteCategory>> = {
  法律: '法律',
  行政法规: '行政法规',
  // Lists write 【法规】 for State Council regulations (医疗保障基金使用监督管理条例, 社会救助暂行办法).
  法规: '行政法规',
  地方性法规: '地方性法规',
  规章: '规章',
  部门规章: '规章',
  政府规章: '规章',
  地方政府规章: '规章',
  规范性文件: '规范性文件',
};

/**
 * The category a tag such as 【法律】, [部门规章] or 规范性文件 names, or null
 * when the tag is not a category. Reads the tag only: a wrong tag (lists tag
 * some 地方性法规 as 【行政法规】) is returned as tagged.
 */
export function statuteCategory(tag: string): StatuteCategory | null {
  const t = tag.replace(/[\s\u3000【】\[\]［］〔〕:：]/g, '');
  return CATEGORY_BY_TAG[t] ?? null;
}

const PROVINCE_PREFIX =
  /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/;
const LOCAL_PREFIX = /^[\u4e00-\u9fff]{2,10}?(自治州|自治县|地区|盟)|^[\u4e00-\u9fff]{2,4}[市县]/;
const NORMATIVE_SUFFIX = /(通知|意见|方案|纲要|规划|规范|基准|标准|公告|通告|批复|目录)$/;
// A document issued as such (关于…的通知/意见/方案), whoever issued it.
const ISSUED_DOCUMENT = /关于.+的(通知|意见|指导意见|实施意见|方案|实施方案|函|批复)$/;
// A State Council department named at the head of a title: 国家医疗保障局, 卫生部,
// 人力资源和社会保障部, 国家卫生健康委员会, 国家发展改革委 ….
// Ministries are listed (a generic …部 would take 医疗机构内部… for an issuer);
// 国家…局/委员会/委/署 are safe as a pattern.
const DEPARTMENT_ISSUER =
  /^(国家[\u4e00-\u9fff]{1,14}?(总局|局|委员会|委|署)|(卫生|财政|民政|人力资源和社会保障|劳动和社会保障|劳动|商务|公安|司法|审计|教育|农业|农业农村|人事)(部|署)|国家卫生计生委|国家发展改革委|国家医保局)/;
const RULE_SUFFIX = /(办法|规定|规范|细则|规则)$/;

/** Category a document number implies, or null. See inferCategoryFromTitle. */
function categoryFromDocumentNumber(doc: string): StatuteCategory | null {
  const d = unifyForms(doc).replace(/^中华人民共和国/, '');
  if (/^国务院令/.test(d)) return '行政法规';
  if (/^主席令/.test(d)) return '法律';
  if (/常务委员会公告/.test(d)) {
    if (/全国人民代表大会/.test(d)) return '法律';
    return PROVINCE_PREFIX.test(d) || LOCAL_PREFIX.test(d) ? '地方性法规' : null;
  }
  if (/令/.test(d)) return '规章';
  if (/[〔\[]\d{4}[〕\]]|\(\d{4}\)/.test(d)) return '规范性文件';
  return null;
}

/**
 * A GUESS at a statute's category from its title and, when the list gives
 * one, its document number; never stored as if a list had said it (compare
 * with the tag through categoriesConflict). Null when unsure. First rule
 * that applies wins:
 *  1. not a statute title (forms), or a party regulation (中国共产党…) → null;
 *  2. the document number, which names how the text was issued:
 *     国务院令 → 行政法规; 主席令 → 法律; a 人大常委会公告 → 地方性法规 (a
 *     province's or city's) or 法律 (全国人民代表大会); any other 令
 *     (部令, 局令 — 劳动和社会保障部令第3号) → 规章; a 〔year〕 number
 *     (国办发〔2019〕2号, 卫规财发〔2012〕86号, 医保发〔2018〕22号) → 规范性文件,
 *     since rules are promulgated by 令 and 〔〕-numbered files are documents;
 *  3. …法 (not 办法/方法) → 法律 (中华人民共和国… or the short form);
 *  4. 关于…的通知/意见/方案 (an issued document, whoever issued it) → 规范性文件;
 *  5. a place first (内蒙古自治区…, 吉林省…, 新疆维吾尔自治区…, …市…, …州…):
 *     条例 → 地方性法规; 办法/规定/细则/规则 → 规章 (a local government's);
 *     通知/意见/方案/规范 … → 规范性文件; otherwise null;
 *  6. 国务院 as issuer (not 国务院办公厅), 条例/办法/规定 → 行政法规;
 *  7. …条例 with no place → 行政法规;
 *  8. a department first (国家医疗保障局, 卫生部, 财政部 …) and
 *     办法/规定/规范/细则 → 规章;
 *  9. 通知, 意见, 方案, 规范, 基准 … with no issuer → 规范性文件;
 *  10. otherwise (…办法, …规定, …决定 without issuer) → null: they are
 *     行政法规, 规章 or 规范性文件 alike, and the title does not say which.
 */
export function inferCategoryFromTitle(title: string, documentNumber?: string | null): StatuteCategory | null {
  const stripParens = (x: string): string => {
    let t = x;
    while (/\([^()]*\)$/.test(t)) t = t.replace(/\([^()]*\)$/, '');
    return t;
  };
  const t = stripParens(normaliseStatuteTitle(title).title);
  // The title as written, issuer kept (关于印发〈X〉的通知 is not unwrapped).
  let whole = stripParens(cleanTitle(title));
  if (whole.startsWith(PRC) && whole.length > PRC.length) whole = whole.slice(PRC.length);
  if (!isStatuteTitle(t)) return null;
  if (t.startsWith('中国共产党') || whole.startsWith('中国共产党')) return null;

  if (documentNumber) {
    const byNumber = categoryFromDocumentNumber(documentNumber);
    if (byNumber !== null) return byNumber;
  }
  if (/法$/.test(t) && !/(办法|方法)$/.test(t)) return '法律';
  if (ISSUED_DOCUMENT.test(whole)) return '规范性文件';

  const local = PROVINCE_PREFIX.test(t) || LOCAL_PREFIX.test(t);
  if (local) {
    if (/条例$/.test(t)) return '地方性法规';
    if (RULE_SUFFIX.test(t) && !/规范$/.test(t)) return '规章';
    return NORMATIVE_SUFFIX.test(t) ? '规范性文件' : null;
  }
  if (/^国务院(?!办公厅)/.test(whole) && /(条例|办法|规定)$/.test(t)) return '行政法规';
  if (/条例$/.test(t)) return '行政法规';
  if (DEPARTMENT_ISSUER.test(t) && RULE_SUFFIX.test(t)) return '规章';
  if (NORMATIVE_SUFFIX.test(t)) return '规范性文件';
  return null;
}

/**
 * Whether a list's tag and the inferred category disagree: both known and
 * different. Tags are read through statuteCategory, so 【法规】 counts as
 * 行政法规 and 部门规章 / 政府规章 as 规章; a value that names no category is
 * unknown, never a conflict.
 */
export function categoriesConflict(tag: string | null, inferred: string | null): boolean {
  if (tag === null || inferred === null) return false;
  const a = statuteCategory(tag);
  const b = statuteCategory(inferred);
  return a !== null && b !== null && a !== b;
}

/**
 * The one known title that `title` is a near miss of, or null. Deliberately
 * narrow: the same length (8 characters or more), one character substituted
 * (医疗保险基金… for 医疗保障基金…), and exactly one such title known.
 * Insertions and deletions are never taken for typos: 暂行办法 and 办法, or
 * 条例 and 实施条例, are different instruments.
 *
 * A substitution inside a leading place name is another place's statute, not a
 * typo: 河南省…条例 and 河北省…条例, 临汾市… and 临沧市… are both real. `placeLength`
 * gives the length (in characters) of the place name a title begins with, 0
 * if none; a difference at or before its end in either title is refused.
 */
export function nearMissOf(title: string, known: Iterable<string>, placeLength: (title: string) => number = () => 0): string | null {
  const t = [...title];
  if (t.length < 8) return null;
  const ownPlace = placeLength(title);
  let found: string | null = null;
  for (const k of known) {
    if (k === title) return null;
    const c = [...k];
    if (c.length !== t.length) continue;
    let diff = 0;
    let at = -1;
    for (let i = 0; i < c.length && diff < 2; i++) if (c[i] !== t[i]) { diff++; at = i; }
    if (diff !== 1) continue;
    if (at < Math.max(ownPlace, placeLength(k))) continue;
    if (found !== null && found !== k) return null; // two candidates: ambiguous, not resolved
    found = k;
  }
  return found;
}
