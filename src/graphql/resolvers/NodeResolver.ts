import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ItemLevel } from '../../db/entities';
import { MAX_PAGE } from '../connection';
import { badUserInput } from '../errors';
import type { Context } from '../loaders';
import { Node, parseGlobalId, toGlobalId } from '../node';
import { Matter } from './MatterResolver';

/** The object behind a global ID, through the request's loaders; null when it does not (or no longer) exists. */
export async function resolveNode(id: string, ctx: Context): Promise<object | null> {
  const parsed = parseGlobalId(id);
  if (!parsed) return null;
  const { type, localId } = parsed;
  const l = ctx.loaders;
  switch (type) {
    case 'Jurisdiction': return l.jurisdiction.load(localId);
    case 'PowerList': return l.list.load(localId);
    case 'Item': return l.item.load(localId);
    case 'ItemLevel': return l.itemLevel.load(localId);
    case 'Citation': return l.citation.load(localId);
    case 'Statute': return l.statute.load(localId);
    case 'Article': return l.article.load(localId);
    case 'Matter': {
      const entry = (await ctx.matters()).byId.get(localId);
      return entry ? Object.assign(new Matter(), { id: entry.id, entry }) : null;
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '按全局 ID 取任一对象；不存在（或 ID 不是本服务的）时为空。Any object by its global ID; null when there is none (or the ID is not ours).' })
  node(@Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return resolveNode(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: `按全局 ID 批量取对象（最多 ${MAX_PAGE} 个），顺序与输入一致，不存在的为空。Objects by global ID (at most ${MAX_PAGE}), in the order given, null where there is none.` })
  nodes(@Arg('ids', () => [ID], { description: '全局 ID 列表。Global IDs.' }) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_PAGE) throw badUserInput(`at most ${MAX_PAGE} ids, got ${ids.length}`);
    return Promise.all(ids.map((id) => resolveNode(id, ctx)));
  }
}

@Resolver(() => ItemLevel)
export class ItemLevelResolver {
  @FieldResolver(() => ID, { description: '全局 ID（由事项和行序号导出）。Global ID, from the item and the row\'s position.' })
  id(@Root() l: ItemLevel): string {
    return toGlobalId('ItemLevel', l.id);
  }
}
