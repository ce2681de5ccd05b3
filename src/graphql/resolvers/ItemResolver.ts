import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList } from '../../db/entities';
import type { PowerType } from '../../domain/powerTypes';
import { PowerTypeEnum } from '../enums';
import type { Context } from '../loaders';
import { ITEM_ORDER, ItemConnection, keysetPage, MAX_PAGE } from '../connection';

@ObjectType({ description: '引用了相同条款的另一事项（跨清单、跨区划）。Another item citing an article this item cites.' })
export class RelatedItem {
  @Field(() => Item, { description: '另一事项。The other item.' })
  item: Item;
  @Field(() => [Article], { description: '两者共同引用的条款。The articles both items cite.' })
  articles: Article[];
}

@Resolver(() => Item)
export class ItemResolver {
  @Query(() => Item, { nullable: true, description: '按 ID 查找事项。An item by ID.' })
  item(@Arg('id', () => ID, { description: '事项 ID。Item ID.' }) id: string, @Ctx() ctx: Context): Promise<Item | null> {
    return ctx.loaders.item.load(id);
  }

  @Query(() => ItemConnection, { description: '事项，可按区划和权力类型过滤，按区划、清单、顺序排列。Items, filtered by jurisdiction and power type, in (jurisdiction, list, position) order.' })
  async items(
    @Ctx() ctx: Context,
    @Arg('jurisdictionCode', () => String, { nullable: true, description: '区划代码。Jurisdiction code.' }) jurisdictionCode?: string | null,
    @Arg('powerType', () => PowerTypeEnum, { nullable: true, description: '权力类型。Power type.' }) powerType?: PowerType | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `每页条数（最多 ${MAX_PAGE}）。Page size, at most ${MAX_PAGE}.` }) first = 20,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor。endCursor of the previous page.' }) after?: string | null,
  ): Promise<ItemConnection> {
    const filtered = () => {
      const q = ctx.ds.manager.createQueryBuilder(Item, 'i');
      if (jurisdictionCode) q.andWhere('i.jurisdiction_code = :jc', { jc: jurisdictionCode });
      // Power types are stored as a JSON array of enum names; a quoted name cannot match inside another.
      if (powerType) q.andWhere('CAST(i.power_types AS TEXT) LIKE :pt', { pt: `%"${powerType}"%` });
      return q;
    };
    return keysetPage(filtered, ITEM_ORDER, first, after);
  }

  @FieldResolver(() => PowerList, { description: '事项所在清单。The list the item was read from.' })
  async list(@Root() i: Item, @Ctx() ctx: Context): Promise<PowerList> {
    return (await ctx.loaders.list.load(i.listId))!;
  }

  @FieldResolver(() => Jurisdiction, { description: '事项所属区划。The jurisdiction whose list holds the item.' })
  async jurisdiction(@Root() i: Item, @Ctx() ctx: Context): Promise<Jurisdiction> {
    return (await ctx.loaders.jurisdiction.load(i.jurisdictionCode))!;
  }

  @FieldResolver(() => [ItemLevel], { description: '按层级分列的行。Per-level rows under the item.' })
  levels(@Root() i: Item, @Ctx() ctx: Context): Promise<ItemLevel[]> {
    return ctx.loaders.levelsOfItem.load(i.id);
  }

  @FieldResolver(() => [Citation], { description: '事项引用的法规条款。The statutes and articles the item cites.' })
  citations(@Root() i: Item, @Ctx() ctx: Context): Promise<Citation[]> {
    return ctx.loaders.citationsOfItem.load(i.id);
  }

  @FieldResolver(() => [RelatedItem], { description: '引用了相同条款的其他事项（跨区划）。Other items, in any jurisdiction, citing an article this item cites.' })
  async relatedItems(@Root() i: Item, @Ctx() ctx: Context): Promise<RelatedItem[]> {
    const rows = await ctx.loaders.relatedOfItem.load(i.id);
    const byItem = new Map<string, { item: Item; articleIds: string[] }>();
    for (const r of rows) {
      const g = byItem.get(r.item.id) ?? byItem.set(r.item.id, { item: r.item, articleIds: [] }).get(r.item.id)!;
      if (!g.articleIds.includes(r.articleId)) g.articleIds.push(r.articleId);
    }
    return Promise.all(
      [...byItem.values()].map(async (g) => ({
        item: g.item,
        articles: (await ctx.loaders.article.loadMany(g.articleIds)).filter((a): a is Article => a instanceof Article),
      })),
    );
  }
}
