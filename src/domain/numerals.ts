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
