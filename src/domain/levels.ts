/**
 * Jurisdiction levels. Lists name levels in their per-level rows
 * (自治区级 / 地州市级 / 县市级 / 县市区医疗保障局 …); those designate a level,
 * not a place.
 */
import { normaliseWidth } from './width';

export const LEVEL_KINDS = ['PROVINCE', 'PREFECTURE', 'COUNTY'] as const;
export type LevelKind = (typeof LEVEL_KINDS)[number];

/** Level of a GB/T 2260 code: ..0000 province, ....00 prefecture, otherwise county. */
export function levelOfCode(code: string): LevelKind {
  if (!/^\d{6}$/.test(code)) throw new Error(`not a GB/T 2260 code: ${code}`);
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'PREFECTURE';
  return 'COUNTY';
}

const LEVEL_WORDS: readonly [RegExp, LevelKind][] = [
  [/^(自治区|省|直辖市)(级|本级)?/, 'PROVINCE'],
  [/^(地州市|地州|州市|地市|市州|地级市|自治州|地区|盟)(级)?/, 'PREFECTURE'],
  // Bare 市/州 are too ambiguous on their own (市 is also a county-level city); only "市级", "州级".
  [/^(市|州)(级)/, 'PREFECTURE'],
  [/^(县市区|县区|县市|区县|县级市|县|市辖区|旗)(级)?/, 'COUNTY'],
  [/^(区)(级)/, 'COUNTY'],
];

/**
 * The level a per-level row names ("地州市级", "县市区医疗保障局", "县区级"),
 * or null when the text is not a level designation (a place name, say).
 */
export function parseLevelDesignation(text: string | null | undefined): LevelKind | null {
  if (!text) return null;
  // "县（市、区）级", "地（州、市）级" are the bracketed spellings of 县市区级 / 地州市级.
  // "各地州市医疗保障局" (each prefecture's bureau) still names one level; "各级…" names every level and stays null.
  const t = normaliseWidth(text).replace(/\s+/g, '').replace(/[（）()、，,]/g, '').replace(/^各(?!级)/, '');
  for (const [re, kind] of LEVEL_WORDS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    // "地州市级", "县市区医疗保障局", "县区级": a level word then nothing or a generic body.
    if (rest === '' || /^(级)?(本级)?(的)?([\u4e00-\u9fa5]{0,8}(局|部门|机构|委员会|单位))?$/.test(rest)) {
      if (m[2] || rest === '' || /(局|部门|机构|委员会|单位)$/.test(rest) || m[0].length >= 2) return kind;
    }
  }
  return null;
}

const DEPTH: Record<LevelKind, number> = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 };

/** Levels strictly below `level`, top down. */
export function levelsBelow(level: LevelKind): LevelKind[] {
  return LEVEL_KINDS.filter((k) => DEPTH[k] > DEPTH[level]);
}

/**
 * The levels an exercising body names when it names several at once:
 * "各级医疗保障行政部门" → every level; "县级以上人民政府医疗保障行政部门" → county
 * and above; "设区的市级以上…" → prefecture and above. Null for a body that
 * names one department ("自治区医疗保障局") or one level ("地州市医疗保障局").
 */
export function levelsNamedByBody(text: string | null | undefined): LevelKind[] | null {
  if (!text) return null;
  const t = normaliseWidth(text).replace(/\s+/g, '');
  if (/^各级/.test(t)) return [...LEVEL_KINDS];
  const above = /^(县|县级|设区的市|地市|市|地州市|省|自治区)(级)?以上/.exec(t);
  if (above) {
    const floor: LevelKind = /^县/.test(above[1]) ? 'COUNTY' : /^(省|自治区)/.test(above[1]) ? 'PROVINCE' : 'PREFECTURE';
    return LEVEL_KINDS.filter((k) => DEPTH[k] <= DEPTH[floor]);
  }
  return null;
}
