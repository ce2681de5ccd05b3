/**
 * Spreadsheet numbers as a reader sees them. A cell stores 1 or 43831; the
 * list shows "1" and "2020-01-01". Only what lists use is rendered: General,
 * fixed decimals, thousands separators, percent, scientific and dates (as
 * ISO text, whatever the date pattern); other patterns fall back to General.
 */

/** Excel's built-in number formats that matter here (ECMA-376 18.8.30; 27–36 and 50–58 are dates in zh-CN). */
const BUILTIN: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm', 37: '#,##0', 38: '#,##0', 39: '#,##0.00', 40: '#,##0.00',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss', 48: '0.0E+0', 49: '@',
};
for (let id = 27; id <= 36; id++) (BUILTIN as Record<number, string>)[id] = 'yyyy-mm-dd';
for (let id = 50; id <= 58; id++) (BUILTIN as Record<number, string>)[id] = 'yyyy-mm-dd';

export function builtinFormat(id: number): string | null {
  return BUILTIN[id] ?? null;
}

/** Shortest text that shows the number, without float noise (0.1+0.2 → "0.3"), like General. */
export function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v === 0 ? 0 : v);
  return String(Number(v.toPrecision(15)));
}

/** The first section of a pattern with quoted text, escapes, fills and [colour] brackets removed. */
function bareSection(pattern: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ';') break;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const close = pattern.indexOf(']', i);
      if (close < 0) break;
      i = close;
    } else out += ch;
  }
  return out;
}

export function isDatePattern(pattern: string): boolean {
  const bare = bareSection(pattern).toLowerCase();
  return bare !== 'general' && /[ymdhs]/.test(bare.replace(/e[+-]/g, ''));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A serial date as ISO text: "2020-01-01", "2020-01-01 08:30", "08:30:15".
 * 1900 system: day 1 is 1900-01-01 and Excel's fictitious 1900-02-29 is day 60.
 */
export function serialToText(serial: number, pattern: string, date1904: boolean): string {
  const bare = bareSection(pattern).toLowerCase();
  const hasTime = /[hs]/.test(bare);
  const hasDate = /[yd]/.test(bare) || (/m/.test(bare) && !hasTime);
  let days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  // Excel counts a fictitious 1900-02-29 (serial 60): serials before it are one day ahead of the 1899-12-30 base.
  if (!date1904 && days < 60) days += 1;
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86400000 + seconds * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${/s/.test(bare) ? `:${pad(d.getUTCSeconds())}` : ''}`;
  if (hasDate && hasTime) return `${date} ${time}`;
  return hasTime ? time : date;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A number as its cell's pattern shows it. */
export function formatNumber(v: number, pattern: string | null, date1904: boolean): string {
  if (!Number.isFinite(v)) return String(v);
  if (pattern === null) return generalNumber(v);
  const bare = bareSection(pattern);
  if (bare === '' || /^general$/i.test(bare) || bare === '@') return generalNumber(v);
  if (isDatePattern(pattern)) return serialToText(v, pattern, date1904);
  if (!/[0#?]/.test(bare)) return generalNumber(v);
  // Excel shows at most 30 decimal places; a longer pattern (a damaged or hand-made file)
  // must not reach toFixed/toExponential, which throw a RangeError beyond 100.
  const decimals = Math.min(30, /\.([0#?]+)/.exec(bare)?.[1].length ?? 0);
  if (/e[+-]/i.test(bare)) {
    const [mantissa, exp] = v.toExponential(decimals).split('e');
    return `${mantissa}E${Number(exp) < 0 ? '-' : '+'}${pad(Math.abs(Number(exp)))}`;
  }
  const percent = bare.includes('%');
  const n = percent ? v * 100 : v;
  let text = Math.abs(n).toFixed(decimals);
  if (/[0#?],[0#?]/.test(bare)) {
    const [i, f] = text.split('.');
    text = f === undefined ? group(i) : `${group(i)}.${f}`;
  }
  return `${n < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : ''}${text}${percent ? '%' : ''}`;
}
