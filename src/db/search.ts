/**
 * Full-text search over items and statutes, on both backends. The terms come
 * from parseSearchText (src/domain/searchQuery.ts); every term must occur in
 * one of the searched fields of a hit.
 *
 * Items: NAME (事项名称, and the 子项 name on its own line), BASIS
 * (legal_basis: every 实施依据/设定依据/处罚依据… field of the item) and
 * DUTIES (the item's 责任事项内容 and 部门职责 fields, from `fields`). Lists
 * quote the same texts thousands of times, so each distinct text (ASCII-
 * lowered) is indexed once, in `search_text`, and `item_text` points every
 * item at its three texts (migration SearchTexts, kept by triggers). A term
 * finds its texts first — FTS5 trigram MATCH on SQLite for 3+ code points,
 * else LIKE (pg_trgm's GIN index on PostgreSQL) — then the items pointing at
 * them. Ranked by the rule of ruleRank in searchQuery.ts on both backends, so
 * both give the same rows in the same order.
 *
 * Statutes: TITLE and ALIASES (every spelling the lists used), one row per
 * statute in `statute_search` (migration Search): FTS5 on SQLite, ranked by
 * bm25 (title weighs 10) for long terms; pg_trgm and the rule on PostgreSQL.
 */
import type { DataSource } from 'typeorm';
import { sql } from './bulk';
import { readSql } from './reader';
import { codePointLength, ftsMatchExpression, likeContains, parseSearchText, TRIGRAM, type SearchQuery } from '../domain/searchQuery';
import type { PowerType } from '../domain/powerTypes';

type Backend = 'sqlite' | 'postgres';
const backendOf = (ds: DataSource): Backend => (ds.options.type === 'postgres' ? 'postgres' : 'sqlite');

/** A WHERE fragment with `?` placeholders and its parameters, in order. */
interface Fragment {
  sql: string;
  params: unknown[];
}

/** Where one kind of row is searched on one backend. */
interface Target {
  /** FROM clause; the base table is aliased as `alias`. */
  from: string;
  /** The row's ID. */
  id: string;
  /** The FTS5 table (SQLite only), for MATCH and bm25. */
  fts?: { table: string; weights: number[] };
  /** Searched text, already ASCII-lowered: the name-like field first. */
  fields: string[];
  /** The base row's name/title, whose length breaks rule-rank ties. */
  nameColumn: string;
  /** The search table alone, and the row ID in it: enough when neither rank nor filters read the base row. */
  bare: { from: string; id: string; baseAlias: string };
}

function statuteTarget(backend: Backend): Target {
  return {
    from: 'statute_search JOIN statute st ON st.id = statute_search.statute_id',
    id: 'st.id',
    fts: backend === 'sqlite' ? { table: 'statute_search', weights: [0, 10, 1] } : undefined,
    fields: ['statute_search.title', 'statute_search.aliases'],
    nameColumn: 'st.title',
    bare: { from: 'statute_search', id: 'statute_search.statute_id', baseAlias: 'st' },
  };
}

const like = (expr: string) => `${expr} LIKE ? ESCAPE '\\'`;

/** Every term in some field: an FTS5 MATCH for the long terms where there is an index for them, LIKE for the rest. */
function matchFragment(t: Target, q: SearchQuery): Fragment {
  const parts: string[] = [];
  const params: unknown[] = [];
  const likeTerms = t.fts ? q.short : q.terms;
  if (t.fts && q.long.length) {
    parts.push(`${t.fts.table} MATCH ?`);
    params.push(ftsMatchExpression(q.long));
  }
  for (const term of likeTerms) {
    parts.push(`(${t.fields.map(like).join(' OR ')})`);
    params.push(...t.fields.map(() => likeContains(term)));
  }
  return { sql: parts.join(' AND '), params };
}

/** The rank expression (higher is better): -bm25 when FTS5 matched, else the rule of ruleRank. */
function rankFragment(t: Target, q: SearchQuery): Fragment {
  if (t.fts && q.long.length) return { sql: `-bm25(${t.fts.table}, ${t.fts.weights.map((w) => w.toFixed(1)).join(', ')})`, params: [] };
  const flag = (expr: string) => `(CASE WHEN ${like(expr)} THEN 1 ELSE 0 END)`;
  const perTerm = q.terms.map(() => [`3 * ${flag(t.fields[0])}`, ...t.fields.slice(1).map(flag)].join(' + '));
  return {
    // Integers first, then one float division: the same IEEE arithmetic on both backends and in ruleRank.
    sql: `(${perTerm.join(' + ')}) + CAST(1 AS DOUBLE PRECISION) / (1 + length(${t.nameColumn}))`,
    params: q.terms.flatMap((term) => t.fields.map(() => likeContains(term))),
  };
}

export interface SearchHit {
  id: string;
  rank: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Whether hits follow this page. */
  more: boolean;
  totalCount: number;
}

/** Where a page starts: after this hit, in (rank desc, id asc) order. */
export interface SearchAfter {
  rank: number;
  id: string;
}

async function searchPage(ds: DataSource, t: Target, q: SearchQuery, filters: Fragment[], first: number, after: SearchAfter | null): Promise<SearchPage> {
  const match = matchFragment(t, q);
  const rank = rankFragment(t, q);
  const where = [match, ...filters];
  const whereSql = where.map((f) => f.sql).join(' AND ');
  const whereParams = where.flatMap((f) => f.params);
  const em = ds.manager;
  // Joining the base table for every hit costs more than the search itself (23,000 hits for 医疗救助 nationally): only when read.
  const usesBase = new RegExp(`\\b${t.bare.baseAlias}\\.`).test(`${rank.sql} ${whereSql}`);
  const from = usesBase ? t.from : t.bare.from;
  const id = usesBase ? t.id : t.bare.id;
  const keyset = after ? 'WHERE h.rank < ? OR (h.rank = ? AND h.id > ?)' : '';
  const pageSql = `SELECT h.id AS id, h.rank AS rank FROM (SELECT ${id} AS id, ${rank.sql} AS rank FROM ${from} WHERE ${whereSql}) h ${keyset} ORDER BY h.rank DESC, h.id ASC LIMIT ?`;
  const pageParams = [...rank.params, ...whereParams, ...(after ? [after.rank, after.rank, after.id] : []), first + 1];
  const [rows, count] = await Promise.all([
    sql<{ id: string; rank: number | string }>(em, pageSql, pageParams),
    sql<{ n: number | string }>(em, `SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`, whereParams),
  ]);
  return {
    hits: rows.slice(0, first).map((r) => ({ id: r.id, rank: Number(r.rank) })),
    more: rows.length > first,
    totalCount: Number(count[0].n),
  };
}

export interface ItemSearchFilters {
  jurisdictionCode?: string | null;
  powerType?: PowerType | null;
}

/** The texts of `search_text` holding `term`: an FTS5 phrase on SQLite when the trigram index can serve it, else LIKE. */
function textsHolding(backend: Backend, term: string): Fragment {
  if (backend === 'sqlite' && codePointLength(term) >= TRIGRAM) return { sql: 'SELECT rowid AS id FROM search_text_fts WHERE search_text_fts MATCH ?', params: [ftsMatchExpression([term])] };
  return { sql: `SELECT id FROM search_text WHERE ${like('body')}`, params: [likeContains(term)] };
}

/** An item's three texts, name first (it weighs 3 in the rank). */
const ITEM_TEXTS = ['x.name_id', 'x.basis_id', 'x.duties_id'];

/**
 * Items holding every term, over `item_text x`: the CTEs (per term k, its
 * texts `t{k}`), the match (every term in one of the item's three texts) and
 * the rank (ruleRank's rule). On PostgreSQL the texts are an array
 * (`= ANY(ARRAY(…))`): the planner cannot guess how many items a handful of
 * texts reach, and with the array it takes the three ID indexes (a bitmap OR)
 * rather than scanning every item.
 */
function itemQuery(backend: Backend, q: SearchQuery): { with: Fragment; match: string; rank: string } {
  const terms = q.terms.map((term) => textsHolding(backend, term));
  const holds = (col: string, k: number) => (backend === 'postgres' ? `${col} = ANY(ARRAY(SELECT id FROM t${k}))` : `${col} IN (SELECT id FROM t${k})`);
  const flag = (col: string, k: number) => `(CASE WHEN ${holds(col, k)} THEN 1 ELSE 0 END)`;
  return {
    with: { sql: `WITH ${terms.map((t, k) => `t${k} AS (${t.sql})`).join(', ')}`, params: terms.flatMap((t) => t.params) },
    match: q.terms.map((_, k) => `(${ITEM_TEXTS.map((c) => holds(c, k)).join(' OR ')})`).join(' AND '),
    // Integers first, then one float division: the same IEEE arithmetic on both backends and in ruleRank.
    rank: `(${q.terms.map((_, k) => [`3 * ${flag(ITEM_TEXTS[0], k)}`, ...ITEM_TEXTS.slice(1).map((c) => flag(c, k))].join(' + ')).join(' + ')}) + CAST(1 AS DOUBLE PRECISION) / (1 + x.name_length)`,
  };
}

/** A page of items holding every term, best first (rank desc, then ID). */
export async function searchItems(ds: DataSource, q: SearchQuery, filters: ItemSearchFilters, first: number, after: SearchAfter | null = null): Promise<SearchPage> {
  const f: Fragment[] = [];
  if (filters.jurisdictionCode) f.push({ sql: 'i.jurisdiction_code = ?', params: [filters.jurisdictionCode] });
  // Power types are a JSON array of enum names; a quoted name cannot match inside another.
  if (filters.powerType) f.push({ sql: `CAST(i.power_types AS TEXT) LIKE ? ESCAPE '\\'`, params: [likeContains(`"${filters.powerType}"`)] });
  const { with: w, match, rank } = itemQuery(backendOf(ds), q);
  // The item row only when a filter reads it: joining 23,000 hits costs more than finding them.
  const from = f.length ? 'item_text x JOIN item i ON i.id = x.item_id' : 'item_text x';
  const where = `WHERE ${[match, ...f.map((x) => x.sql)].join(' AND ')}`;
  const whereParams = f.flatMap((x) => x.params);
  const keyset = after ? 'WHERE h.rank < ? OR (h.rank = ? AND h.id > ?)' : '';
  const [rows, count] = await Promise.all([
    readSql<{ id: string; rank: number | string }>(
      ds,
      `${w.sql} SELECT h.id AS id, h.rank AS rank FROM (SELECT x.item_id AS id, ${rank} AS rank FROM ${from} ${where}) h ${keyset} ORDER BY h.rank DESC, h.id ASC LIMIT ?`,
      [...w.params, ...whereParams, ...(after ? [after.rank, after.rank, after.id] : []), first + 1],
    ),
    readSql<{ n: number | string }>(ds, `${w.sql} SELECT count(*) AS n FROM ${from} ${where}`, [...w.params, ...whereParams]),
  ]);
  return { hits: rows.slice(0, first).map((r) => ({ id: r.id, rank: Number(r.rank) })), more: rows.length > first, totalCount: Number(count[0].n) };
}

/** A page of statutes whose title or a spelling of it holds every term, best first. */
export function searchStatutes(ds: DataSource, q: SearchQuery, first: number, after: SearchAfter | null = null): Promise<SearchPage> {
  return searchPage(ds, statuteTarget(backendOf(ds)), q, [], first, after);
}

/**
 * A condition for a TypeORM query builder over `item` (aliased `alias`):
 * items whose name, basis or duties hold every term of `text`, with the same
 * semantics and indexes as searchItems. Use as
 * `const f = itemTextFilter(ds, 'i', text); qb.andWhere(f.sql, f.params)`.
 * Parameters are named `${prefix}_0`, `${prefix}_1`…: pass another prefix to
 * use it twice in one query. Throws SearchInputError (code BAD_USER_INPUT)
 * for empty or overlong text.
 */
export function itemTextFilter(ds: DataSource, alias: string, text: string, prefix = 'search'): { sql: string; params: Record<string, unknown> } {
  const q = parseSearchText(text);
  const backend = backendOf(ds);
  const { with: w, match } = itemQuery(backend, q);
  const items = `${w.sql} SELECT x.item_id FROM item_text x WHERE ${match}`;
  // An array on PostgreSQL for the same reason as in itemQuery: the items are then read by their key, not by a scan of every item.
  const frag = { sql: backend === 'postgres' ? `${alias}.id = ANY(ARRAY(${items}))` : `${alias}.id IN (${items})`, params: w.params };
  let n = 0;
  const params: Record<string, unknown> = {};
  const named = frag.sql.replace(/\?/g, () => {
    const name = `${prefix}_${n}`;
    params[name] = frag.params[n++];
    return `:${name}`;
  });
  return { sql: `(${named})`, params };
}
