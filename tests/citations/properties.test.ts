/**
 * Property tests of extractCitations (fast-check, seeded): over strings that
 * mix real seed legal-basis fragments, random CJK/ASCII/punctuation, 《》〈〉【】
 * （）() brackets, Chinese and Arabic numerals, 第/条/款/项/章 and truncations,
 *  - extraction never throws;
 *  - every record's start/end lie within the text and text.slice(start, end)
 *    is the record's text;
 *  - every article number is read from the record's own span: some numeral
 *    run in record.text parses to it, or it lies in a range written there
 *    (四十二至四十七, 第四十二条至第四十七条).
 */
import fc from 'fast-check';
import { extractCitations } from '../../src/domain/citations';
import { ARTICLE_NUMERAL, parseChineseNumber } from '../../src/domain/numerals';
import type { CitationRecord } from '../../src/domain/records';
import { legalBasisTexts, seedFiles, seedItems } from './seedItems';

const SEED = 20261124;
fc.configureGlobal({ seed: SEED });

// ---------------------------------------------------------------------------
// Invariants

const NUMERAL_RUN = new RegExp(ARTICLE_NUMERAL, 'g');
const RANGE = new RegExp(`(${ARTICLE_NUMERAL})[条條]?[至到~～－—-]第?(${ARTICLE_NUMERAL})`, 'g');

/** Whether `article` is written in `span` (a numeral run, or inside a written range). */
export function articleWrittenIn(span: string, article: number): boolean {
  for (const m of span.matchAll(NUMERAL_RUN)) if (parseChineseNumber(m[0]) === article) return true;
  for (const m of span.matchAll(RANGE)) {
    const from = parseChineseNumber(m[1]);
    const to = parseChineseNumber(m[2]);
    if (from !== null && to !== null && from <= article && article <= to) return true;
  }
  return false;
}

/** Problems with the records of `text`, or [] when every invariant holds. */
function violations(text: string, records: CitationRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    const where = `${JSON.stringify(r.text)} [${r.start},${r.end})`;
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length)) {
      out.push(`offsets out of text (length ${text.length}): ${where}`);
      continue;
    }
    if (text.slice(r.start, r.end) !== r.text) out.push(`text.slice(start,end) is ${JSON.stringify(text.slice(r.start, r.end))}, record says ${where}`);
    if (r.field !== 'legalBasis') out.push(`field ${r.field} at ${where}`);
    if (r.article !== null) {
      if (!Number.isInteger(r.article) || r.article <= 0) out.push(`article ${r.article} at ${where}`);
      else if (!articleWrittenIn(r.text, r.article)) out.push(`article ${r.article} not written in its span ${where}`);
    } else if (r.paragraph !== null || r.clause !== null) {
      out.push(`款/项 without an article at ${where}`);
    }
  }
  return out;
}

function check(text: string): void {
  let records: CitationRecord[];
  try {
    records = extractCitations(text, 'legalBasis');
  } catch (e) {
    throw new Error(`extractCitations threw on ${JSON.stringify(text)}: ${String(e)}`);
  }
  const v = violations(text, records);
  if (v.length) throw new Error(`on ${JSON.stringify(text)}:\n  ${v.join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// Generators

const SEED_CELLS: string[] = seedFiles().flatMap((f) => seedItems(f).flatMap(legalBasisTexts));

const DIGIT = '零一二三四五六七八九';

/** Standard Chinese numeral for 1..99999 (十五, 一百零三, 一千零三十, 三万五千). */
export function chineseNumeral(n: number): string {
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    return `${chineseNumeral(high)}万${low === 0 ? '' : (low < 1000 ? '零' : '') + chineseNumeral(low)}`;
  }
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let s = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && s) s += '零';
    zero = false;
    s += (d === 1 && unit === '十' && i === 0 ? '' : DIGIT[d]) + unit;
  });
  return s;
}

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const numeral = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map(chineseNumeral),
  fc.integer({ min: 1, max: 99999 }).map(chineseNumeral),
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.integer({ min: 0, max: 999 }).map((n) => fullWidth(String(n))),
  fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万'), minLength: 1, maxLength: 6 }),
);

const TITLES = [
  '中华人民共和国社会保险法',
  '社会保险法',
  '基本医疗卫生与健康促进法',
  '医疗保险基金使用监督管理条例',
  '社会救助暂行办法',
  '高值医用耗材集中采购工作规范（试行）',
  '关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知',
  '行政处罚决定书',
  '【法律】中华人民共和国行政处罚法',
];

const rangeMark = fc.constantFrom('至', '到', '~', '～', '－', '—', '-', '条至第', '、', '、第');
const subdivision = fc.oneof(
  fc.constant(''),
  numeral.map((n) => `第${n}款`),
  fc.tuple(numeral, fc.constantFrom(['（', '）'], ['(', ')'], ['', ''])).map(([n, [o, c]]) => `第${o}${n}${c}项`),
);
/** A reference shaped as lists write them, possibly broken: 第X条, 第X至Y条, 第X、Y条第N款, 第五章…. */
const reference = fc
  .tuple(
    fc.constantFrom('第', '第', ''),
    numeral,
    fc.option(fc.tuple(rangeMark, numeral), { nil: undefined }),
    fc.constantFrom('条', '条', '條', '章', ''),
    subdivision,
    subdivision,
  )
  .map(([di, a, more, unit, s1, s2]) => `${di}${a}${more ? more[0] + more[1] : ''}${unit}${s1}${s2}`);
/** A title, maybe a trailer, then references. */
const citation = fc
  .tuple(
    fc.constantFrom(...TITLES),
    fc.constantFrom('', '(2018年12月29日修改)', '（国务院令第735号）', '中华人民共和国国务院令765号', '：', ' '),
    fc.array(reference, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('：', '；', '。', ' ', '\n'),
  )
  .map(([t, trailer, refs, sep]) => `《${t}》${trailer}${refs.join(sep)}`);

const token: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: citation, weight: 4 },
  { arbitrary: reference, weight: 3 },
  { arbitrary: fc.constantFrom(...'第第第条条款项章之、，。；：:;,.（）()《》〈〉【】[]“”"  \n-至到~'), weight: 6 },
  { arbitrary: numeral, weight: 5 },
  { arbitrary: fc.constantFrom(...TITLES).map((t) => `《${t}》`), weight: 2 },
  { arbitrary: fc.constantFrom(...TITLES), weight: 1 },
  { arbitrary: fc.constantFrom('【法律】', '【行政法规】', '【法规】', '【部门规章】', '【规范性文件】', '[规章]', '1.', '2、', '（3）'), weight: 2 },
  { arbitrary: fc.constantFrom('(2018年12月29日修改)', '（国务院令第735号）', '国办发〔2019〕2号', '中华人民共和国国务院令765号', '根据', '修订', '实施', '若干规定', '本法', '依照', '第五章医疗救助'), weight: 2 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 4 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 4 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 2 }), weight: 1 },
  { arbitrary: fc.constantFrom(...SEED_CELLS).chain((c) => fc.tuple(fc.nat(c.length), fc.nat(80)).map(([i, n]) => c.slice(i, i + n))), weight: 3 },
);

const mixed = fc.array(token, { maxLength: 40 }).map((ts) => ts.join(''));

/** A real seed cell, cut at both ends. */
const truncatedCell = fc
  .constantFrom(...SEED_CELLS)
  .chain((c) => fc.tuple(fc.constant(c), fc.nat(c.length), fc.nat(c.length)))
  .map(([c, i, j]) => c.slice(Math.min(i, j), Math.max(i, j)));

/** A real seed cell with generated tokens spliced in. */
const splicedCell = fc
  .tuple(fc.constantFrom(...SEED_CELLS), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), token), { maxLength: 6 }))
  .map(([c, inserts]) => {
    let s = c;
    for (const [at, t] of inserts) {
      const i = Math.floor(at * s.length);
      s = s.slice(0, i) + t + s.slice(i);
    }
    return s;
  });

// ---------------------------------------------------------------------------

describe('helpers', () => {
  it('chineseNumeral writes what parseChineseNumber reads', () => {
    expect(chineseNumeral(103)).toBe('一百零三');
    expect(chineseNumeral(15)).toBe('十五');
    expect(chineseNumeral(1030)).toBe('一千零三十');
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999 }), (n) => parseChineseNumber(chineseNumeral(n)) === n), { numRuns: 500 });
  });
  it('articleWrittenIn reads runs and ranges', () => {
    expect(articleWrittenIn('第四十二至四十七条', 45)).toBe(true);
    expect(articleWrittenIn('第四十二条至第四十七条', 47)).toBe(true);
    expect(articleWrittenIn('第四十二条', 43)).toBe(false);
  });
});

describe('extractCitations properties (seed 20261124)', () => {
  it('holds on the seed cells themselves', () => {
    for (const c of SEED_CELLS) check(c);
  });

  it('holds on mixed fragments, numerals, brackets and punctuation', () => {
    fc.assert(fc.property(mixed, (t) => check(t)), { numRuns: 3000 });
  });

  it('holds on truncated seed cells', () => {
    fc.assert(fc.property(truncatedCell, (t) => check(t)), { numRuns: 1000 });
  });

  // Found by the mixed-fragments property with fast-check seed 1 (and 4, 5, 6,
  // 10, 11); the pinned seed does not reach it, so it is kept as an example.
  // 第一条至第零条 records article 0: the 条至第 range path skips the n > 0 check.
  it('never records article 0 (counterexample: 第１条至第零条)', () => {
    check('《中华人民共和国社会保险法》第１条至第零条第（0）项');
  });

  it('holds on seed cells with tokens spliced in', () => {
    fc.assert(fc.property(splicedCell, (t) => check(t)), { numRuns: 1000 });
  });
});
