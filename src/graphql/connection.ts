import { Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Item, Statute } from '../db/entities';
import { badUserInput } from './errors';

@ObjectType({ description: '分页信息。Relay page info.' })
export class PageInfo {
  @Field({ description: '是否还有下一页。Whether more items follow.' })
  hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: '本页最后一项的游标。Cursor of the last edge.' })
  endCursor: string | null;
}

@ObjectType({ description: '事项连接中的一条边。An edge in an item connection.' })
export class ItemEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Item, { description: '事项。The item.' })
  node: Item;
}

@ObjectType({ description: '事项的分页连接（Relay）。A Relay connection of items.' })
export class ItemConnection {
  @Field(() => [ItemEdge], { description: '本页的边。Edges of this page.' })
  edges: ItemEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '满足条件的事项总数。Total number of matching items.' })
  totalCount: number;
}

export const MAX_PAGE = 100;

@ObjectType({ description: '法规连接中的一条边。An edge in a statute connection.' })
export class StatuteEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Statute, { description: '法规。The statute.' })
  node: Statute;
}

@ObjectType({ description: '法规的分页连接（Relay），按标题排序。A Relay connection of statutes, by title.' })
export class StatuteConnection {
  @Field(() => [StatuteEdge], { description: '本页的边。Edges of this page.' })
  edges: StatuteEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '满足条件的法规总数。Total number of matching statutes.' })
  totalCount: number;
}

/**
 * A keyset order: the SQL expressions a query is sorted by, and a row's values
 * for them. The cursor is that key, so a page starts right after the last row
 * seen, however rows before it change.
 */
export interface Keyset<T> {
  columns: string[];
  key: (row: T) => (string | number)[];
}

/** Items in (jurisdiction, list, position) order: a list's items together, in document order. */
export const ITEM_ORDER: Keyset<Item> = {
  columns: ['i.jurisdiction_code', 'i.list_id', 'i.position'],
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
 * filters only (it is called twice: for the page and for the total).
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: () => SelectQueryBuilder<T>,
  keyset: Keyset<T>,
  first: number,
  after?: string | null,
): Promise<Page<T>> {
  if (first < 0 || first > MAX_PAGE) throw badUserInput(`first must be between 0 and ${MAX_PAGE}, got ${first}`);
  const page = filtered();
  if (after) {
    const key = decodeCursor(after, keyset.columns.length);
    const params = Object.fromEntries(key.map((v, i) => [`after${i}`, v]));
    page.andWhere(`(${keyset.columns.join(', ')}) > (${key.map((_, i) => `:after${i}`).join(', ')})`, params);
  }
  keyset.columns.forEach((c, i) => (i === 0 ? page.orderBy(c, 'ASC') : page.addOrderBy(c, 'ASC')));
  const [rows, totalCount] = await Promise.all([page.limit(first + 1).getMany(), filtered().getCount()]);
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(keyset.key(node)) }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A LIKE pattern matching `text` anywhere, as plain text: %, _ and \ match themselves (with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
