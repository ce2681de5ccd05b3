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
  return similarityOfNormalised(normaliseQuote(a), normaliseQuote(b));
}

function similarityOfNormalised(x: string, y: string): number {
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

/**
 * Lists copy the same few wordings thousands of times: every comparison is
 * made once per pair of distinct normalised texts, never per pair of quotes
 * (a statute cited 100,000 times nationally has a few hundred wordings).
 */
class Wordings {
  private readonly norms = new Map<string, string>();
  private readonly sims = new Map<string, number>();

  constructor(private readonly onCompare?: () => void) {}

  norm(quoted: string): string {
    let n = this.norms.get(quoted);
    if (n === undefined) this.norms.set(quoted, (n = normaliseQuote(quoted)));
    return n;
  }

  sim(x: string, y: string): number {
    const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
    let v = this.sims.get(key);
    if (v === undefined) {
      this.onCompare?.();
      this.sims.set(key, (v = similarityOfNormalised(x, y)));
    }
    return v;
  }
}

function groupQuotes(quotes: QuoteInput[], w: Wordings): QuoteGroup[] {
  const groups: (QuoteGroup & { key: string })[] = [];
  // A wording joins the group its first occurrence joined: groups are only appended and their keys never change.
  const groupOf = new Map<string, QuoteGroup & { key: string }>();
  for (const q of quotes) {
    if (!q.quoted) continue;
    const n = w.norm(q.quoted);
    if (n.length < MIN_QUOTE) continue;
    let g = groupOf.get(n);
    if (!g) {
      g = groups.find((x) => w.sim(x.key, n) >= SAME_WORDING);
      if (!g) groups.push((g = { key: n, text: q.quoted.trim(), count: 0, citationIds: [] }));
      groupOf.set(n, g);
    }
    g.count++;
    g.citationIds.push(q.citationId);
  }
  return groups.sort((a, b) => b.count - a.count).map(({ text, count, citationIds }) => ({ text, count, citationIds }));
}

export interface StatuteAnalysis {
  articles: Map<number, ArticleConsensus>;
  suspects: SuspectCitation[];
}

/** A distinct wording among one article's quotes, and the items giving it. */
interface Wording {
  norm: string;
  items: Set<string>;
}

/** The items of `items` other than `item`: whether there is one, and how many. */
const others = (items: Set<string>, item: string) => items.size - (items.has(item) ? 1 : 0);

/** Consensus wording per article of one statute, and the citations whose quote belongs to another article. */
export function analyseStatute(quotes: readonly QuoteInput[], options: { onCompare?: () => void } = {}): StatuteAnalysis {
  const w = new Wordings(options.onCompare);
  const byArticle = new Map<number, QuoteInput[]>();
  for (const q of quotes) (byArticle.get(q.article) ?? byArticle.set(q.article, []).get(q.article)!).push(q);
  const articles = new Map<number, ArticleConsensus>();
  // Per article, its distinct wordings: all of them (support for another article's quote) and those long enough to say something (its own support).
  const wordings = new Map<number, { all: Wording[]; long: Wording[] }>();
  for (const [article, qs] of byArticle) {
    const groups = groupQuotes(qs, w);
    articles.set(article, { article, text: groups[0]?.text ?? null, quotes: groups });
    const byNorm = new Map<string, Wording>();
    for (const q of qs) {
      if (!q.quoted) continue;
      const n = w.norm(q.quoted);
      (byNorm.get(n) ?? byNorm.set(n, { norm: n, items: new Set() }).get(n)!).items.add(q.itemId);
    }
    const all = [...byNorm.values()];
    wordings.set(article, { all, long: all.filter((x) => x.norm.length >= MIN_QUOTE) });
  }

  // For each (article, wording) quoted, per other article in the order first cited: its wordings close enough to count
  // (best first) and the items giving any of them.
  type Support = { article: number; items: Set<string>; close: { items: Set<string>; score: number }[] };
  const supportOf = new Map<string, Support[]>();
  const supportFor = (article: number, n: string): Support[] => {
    const key = `${article}\u0000${n}`;
    let support = supportOf.get(key);
    if (!support) {
      support = [];
      for (const [other, ws] of wordings) {
        if (other === article) continue;
        const close = ws.all.map((x) => ({ items: x.items, score: w.sim(n, x.norm) })).filter((x) => x.score >= MATCHES_OTHER);
        if (!close.length) continue;
        const items = new Set<string>();
        for (const x of close) for (const i of x.items) items.add(i);
        support.push({ article: other, items, close: close.sort((a, b) => b.score - a.score) });
      }
      supportOf.set(key, support);
    }
    return support;
  };

  const suspects: SuspectCitation[] = [];
  for (const q of quotes) {
    if (!q.quoted) continue;
    const n = w.norm(q.quoted);
    if (n.length < MIN_QUOTE) continue;
    // Its own article's support: quotes of other items for the same article.
    let ownScore: number | null = null;
    for (const x of wordings.get(q.article)!.long) if (others(x.items, q.itemId) > 0) ownScore = Math.max(ownScore ?? 0, w.sim(n, x.norm));
    // Another article's wording only counts when other items (two at least) agree on it; ties go to the article first cited.
    let best: { article: number; score: number } | null = null;
    for (const s of supportFor(q.article, n)) {
      if (others(s.items, q.itemId) < 2) continue;
      const score = s.close.find((x) => others(x.items, q.itemId) > 0)!.score;
      if (!best || score > best.score) best = { article: s.article, score };
    }
    if (best && (ownScore === null || best.score >= ownScore + MARGIN)) {
      suspects.push({ citationId: q.citationId, article: q.article, likelyArticle: best.article, score: round(best.score), ownScore: ownScore === null ? null : round(ownScore) });
    }
  }
  return { articles, suspects };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
