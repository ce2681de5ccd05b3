/**
 * Chinese and Arabic numerals as lists write article numbers (第一百零三条,
 * 第15条, 第１５条). Pure functions, no I/O.
 *
 * The parser is strict on purpose: a string it cannot read unambiguously is
 * null, never a guess. Colloquial abbreviations such as 一百三 (130? 103?) are
 * rejected because a wrong article number is worse than none.
 */

/** Regex source (no anchors, no flags) for one run of numeral characters. */
export const ARTICLE_NUMERAL = '[0-9０-９零〇一二两三四五六七八九十百千万]+';

const NUMERAL_CHAR = /[0-9０-９零〇一二两三四五六七八九十百千万]/;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** True when `ch` (one UTF-16 unit) can be part of an article numeral. */
export function isNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && NUMERAL_CHAR.test(ch);
}

/** Full-width digits ０-９ → ASCII; other characters unchanged. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a numeral, or null when `input` is not one number.
 * Accepts Arabic digits (half- or full-width), standard Chinese numerals below
 * 一亿 (十, 十五, 二十, 一百零三, 一百一十, 一千零三十, 三万五千, 两百), the
 * unambiguous 一百十 (= 110), and digit-by-digit forms such as 二〇一九.
 */
export function parseChineseNumber(input: string): number | null {
  const s = input.trim();
  if (s === '') return null;
  if (/^[0-9０-９]+$/.test(s)) return Number(toHalfWidthDigits(s));
  if (s === '零' || s === '〇') return 0;
  // Digit-by-digit (years, codes): only when no unit character is present.
  if (/^[零〇一二三四五六七八九]{2,}$/.test(s)) {
    if (s[0] === '零' || s[0] === '〇') return null;
    let n = 0;
    for (const ch of s) n = n * 10 + DIGITS[ch];
    return n;
  }
  const wan = s.split('万');
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const high = parseSection(wan[0]);
    if (high === null || high === 0) return null;
    // 一万零三: the 零 only marks the gap below 万.
    const lowText = wan[1].replace(/^[零〇]/, '');
    const low = lowText === '' ? 0 : parseSection(lowText);
    if (low === null) return null;
    return high * 10000 + low;
  }
  return parseSection(s);
}

/** A numeral below 10000 written with 十/百/千, or a single digit. */
function parseSection(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      const d = DIGITS[ch];
      if (d === 0) {
        // 零 only fills a gap after a unit (一百零三); 三零 or a leading 零 is not a number.
        if (pending !== null || lastUnit === Infinity || afterZero) return null;
        afterZero = true;
        continue;
      }
      if (pending !== null) return null;
      pending = d;
    } else if (ch in UNITS) {
      const u = UNITS[ch];
      if (u >= lastUnit) return null;
      let d = pending;
      if (d === null) {
        // 十 and 一百十 are idiomatic; a bare 百 or 千 is not.
        if (u !== 10) return null;
        d = 1;
      }
      total += d * u;
      lastUnit = u;
      pending = null;
      afterZero = false;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    // The trailing digit is a unit digit only after 十, after 零, or on its own.
    if (lastUnit === Infinity || lastUnit === 10 || afterZero) return total + pending;
    return null;
  }
  if (afterZero) return null;
  return total;
}

const DIGIT_CHARS = '零一二三四五六七八九';
const SECTION_UNITS: readonly [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];

/**
 * The standard Chinese numeral for an integer 1..9999, as statutes number
 * their articles: 十 (not 一十) at the head, 零 once per gap (一百零三,
 * 一千零一, 一千零一十), 一百一十 inside. The inverse of parseChineseNumber on
 * that range. Throws a RangeError outside it or for a non-integer: an article
 * label is never guessed.
 */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`toChineseNumber: ${n} is not an integer in 1..9999`);
  }
  let out = '';
  let rest = n;
  let gap = false;
  for (const [unit, name] of SECTION_UNITS) {
    const d = Math.floor(rest / unit);
    rest %= unit;
    if (d === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    // 十五, not 一十五, when 十 leads the number.
    out += unit === 10 && d === 1 && out === '' ? name : DIGIT_CHARS[d] + name;
  }
  if (rest > 0) out += (gap ? '零' : '') + DIGIT_CHARS[rest];
  return out;
}

/** The label of an article: 87 → 第八十七条, 103 → 第一百零三条 (1..9999). */
export function formatArticleLabel(n: number): string {
  return `第${toChineseNumber(n)}条`;
}
