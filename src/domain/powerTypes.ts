/**
 * The ten statutory kinds of administrative power (权力类型). Lists write them
 * in several ways (行政监督检查 for 行政检查, 其他行政职权 for 其他行政权力) and
 * combine them ("行政检查和行政处罚"); the text as written is always kept beside
 * the normalised value.
 */
import { normaliseWidth } from './width';

export const POWER_TYPES = [
  'LICENSING',
  'PUNISHMENT',
  'COERCION',
  'LEVY',
  'BENEFIT',
  'INSPECTION',
  'CONFIRMATION',
  'REWARD',
  'ADJUDICATION',
  'OTHER',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];

/** Chinese name of each power type as the statutes write it. */
export const POWER_TYPE_NAMES: Readonly<Record<PowerType, string>> = {
  LICENSING: '行政许可',
  PUNISHMENT: '行政处罚',
  COERCION: '行政强制',
  LEVY: '行政征收',
  BENEFIT: '行政给付',
  INSPECTION: '行政检查',
  CONFIRMATION: '行政确认',
  REWARD: '行政奖励',
  ADJUDICATION: '行政裁决',
  OTHER: '其他行政权力',
};

// Longest spellings first so 行政监督检查 is not read as something shorter.
const SPELLINGS: readonly [string, PowerType][] = (
  [
    ['其他行政权力', 'OTHER'],
    ['其他行政职权', 'OTHER'],
    // 权利 for 权力 is a common typo in published lists (权利类型 for 权力类型 too).
    ['其他行政权利', 'OTHER'],
    ['其他权力', 'OTHER'],
    ['其他职权', 'OTHER'],
    ['行政监督检查', 'INSPECTION'],
    ['行政许可', 'LICENSING'],
    ['行政处罚', 'PUNISHMENT'],
    ['行政强制', 'COERCION'],
    ['行政征收', 'LEVY'],
    ['行政征用', 'LEVY'],
    ['行政给付', 'BENEFIT'],
    ['行政检查', 'INSPECTION'],
    ['行政确认', 'CONFIRMATION'],
    ['行政奖励', 'REWARD'],
    ['行政裁决', 'ADJUDICATION'],
  ] as [string, PowerType][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Every power type named in `text`, in order of appearance, without duplicates.
 * "行政检查和行政处罚" → [INSPECTION, PUNISHMENT]. Unknown text → [].
 */
export function parsePowerTypes(text: string | null | undefined): PowerType[] {
  if (!text) return [];
  let rest = normaliseWidth(text).replace(/\s+/g, '');
  const found: { at: number; type: PowerType }[] = [];
  for (const [spelling, type] of SPELLINGS) {
    let at = rest.indexOf(spelling);
    while (at >= 0) {
      found.push({ at, type });
      // Blank out the match so a shorter spelling cannot match inside it.
      rest = rest.slice(0, at) + '\u0000'.repeat(spelling.length) + rest.slice(at + spelling.length);
      at = rest.indexOf(spelling, at + spelling.length);
    }
  }
  const out: PowerType[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (!out.includes(f.type)) out.push(f.type);
  return out;
}

/** True when the whole of `text` is a power type (or a combination), not prose that mentions one. */
export function isPowerTypeCell(text: string): boolean {
  const t = normaliseWidth(text).replace(/\s+/g, '');
  if (!t || t.length > 24) return false;
  const types = parsePowerTypes(t);
  if (types.length === 0) return false;
  let rest = t;
  for (const [spelling] of SPELLINGS) rest = rest.split(spelling).join('');
  return /^[和及、,，/与;；]*$/.test(rest);
}
