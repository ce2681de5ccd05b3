import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, Resolver, Root, registerEnumType, Args } from 'type-graphql';
import { Article, Item, Jurisdiction, Statute } from '../../db/entities';
import { consistency, type Aspect, type Difference } from '../../domain/matters';
import type { LevelKind } from '../../domain/levels';
import { formatArticleLabel } from '../../domain/numerals';
import { POWER_TYPE_NAMES, type PowerType } from '../../domain/powerTypes';
import { checkFirst, connectionType, FIRST_PAGE, ItemConnection, JurisdictionConnection, type Page, PageArgs, pageArray, PageInfo } from '../connection';
import { localIdOf, Node, toGlobalId } from '../node';
import { LevelEnum, PowerTypeEnum } from '../enums';
import type { Context } from '../loaders';
import type { MatterEntry } from '../matterIndex';
import { EffectiveItem, effectiveItemsOf } from './JurisdictionResolver';

export const MatterAspectEnum = { NAME: 'NAME', POWER_TYPE: 'POWER_TYPE', STATUTES: 'STATUTES', ARTICLES: 'ARTICLES' } as const;
registerEnumType(MatterAspectEnum, {
  name: 'MatterAspect',
  description: '“四级四同”比较的方面。What 四级四同 compares.',
  valuesConfig: {
    NAME: { description: '事项名称。Item name.' },
    POWER_TYPE: { description: '权力类型。Power type.' },
    STATUTES: { description: '引用的法规。Statutes cited.' },
    ARTICLES: { description: '引用的条款。Articles cited.' },
  },
});

export const GapReasonEnum = { ASSIGNED_FROM_ABOVE: 'ASSIGNED_FROM_ABOVE', LISTED_BY_SIBLINGS: 'LISTED_BY_SIBLINGS' } as const;
type GapReason = keyof typeof GapReasonEnum;
registerEnumType(GapReasonEnum, {
  name: 'GapReason',
  description: '为何认为本区划缺少该事项。Why the matter is a gap for the jurisdiction.',
  valuesConfig: {
    ASSIGNED_FROM_ABOVE: { description: '上级清单把它指派到本层级。An ancestor\'s list assigns it to this level.' },
    LISTED_BY_SIBLINGS: { description: '同一上级下的其他区划列出了它。Places with the same parent list it.' },
  },
});

/** The root of every Matter field: the grouped entry from the index. */
@ObjectType({ implements: Node, description: '事项归并：不同清单中同一项权力。A matter: one power as different lists name it.' })
export class Matter {
  /** Local ID (from the group's anchor); `id` in the API is the global one. */
  id: string;
  entry: MatterEntry;
}

@ObjectType({ description: '相似度的一条依据。One signal behind a similarity score.' })
export class MatterEvidence {
  @Field({ description: '依据类别，如 SAME_NAME、SHARED_ARTICLES。Kind of signal.' })
  kind: string;
  @Field({ description: '说明。What was found.' })
  detail: string;
  @Field(() => Float, { description: '对得分的贡献（负数为反证）。Contribution to the score; negative against.' })
  weight: number;
}

@ObjectType({ description: '归并中的一个事项，及其与锚点的相似度。A member item and how similar it is to the anchor.' })
export class MatterItem {
  @Field(() => Item, { description: '事项。The item.' })
  item: Item;
  @Field(() => Float, { description: '与锚点的相似度（0–1；锚点为 1）。Similarity to the anchor, 0–1 (1 for the anchor).' })
  score: number;
  @Field(() => [MatterEvidence], { description: '相似度依据。Evidence for the score.' })
  evidence: MatterEvidence[];
}

@ObjectType({ description: '某一方面的一种写法，及采用它的事项。One variant of an aspect and the items giving it.' })
export class MatterVariant {
  @Field(() => [String], { description: '取值：名称、权力类型、法规标题或条款（如《社会保险法》第八十七条）。The value(s).' })
  values: string[];
  // Resolved only when asked for: a variant of a national matter holds thousands of items.
  memberIds: string[];
  jurisdictionCodes: string[];
}

@ObjectType({ description: '各区划在某一方面的不同。How members differ on one aspect.' })
export class MatterDifference {
  @Field(() => MatterAspectEnum, { description: '方面。The aspect.' })
  aspect: Aspect;
  @Field(() => [MatterVariant], { description: '各种写法，采用多的在前。The variants, most used first.' })
  variants: MatterVariant[];
}

@ObjectType({ description: '“四级四同”检查：名称、类型、依据是否一致。The 四级四同 check: do names, types and legal basis agree?' })
export class MatterConsistency {
  @Field({ description: '各方面完全一致。True when no aspect differs.' })
  uniform: boolean;
  @Field(() => [MatterDifference], { description: '不一致的方面。The aspects that differ.' })
  differences: MatterDifference[];
}

@ObjectType({ description: '本区划缺少的事项：上级指派或同级列出，而自己的清单没有。A matter the place\'s own list lacks, though assigned from above or listed by its siblings.' })
export class MatterGap {
  @Field(() => Matter, { description: '所缺的事项归并。The matter.' })
  matter: Matter;
  @Field(() => [GapReasonEnum], { description: '原因。Why it is a gap.' })
  reasons: GapReason[];
  @Field(() => [EffectiveItem], { description: '上级清单中指派到本层级的事项。The ancestors\' items assigning it here.' })
  assignedBy: EffectiveItem[];
  @Field(() => [Jurisdiction], { description: '列出它的同级区划。Siblings listing it.' })
  siblings: Jurisdiction[];
}

@ObjectType({ description: '事项归并连接中的一条边。An edge in a matter connection.' })
export class MatterEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Matter, { description: '事项归并。The matter.' })
  node: Matter;
}

@ObjectType({ description: '事项归并的分页连接：涉及区划多的在前。A Relay connection of matters, those spanning most places first.' })
export class MatterConnection {
  @Field(() => [MatterEdge], { description: '本页的边。Edges of this page.' })
  edges: MatterEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '满足条件的总数。Total matching.' })
  totalCount: number;
}

@InputType({ description: '事项归并的过滤条件（同时满足）。Filters on matters, all applied.' })
export class MatterFilter {
  @Field(() => ID, { nullable: true, description: '涉及该区划（自己的清单）。Taking in an item of this jurisdiction\'s own lists.' })
  jurisdictionCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: '与 jurisdictionCode 同用：也算其全部下级。With jurisdictionCode: count every place beneath it too.' })
  includeDescendants?: boolean | null;
  @Field(() => LevelEnum, { nullable: true, description: '涉及该层级的区划。Taking in a jurisdiction of this level.' })
  level?: LevelKind | null;
  @Field(() => String, { nullable: true, description: '任一事项名称中的文字。Text in any member\'s name.' })
  name?: string | null;
  @Field(() => PowerTypeEnum, { nullable: true, description: '任一事项有此权力类型。A member has this power type.' })
  powerType?: PowerType | null;
  @Field(() => Int, { nullable: true, description: '至少涉及这么多区划。Spanning at least this many jurisdictions.' })
  minJurisdictions?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true：只要有不一致的；false：只要完全一致的。true: only those that differ somewhere; false: only uniform ones.' })
  inconsistent?: boolean | null;
}

// The data behind an index never changes: compute each matter's differences once.
const differenceCache = new WeakMap<MatterEntry, Difference[]>();
function differencesOf(entry: MatterEntry): Difference[] {
  let d = differenceCache.get(entry);
  if (!d) differenceCache.set(entry, (d = consistency(entry.group.members.map((x) => x.member))));
  return d;
}

/** Per entry, computed once per index: what each request would otherwise recompute over thousands of members. */
interface Derived {
  /** Every member's name, one per line: a name filter is one substring search. */
  names: string;
  /** Members in page order: the anchor, then by jurisdiction code and ID. */
  sortedMembers: MatterEntry['group']['members'];
  /** Each difference's variants' jurisdiction codes, sorted. */
  variantPlaces: string[][][];
}
const derivedCache = new WeakMap<MatterEntry, Derived>();
export const memberKey = (anchor: string, x: MatterEntry['group']['members'][number]): [number, string, string] => [x.member.id === anchor ? 0 : 1, x.member.jurisdictionCode, x.member.id];
function derived(entry: MatterEntry): Derived {
  let d = derivedCache.get(entry);
  if (d) return d;
  const anchor = entry.group.anchor.id;
  const keyed = entry.group.members.map((x) => ({ x, k: memberKey(anchor, x) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || (a.k[1] < b.k[1] ? -1 : a.k[1] > b.k[1] ? 1 : a.k[2] < b.k[2] ? -1 : a.k[2] > b.k[2] ? 1 : 0));
  const place = new Map(entry.group.members.map((x) => [x.member.id, x.member.jurisdictionCode]));
  d = {
    names: entry.group.members.map((x) => x.member.name).join('\n'),
    sortedMembers: keyed.map((e) => e.x),
    variantPlaces: differencesOf(entry).map((diff) => diff.variants.map((v) => [...new Set(v.memberIds.map((id) => place.get(id)!))].sort())),
  };
  derivedCache.set(entry, d);
  return d;
}

const toMatter = (entry: MatterEntry): Matter => Object.assign(new Matter(), { id: entry.id, entry });

/** Spanning most places first, then by ID: a total order, so cursors are stable; ascending, as pageArray reads it. */
const ascendingKey = (m: MatterEntry): [number, string] => [-m.jurisdictionCodes.length, m.id];

function compareEntries(a: MatterEntry, b: MatterEntry): number {
  return a.jurisdictionCodes.length === b.jurisdictionCodes.length ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : b.jurisdictionCodes.length - a.jurisdictionCodes.length;
}

export const MatterItemConnection = connectionType(MatterItem, 'MatterItem', '归并成员', 'member items');
export const MatterGapConnection = connectionType(MatterGap, 'MatterGap', '缺项', 'gaps');

/** A page of jurisdictions out of sorted codes, loaded for the page only. */
async function jurisdictionPage(codes: string[], ctx: Context, first: number, after?: string | null): Promise<Page<Jurisdiction>> {
  const page = pageArray(codes, (c) => [c], 1, first, after);
  const rows = await ctx.loaders.jurisdiction.loadMany(page.edges.map((e) => e.node));
  return { ...page, edges: page.edges.flatMap((e, i) => (rows[i] instanceof Jurisdiction ? [{ cursor: e.cursor, node: rows[i] as Jurisdiction }] : [])) };
}


async function loadJurisdictions(codes: string[], ctx: Context): Promise<Jurisdiction[]> {
  return (await ctx.loaders.jurisdiction.loadMany(codes)).filter((j): j is Jurisdiction => j instanceof Jurisdiction);
}

export async function gapsOf(j: Jurisdiction, ctx: Context): Promise<MatterGap[]> {
  const index = await ctx.matters();
  const own = new Set((index.byJurisdiction.get(j.code) ?? []).map((m) => m.id));
  const gaps = new Map<string, MatterGap>();
  const gapFor = (entry: MatterEntry) =>
    gaps.get(entry.id) ?? gaps.set(entry.id, { matter: toMatter(entry), reasons: [], assignedBy: [], siblings: [] }).get(entry.id)!;
  for (const e of await effectiveItemsOf(j, ctx)) {
    if (e.origin === 'OWN') continue;
    const entry = index.byItem.get(e.item.id);
    if (!entry || own.has(entry.id)) continue;
    const gap = gapFor(entry);
    if (!gap.reasons.includes('ASSIGNED_FROM_ABOVE')) gap.reasons.push('ASSIGNED_FROM_ABOVE');
    gap.assignedBy.push(e);
  }
  const siblings = j.parentCode ? (await ctx.loaders.children.load(j.parentCode)).filter((s) => s.code !== j.code) : [];
  for (const s of siblings) {
    for (const entry of index.byJurisdiction.get(s.code) ?? []) {
      if (own.has(entry.id)) continue;
      const gap = gapFor(entry);
      if (!gap.reasons.includes('LISTED_BY_SIBLINGS')) gap.reasons.push('LISTED_BY_SIBLINGS');
      gap.siblings.push(s);
    }
  }
  return [...gaps.values()].sort((a, b) => b.reasons.length - a.reasons.length || b.siblings.length - a.siblings.length || compareEntries(a.matter.entry, b.matter.entry));
}

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => Matter, { nullable: true, description: '按 ID 查找事项归并。A matter by ID.' })
  async matter(@Arg('id', () => ID, { description: '事项归并 ID。Matter ID.' }) id: string, @Ctx() ctx: Context): Promise<Matter | null> {
    const entry = (await ctx.matters()).byId.get(localIdOf(id, 'Matter'));
    return entry ? toMatter(entry) : null;
  }

  @Query(() => MatterConnection, { description: '事项归并：不同清单中的同一项权力，涉及区划多的在前。Matters across lists, those spanning most places first.' })
  async matters(
    @Ctx() ctx: Context,
    @Arg('filter', () => MatterFilter, { nullable: true, description: '过滤条件。Filters.' }) filter?: MatterFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<MatterConnection> {
    checkFirst(first);
    const index = await ctx.matters();
    let places: Set<string> | null = null;
    if (filter?.jurisdictionCode) {
      places = new Set([filter.jurisdictionCode]);
      if (filter.includeDescendants) for (const d of await ctx.loaders.descendants.load(filter.jurisdictionCode)) places.add(d.code);
    }
    let levelOf: Map<string, LevelKind> | null = null;
    if (filter?.level) {
      const codes = [...new Set(index.matters.flatMap((m) => m.jurisdictionCodes))];
      levelOf = new Map((await loadJurisdictions(codes, ctx)).map((j) => [j.code, j.level]));
    }
    const name = filter?.name?.trim();
    const matches = index.matters.filter((m) => {
      if (places && !m.jurisdictionCodes.some((c) => places!.has(c))) return false;
      if (levelOf && !m.jurisdictionCodes.some((c) => levelOf!.get(c) === filter!.level)) return false;
      if (name && !derived(m).names.includes(name)) return false;
      if (filter?.powerType && !m.group.members.some(({ member }) => member.powerTypes.includes(filter.powerType!))) return false;
      if (filter?.minJurisdictions != null && m.jurisdictionCodes.length < filter.minJurisdictions) return false;
      if (filter?.inconsistent != null && (differencesOf(m).length > 0) !== filter.inconsistent) return false;
      return true;
    });
    matches.sort(compareEntries);
    const page = pageArray(matches, ascendingKey, 2, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toMatter(e.node) })) };
  }

  @FieldResolver(() => ID, { description: '全局 ID：由归并锚点导出，数据不变则不变。Global ID, derived from the group\'s anchor.' })
  id(@Root() m: Matter): string {
    return toGlobalId('Matter', m.id);
  }

  @FieldResolver(() => String, { description: '名称：成员中最常见的写法（并列取锚点的）。The name most members give (the anchor\'s on a tie).' })
  name(@Root() m: Matter): string {
    const counts = new Map<string, number>();
    for (const { member } of m.entry.group.members) counts.set(member.name, (counts.get(member.name) ?? 0) + 1);
    const anchor = m.entry.group.anchor.name;
    return [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === anchor) - Number(a[0] === anchor))[0][0];
  }

  @FieldResolver(() => MatterItemConnection, { description: '成员事项：锚点在前，其余按区划代码。Member items: the anchor first, then by jurisdiction code.' })
  async items(
    @Root() m: Matter,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<MatterItem>> {
    const anchor = m.entry.group.anchor.id;
    const page = pageArray(derived(m.entry).sortedMembers, (x) => memberKey(anchor, x), 3, first, after);
    const items = await ctx.loaders.item.loadMany(page.edges.map((e) => e.node.member.id));
    return { ...page, edges: page.edges.flatMap((e, i) => (items[i] instanceof Item ? [{ cursor: e.cursor, node: { item: items[i] as Item, score: e.node.score, evidence: e.node.evidence } }] : [])) };
  }

  @FieldResolver(() => JurisdictionConnection, { description: '涉及的区划，按代码排序。Jurisdictions whose lists hold a member, by code.' })
  jurisdictions(
    @Root() m: Matter,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Jurisdiction>> {
    return jurisdictionPage([...m.entry.jurisdictionCodes].sort(), ctx, first, after);
  }

  @FieldResolver(() => Int, { description: '成员事项数。Number of member items.' })
  size(@Root() m: Matter): number {
    return m.entry.group.members.length;
  }

  @FieldResolver(() => Int, { description: '涉及的区划数。Number of jurisdictions.' })
  jurisdictionCount(@Root() m: Matter): number {
    return m.entry.jurisdictionCodes.length;
  }

  @FieldResolver(() => MatterConsistency, { description: '“四级四同”检查。The 四级四同 check.' })
  async consistency(@Root() m: Matter, @Ctx() ctx: Context): Promise<MatterConsistency> {
    const places = derived(m.entry).variantPlaces;
    const differences = await Promise.all(
      differencesOf(m.entry).map(async (d, di) => ({
        aspect: d.aspect,
        variants: await Promise.all(
          d.variants.map(async (v, vi) =>
            Object.assign(new MatterVariant(), {
              values: await displayValues(d.aspect, v.value, ctx),
              memberIds: v.memberIds,
              jurisdictionCodes: places[di][vi],
            }),
          ),
        ),
      })),
    );
    return { uniform: differences.length === 0, differences };
  }
}

/** Statute and article IDs shown as titles and labels, power types by their Chinese names. */
async function displayValues(aspect: Aspect, values: string[], ctx: Context): Promise<string[]> {
  if (aspect === 'POWER_TYPE') return values.map((v) => POWER_TYPE_NAMES[v as PowerType] ?? v);
  if (aspect === 'STATUTES') return (await ctx.loaders.statute.loadMany(values)).map((s, i) => (s instanceof Statute ? `《${s.title}》` : values[i]));
  if (aspect === 'ARTICLES') {
    const articles = await ctx.loaders.article.loadMany(values);
    const statutes = await ctx.loaders.statute.loadMany(articles.map((a) => (a instanceof Article ? a.statuteId : '')));
    return articles.map((a, i) => (a instanceof Article && statutes[i] instanceof Statute ? `《${(statutes[i] as Statute).title}》${formatArticleLabel(a.number)}` : values[i]));
  }
  return values;
}

@Resolver(() => Item)
export class ItemMatterResolver {
  @FieldResolver(() => Matter, { nullable: true, description: '该事项所属的事项归并。The matter this item belongs to.' })
  async matter(@Root() i: Item, @Ctx() ctx: Context): Promise<Matter | null> {
    const entry = (await ctx.matters()).byItem.get(i.id);
    return entry ? toMatter(entry) : null;
  }
}

@Resolver(() => Jurisdiction)
export class JurisdictionMatterResolver {
  @FieldResolver(() => MatterConnection, { description: '本区划自己的清单所涉及的事项归并，涉及区划多的在前。Matters this jurisdiction\'s own lists take part in, those spanning most places first.' })
  async matters(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Matter>> {
    const entries = [...((await ctx.matters()).byJurisdiction.get(j.code) ?? [])].sort(compareEntries);
    const page = pageArray(entries, ascendingKey, 2, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toMatter(e.node) })) };
  }

  @FieldResolver(() => MatterGapConnection, { description: '本区划自己的清单缺少、而上级指派到本层级或同级区划列出的事项，理由多的在前。Matters its ancestors assign to its level, or its siblings list, that its own list lacks; those with most reasons first.' })
  async gaps(
    @Root() j: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<MatterGap>> {
    return pageArray(await gapsOf(j, ctx), (g) => [-g.reasons.length, -g.siblings.length, ...ascendingKey(g.matter.entry)], 4, first, after);
  }
}

@Resolver(() => MatterVariant)
export class MatterVariantResolver {
  @FieldResolver(() => ItemConnection, { description: '采用此写法的事项，按 ID 排序。Items giving it, by ID.' })
  async items(
    @Root() v: MatterVariant,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    const page = pageArray([...v.memberIds].sort(), (id) => [id], 1, first, after);
    const rows = await ctx.loaders.item.loadMany(page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.flatMap((e, i) => (rows[i] instanceof Item ? [{ cursor: e.cursor, node: rows[i] as Item }] : [])) };
  }

  @FieldResolver(() => JurisdictionConnection, { description: '采用此写法的区划，按代码排序。Jurisdictions giving it, by code.' })
  jurisdictions(
    @Root() v: MatterVariant,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Jurisdiction>> {
    return jurisdictionPage(v.jurisdictionCodes, ctx, first, after);
  }

  @FieldResolver(() => Int, { description: '采用此写法的区划数。Number of jurisdictions giving it.' })
  jurisdictionCount(@Root() v: MatterVariant): number {
    return v.jurisdictionCodes.length;
  }
}
