import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Article, Citation, Item, Jurisdiction, PowerList, Statute } from '../db/entities';
import { badUserInput } from './errors';
import { readSql } from '../db/reader';

@ObjectType({ description: '分页信息。Relay page info.' })
export class PageInfo {
  @Field({ description: '是否还有下一页。Whether more items follow.' })
  hasNextPage: boolean;
  @Field({ description: '本页之前是否还有（给了 after 即为真）。Whether edges precede this page (true when `after` was given).' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: '本页第一项的游标。Cursor of the first edge.' })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: '本页最后一项的游标。Cursor of the last edge.' })
  endCursor: string | null;
}

/** Page info for `edges` taken after `after`, with `more` telling whether any follow. */
export function pageInfo(edges: { cursor: string }[], more: boolean, after?: string | null): PageInfo {
  return { hasNextPage: more, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

/**
 * A Relay connection type (and its edge type) over `node`: edges, pageInfo,
 * totalCount. `zh`/`en` name the nodes in the descriptions.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, zh: string, en: string) {
  @ObjectType(`${name}Edge`, { description: `${zh}连接中的一条边。An edge in a connection of ${en}.` })
  class Edge {
    @Field({ description: '不透明游标。Opaque cursor.' })
    cursor: string;
    @Field(() => node, { description: `${zh}。The node.` })
    node: T;
  }
  @ObjectType(`${name}Connection`, { description: `${zh}的分页连接（Relay）。A Relay connection of ${en}.` })
  class Connection {
    @Field(() => [Edge], { description: '本页的边。Edges of this page.' })
    edges: Edge[];
    @Field(() => PageInfo, { description: '分页信息。Page info.' })
    pageInfo: PageInfo;
    @Field(() => Int, { description: '满足条件的总数。Total number matching.' })
    totalCount: number;
  }
  return Connection;
}

/** `first` as the API accepts it: 0 to MAX_PAGE. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badUserInput(`first must be between 0 and ${MAX_PAGE}, got ${first}`);
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/**
 * A page of a list already in memory, sorted ascending by `key`. The cursor
 * is the key of the last row seen, so a page starts right after it even when
 * rows were added or removed in between.
 */
export function pageArray<T>(sorted: readonly T[], key: (row: T) => (string | number)[], arity: number, first: number, after?: string | null): Page<T> {
  checkFirst(first);
  let start = 0;
  if (after) {
    const k = decodeCursor(after, arity);
    while (start < sorted.length && compareKeys(key(sorted[start]), k) <= 0) start++;
  }
  const edges = sorted.slice(start, start + first).map((node) => ({ node, cursor: encodeCursor(key(node)) }));
  return { edges, totalCount: sorted.length, pageInfo: pageInfo(edges, start + first < sorted.length, after) };
}

export const MAX_PAGE = 100;

/**
 * A keyset order: the SQL expressions a query is sorted by, and a row's values
 * for them. The cursor is that key, so a page starts right after the last row
 * seen, however rows before it change.
 */
export interface Keyset<T> {
  columns: string[];
  /** The SQL of the row's ID, the key its loader takes. */
  id: string;
  key: (row: T) => (string | number)[];
  /** Every column sorts the same way (default ascending), so one row comparison finds the next page. */
  descending?: boolean;
}


/** Items in (jurisdiction, list, position) order: a list's items together, in document order. */
export const ITEM_ORDER: Keyset<Item> = {
  columns: ['i.jurisdiction_code', 'i.list_id', 'i.position'],
  id: 'i.id',
  key: (i) => [i.jurisdictionCode, i.listId, i.position],
};

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  throw badUserInput(`invalid cursor: ${cursor}`);
}

/**
 * One page of a query in keyset order. `filtered` builds the query with its
 * filters only. The nodes come through `load` (a DataLoader), so a page
 * shares rows already read and never reads columns it does not show.
 *
 * A filtered first page reads its IDs and the total in one pass: the filter
 * (a text match, say) is the expensive part, and running it twice doubled
 * the comparison page. The rows are gathered before they are sorted (PostgreSQL
 * would otherwise walk the whole order index to feed the window, 1.3 s instead
 * of 50 ms). An unfiltered or later page takes the order index for the page
 * and counts in a second statement, as its WHERE holds the cursor.
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: () => SelectQueryBuilder<T>,
  keyset: Keyset<T>,
  first: number,
  after: string | null | undefined,
  load: (ids: string[]) => Promise<(T | Error | null)[]>,
): Promise<Page<T>> {
  checkFirst(first);
  const inner = filtered();
  const ds = inner.connection;
  const hasFilter = inner.expressionMap.wheres.length > 0;
  if (after) {
    const key = decodeCursor(after, keyset.columns.length);
    const params = Object.fromEntries(key.map((v, i) => [`after${i}`, v]));
    inner.andWhere(`(${keyset.columns.join(', ')}) ${keyset.descending ? '<' : '>'} (${key.map((_, i) => `:after${i}`).join(', ')})`, params);
  }
  // One select() with every expression: TypeORM repeats the list when the same column is added twice (j.code as id and as k0).
  inner.select([`${keyset.id} AS id`, ...keyset.columns.map((c, i) => `${c} AS k${i}`)]);
  const [text, params] = inner.getQueryAndParameters();
  const dir = keyset.descending ? 'DESC' : 'ASC';
  const order = `ORDER BY ${keyset.columns.map((_, i) => `k${i} ${dir}`).join(', ')} LIMIT ${first + 1}`;
  const read = <R>(sql: string, p: unknown[]) => readSql<R>(ds, sql, p, { numbered: true });
  type Row = { id: string | number; total?: string | number };
  let rows: Row[];
  let total: number;
  if (hasFilter && !after) {
    // OFFSET 0 keeps PostgreSQL from pulling the sort into the subquery.
    rows = await read<Row>(`SELECT id, COUNT(*) OVER () AS total FROM (${text}${ds.options.type === 'postgres' ? ' OFFSET 0' : ''}) m ${order}`, params);
    total = Number(rows[0]?.total ?? 0);
  } else {
    const [counted, countParams] = filtered().select('COUNT(*)', 'n').getQueryAndParameters();
    const [page, n] = await Promise.all([read<Row>(`SELECT id FROM (${text}) m ${order}`, params), read<{ n: string | number }>(counted, countParams)]);
    rows = page;
    total = Number(n[0].n);
  }
  const nodes = rows.length ? await load(rows.slice(0, first).map((r) => String(r.id))) : [];
  const edges = nodes.flatMap((node) => (node && !(node instanceof Error) ? [{ node, cursor: encodeCursor(keyset.key(node)) }] : []));
  return { edges, totalCount: total, pageInfo: pageInfo(edges, rows.length > first, after) };
}

/** A LIKE pattern matching `text` anywhere, as plain text: %, _ and \ match themselves (with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

export const ItemConnection = connectionType(Item, 'Item', '事项', 'items');
export const StatuteConnection = connectionType(Statute, 'Statute', '法规', 'statutes');
export const JurisdictionConnection = connectionType(Jurisdiction, 'Jurisdiction', '区划', 'jurisdictions');
export const PowerListConnection = connectionType(PowerList, 'PowerList', '清单', 'lists');
export const ArticleConnection = connectionType(Article, 'Article', '条款', 'articles');
export const CitationConnection = connectionType(Citation, 'Citation', '引用', 'citations');

/** The paging arguments every connection field takes, checked. */
export const FIRST_DESCRIPTION = `每页条数（0–${MAX_PAGE}）。Page size, 0 to ${MAX_PAGE}.`;
export const AFTER_DESCRIPTION = '上一页的 endCursor。endCursor of the previous page.';

/** `first` and `after`, as every connection field takes them. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: FIRST_DESCRIPTION })
  first: number;
  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** What a connection field gets when the client gives neither. */
export const FIRST_PAGE: PageArgs = { first: 20, after: null };
