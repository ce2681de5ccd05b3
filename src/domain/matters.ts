/**
 * Matters (事项 across lists): which items of different places' lists are the
 * same power, and where such a group departs from "四级四同" (one name, type and
 * legal basis at every level). Pure functions, no I/O.
 *
 * Places name one power slightly differently ("…法律、法规情况进行监督检查" /
 * "…法律法规情况的监督检查", a dropped character, 资金/基金), so items are
 * compared, not keyed. The comparison is built from three signals:
 *
 *  - names: character-bigram Dice on the normalised name (`nameKey`). One
 *    changed or dropped character costs two or three bigrams of twenty, so
 *    typos stay near 0.9. Dice alone cannot tell "药品" from "高值医用耗材" in an
 *    otherwise identical name (0.67–0.79 in the seed lists), so the aligned difference of the two
 *    names is read as well: where both names put two or more content characters
 *    in the same place (a substitution, not an insertion), they concern
 *    different objects (DIFFERENT_OBJECT). An insertion on one side only
 *    ("伪造证明材料", "药品和高值医用耗材") is an elaboration, not a new object.
 *  - legal basis: cited articles (or, when one side gives no article numbers,
 *    statutes at half strength). Many different powers rest on the same
 *    articles (individuals and institutions cheating the fund both cite
 *    社会保险法 第八十七、八十八条), so legal basis only reinforces names that
 *    already look alike; it never makes dissimilar names a match.
 *  - power types: sharing one reinforces; sharing none is strong evidence
 *    against.
 *
 * Grouping is anchor-based (no chaining): a member joins a group only when it
 * is similar enough to the group's anchor, and never when its name names a
 * different object than a name already in the group.
 */
import type { PowerType } from './powerTypes';
import { normaliseWidth } from './width';

export interface MatterMember {
  /** Item id (unique). */
  id: string;
  listId: string;
  jurisdictionCode: string;
  /** Item name as stored. */
  name: string;
  /** 子项 name, part of what the power is. */
  subItem: string | null;
  /** Normalised power types, possibly several. */
  powerTypes: PowerType[];
  /** Ids of the articles the item cites (opaque). */
  articles: string[];
  /** Ids of the statutes the item cites (opaque). */
  statutes: string[];
}

export type EvidenceKind =
  | 'ANCHOR'
  | 'SAME_NAME'
  | 'SIMILAR_NAME'
  | 'DIFFERENT_OBJECT'
  | 'SHARED_ARTICLES'
  | 'NO_SHARED_ARTICLES'
  | 'SHARED_STATUTES'
  | 'NO_SHARED_STATUTES'
  | 'SAME_POWER_TYPE'
  | 'DIFFERENT_POWER_TYPE';

/** One signal of a comparison; `weight` is what it added to (or took from) the score. */
export interface Evidence {
  kind: EvidenceKind;
  detail: string;
  weight: number;
}

export interface Similarity {
  /** 0..1 */
  score: number;
  evidence: Evidence[];
}

/**
 * Two items are one matter at this score. Identical names score 1 (0.85 with
 * no power type in common, so a type inconsistency still shows in one group);
 * a name at Dice 0.8 passes on its own; one at 0.6–0.8 passes only when shared
 * articles and a shared type close enough of the gap (Dice 0.7 needs both in
 * full or nearly). Typo and wording variants in the seeds score 0.85–0.98; the
 * pairs that must stay apart 0.18–0.64.
 */
export const MATTER_THRESHOLD = 0.8;

// Weights. The name similarity n is the base; agreeing signals close part of
// the gap to 1 (so they matter for near names and never lift a far one past
// the threshold); disagreeing signals subtract.
const NAME_FLOOR = 0.6; // below this no other signal counts: names this far apart are different powers
const BASIS_SHARE = 0.5; // full article overlap closes half the gap
const STATUTE_FACTOR = 0.5; // statute-only overlap counts half: one statute grounds many powers
const TYPE_SHARE = 0.2; // a shared power type closes a fifth of the gap
const TYPE_PENALTY = 0.15; // no type in common: identical names still group (0.85), near ones mostly not
const OBJECT_PENALTY = 0.3; // different objects: keeps 药品 / 高值医用耗材 apart even with the same articles

// "(新增)"-style annotations lists append to names; they are not part of the power.
const ANNOTATION = /[(（【[]\s*(?:新增|调整|修改|变更|取消|删除|合并|下放|承接|保留)(?:事项)?\s*[)）】\]]/g;
const PUNCT_OR_SPACE = /[\s\p{P}\p{S}]/gu;

/** Width folded, annotations removed, whitespace dropped; punctuation kept (as written). */
function plainName(text: string): string {
  return normaliseWidth(text)
    .replace(ANNOTATION, '')
    .replace(/\s+/g, '')
    .replace(/[,;:()!?]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * The normalised name (width-normalised, whitespace and punctuation folded,
 * (新增)-style annotations removed, sub-item appended) — the key two lists
 * agree on when they name a power the same way.
 */
export function nameKey(name: string, subItem: string | null): string {
  const fold = (s: string) => plainName(s).replace(PUNCT_OR_SPACE, '');
  const sub = subItem ? fold(subItem) : '';
  return sub ? `${fold(name)}/${sub}` : fold(name);
}

/** Distinct character bigrams of a key (the key itself when it is one character). */
function bigrams(key: string): string[] {
  if (key.length < 2) return key ? [key] : [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return [...out];
}

// Characters that carry no object: a gap made of them is wording, not a different thing.
const FUNCTION_WORDS = /进行|以及|予以|加以|[的和及与或等对之并]/g;
const content = (gap: string) => gap.replace(FUNCTION_WORDS, '').length;

/**
 * The first place where both names put different content of two or more
 * characters (a substitution: "药品" / "高值医用耗材", "待遇" / "基金支出"), or
 * null. Insertions on one side and one-character changes (资金/基金, a typo)
 * are not objects. Common prefix and suffix are trimmed first, so the LCS
 * table covers only the differing middle (usually a few characters).
 * The first place means the first in `a`'s order; callers fix the order.
 */
function differentObject(a: string, b: string): [string, string] | null {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  const x = a.slice(s, a.length - e);
  const y = b.slice(s, b.length - e);
  if (content(x) < 2 || content(y) < 2) return null;
  const w = y.length + 1;
  const lcs = new Uint16Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  // Walk the alignment into gaps (x part, y part) and matched runs.
  const parts: (string | [string, string])[] = [];
  const gap = (cx: string, cy: string) => {
    const last = parts[parts.length - 1];
    if (Array.isArray(last)) (last[0] += cx), (last[1] += cy);
    else parts.push([cx, cy]);
  };
  for (let i = 0, j = 0; i < x.length || j < y.length; ) {
    if (i < x.length && j < y.length && x[i] === y[j] && lcs[i * w + j] === lcs[(i + 1) * w + j + 1] + 1) {
      const last = parts[parts.length - 1];
      if (typeof last === 'string') parts[parts.length - 1] = last + x[i];
      else parts.push(x[i]);
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) gap(x[i++], '');
    else gap('', y[j++]);
  }
  // A lone shared character between two gaps is coincidence (价格监测 / 监督检查
  // share 监), not a point where the names agree: fold it into one gap.
  for (let k = 1; k + 1 < parts.length; k++) {
    const [before, mid, after] = [parts[k - 1], parts[k], parts[k + 1]];
    if (typeof mid === 'string' && mid.length === 1 && Array.isArray(before) && Array.isArray(after)) {
      parts.splice(k - 1, 3, [before[0] + mid + after[0], before[1] + mid + after[1]]);
      k--;
    }
  }
  for (const part of parts)
    if (Array.isArray(part) && content(part[0]) >= 2 && content(part[1]) >= 2) return part;
  return null;
}

interface NameComparison {
  dice: number;
  object: [string, string] | null;
}

/** Symmetric: the pair is put in a fixed order so the LCS walk is the same both ways. */
function compareKeys(a: string, b: string, dice: number): NameComparison {
  if (a === b) return { dice: 1, object: null };
  const object = a < b ? differentObject(a, b) : differentObject(b, a)?.reverse();
  return { dice, object: (object as [string, string] | undefined) ?? null };
}

function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** |A ∩ B| of two sorted, duplicate-free arrays. */
function intersect(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; )
    if (a[i] === b[j]) (n++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  return n;
}

interface Prepared {
  m: MatterMember;
  key: string;
  types: PowerType[]; // sorted, unique
  articles: string[]; // sorted, unique
  statutes: string[]; // sorted, unique
}

function prepare(m: MatterMember): Prepared {
  return {
    m,
    key: nameKey(m.name, m.subItem),
    types: sortedSet(m.powerTypes) as PowerType[],
    articles: sortedSet(m.articles),
    statutes: sortedSet(m.statutes),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The score and, when `explain`, its evidence. The score is the sum of the
 * evidence weights, clamped to 0..1:
 *   n                                  name Dice (1 for the same nameKey)
 *   + (1−n)·0.5·overlap(articles)       when n ≥ 0.6 and both cite articles
 *     (or (1−n)·0.5·0.5·overlap(statutes) when one side gives no article numbers)
 *   + (1−n)·0.2                         when n ≥ 0.6 and a power type is shared
 *   − 0.15                              when no power type is shared
 *   − 0.3                               when the names concern different objects
 * Overlap is |A∩B| / min(|A|,|B|): a county citing a subset of the province's
 * articles agrees with it.
 */
function assess(a: Prepared, b: Prepared, name: NameComparison, explain: boolean): Similarity {
  const evidence: Evidence[] = [];
  const add = (kind: EvidenceKind, weight: number, detail: () => string) => {
    score += weight;
    if (explain) evidence.push({ kind, detail: detail(), weight });
  };
  let score = 0;
  const n = name.dice;
  if (a.key === b.key) add('SAME_NAME', 1, () => `names agree after normalising: ${a.key}`);
  else add('SIMILAR_NAME', n, () => `name similarity ${round2(n)}`);
  if (name.object) {
    const [x, y] = name.object;
    add('DIFFERENT_OBJECT', -OBJECT_PENALTY, () => `names differ in what the power concerns: ${x} / ${y}`);
  }
  const gap = 1 - n;
  const reinforce = n >= NAME_FLOOR;
  if (reinforce && a.articles.length && b.articles.length) {
    const shared = intersect(a.articles, b.articles);
    const of = Math.min(a.articles.length, b.articles.length);
    add(shared ? 'SHARED_ARTICLES' : 'NO_SHARED_ARTICLES', gap * BASIS_SHARE * (shared / of), () =>
      `${shared} of ${of} cited articles shared`,
    );
  } else if (reinforce && a.statutes.length && b.statutes.length) {
    const shared = intersect(a.statutes, b.statutes);
    const of = Math.min(a.statutes.length, b.statutes.length);
    add(shared ? 'SHARED_STATUTES' : 'NO_SHARED_STATUTES', gap * BASIS_SHARE * STATUTE_FACTOR * (shared / of), () =>
      `${shared} of ${of} cited statutes shared`,
    );
  }
  if (a.types.length && b.types.length) {
    const shared = a.types.filter((t) => b.types.includes(t));
    if (shared.length === 0)
      add('DIFFERENT_POWER_TYPE', -TYPE_PENALTY, () => `no power type in common: ${a.types.join('+')} / ${b.types.join('+')}`);
    else if (reinforce) add('SAME_POWER_TYPE', gap * TYPE_SHARE, () => `both are ${shared.join('+')}`);
  }
  return { score: Math.min(1, Math.max(0, score)), evidence };
}

function dice(x: readonly string[], y: readonly string[]): number {
  if (x.length + y.length === 0) return 1;
  return (2 * intersect(x, y)) / (x.length + y.length);
}

/** How alike two items are as one power (see `assess` for the formula). Symmetric. */
export function similarity(a: MatterMember, b: MatterMember): Similarity {
  const pa = prepare(a);
  const pb = prepare(b);
  const d = dice(bigrams(pa.key).sort(), bigrams(pb.key).sort());
  return assess(pa, pb, compareKeys(pa.key, pb.key, d), true);
}

export interface MatterGroup {
  /** Unique among the groups returned, stable across runs and input order: `${nameKey}|${types}` of the anchor (+ `|${id}` on a clash). */
  key: string;
  /** The member the others were compared to. */
  anchor: MatterMember;
  /** Anchor first with score 1, then by score (highest first) and id. */
  members: { member: MatterMember; score: number; evidence: Evidence[] }[];
}

// ---------------------------------------------------------------------------
// Grouping at scale. Members sharing a nameKey form one "form"; names are
// compared form to form (memoised), members only against anchors.
//
// Candidates: a name scores at least the threshold only if its Dice with the
// anchor's is ≥ NAME_FLOOR (every other signal is zero or negative below it).
// Dice ≥ D means Jaccard ≥ D/(2−D), and then (prefix filtering) two bigram sets
// sorted rarest-first share a bigram within their first |x|−⌈J·|x|⌉+1. Only
// those prefixes of anchor forms are indexed, so blocks are keyed by rare
// bigrams and no pair that could match is missed.
// ---------------------------------------------------------------------------

interface Form {
  key: string;
  tokens: number[]; // bigram ranks, rarest first
  prefix: number;
}

interface Node {
  p: Prepared;
  rank: number; // global priority: lower goes first (anchors are chosen in this order)
  form: number;
}

const JACCARD_FLOOR = NAME_FLOOR / (2 - NAME_FLOOR);

function intersectRanks(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; )
    if (a[i] === b[j]) (n++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  return n;
}

/**
 * Groups items that are the same power across lists. Deterministic: the same
 * groups (and keys, and order) whatever the input order. At most one member
 * per list in a group.
 *
 * Anchors are chosen in priority order: names used by more lists first (the
 * common wording is the likely canonical one), then within a name the
 * commonest power types and articles, the most citations, then list and item id. A member becomes an
 * anchor unless it already scores ≥ MATTER_THRESHOLD with an anchor of another
 * list. Every other member proposes itself to each anchor it scores ≥ the
 * threshold with; proposals are granted highest score first, refused when the
 * group already holds the member's list or a name there names a different
 * object. Members left over are grouped again among themselves (a second
 * round), so a member that lost its place founds or joins another group.
 */
export function groupMatters(members: MatterMember[]): MatterGroup[] {
  const prepared = members.map(prepare);

  // Forms, ranked by how many lists use the name, then the name.
  const byKey = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const list = byKey.get(p.key);
    if (list) list.push(p);
    else byKey.set(p.key, [p]);
  }
  const keys = [...byKey.keys()];
  const listCount = new Map(keys.map((k) => [k, new Set(byKey.get(k)!.map((p) => p.m.listId)).size]));
  keys.sort((a, b) => listCount.get(b)! - listCount.get(a)! || (a < b ? -1 : a > b ? 1 : 0));

  // Bigram ranks: rarest (fewest forms) first, ties by the bigram.
  const keyGrams = keys.map(bigrams);
  const df = new Map<string, number>();
  for (const grams of keyGrams) for (const g of grams) df.set(g, (df.get(g) ?? 0) + 1);
  const order = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const rankOf = new Map(order.map((g, i) => [g, i]));
  const forms: Form[] = keys.map((key, i) => {
    const tokens = keyGrams[i].map((g) => rankOf.get(g)!).sort((a, b) => a - b);
    return { key, tokens, prefix: tokens.length - Math.ceil(JACCARD_FLOOR * tokens.length - 1e-9) + 1 };
  });

  // Members in priority order.
  const nodes: Node[] = [];
  keys.forEach((key, form) => {
    // Sort keys computed once per member, not per comparison.
    const rows = byKey.get(key)!.map((p) => ({ p, tk: p.types.join('+'), ak: p.articles.join('\u0000'), tf: 0, af: 0 }));
    const freq = new Map<string, number>();
    for (const r of rows) for (const k of [r.tk, '\u0001' + r.ak]) freq.set(k, (freq.get(k) ?? 0) + 1);
    for (const r of rows) (r.tf = freq.get(r.tk)!), (r.af = freq.get('\u0001' + r.ak)!);
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    rows.sort(
      (a, b) =>
        b.tf - a.tf ||
        cmp(a.tk, b.tk) ||
        b.af - a.af ||
        // Then the better-cited member: an anchor without articles gives others nothing to agree with.
        b.p.articles.length - a.p.articles.length ||
        b.p.statutes.length - a.p.statutes.length ||
        cmp(a.ak, b.ak) ||
        cmp(a.p.m.listId, b.p.m.listId) ||
        cmp(a.p.m.id, b.p.m.id),
    );
    const ps = rows.map((r) => r.p);
    for (const p of ps) nodes.push({ p, rank: nodes.length, form });
  });

  // Name comparisons between forms, memoised.
  const memo = new Map<number, NameComparison>();
  const F = forms.length;
  const nameCmp = (f: number, g: number, d?: number): NameComparison => {
    if (f === g) return { dice: 1, object: null };
    const id = f < g ? f * F + g : g * F + f;
    let c = memo.get(id);
    if (!c) {
      const dd = d ?? (2 * intersectRanks(forms[f].tokens, forms[g].tokens)) / (forms[f].tokens.length + forms[g].tokens.length || 1);
      c = compareKeys(forms[f].key, forms[g].key, dd);
      memo.set(id, c);
    }
    return c;
  };

  const groups: { anchor: Node; members: { node: Node; score: number }[] }[] = [];
  let rest = nodes;
  while (rest.length) rest = groupRound(rest, forms, nameCmp, groups);

  // Keys from the anchor; a clash gets the anchor id, the earlier group keeps the plain key.
  const used = new Set<string>();
  return groups.map(({ anchor, members: ms }) => {
    let key = `${anchor.p.key}|${anchor.p.types.join('+')}`;
    if (used.has(key)) key += `|${anchor.p.m.id}`;
    used.add(key);
    ms.sort((a, b) => b.score - a.score || (a.node.p.m.id < b.node.p.m.id ? -1 : 1));
    return {
      key,
      anchor: anchor.p.m,
      members: [
        { member: anchor.p.m, score: 1, evidence: [{ kind: 'ANCHOR' as const, detail: 'the member the others were compared to', weight: 1 }] },
        ...ms.map(({ node, score }) => ({
          member: node.p.m,
          score,
          evidence: assess(node.p, anchor.p, nameCmp(node.form, anchor.form), true).evidence,
        })),
      ],
    };
  });
}

/** One round over `rest` (in rank order): choose anchors, grant proposals; returns the members left over. */
function groupRound(
  rest: Node[],
  forms: Form[],
  nameCmp: (f: number, g: number, dice?: number) => NameComparison,
  out: { anchor: Node; members: { node: Node; score: number }[] }[],
): Node[] {
  const anchorsOf = new Map<number, Node[]>(); // form → its anchors
  const index = new Map<number, number[]>(); // bigram rank → anchor forms with it in their prefix
  const stamp = new Map<number, number>();
  let probeNo = 0;

  /** Anchor forms whose name could reach NAME_FLOOR with form f (f itself excluded). */
  const candidates = (f: number): { form: number; cmp: NameComparison }[] => {
    const x = forms[f];
    const found: { form: number; cmp: NameComparison }[] = [];
    probeNo++;
    for (let t = 0; t < x.prefix && t < x.tokens.length; t++)
      for (const g of index.get(x.tokens[t]) ?? []) {
        if (g === f || stamp.get(g) === probeNo) continue;
        stamp.set(g, probeNo);
        const y = forms[g].tokens;
        const lx = x.tokens.length;
        const ly = y.length;
        if (ly < JACCARD_FLOOR * lx - 1e-9 || lx < JACCARD_FLOOR * ly - 1e-9) continue;
        const d = (2 * intersectRanks(x.tokens, y)) / (lx + ly);
        if (d >= NAME_FLOOR) found.push({ form: g, cmp: nameCmp(f, g, d) });
      }
    return found.sort((a, b) => a.form - b.form);
  };
  const SELF: NameComparison = { dice: 1, object: null };
  /** Forms whose anchors a member of form f is compared with: its own, then the candidates. */
  const pool = (f: number) => [{ form: f, cmp: SELF }, ...candidates(f)];

  // Phase A: anchors.
  const isAnchor = new Set<Node>();
  let near: { form: number; cmp: NameComparison }[] = [];
  let current = -1;
  for (const node of rest) {
    if (node.form !== current) near = pool((current = node.form));
    let covered = false;
    for (const { form, cmp } of near) {
      for (const a of anchorsOf.get(form) ?? [])
        if (a.p.m.listId !== node.p.m.listId && assess(node.p, a.p, cmp, false).score >= MATTER_THRESHOLD) {
          covered = true;
          break;
        }
      if (covered) break;
    }
    if (covered) continue;
    isAnchor.add(node);
    const mine = anchorsOf.get(node.form);
    if (mine) mine.push(node);
    else {
      anchorsOf.set(node.form, [node]);
      const x = forms[node.form];
      for (let t = 0; t < x.prefix && t < x.tokens.length; t++) {
        const list = index.get(x.tokens[t]);
        if (list) list.push(node.form);
        else index.set(x.tokens[t], [node.form]);
      }
    }
  }

  // Phase B: proposals to every anchor scoring ≥ the threshold, granted best first.
  const proposals: { node: Node; anchor: Node; score: number }[] = [];
  current = -1;
  for (const node of rest) {
    if (isAnchor.has(node)) continue;
    if (node.form !== current) near = pool((current = node.form));
    for (const { form, cmp } of near)
      for (const a of anchorsOf.get(form) ?? []) {
        if (a.p.m.listId === node.p.m.listId) continue;
        const score = assess(node.p, a.p, cmp, false).score;
        if (score >= MATTER_THRESHOLD) proposals.push({ node, anchor: a, score });
      }
  }
  proposals.sort((x, y) => y.score - x.score || x.anchor.rank - y.anchor.rank || x.node.rank - y.node.rank);

  const state = new Map<Node, { lists: Set<string>; forms: number[]; members: { node: Node; score: number }[] }>();
  for (const a of rest)
    if (isAnchor.has(a)) {
      const g = { lists: new Set([a.p.m.listId]), forms: [a.form], members: [] as { node: Node; score: number }[] };
      state.set(a, g);
      out.push({ anchor: a, members: g.members });
    }
  const placed = new Set<Node>();
  for (const { node, anchor, score } of proposals) {
    if (placed.has(node)) continue;
    const g = state.get(anchor)!;
    if (g.lists.has(node.p.m.listId)) continue;
    // No chaining: a name that names a different object than one already in the group stays out.
    if (g.forms.some((f) => nameCmp(f, node.form).object)) continue;
    placed.add(node);
    g.lists.add(node.p.m.listId);
    if (!g.forms.includes(node.form)) g.forms.push(node.form);
    g.members.push({ node, score });
  }
  return rest.filter((n) => !isAnchor.has(n) && !placed.has(n));
}

export type Aspect = 'NAME' | 'POWER_TYPE' | 'STATUTES' | 'ARTICLES';

export interface Variant {
  /** The sorted set: one name, or power types, or statute ids, or article ids. */
  value: string[];
  memberIds: string[];
}

export interface Difference {
  aspect: Aspect;
  /** Two or more, most members first (ties by value). */
  variants: Variant[];
}

/**
 * What 四级四同 would flag in a group: every aspect on which members differ,
 * in the order NAME, POWER_TYPE, STATUTES, ARTICLES. Empty when uniform.
 * NAME compares names as written after trivial normalisation (width, including
 * ASCII punctuation written for its full-width form, whitespace, (新增)); a
 * sub-item is shown after " / ". An empty set (an item citing no article) is a
 * variant like any other.
 */
export function consistency(members: MatterMember[]): Difference[] {
  const aspects: [Aspect, (m: MatterMember) => string[]][] = [
    ['NAME', (m) => [plainName(m.name) + (m.subItem ? ` / ${plainName(m.subItem)}` : '')]],
    ['POWER_TYPE', (m) => sortedSet(m.powerTypes)],
    ['STATUTES', (m) => sortedSet(m.statutes)],
    ['ARTICLES', (m) => sortedSet(m.articles)],
  ];
  const out: Difference[] = [];
  for (const [aspect, valueOf] of aspects) {
    const byValue = new Map<string, Variant>();
    for (const m of members) {
      const value = valueOf(m);
      const k = JSON.stringify(value);
      const v = byValue.get(k) ?? { value, memberIds: [] };
      v.memberIds.push(m.id);
      byValue.set(k, v);
    }
    if (byValue.size < 2) continue;
    const variants = [...byValue.entries()]
      .sort(([ka, a], [kb, b]) => b.memberIds.length - a.memberIds.length || (ka < kb ? -1 : 1))
      .map(([, v]) => ({ value: v.value, memberIds: v.memberIds.sort() }));
    out.push({ aspect, variants });
  }
  return out;
}
