import { Field, Int, ObjectType } from 'type-graphql';
import { Item, Statute } from '../db/entities';

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

/** Items are ordered by (jurisdiction, list, position); the cursor carries that key. */
export type ItemKey = [string, string, number];

export function encodeItemCursor(item: Pick<Item, 'jurisdictionCode' | 'listId' | 'position'>): string {
  return Buffer.from(JSON.stringify([item.jurisdictionCode, item.listId, item.position])).toString('base64url');
}

export function decodeItemCursor(cursor: string): ItemKey {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && typeof v[1] === 'string' && Number.isInteger(v[2])) return v as ItemKey;
  } catch {
    /* fall through */
  }
  throw new Error(`invalid cursor: ${cursor}`);
}

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

export function encodeTitleCursor(title: string): string {
  return Buffer.from(JSON.stringify(['t', title])).toString('base64url');
}

export function decodeTitleCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v[0] === 't' && typeof v[1] === 'string') return v[1];
  } catch {
    /* fall through */
  }
  throw new Error(`invalid cursor: ${cursor}`);
}
