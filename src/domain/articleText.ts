/**
 * What the lists quote for each article of a statute, and which citations
 * quote the wrong one. Pure: citations in, consensus and suspects out.
 *
 * Lists copy article wording with small differences (punctuation, width,
 * a character dropped), so quotes are compared after normalising and grouped
 * by similarity, not equality. Across many lists the wording given for one
 * article is usually the same; a citation whose quote matches another
 * article's consensus much better than the other quotes of its own article is
 * suspect (a county list citing 社会保险法第八十条 with the words of 第八十八条).
 */

export interface QuoteInput {
  citationId: string;
  /** The citing item: quotes of one item do not count as support for one another. */
  itemId: string;
  article: number;
  quoted: string | null;
}

export interface QuoteGroup {
  /** The quote as first written. */
  text: string;
  count: number;
  citationIds: string[];
}

export interface ArticleConsensus {
  article: number;
  /** Wording given by the largest group of quotes (ties: the earliest); null when no citation quotes it. */
  text: string | null;
  /** Distinct quotes, most common first. */
  quotes: QuoteGroup[];
}

export interface SuspectCitation {
  citationId: string;
  article: number;
  /** The article whose consensus the quote matches. */
  likelyArticle: number;
  /** Similarity (0–1) of the quote to the likely article's consensus, and to its own article's other quotes (null: none). */
  score: number;
  ownScore: number | null;
}

/** Letters, digits and CJK only, width folded: what is left when punctuation and spacing differ. */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams of the normalised texts (0 to 1). */
export function similarity(a: string, b: string): number {
  const x = normaliseQuote(a);
  const y = normaliseQuote(b);
  if (x === y) return x.length ? 1 : 0;
  if (x.length < 2 || y.length < 2) return 0;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const [g, n] of bx) common += Math.min(n, by.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Quotes this close are one wording. */
const SAME_WORDING = 0.85;
/** A quote this close to another article's consensus may be that article's wording… */
const MATCHES_OTHER = 0.8;
/** …if it is this much closer to it than to its own article's other quotes. */
const MARGIN = 0.2;
// Short quotes ("略", "全文") say nothing about which article they are.
const MIN_QUOTE = 12;

function groupQuotes(quotes: QuoteInput[]): QuoteGroup[] {
  const groups: (QuoteGroup & { key: string })[] = [];
  for (const q of quotes) {
    if (!q.quoted || normaliseQuote(q.quoted).length < MIN_QUOTE) continue;
    const g = groups.find((x) => similarity(x.key, q.quoted!) >= SAME_WORDING);
    if (g) {
      g.count++;
      g.citationIds.push(q.citationId);
    } else groups.push({ key: q.quoted, text: q.quoted.trim(), count: 1, citationIds: [q.citationId] });
  }
  return groups.sort((a, b) => b.count - a.count).map(({ text, count, citationIds }) => ({ text, count, citationIds }));
}

export interface StatuteAnalysis {
  articles: Map<number, ArticleConsensus>;
  suspects: SuspectCitation[];
}

/** Consensus wording per article of one statute, and the citations whose quote belongs to another article. */
export function analyseStatute(quotes: readonly QuoteInput[]): StatuteAnalysis {
  const byArticle = new Map<number, QuoteInput[]>();
  for (const q of quotes) (byArticle.get(q.article) ?? byArticle.set(q.article, []).get(q.article)!).push(q);
  const articles = new Map<number, ArticleConsensus>();
  for (const [article, qs] of byArticle) {
    const groups = groupQuotes(qs);
    articles.set(article, { article, text: groups[0]?.text ?? null, quotes: groups });
  }

  const suspects: SuspectCitation[] = [];
  for (const q of quotes) {
    if (!q.quoted || normaliseQuote(q.quoted).length < MIN_QUOTE) continue;
    // Its own article's support: quotes of other items for the same article.
    const own = byArticle.get(q.article)!.filter((o) => o.itemId !== q.itemId && o.quoted && normaliseQuote(o.quoted).length >= MIN_QUOTE);
    const ownScore = own.length ? Math.max(...own.map((o) => similarity(q.quoted!, o.quoted!))) : null;
    let best: { article: number; score: number } | null = null;
    for (const [article, qs] of byArticle) {
      if (article === q.article) continue;
      // Another article's wording only counts when other items agree on it.
      const support = qs.filter((o) => o.itemId !== q.itemId && o.quoted && similarity(q.quoted!, o.quoted) >= MATCHES_OTHER);
      const items = new Set(support.map((o) => o.itemId));
      if (items.size < 2) continue;
      const score = Math.max(...support.map((o) => similarity(q.quoted!, o.quoted!)));
      if (!best || score > best.score) best = { article, score };
    }
    if (best && (ownScore === null || best.score >= ownScore + MARGIN)) {
      suspects.push({ citationId: q.citationId, article: q.article, likelyArticle: best.article, score: round(best.score), ownScore: ownScore === null ? null : round(ownScore) });
    }
  }
  return { articles, suspects };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
