import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { CHANGE_ENTITY_TYPES, Change as ChangeRow, type ChangeEntityType, type ChangeOperation } from '../../db/entities/Change';
import { syncPosition } from '../../db/changes';
import { EntityReader, readSql, valueList } from '../../db/reader';
import type { DataSource } from 'typeorm';
import { MAX_PAGE, PageInfo, checkFirst, encodeCursor, pageInfo } from '../connection';
import { snapshotRequired } from '../errors';
import type { Context } from '../loaders';
import { Node, toGlobalId, type NodeTypeName } from '../node';
import { DateTimeISO } from '../scalars';
import { resolveNode } from './NodeResolver';

export const ChangeEntityEnum = Object.fromEntries(CHANGE_ENTITY_TYPES.map((t) => [t, t])) as { [K in ChangeEntityType]: K };
registerEnumType(ChangeEntityEnum, {
  name: 'ChangeEntity',
  description: '变更日志记录的对象类型。The kinds of object the change log reports on.',
  valuesConfig: {
    LIST: { description: '清单（PowerList）。A list.' },
    ITEM: { description: '事项（Item，含其分级行与引用）。An item, with its levels and citations.' },
    STATUTE: { description: '法规（Statute）。A statute.' },
    ARTICLE: { description: '条款（Article）。An article.' },
  },
});

export const ChangeOperationEnum = { UPSERT: 'UPSERT', DELETE: 'DELETE' } as const;
registerEnumType(ChangeOperationEnum, {
  name: 'ChangeOperation',
  description: '变更类型。What happened to the object.',
  valuesConfig: {
    UPSERT: { description: '新增或修改；取 node 得其现状。Created or changed: its current state is `node`.' },
    DELETE: { description: '删除。Deleted.' },
  },
});

/** The GraphQL type name behind each change-log entity type, for global IDs. */
const TYPE_NAMES: Record<ChangeEntityType, NodeTypeName> = { LIST: 'PowerList', ITEM: 'Item', STATUTE: 'Statute', ARTICLE: 'Article' };

@ObjectType({ description: '变更日志中的一条：某修订号上某对象被写入或删除。One change-log entry: an object written or deleted at a revision.' })
export class Change {
  @Field(() => Int, { description: '修订号：全局唯一、单调递增；下次从这里继续（changes(after:)）。Revision: one increasing sequence; continue from here with changes(after:).' })
  revision: number;
  @Field(() => ChangeEntityEnum, { description: '对象类型。The kind of object.' })
  entityType: ChangeEntityType;
  /** Local ID; served as a global ID. */
  localId: string;
  @Field(() => ChangeOperationEnum, { description: '写入或删除。Written or deleted.' })
  operation: ChangeOperation;
  @Field(() => DateTimeISO, { description: '变更时间。When the change was committed.' })
  changedAt: Date;
}

@ObjectType({ description: '变更连接中的一条边。An edge in a connection of changes.' })
class ChangeEdge {
  @Field({ description: '不透明游标（与 node.revision 等价）。Opaque cursor (equivalent to node.revision).' })
  cursor: string;
  @Field(() => Change, { description: '变更。The change.' })
  node: Change;
}

@ObjectType({ description: '按修订号排列的变更（Relay）。Changes in revision order (a Relay connection).' })
class ChangeConnection {
  @Field(() => [ChangeEdge], { description: '本页的边。Edges of this page.' })
  edges: ChangeEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: 'after 之后（按 types 过滤）的变更总数。Changes after `after` (of `types`, when given).' })
  totalCount: number;
  @Field(() => Int, { description: '读取时的修订号高水位。The revision high-water mark when this page was read.' })
  revision: number;
}

const readers = new WeakMap<DataSource, EntityReader<ChangeRow>>();
function changeReader(ds: DataSource): EntityReader<ChangeRow> {
  let r = readers.get(ds);
  if (!r) readers.set(ds, (r = new EntityReader(ds, ChangeRow)));
  return r;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => Int, { description: '当前修订号：最后一次变更的修订号（无变更时为 0）。The current revision: that of the last change (0 before any).' })
  async revision(@Ctx() ctx: Context): Promise<number> {
    return (await syncPosition(ctx.ds.manager)).revision;
  }

  @Query(() => ChangeConnection, {
    description:
      '某修订号之后的变更，按修订号排列。保存最后看到的修订号、下次从它继续，每条变更恰好收到一次。after 早于已压缩的日志时报 SNAPSHOT_REQUIRED：先取全量导出（/export/*.ndjson，带 X-Revision），再从其修订号继续。' +
      ' Changes after a revision, in revision order. Keep the last revision seen and continue from it: every change arrives exactly once. An `after` older than the compacted log fails with SNAPSHOT_REQUIRED: take a full export (/export/*.ndjson, which says its X-Revision) and continue from its revision.',
  })
  async changes(
    @Ctx() ctx: Context,
    @Arg('after', () => Int, { defaultValue: 0, description: '上次看到的修订号（从头开始为 0）。The last revision seen (0 from the start).' }) after: number,
    @Arg('first', () => Int, { defaultValue: MAX_PAGE, description: `每页条数（0–${MAX_PAGE}）。Page size, 0 to ${MAX_PAGE}.` }) first: number,
    @Arg('types', () => [ChangeEntityEnum], { nullable: true, description: '只要这些类型的对象（缺省为全部）。Only these kinds of object (all when omitted).' }) types?: ChangeEntityType[] | null,
  ): Promise<ChangeConnection> {
    checkFirst(first);
    const pos = await syncPosition(ctx.ds.manager);
    if (after < pos.compactedThrough) throw snapshotRequired(after, pos.compactedThrough, pos.revision);
    const filter = types?.length ? ' AND t.entity_type IN (?*)' : '';
    const params = [after, ...(types?.length ? [valueList(types)] : [])];
    const reader = changeReader(ctx.ds);
    const [rows, [count]] = await Promise.all([
      reader.query(`${reader.from} WHERE t.revision > ?${filter} ORDER BY t.revision LIMIT ?`, [...params, first + 1]),
      readSql<{ n: number | string }>(ctx.ds, `SELECT COUNT(*) AS n FROM change t WHERE t.revision > ?${filter}`, params),
    ]);
    const edges = rows.slice(0, first).map((r) => {
      const node = Object.assign(new Change(), { revision: r.revision, entityType: r.entityType, localId: r.entityId, operation: r.operation, changedAt: r.changedAt });
      return { cursor: encodeCursor([node.revision]), node };
    });
    return { edges, pageInfo: pageInfo(edges, rows.length > first, after ? encodeCursor([after]) : null), totalCount: Number(count.n), revision: pos.revision };
  }

  @FieldResolver(() => ID, { description: '对象的全局 ID（删除后仍可用于在本地删除）。Global ID of the object (still there for a delete, to remove your copy).' })
  entityId(@Root() c: Change): string {
    return toGlobalId(TYPE_NAMES[c.entityType], c.localId);
  }

  @FieldResolver(() => Node, { nullable: true, description: '对象的现状；删除时（或其后已被删除）为空。The object as it is now; null for a delete (or when deleted since).' })
  async node(@Root() c: Change, @Ctx() ctx: Context): Promise<object | null> {
    // The same lookup as node(id): one place knows which loader serves which type.
    return c.operation === 'DELETE' ? null : resolveNode(toGlobalId(TYPE_NAMES[c.entityType], c.localId), ctx);
  }
}
