import fs from 'node:fs';
import path from 'node:path';
import { analyseStatute, normaliseQuote, similarity, type QuoteInput } from '../../src/domain/articleText';
import { parseDocument } from '../../src/ingest';

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
