/**
 * The five representative queries of the API bench, one per frontend page,
 * each in our schema and in PostGraphile 5's generated one (tables, foreign
 * keys and the `pgl_bench` functions of ./postgraphile.ts).
 *
 * Variable values are not hard-coded: `pickValues` reads them from the
 * database at start-up (same SQL on both backends, deterministic order), so
 * the bench works on any corpus that has a county, a cited article and items.
 *
 * `digest` turns either server's `data` into one canonical shape (local IDs,
 * rows in a fixed order) so that the two can be compared: equal digests mean
 * the same rows and fields came back, whatever the nesting.
 */
import type { DataSource } from 'typeorm';
import { marks, sql } from '../../src/db/bulk';
import { parseGlobalId, toGlobalId } from '../../src/graphql/node';

/** Values the queries need, read from the database. */
export interface Values {
  /** A county whose parent is a prefecture, with a list of its own. */
  county: string;
  /** An item of that county citing at least one article (local ID). */
  item: string;
  /** An article that item cites: the statute's normalised title and the article number. */
  statute: string;
  article: number;
  /** Chinese text some item names contain. */
  search: string;
  /** The item name given in the most jurisdictions. */
  comparison: string;
}

export interface Request {
  query: string;
  variables: Record<string, unknown>;
}

export interface BenchQuery {
  name: string;
  /** The frontend page it serves, in one line. */
  page: string;
  ours: (v: Values) => Request;
  postgraphile: (v: Values) => Request;
  /** Canonical form of each server's `data`, for the equivalence check. */
  digest: { ours: (data: any) => unknown; postgraphile: (data: any) => unknown };
  /** Known differences between the two, said in the report. */
  note?: string;
}

/** Our IDs are global (Relay); PostGraphile's `rowId` is the local one. */
const local = (id: string): string => parseGlobalId(id)?.localId ?? id;
const nodes = <T>(c: { edges: { node: T }[] }): T[] => c.edges.map((e) => e.node);
const page = (c: { totalCount: number; pageInfo?: { hasNextPage: boolean } }) => ({ totalCount: c.totalCount, hasNextPage: c.pageInfo?.hasNextPage });
const jsonList = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

const ITEM_PAGE = 20;
const COMPARISON_PAGE = 50;

export const QUERIES: BenchQuery[] = [
  {
    name: 'jurisdiction',
    page: 'A county: name, ancestors, children, its lists and the first page of its items.',
    ours: (v) => ({
      query: `query JurisdictionPage($code: ID!) { jurisdiction(code: $code) { code name level
  ancestors { code name } children { code name }
  lists(first: 20) { totalCount edges { node { id department itemCount } } }
  items(first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id seq name powerTypes } } } } }`,
      variables: { code: v.county },
    }),
    postgraphile: (v) => ({
      query: `query JurisdictionPage($code: String!) { jurisdictionByCode(code: $code) { code name level
  parent: jurisdictionByParentCode { code name parent: jurisdictionByParentCode { code name } }
  children: jurisdictionsByParentCode(orderBy: CODE_ASC) { nodes { code name } }
  lists: powerListsByJurisdictionCode(first: 20) { totalCount nodes { rowId department itemCount } }
  items: itemsByJurisdictionCode(first: ${ITEM_PAGE}, orderBy: [LIST_ID_ASC, POSITION_ASC]) { totalCount pageInfo { hasNextPage endCursor } nodes { rowId seq name powerTypes } } } }`,
      variables: { code: v.county },
    }),
    digest: {
      ours: ({ jurisdiction: j }) => ({
        code: j.code, name: j.name, level: j.level,
        ancestors: j.ancestors.map((a: any) => [a.code, a.name]),
        children: j.children.map((c: any) => [c.code, c.name]),
        lists: { total: j.lists.totalCount, rows: nodes<any>(j.lists).map((l) => [local(l.id), l.department, l.itemCount]) },
        items: { ...page(j.items), rows: nodes<any>(j.items).map((i) => [local(i.id), i.seq, i.name, i.powerTypes]) },
      }),
      postgraphile: ({ jurisdictionByCode: j }) => ({
        code: j.code, name: j.name, level: j.level,
        ancestors: [j.parent?.parent, j.parent].filter(Boolean).map((a: any) => [a.code, a.name]),
        children: j.children.nodes.map((c: any) => [c.code, c.name]),
        lists: { total: j.lists.totalCount, rows: j.lists.nodes.map((l: any) => [l.rowId, l.department, l.itemCount]) },
        items: { ...page(j.items), rows: j.items.nodes.map((i: any) => [i.rowId, i.seq, i.name, jsonList(i.powerTypes)]) },
      }),
    },
    note: 'PostGraphile walks the parent link twice for the ancestors (a county has two); its lists are in natural order (a county has one).',
  },
  {
    name: 'item',
    page: 'An item with its citations and the related items across places (items citing the same articles), first page.',
    ours: (v) => ({
      query: `query ItemPage($id: ID!) { item(id: $id) { id name seq powerTypes powerTypeText body legalBasis
  jurisdiction { code name } list { id department }
  citations { id field textAsWritten statute { id title } article { id number } }
  relatedItems(first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name jurisdictionCode } articles { id number } } } } }`,
      variables: { id: toGlobalId('Item', v.item) },
    }),
    postgraphile: (v) => ({
      query: `query ItemPage($id: String!) { itemByRowId(rowId: $id) { rowId name seq powerTypes powerTypeText body legalBasis
  jurisdiction: jurisdictionByJurisdictionCode { code name } list: powerListByListId { rowId department }
  citations: citationsByItemId(orderBy: POSITION_ASC) { nodes { rowId field text statute: statuteByStatuteId { rowId title } article: articleByArticleId { rowId number } } }
  relatedItems(first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor } nodes { rowId name jurisdictionCode sharedArticles(withItem: $id) { nodes { rowId number } } } } } }`,
      variables: { id: v.item },
    }),
    digest: {
      ours: ({ item: i }) => ({
        id: local(i.id), name: i.name, seq: i.seq, powerTypes: i.powerTypes, powerTypeText: i.powerTypeText, body: i.body, legalBasis: i.legalBasis,
        jurisdiction: [i.jurisdiction.code, i.jurisdiction.name], list: [local(i.list.id), i.list.department],
        citations: i.citations.map((c: any) => [local(c.id), c.field, c.textAsWritten, local(c.statute.id), c.statute.title, c.article && local(c.article.id), c.article?.number ?? null]),
        related: { ...page(i.relatedItems), rows: i.relatedItems.edges.map((e: any) => [local(e.node.id), e.node.name, e.node.jurisdictionCode, e.articles.map((a: any) => [local(a.id), a.number])]) },
      }),
      postgraphile: ({ itemByRowId: i }) => ({
        id: i.rowId, name: i.name, seq: i.seq, powerTypes: jsonList(i.powerTypes), powerTypeText: i.powerTypeText, body: i.body, legalBasis: i.legalBasis,
        jurisdiction: [i.jurisdiction.code, i.jurisdiction.name], list: [i.list.rowId, i.list.department],
        citations: i.citations.nodes.map((c: any) => [c.rowId, c.field, c.text, c.statute.rowId, c.statute.title, c.article?.rowId ?? null, c.article?.number ?? null]),
        related: { ...page(i.relatedItems), rows: i.relatedItems.nodes.map((r: any) => [r.rowId, r.name, r.jurisdictionCode, r.sharedArticles.nodes.map((a: any) => [a.rowId, a.number])]) },
      }),
    },
    note: 'PostGraphile: related items and shared articles are SQL functions (computed columns).',
  },
  {
    name: 'article',
    page: "A statute's article and the items citing it, first page.",
    ours: (v) => ({
      query: `query ArticlePage($statute: String!, $number: Int!) { article(statute: $statute, number: $number) { id number
  statute { id title category }
  items(first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name jurisdictionCode jurisdiction { name } } } } } }`,
      variables: { statute: v.statute, number: v.article },
    }),
    postgraphile: (v) => ({
      query: `query ArticlePage($statute: String!, $number: Int!) { allStatutes(condition: { title: $statute }) { nodes { rowId title category
  articlesByStatuteId(condition: { number: $number }) { nodes { rowId number
    items(first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor } nodes { rowId name jurisdictionCode jurisdiction: jurisdictionByJurisdictionCode { name } } } } } } } }`,
      variables: { statute: v.statute, number: v.article },
    }),
    digest: {
      ours: ({ article: a }) => ({
        id: local(a.id), number: a.number, statute: [local(a.statute.id), a.statute.title, a.statute.category],
        items: { ...page(a.items), rows: nodes<any>(a.items).map((i) => [local(i.id), i.name, i.jurisdictionCode, i.jurisdiction.name]) },
      }),
      postgraphile: ({ allStatutes }) => {
        const s = allStatutes.nodes[0];
        const a = s.articlesByStatuteId.nodes[0];
        return {
          id: a.rowId, number: a.number, statute: [s.rowId, s.title, s.category],
          items: { ...page(a.items), rows: a.items.nodes.map((i: any) => [i.rowId, i.name, i.jurisdictionCode, i.jurisdiction.name]) },
        };
      },
    },
    note: 'Ours finds the statute by any spelling of its title, PostGraphile by the exact normalised title; the distinct citing items are a SQL function.',
  },
  {
    name: 'search',
    page: 'Full-text search for a Chinese phrase (医疗救助) in item names, legal basis and duties, best first, first page.',
    ours: (v) => ({
      query: `query SearchPage($text: String!) { searchItems(text: $text, first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name jurisdictionCode jurisdiction { name } powerTypes } } } }`,
      variables: { text: v.search },
    }),
    postgraphile: (v) => ({
      query: `query SearchPage($text: String!) { pglBenchSearchItems(text: $text, first: ${ITEM_PAGE}) { totalCount pageInfo { hasNextPage endCursor }
  nodes { rowId name jurisdictionCode jurisdiction: jurisdictionByJurisdictionCode { name } powerTypes } } }`,
      variables: { text: v.search },
    }),
    digest: {
      ours: ({ searchItems: s }) => ({ ...page(s), rows: nodes<any>(s).map((i) => [local(i.id), i.name, i.jurisdictionCode, i.jurisdiction.name, i.powerTypes]) }),
      postgraphile: ({ pglBenchSearchItems: s }) => ({ ...page(s), rows: s.nodes.map((i: any) => [i.rowId, i.name, i.jurisdictionCode, i.jurisdiction.name, jsonList(i.powerTypes)]) }),
    },
    note: 'Ours: `searchItems` over the distinct texts of `search_text` (FTS5 trigram on SQLite, pg_trgm on PostgreSQL), ranked by the same rule on both; no snippets asked, as PostGraphile has none. PostGraphile: a SQL function doing our PostgreSQL search for one term over the same `search_text` and `item_text` tables.',
  },
  {
    name: 'comparison',
    page: 'One power across places: the items of that name in every jurisdiction, with power types and citations, first 50.',
    ours: (v) => ({
      query: `query ComparisonPage($name: String!) { items(text: $name, first: ${COMPARISON_PAGE}) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name jurisdictionCode jurisdiction { name } powerTypes citations { textAsWritten statute { title } article { number } } } } } }`,
      variables: { name: v.comparison },
    }),
    postgraphile: (v) => ({
      query: `query ComparisonPage($name: String!) { pglBenchItemsMatching(text: $name, first: ${COMPARISON_PAGE}) { totalCount pageInfo { hasNextPage endCursor }
  nodes { rowId name jurisdictionCode jurisdiction: jurisdictionByJurisdictionCode { name } powerTypes
    citations: citationsByItemId(orderBy: POSITION_ASC) { nodes { text statute: statuteByStatuteId { title } article: articleByArticleId { number } } } } } }`,
      variables: { name: v.comparison },
    }),
    digest: {
      ours: ({ items }) => ({
        ...page(items),
        rows: nodes<any>(items).map((i) => [local(i.id), i.name, i.jurisdictionCode, i.jurisdiction.name, i.powerTypes, i.citations.map((c: any) => [c.textAsWritten, c.statute.title, c.article?.number ?? null])]),
      }),
      postgraphile: ({ pglBenchItemsMatching: s }) => ({
        ...page(s),
        rows: s.nodes.map((i: any) => [i.rowId, i.name, i.jurisdictionCode, i.jurisdiction.name, jsonList(i.powerTypes), i.citations.nodes.map((c: any) => [c.text, c.statute.title, c.article?.number ?? null])]),
      }),
    },
    note: 'Ours: `items(text:)` (name, basis or duties contain the name), in list order; not `matters`, an in-memory grouping PostGraphile cannot express. PostGraphile: a SQL function with the same match.',
  },
];

/** Reads the variable values from the database: the first qualifying rows in a fixed order, so both backends agree. */
export async function pickValues(ds: DataSource, search = '医疗救助'): Promise<Values> {
  const em = ds.manager;
  const one = async <T>(what: string, text: string, params: unknown[] = []): Promise<T> => {
    const rows = await sql<T>(em, text, params);
    if (!rows.length) throw new Error(`the corpus has no ${what}`);
    return rows[0];
  };
  const { code: county } = await one<{ code: string }>(
    'county under a prefecture with a list',
    `SELECT j.code FROM jurisdiction j JOIN jurisdiction p ON p.code = j.parent_code
     WHERE j.level = 'COUNTY' AND p.level = 'PREFECTURE' AND EXISTS (SELECT 1 FROM power_list l WHERE l.jurisdiction_code = j.code)
     ORDER BY j.code LIMIT 1`,
  );
  const { id: item } = await one<{ id: string }>(
    'item citing an article',
    `SELECT i.id FROM item i WHERE i.jurisdiction_code IN (${marks(1)})
       AND EXISTS (SELECT 1 FROM citation c WHERE c.item_id = i.id AND c.article_id IS NOT NULL)
     ORDER BY i.list_id, i.position LIMIT 1`,
    [county],
  );
  const cited = await one<{ title: string; number: number }>(
    'cited article',
    `SELECT s.title, a.number FROM citation c JOIN article a ON a.id = c.article_id JOIN statute s ON s.id = a.statute_id
     WHERE c.item_id IN (${marks(1)}) ORDER BY c.position LIMIT 1`,
    [item],
  );
  const { name: comparison } = await one<{ name: string }>(
    'item name',
    `SELECT i.name FROM item i GROUP BY i.name ORDER BY COUNT(DISTINCT i.jurisdiction_code) DESC, i.name LIMIT 1`,
  );
  return { county, item, statute: cited.title, article: Number(cited.number), search, comparison };
}

/** Deep equality of two digests (plain JSON values). */
export function sameDigest(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
