import fs from 'node:fs';
import path from 'node:path';
import { analyseStatute, normaliseQuote, similarity, type QuoteInput } from '../../src/domain/articleText';
import { parseDocument } from '../../src/ingest';
import fc from 'fast-check';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');

/** Every legal-basis citation with an article in the seeds, grouped by statute. */
function seedQuotes(): Map<string, QuoteInput[]> {
  const byStatute = new Map<string, QuoteInput[]>();
  for (const file of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    parseDocument(fs.readFileSync(path.join(SEEDS, file)), { fileName: file }).items.forEach((item, i) => {
      item.citations.forEach((c, k) => {
        if (c.article === null || c.field !== 'legalBasis') return;
        const list = byStatute.get(c.statuteTitle) ?? byStatute.set(c.statuteTitle, []).get(c.statuteTitle)!;
        list.push({ citationId: `${file}#${i}#${k}`, itemId: `${file}#${i}`, article: c.article, quoted: c.quoted });
      });
    });
  }
  return byStatute;
}

describe('comparing quotes', () => {
  it('ignores punctuation, spacing and width', () => {
    expect(normaliseQuote('以欺诈、伪造证明材料, 骗取（社会保险）待遇的；')).toBe('以欺诈伪造证明材料骗取社会保险待遇的');
    expect(similarity('骗取社会保险待遇的，由社会保险行政部门责令退回', '骗取社会保险待遇的,由社会保险行政部门责令退回')).toBe(1);
    expect(similarity('骗取社会保险待遇的', '对医疗机构执业活动的监督检查')).toBeLessThan(0.2);
  });
});

describe('what the seeds quote for each article', () => {
  const byStatute = seedQuotes();
  const social = analyseStatute(byStatute.get('社会保险法')!);

  it('finds one wording for 社会保险法第八十八条, given by every list that quotes it', () => {
    const a88 = social.articles.get(88)!;
    expect(normaliseQuote(a88.text!)).toMatch(/^以欺诈伪造证明材料或者其他手段骗取社会保险待遇的由社会保险行政部门责令退回/);
    expect(a88.quotes[0].count).toBeGreaterThanOrEqual(4);
  });

  it('flags the county list citing 第八十条 with the words of 第八十八条, naming 第八十八条', () => {
    const s = social.suspects.find((x) => x.article === 80);
    expect(s).toMatchObject({ likelyArticle: 88 });
    expect(s!.citationId).toMatch(/^001_/);
    expect(s!.score).toBeGreaterThan(0.9);
  });

  it('in the legal-basis fields alone flags nothing else: agreeing quotes are not suspects', () => {
    const all = [...byStatute.values()].flatMap((qs) => analyseStatute(qs).suspects);
    expect(all.map((s) => `${s.article}→${s.likelyArticle}`)).toEqual(['80→88']);
  });

  it('needs two other items agreeing before it calls a wording another article\'s', () => {
    const q = (id: string, item: string, article: number, quoted: string): QuoteInput => ({ citationId: id, itemId: item, article, quoted });
    const words = '以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金';
    expect(analyseStatute([q('a', 'i1', 80, words), q('b', 'i2', 88, words)]).suspects).toEqual([]);
    expect(analyseStatute([q('a', 'i1', 80, words), q('b', 'i2', 88, words), q('c', 'i3', 88, words)]).suspects).toEqual([
      { citationId: 'a', article: 80, likelyArticle: 88, score: 1, ownScore: null },
    ]);
  });
});

/** The analysis as first written, quote by quote (quadratic): the oracle the faster one must agree with. */
function naiveAnalysis(quotes: readonly QuoteInput[]) {
  const MIN = 12;
  const long = (t: string | null): t is string => !!t && normaliseQuote(t).length >= MIN;
  const byArticle = new Map<number, QuoteInput[]>();
  for (const q of quotes) (byArticle.get(q.article) ?? byArticle.set(q.article, []).get(q.article)!).push(q);
  const articles = new Map<number, { text: string | null; quotes: { text: string; count: number; citationIds: string[] }[] }>();
  for (const [article, qs] of byArticle) {
    const groups: { key: string; text: string; count: number; citationIds: string[] }[] = [];
    for (const q of qs) {
      if (!long(q.quoted)) continue;
      const g = groups.find((x) => similarity(x.key, q.quoted!) >= 0.85);
      if (g) {
        g.count++;
        g.citationIds.push(q.citationId);
      } else groups.push({ key: q.quoted, text: q.quoted.trim(), count: 1, citationIds: [q.citationId] });
    }
    const sorted = groups.sort((a, b) => b.count - a.count).map(({ text, count, citationIds }) => ({ text, count, citationIds }));
    articles.set(article, { text: sorted[0]?.text ?? null, quotes: sorted });
  }
  const suspects = [];
  for (const q of quotes) {
    if (!long(q.quoted)) continue;
    const own = byArticle.get(q.article)!.filter((o) => o.itemId !== q.itemId && long(o.quoted));
    const ownScore = own.length ? Math.max(...own.map((o) => similarity(q.quoted!, o.quoted!))) : null;
    let best: { article: number; score: number } | null = null;
    for (const [article, qs] of byArticle) {
      if (article === q.article) continue;
      const support = qs.filter((o) => o.itemId !== q.itemId && o.quoted && similarity(q.quoted!, o.quoted) >= 0.8);
      if (new Set(support.map((o) => o.itemId)).size < 2) continue;
      const score = Math.max(...support.map((o) => similarity(q.quoted!, o.quoted!)));
      if (!best || score > best.score) best = { article, score };
    }
    const round = (n: number) => Math.round(n * 1000) / 1000;
    if (best && (ownScore === null || best.score >= ownScore + 0.2)) {
      suspects.push({ citationId: q.citationId, article: q.article, likelyArticle: best.article, score: round(best.score), ownScore: ownScore === null ? null : round(ownScore) });
    }
  }
  return { articles, suspects };
}

describe('the analysis at national scale', () => {
  const WORDINGS = [
    '以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金',
    '用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正',
    '社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈手段骗取社会保险基金支出的',
    '医疗机构执业，必须遵守有关法律、法规和医疗技术规范',
    '略',
  ];
  // A wording as lists copy it: punctuation and width changed, now and then a character dropped or a few appended.
  const variant = fc.tuple(fc.nat(WORDINGS.length - 1), fc.constantFrom('', 'drop', 'width', 'tail', 'punct')).map(([i, how]) => {
    const t = WORDINGS[i];
    if (how === 'drop') return t.slice(0, 5) + t.slice(6);
    if (how === 'width') return t.replace(/，/g, ',');
    if (how === 'tail') return `${t}，处骗取金额二倍以上五倍以下的罚款`;
    if (how === 'punct') return t.replace(/[，、]/g, ' ');
    return t;
  });
  const quote = fc.record({ item: fc.nat(7), article: fc.constantFrom(80, 84, 86, 88), quoted: fc.option(variant, { freq: 6 }) });

  it('gives exactly what the quote-by-quote analysis gives (seeded)', () => {
    fc.assert(
      fc.property(fc.array(quote, { maxLength: 40 }), (qs) => {
        const input: QuoteInput[] = qs.map((q, k) => ({ citationId: `c${k}`, itemId: `i${q.item}`, article: q.article, quoted: q.quoted }));
        const fast = analyseStatute(input);
        const slow = naiveAnalysis(input);
        expect(fast.suspects).toEqual(slow.suspects);
        expect([...fast.articles.entries()].map(([a, c]) => [a, c.text, c.quotes])).toEqual([...slow.articles.entries()].map(([a, c]) => [a, c.text, c.quotes]));
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('reads 100,000 quotes of a few wordings without comparing them pairwise', () => {
    const input: QuoteInput[] = Array.from({ length: 100_000 }, (_, k) => ({ citationId: `c${k}`, itemId: `i${k % 5000}`, article: [80, 84, 86, 88][k % 4], quoted: WORDINGS[k % 3] }));
    let compared = 0;
    const analysis = analyseStatute(input, { onCompare: () => compared++ });
    expect(analysis.articles.get(88)!.quotes.reduce((n, g) => n + g.count, 0)).toBe(25_000);
    // Three distinct wordings: a handful of comparisons, not 10^10.
    expect(compared).toBeLessThan(100);
  });
});
