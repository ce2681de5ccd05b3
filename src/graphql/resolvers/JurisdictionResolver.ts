import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType, Args } from 'type-graphql';
import { In } from 'typeorm';
import { Item, ItemLevel, Jurisdiction, PowerList } from '../../db/entities';
import { levelsBelow, levelsNamedByBody, type LevelKind } from '../../domain/levels';
import { checkFirst, connectionType, containsPattern, FIRST_PAGE, ITEM_ORDER, ItemConnection, JurisdictionConnection, keysetPage, type Page, PageArgs, pageArray, PowerListConnection } from '../connection';
import { toGlobalId } from '../node';
import { LevelEnum } from '../enums';
import type { Context } from '../loaders';

export const ItemOriginEnum = { OWN: 'OWN', LEVEL_ROW: 'LEVEL_ROW', EVERY_LEVEL: 'EVERY_LEVEL' } as const;
export type ItemOrigin = keyof typeof ItemOriginEnum;

registerEnumType(ItemOriginEnum, {
  name: 'ItemOrigin',
  description: '事项为何对某区划有效。Why an item applies to a jurisdiction.',
  valuesConfig: {
    OWN: { description: '本区划自己的清单列出。Listed by the jurisdiction\'s own list.' },
    LEVEL_ROW: { description: '上级清单在该事项下为本层级列出一行（如“县市级”）。An ancestor\'s list gives the item a row for this level (县市级 …).' },
    EVERY_LEVEL: { description: '上级清单的行使主体指各级（如“各级医疗保障行政部门”）。An ancestor\'s list names every level as the exercising body.' },
  },
});

@ObjectType({ description: '对某区划有效的事项，及其来源。An item that applies to a jurisdiction, and where it comes from.' })
export class EffectiveItem {
  @Field(() => Item, { description: '事项。The item.' })
  item: Item;
  @Field(() => ItemOriginEnum, { description: '来源类型。How it applies.' })
  origin: ItemOrigin;
  @Field(() => Jurisdiction, { description: '列出该事项的清单所属区划（OWN 时即本区划）。Jurisdiction whose list holds the item.' })
  from: Jurisdiction;
  @Field(() => ItemLevel, { nullable: true, description: '指派到本层级的层级行（LEVEL_ROW 时）。The level row assigning it (LEVEL_ROW only).' })
  levelRow: ItemLevel | null;
  /** 0 for the place's own items, 1 for its parent's, 2 for the grandparent's: the first part of the cursor. */
  distance: number;
}

export const EffectiveItemConnection = connectionType(EffectiveItem, 'EffectiveItem', '有效事项', 'effective items');
const effectiveKey = (e: EffectiveItem) => [e.distance, e.item.jurisdictionCode, e.item.listId, e.item.position];

async function ancestorsOf(j: Jurisdiction, ctx: Context): Promise<Jurisdiction[]> {
  const chain: Jurisdiction[] = [];
  for (let code = j.parentCode; code; ) {
    const parent = await ctx.loaders.jurisdiction.load(code);
    if (!parent) break;
    chain.unshift(parent);
    code = parent.parentCode;
  }
  return chain;
}

/**
 * The items a jurisdiction lists itself, then those its ancestors' lists
 * assign to its level, nearest ancestor first. A level row for the level
 * assigns the item; so does a body naming every level ("各级…") when the item
 * has no level rows of its own to say otherwise.
 */
export async function effectiveItemsOf(j: Jurisdiction, ctx: Context): Promise<EffectiveItem[]> {
  const ancestors = (await ancestorsOf(j, ctx)).reverse();
  const [own, ...above] = await Promise.all([j, ...ancestors].map((a) => ctx.loaders.itemsOfJurisdiction.load(a.code)));
  const out: EffectiveItem[] = own.map((item) => ({ item, origin: 'OWN', from: j, levelRow: null, distance: 0 }));
  const levels = await Promise.all(above.map((items) => Promise.all(items.map((i) => ctx.loaders.levelsOfItem.load(i.id)))));
  ancestors.forEach((a, ai) => {
    if (!levelsBelow(a.level).includes(j.level)) return;
    above[ai].forEach((item, ii) => {
      const rows = levels[ai][ii];
      const row = rows.find((r) => r.level === j.level);
      if (row) out.push({ item, origin: 'LEVEL_ROW', from: a, levelRow: row, distance: ai + 1 });
      else if (!rows.some((r) => r.level) && levelsNamedByBody(item.body)?.includes(j.level)) out.push({ item, origin: 'EVERY_LEVEL', from: a, levelRow: null, distance: ai + 1 });
    });
  });
  return out;
}

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { nullable: true, description: '按 GB/T 2260 代码查找区划。A jurisdiction by its GB/T 2260 code.' })
  jurisdiction(@Arg('code', () => ID, { description: 'GB/T 2260 代码，如 654028。GB/T 2260 code.' }) code: string, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    return ctx.loaders.jurisdiction.load(code);
  }

  @Query(() => JurisdictionConnection, { description: '区划，按条件过滤（条件同时满足），按代码排序；不给条件时为全部区划。Jurisdictions matching every filter given, by code; all of them when none is given.' })
  jurisdictions(
    @Ctx() ctx: Context,
    @Arg('level', () => LevelEnum, { nullable: true, description: '层级。Level.' }) level?: LevelKind | null,
    @Arg('parentCode', () => ID, { nullable: true, description: '上级区划代码：只要其直属下级。Only the direct children of this code.' }) parentCode?: string | null,
    @Arg('hasLists', () => Boolean, { nullable: true, description: 'true：只要自己发布了清单的；false：只要没有的。true: only those with lists of their own; false: only those without.' }) hasLists?: boolean | null,
    @Arg('name', () => String, { nullable: true, description: '名称或简称中的文字，如“伊犁”“尼勒克”。Text in the name or short name.' }) name?: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Jurisdiction>> {
    const filtered = () => {
      const q = ctx.ds.manager.createQueryBuilder(Jurisdiction, 'j');
      if (level) q.andWhere('j.level = :level', { level });
      if (parentCode) q.andWhere('j.parent_code = :parentCode', { parentCode });
      if (hasLists != null) q.andWhere(`${hasLists ? '' : 'NOT '}EXISTS (SELECT 1 FROM power_list l WHERE l.jurisdiction_code = j.code)`);
      if (name?.trim()) q.andWhere("(j.name LIKE :name ESCAPE '\\' OR j.short_name LIKE :name ESCAPE '\\')", { name: containsPattern(name.trim()) });
      return q;
    };
    return keysetPage(filtered, { columns: ['j.code'], id: 'j.code', key: (j) => [j.code] }, first, after, (codes) => ctx.loaders.jurisdiction.loadMany(codes));
  }

  @FieldResolver(() => ID, { description: '全局 ID。Global ID.' })
  id(@Root() j: Jurisdiction): string {
    return toGlobalId('Jurisdiction', j.code);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: '上级区划。The parent jurisdiction; null for a province.' })
  parent(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction | null> | null {
    return j.parentCode ? ctx.loaders.jurisdiction.load(j.parentCode) : null;
  }

  @FieldResolver(() => [Jurisdiction], { description: '全部上级区划，自省级起。Every ancestor, the province first.' })
  ancestors(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return ancestorsOf(j, ctx);
  }

  @FieldResolver(() => [Jurisdiction], { description: '直属下级区划（无论有无清单）。Direct children, with or without lists.' })
  children(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return ctx.loaders.children.load(j.code);
  }

  @FieldResolver(() => [Jurisdiction], { description: '全部下级区划，按代码排序，可限定层级。Every jurisdiction beneath, by code, optionally of one level.' })
  async descendants(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Arg('level', () => LevelEnum, { nullable: true, description: '只要该层级。Only this level.' }) level?: LevelKind | null,
  ): Promise<Jurisdiction[]> {
    const all = await ctx.loaders.descendants.load(j.code);
    return level ? all.filter((d) => d.level === level) : all;
  }

  @FieldResolver(() => PowerListConnection, { description: '本区划的权责清单，按部门排序。Lists published for this jurisdiction, by department.' })
  lists(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<PowerList>> {
    return ctx.loaders.pages.listsOfJurisdiction.load({ parent: j.code, first, after });
  }

  @FieldResolver(() => Int, { description: '清单数，可含全部下级。Number of lists, optionally with every jurisdiction beneath.' })
  listCount(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Arg('includeDescendants', { defaultValue: false, description: '含全部下级区划的清单。Count the lists beneath as well.' }) includeDescendants: boolean,
  ): Promise<number> {
    return (includeDescendants ? ctx.loaders.listCountBeneath : ctx.loaders.listCount).load(j.code);
  }

  @FieldResolver(() => ItemConnection, { description: '本区划清单中的事项（可含全部下级），按区划、清单、顺序排列。Items of this jurisdiction\'s lists, optionally with those beneath, in (jurisdiction, list, position) order.' })
  async items(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Arg('includeDescendants', { defaultValue: false, description: '含全部下级区划的事项。Include the items of every jurisdiction beneath.' }) includeDescendants: boolean,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    checkFirst(first);
    if (!after) return ctx.loaders.firstItemPage.load({ code: j.code, includeDescendants, first });
    // Later pages are asked for one node at a time.
    const codes = [j.code, ...(includeDescendants ? (await ctx.loaders.descendants.load(j.code)).map((d) => d.code) : [])];
    return keysetPage(() => ctx.ds.manager.createQueryBuilder(Item, 'i').where({ jurisdictionCode: In(codes) }), ITEM_ORDER, first, after, (ids) => ctx.loaders.item.loadMany(ids));
  }

  @FieldResolver(() => EffectiveItemConnection, { description: '对本区划有效的事项：自己清单的，加上上级清单指派到本层级的（近的上级在前）。Items that apply here: its own, then those its ancestors\' lists assign to its level, nearest ancestor first.' })
  async effectiveItems(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<EffectiveItem>> {
    checkFirst(first);
    return pageArray(await effectiveItemsOf(j, ctx), effectiveKey, 4, first, after);
  }
}
