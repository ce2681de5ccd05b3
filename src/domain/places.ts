/**
 * Resolving place names in list text to GB/T 2260 divisions. Pure: the
 * divisions come in as data (from the gazetteer package), nothing is read here.
 *
 * A department name begins with its place ("尼勒克县医疗保障局", the short
 * "尼勒克医疗保障局"); a bare level word ("自治区医疗保障局") names only a level,
 * and the rest of the document must say which one. A name shared by several
 * places is settled by context or left unresolved — never guessed.
 */
import type { LevelKind } from './levels';

export interface Division {
  code: string;
  name: string;
  level: LevelKind;
  parentCode: string | null;
}

// The 55 minority nationalities, as they appear inside 自治区/州/县/旗 names
// (维吾尔, 哈萨克 without 族; 回族, 藏族 with it).
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

function stripNationalities(s: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of NATIONALITIES) {
      // One-character names (回, 藏 …) only with 族, or they would eat place names.
      const forms = n.length > 1 ? [`${n}族`, n] : [`${n}族`];
      const f = forms.find((x) => s.endsWith(x) && s.length - x.length >= 2);
      if (f) {
        s = s.slice(0, -f.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/**
 * Common short names of a division: 新疆维吾尔自治区 → 新疆; 伊犁哈萨克自治州 →
 * 伊犁, 伊犁州; 尼勒克县 → 尼勒克; 通化市 → 通化. Never shorter than two characters.
 */
export function shortNames(d: Pick<Division, 'name' | 'level'>): string[] {
  const out = new Set<string>();
  const n = d.name;
  const auto = /^(.+?)自治(区|州|县|旗)$/.exec(n);
  if (auto) {
    const base = stripNationalities(auto[1]);
    out.add(base);
    if (auto[2] === '州') out.add(`${base}州`);
  } else {
    const m = /^(.+?)(特别行政区|省|市|县|区|旗|地区|盟|林区|特区)$/.exec(n);
    if (m) out.add(m[1]);
  }
  return [...out].filter((s) => s.length >= 2 && s !== n);
}

/**
 * The one short name people write for a division, or null when it has none:
 * 新疆, 伊犁州 (an autonomous prefecture keeps 州), 尼勒克, 通化.
 */
export function commonShortName(d: Pick<Division, 'name' | 'level'>): string | null {
  const names = shortNames(d);
  return names.find((s) => s.endsWith('州') && d.name.endsWith('自治州')) ?? names[0] ?? null;
}

export interface PlaceIndex {
  byCode: Map<string, Division>;
  /** Full and short names → divisions bearing them. */
  byName: Map<string, Division[]>;
  /** Name lengths present, longest first, for longest-match scans. */
  lengths: number[];
  /**
   * Full names of three characters or more (shorter ones are too common as
   * words) by their first two characters, longest first: finding mentions is
   * then one lookup per position of the text.
   */
  byPrefix: Map<string, { name: string; divisions: Division[] }[]>;
}

export function buildPlaceIndex(divisions: Iterable<Division>): PlaceIndex {
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const add = (name: string, d: Division) => {
    const list = byName.get(name) ?? byName.set(name, []).get(name)!;
    if (!list.includes(d)) list.push(d);
  };
  for (const d of divisions) {
    byCode.set(d.code, d);
    add(d.name, d);
    for (const s of shortNames(d)) add(s, d);
  }
  const lengths = [...new Set([...byName.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const fullNames = new Map<string, Division[]>();
  for (const d of byCode.values()) if (d.name.length >= 3) (fullNames.get(d.name) ?? fullNames.set(d.name, []).get(d.name)!).push(d);
  const byPrefix = new Map<string, { name: string; divisions: Division[] }[]>();
  for (const [name, divisions] of fullNames) (byPrefix.get(name.slice(0, 2)) ?? byPrefix.set(name.slice(0, 2), []).get(name.slice(0, 2))!).push({ name, divisions });
  for (const list of byPrefix.values()) list.sort((a, b) => b.name.length - a.name.length);
  return { byCode, byName, lengths, byPrefix };
}

/** The place name a text begins with (longest match), with every division it may name. */
export function leadingPlace(text: string, index: PlaceIndex): { name: string; divisions: Division[] } | null {
  const t = text.replace(/\s+/g, '');
  for (const len of index.lengths) {
    if (len > t.length) continue;
    const name = t.slice(0, len);
    const divisions = index.byName.get(name);
    if (divisions) return { name, divisions };
  }
  return null;
}

export function isAncestor(ancestorCode: string, code: string, index: PlaceIndex): boolean {
  for (let d = index.byCode.get(code); d?.parentCode; d = index.byCode.get(d.parentCode)) if (d.parentCode === ancestorCode) return true;
  return false;
}

// A department named only by its level: "自治区医疗保障局", "省医疗保障局", "市医保局".
const LEVEL_ONLY = /^(自治区|省|直辖市|自治州|州|地区|盟|市|县|区|旗)(?=[\u4e00-\u9fa5]{2,}(局|厅|委员会|委|办公室|中心|部门|政府))/;

function levelOfWord(word: string): { level: LevelKind; suffix: string } | null {
  if (['自治区', '省', '直辖市'].includes(word)) return { level: 'PROVINCE', suffix: word === '直辖市' ? '市' : word };
  if (['自治州', '州', '地区', '盟'].includes(word)) return { level: 'PREFECTURE', suffix: word === '州' ? '自治州' : word };
  return null; // 市, 县, 区 are too ambiguous to name a level on their own.
}

/** Every division whose full name occurs in the text (names of three characters or more). */
export function mentionedPlaces(text: string, index: PlaceIndex): Set<string> {
  const codes = new Set<string>();
  // The longest full name at each position, found through its first two characters.
  for (let i = 0; i < text.length - 2; i++) {
    const candidates = index.byPrefix.get(text.substr(i, 2));
    if (!candidates) continue;
    const hit = candidates.find((c) => text.startsWith(c.name, i));
    if (!hit) continue;
    for (const d of hit.divisions) codes.add(d.code);
    i += hit.name.length - 1;
  }
  return codes;
}

export interface PlaceEvidence {
  /** Names that should begin with the place: department, title, section headings, exercising bodies. */
  names: string[];
  /** The rest of the document's text, for context. */
  text: string;
}

export type Inference =
  | { code: string; name: string; evidence: string }
  | { code: null; candidates: string[]; reason: string };

/**
 * Which jurisdiction a list belongs to. Votes from names that begin with a
 * place; a level-only name ("自治区医疗保障局") counts for the single place of
 * that kind the document mentions; ties and shared names are settled by
 * places mentioned elsewhere in the document, or left unresolved.
 */
export function inferJurisdiction(ev: PlaceEvidence, index: PlaceIndex): Inference {
  let mentioned: Set<string> | null = null;
  const context = () => (mentioned ??= mentionedPlaces(`${ev.names.join('\n')}\n${ev.text}`, index));
  const votes = new Map<string, { n: number; why: string }>();
  const ambiguous: string[][] = [];
  const vote = (code: string, why: string) => {
    const v = votes.get(code);
    if (v) v.n++;
    else votes.set(code, { n: 1, why });
  };

  for (const raw of ev.names) {
    const name = raw.replace(/\s+/g, '');
    if (!name) continue;
    const lead = leadingPlace(name, index);
    if (lead) {
      if (lead.divisions.length === 1) {
        vote(lead.divisions[0].code, `"${raw}" begins with ${lead.name}`);
      } else {
        // Shared name: keep those whose ancestor the document mentions.
        const ancestorIn = (d: Division) => [...context()].find((c) => isAncestor(c, d.code, index));
        const inContext = lead.divisions.filter((d) => ancestorIn(d) !== undefined);
        if (inContext.length === 1) vote(inContext[0].code, `"${raw}" begins with ${lead.name}, and the document names ${index.byCode.get(ancestorIn(inContext[0])!)!.name}`);
        else ambiguous.push(lead.divisions.map((d) => d.code));
      }
      continue;
    }
    const lw = LEVEL_ONLY.exec(name);
    const kind = lw ? levelOfWord(lw[1]) : null;
    if (kind) {
      const candidates = [...context()]
        .map((c) => index.byCode.get(c)!)
        .filter((d) => d.level === kind.level && d.name.endsWith(kind.suffix));
      if (candidates.length === 1) vote(candidates[0].code, `"${raw}" names a ${lw![1]}, and the document names ${candidates[0].name}`);
      else if (candidates.length > 1) ambiguous.push(candidates.map((d) => d.code));
    }
  }

  if (votes.size === 0) {
    const candidates = [...new Set(ambiguous.flat())];
    return { code: null, candidates, reason: candidates.length ? `the names fit several places (${candidates.join(', ')})` : 'no place name found in the department, title, headings or bodies' };
  }
  const ranked = [...votes].sort((a, b) => b[1].n - a[1].n);
  // Votes for a place and for its ancestors agree (a county list naming its prefecture); the most specific wins.
  const top = ranked[0];
  const specific = ranked.filter(([c]) => c === top[0] || isAncestor(top[0], c, index) || isAncestor(c, top[0], index));
  if (specific.length === ranked.length) {
    const deepest = specific.sort((a, b) => depth(b[0], index) - depth(a[0], index) || b[1].n - a[1].n)[0];
    return { code: deepest[0], name: index.byCode.get(deepest[0])!.name, evidence: deepest[1].why };
  }
  if (ranked.length > 1 && ranked[1][1].n === top[1].n) {
    return { code: null, candidates: ranked.map(([c]) => c), reason: `the names point to different places (${ranked.map(([c]) => index.byCode.get(c)!.name).join(', ')})` };
  }
  return { code: top[0], name: index.byCode.get(top[0])!.name, evidence: `${top[1].why} (${top[1].n} of ${ranked.reduce((s, [, v]) => s + v.n, 0)} names agree)` };
}

function depth(code: string, index: PlaceIndex): number {
  let n = 0;
  for (let d = index.byCode.get(code); d?.parentCode; d = index.byCode.get(d.parentCode)) n++;
  return n;
}

/** A department name split into its place (codes it may name, or a bare level word) and its organ ("医疗保障局"). */
export function splitDepartment(name: string, index: PlaceIndex): { codes: string[]; levelWord: string | null; organ: string } {
  const t = name.replace(/\s+/g, '');
  const lead = leadingPlace(t, index);
  if (lead) return { codes: lead.divisions.map((d) => d.code), levelWord: null, organ: t.slice(lead.name.length) };
  const lw = LEVEL_ONLY.exec(t);
  if (lw) return { codes: [], levelWord: lw[1], organ: t.slice(lw[1].length) };
  return { codes: [], levelWord: null, organ: t };
}

/**
 * Whether two names can be the same department: the same organ, and places
 * that can be one (尼勒克医疗保障局 / 尼勒克县医疗保障局; 自治区医疗保障局 /
 * 新疆维吾尔自治区医疗保障局).
 */
export function departmentsAgree(a: string, b: string, index: PlaceIndex): boolean {
  const x = splitDepartment(a, index);
  const y = splitDepartment(b, index);
  if (x.organ !== y.organ) return false;
  if (x.codes.length && y.codes.length) return x.codes.some((c) => y.codes.includes(c));
  const fits = (codes: string[], word: string | null) => {
    if (!word || !codes.length) return true;
    const kind = levelOfWord(word);
    return !kind || codes.some((c) => { const d = index.byCode.get(c)!; return d.level === kind.level && d.name.endsWith(kind.suffix); });
  };
  return fits(x.codes, y.levelWord) && fits(y.codes, x.levelWord) && (x.levelWord === null || y.levelWord === null || x.levelWord === y.levelWord);
}
