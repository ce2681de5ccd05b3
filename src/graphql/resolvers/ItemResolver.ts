import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root, Args } from 'type-graphql';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList } from '../../db/entities';
import { ItemFieldType } from '../../db/entities/Item';
import type { PowerType } from '../../domain/powerTypes';
import { ItemOrderFieldEnum, OrderDirectionEnum, PowerTypeEnum, type ItemOrderField, type OrderDirection } from '../enums';
import type { Context } from '../loaders';
import { FIRST_PAGE, ITEM_ORDER, ItemConnection, type Keyset, keysetPage, type Page, PageArgs, PageInfo } from '../connection';
import { localIdOf, toGlobalId } from '../node';
import { findStatute } from './StatuteResolver';
import { itemTextFilter } from '../../db/search';
import { SearchInputError } from '../../domain/searchQuery';
import { badUserInput, notFound } from '../errors';

@ObjectType({ description: '相关事项连接中的一条边：另一事项，及两者共同引用的条款。An edge to another item citing an article this item cites, with the articles both cite.' })
export class RelatedItemEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Item, { description: '另一事项。The other item.' })
  node: Item;
  /** The item whose related items these are. */
  sourceId: string;
}

@ObjectType({ description: '相关事项的分页连接（Relay），按区划、清单、顺序排列。A Relay connection of related items, in (jurisdiction, list, position) order.' })
export class RelatedItemConnection {
  @Field(() => [RelatedItemEdge], { description: '本页的边。Edges of this page.' })
  edges: RelatedItemEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '相关事项总数。Total number of related items.' })
  totalCount: number;
}

@InputType({ description: '事项的排序。How items are sorted.' })
export class ItemOrder {
  @Field(() => ItemOrderFieldEnum, { description: '排序依据。Sort key.' })
  field: ItemOrderField;
  @Field(() => OrderDirectionEnum, { defaultValue: 'ASC', description: '方向。Direction.' })
  direction: OrderDirection;
}

const NAME_ORDER: Keyset<Item> = { columns: ['i.name', 'i.id'], id: 'i.id', key: (i) => [i.name, i.id] };

@Resolver(() => RelatedItemEdge)
export class RelatedItemEdgeResolver {
  @FieldResolver(() => [Article], { description: '两者共同引用的条款，按 ID 排序。The articles both items cite.' })
  async articles(@Root() e: RelatedItemEdge, @Ctx() ctx: Context): Promise<Article[]> {
    const ids = await ctx.loaders.sharedArticles.load(`${e.sourceId}|${e.node.id}`);
    return (await ctx.loaders.article.loadMany(ids)).filter((a): a is Article => a instanceof Article);
  }
}

@Resolver(() => Item)
export class ItemResolver {
  @Query(() => Item, { nullable: true, description: '按全局 ID 查找事项。An item by its global ID.' })
  item(@Arg('id', () => ID, { description: '事项的全局 ID。The item\'s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Item | null> {
    return ctx.loaders.item.load(localIdOf(id, 'Item'));
  }

  @Query(() => ItemConnection, { description: '事项，按条件过滤（同时满足），按区划、清单、顺序排列。Items matching every filter given, in (jurisdiction, list, position) order.' })
  async items(
    @Ctx() ctx: Context,
    @Arg('jurisdictionCode', () => ID, { nullable: true, description: '区划代码。Jurisdiction code.' }) jurisdictionCode?: string | null,
    @Arg('includeDescendants', () => Boolean, { defaultValue: false, description: '与 jurisdictionCode 同用：含全部下级区划的事项。With jurisdictionCode: include every jurisdiction beneath.' }) includeDescendants = false,
    @Arg('powerType', () => PowerTypeEnum, { nullable: true, description: '权力类型。Power type.' }) powerType?: PowerType | null,
    @Arg('listId', () => ID, { nullable: true, description: '清单的全局 ID。Global ID of a list.' }) listId?: string | null,
    @Arg('statute', () => String, { nullable: true, description: '引用该法规（任一写法的标题）。Citing this statute (title in any spelling).' }) statute?: string | null,
    @Arg('articleId', () => ID, { nullable: true, description: '引用该条（条款的全局 ID）。Citing this article (its global ID).' }) articleId?: string | null,
    @Arg('text', () => String, { nullable: true, description: '名称、依据或职责中的文字（与 searchItems 同一检索；空格分隔的词须全部出现）。Text in the name, legal basis or duties (the searchItems match; space-separated terms must all occur).' }) text?: string | null,
    @Arg('orderBy', () => ItemOrder, { nullable: true, description: '排序，默认按区划、清单、顺序。Sort order; by jurisdiction, list and position when omitted.' }) orderBy?: ItemOrder | null,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    const order = { ...(orderBy?.field === 'NAME' ? NAME_ORDER : ITEM_ORDER), descending: orderBy?.direction === 'DESC' };
    // A filter naming something that does not exist is a mistake to report, not an empty page.
    if (jurisdictionCode && !(await ctx.loaders.jurisdiction.load(jurisdictionCode))) throw notFound(`no jurisdiction with code ${jurisdictionCode}`);
    const codes = jurisdictionCode ? [jurisdictionCode, ...(includeDescendants ? (await ctx.loaders.descendants.load(jurisdictionCode)).map((d) => d.code) : [])] : null;
    const list = listId ? localIdOf(listId, 'PowerList') : null;
    const article = articleId ? localIdOf(articleId, 'Article') : null;
    const statuteRow = statute ? await findStatute(ctx, statute) : null;
    let textFilter: { sql: string; params: Record<string, unknown> } | null = null;
    if (text != null) {
      try {
        textFilter = itemTextFilter(ctx.ds, 'i', text);
      } catch (e) {
        if (e instanceof SearchInputError) throw badUserInput(e.message);
        throw e;
      }
    }
    if (statute && !statuteRow) throw notFound(`no statute titled ${statute}`);
    const filtered = () => {
      const q = ctx.ds.manager.createQueryBuilder(Item, 'i');
      if (codes) q.andWhere(codes.length === 1 ? 'i.jurisdiction_code = :jc' : 'i.jurisdiction_code IN (:...codes)', { jc: codes[0], codes });
      // Power types are stored as a JSON array of enum names; a quoted name cannot match inside another.
      if (powerType) q.andWhere('CAST(i.power_types AS TEXT) LIKE :pt', { pt: `%"${powerType}"%` });
      if (list) q.andWhere('i.list_id = :list', { list });
      if (statuteRow) q.andWhere('EXISTS (SELECT 1 FROM citation c WHERE c.item_id = i.id AND c.statute_id = :sid)', { sid: statuteRow.id });
      if (article) q.andWhere('EXISTS (SELECT 1 FROM citation ca WHERE ca.item_id = i.id AND ca.article_id = :aid)', { aid: article });
      if (textFilter) q.andWhere(textFilter.sql, textFilter.params);
      return q;
    };
    return keysetPage(filtered, order, first, after, (ids) => ctx.loaders.item.loadMany(ids));
  }

  @FieldResolver(() => ID, { description: '全局 ID：由区划、部门、权力类型、名称和子项导出，重新导入不变。Global ID, derived from jurisdiction, department, power type, name and sub-item: stable across re-imports.' })
  id(@Root() i: Item): string {
    return toGlobalId('Item', i.id);
  }

  @FieldResolver(() => PowerList, { description: '事项所在清单。The list the item was read from.' })
  async list(@Root() i: Item, @Ctx() ctx: Context): Promise<PowerList> {
    return (await ctx.loaders.list.load(i.listId))!;
  }

  @FieldResolver(() => Jurisdiction, { description: '事项所属区划。The jurisdiction whose list holds the item.' })
  async jurisdiction(@Root() i: Item, @Ctx() ctx: Context): Promise<Jurisdiction> {
    return (await ctx.loaders.jurisdiction.load(i.jurisdictionCode))!;
  }

  @FieldResolver(() => String, { nullable: true, description: '实施依据（清洗后文本）。Legal basis, cleaned text.' })
  async legalBasis(@Root() i: Item, @Ctx() ctx: Context): Promise<string | null> {
    return i.legalBasis !== undefined ? i.legalBasis : (await ctx.loaders.itemTexts.load(i.id)).legalBasis;
  }

  @FieldResolver(() => [ItemFieldType], { description: '事项的全部字段，含上列字段。Every field of the item, labelled.' })
  async fields(@Root() i: Item, @Ctx() ctx: Context): Promise<ItemFieldType[]> {
    return i.fields ?? (await ctx.loaders.itemTexts.load(i.id)).fields;
  }

  @FieldResolver(() => [ItemLevel], { description: '按层级分列的行。Per-level rows under the item.' })
  levels(@Root() i: Item, @Ctx() ctx: Context): Promise<ItemLevel[]> {
    return ctx.loaders.levelsOfItem.load(i.id);
  }

  @FieldResolver(() => [Citation], { description: '事项引用的法规条款。The statutes and articles the item cites.' })
  citations(@Root() i: Item, @Ctx() ctx: Context): Promise<Citation[]> {
    return ctx.loaders.citationsOfItem.load(i.id);
  }

  @FieldResolver(() => RelatedItemConnection, { description: '引用了相同条款的其他事项（跨清单、跨区划），及共同引用的条款。Other items, in any list or jurisdiction, citing an article this item cites, with the articles shared.' })
  async relatedItems(
    @Root() i: Item,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<RelatedItemConnection> {
    const page = await ctx.loaders.pages.relatedItems.load({ parent: i.id, first, after });
    return { ...page, edges: page.edges.map((e) => Object.assign(new RelatedItemEdge(), { ...e, sourceId: i.id })) };
  }
}
