import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType, Args } from 'type-graphql';
import { Item, Statute } from '../../db/entities';
import { searchItems, searchStatutes, type SearchAfter, type SearchPage } from '../../db/search';
import { dutiesText, parseSearchText, SearchInputError, snippet, type SearchQuery } from '../../domain/searchQuery';
import type { PowerType } from '../../domain/powerTypes';
import { PowerTypeEnum } from '../enums';
import { badUserInput } from '../errors';
import type { Context } from '../loaders';
import { checkFirst, decodeCursor, encodeCursor, FIRST_PAGE, PageArgs, PageInfo, pageInfo } from '../connection';

export const SearchFieldEnum = { NAME: 'NAME', SUB_ITEM: 'SUB_ITEM', LEGAL_BASIS: 'LEGAL_BASIS', DUTIES: 'DUTIES', TITLE: 'TITLE', ALIAS: 'ALIAS' } as const;
export type SearchField = keyof typeof SearchFieldEnum;

registerEnumType(SearchFieldEnum, {
  name: 'SearchField',
  description: '检索命中的字段。A field full-text search looks in.',
  valuesConfig: {
    NAME: { description: '事项名称。Item name.' },
    SUB_ITEM: { description: '子项名称。Sub-item name.' },
    LEGAL_BASIS: { description: '实施依据（含设定依据、处罚依据等）。Legal basis, every basis field of the item.' },
    DUTIES: { description: '责任事项内容与部门职责。Responsibility items and department duties.' },
    TITLE: { description: '法规规范化标题。Normalised statute title.' },
    ALIAS: { description: '法规在清单中的一种写法。A spelling of the statute seen in the lists.' },
  },
});

@ObjectType({ description: '片段中的一处命中：[start, end)，以 Unicode 码点计（不是 UTF-16 单元）。One match in a snippet: [start, end) in Unicode code points, not UTF-16 units.' })
export class SearchHighlight {
  @Field(() => Int, { description: '起点（含），码点。Start, inclusive, in code points.' })
  start: number;
  @Field(() => Int, { description: '终点（不含），码点。End, exclusive, in code points.' })
  end: number;
}

@ObjectType({ description: '命中字段的片段：首个命中处前后约 48 个字符，及其中的命中位置。A window of about 48 characters around the first match in one field, with the matches in it.' })
export class SearchSnippet {
  @Field(() => SearchFieldEnum, { description: '命中的字段。The field matched.' })
  field: SearchField;
  @Field({ description: '片段文本（字段全文的一段）。The window of the field text.' })
  text: string;
  @Field(() => Int, { description: '片段在字段全文中的起点，码点；大于 0 表示前有省略。Where the window starts in the field, in code points; above 0 means text was cut before.' })
  offset: number;
  @Field(() => Int, { description: '字段全文长度，码点；大于 offset 加片段长度表示后有省略。Length of the whole field in code points; more than offset plus the window means text was cut after.' })
  length: number;
  @Field(() => [SearchHighlight], { description: '片段中的命中位置，相对片段，码点，已排序合并。Matches in the window, relative to it, in code points, sorted and merged.' })
  highlights: SearchHighlight[];
}

@ObjectType({ description: '事项检索结果中的一条边。An edge of an item search.' })
export class ItemSearchEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Item, { description: '命中的事项。The item found.' })
  node: Item;
  @Field(() => Float, { description: '相关度，越大越靠前（同一查询内可比）。Relevance, higher first; comparable within one search only.' })
  rank: number;
  /** The search, for the snippets (made only when asked for: the duties text is in the item's `fields`). */
  query: SearchQuery;
}

@Resolver(() => ItemSearchEdge)
export class ItemSearchEdgeResolver {
  @FieldResolver(() => [SearchSnippet], { description: '命中的各字段及片段。Each field matched, with a snippet.' })
  async snippets(@Root() e: ItemSearchEdge, @Ctx() ctx: Context): Promise<SearchSnippet[]> {
    const n = e.node;
    const { legalBasis, fields } = await ctx.loaders.itemTexts.load(n.id);
    return snippets([['NAME', n.name], ['SUB_ITEM', n.subItem], ['LEGAL_BASIS', legalBasis], ['DUTIES', dutiesText(fields)]], e.query);
  }
}

@ObjectType({ description: '事项检索结果的分页连接（Relay），按相关度降序、再按 ID。A Relay connection of items found, by relevance then ID.' })
export class ItemSearchConnection {
  @Field(() => [ItemSearchEdge], { description: '本页的边。Edges of this page.' })
  edges: ItemSearchEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '命中总数。Total number of items found.' })
  totalCount: number;
}

@ObjectType({ description: '法规检索结果中的一条边。An edge of a statute search.' })
export class StatuteSearchEdge {
  @Field({ description: '不透明游标。Opaque cursor.' })
  cursor: string;
  @Field(() => Statute, { description: '命中的法规。The statute found.' })
  node: Statute;
  @Field(() => Float, { description: '相关度，越大越靠前（同一查询内可比）。Relevance, higher first; comparable within one search only.' })
  rank: number;
  @Field(() => [SearchSnippet], { description: '命中的各字段及片段。Each field matched, with a snippet.' })
  snippets: SearchSnippet[];
}

@ObjectType({ description: '法规检索结果的分页连接（Relay），按相关度降序、再按 ID。A Relay connection of statutes found, by relevance then ID.' })
export class StatuteSearchConnection {
  @Field(() => [StatuteSearchEdge], { description: '本页的边。Edges of this page.' })
  edges: StatuteSearchEdge[];
  @Field(() => PageInfo, { description: '分页信息。Page info.' })
  pageInfo: PageInfo;
  @Field(() => Int, { description: '命中总数。Total number of statutes found.' })
  totalCount: number;
}

const TEXT_DESCRIPTION = '检索词：以空格分隔，须全部出现（ASCII 字母不分大小写）；引号等符号按原字符查找；至多 100 个字符。Words separated by spaces, all of which must occur (ASCII letters in either case); quotes and other symbols are searched as written; at most 100 characters.';

function parse(text: string): SearchQuery {
  try {
    return parseSearchText(text);
  } catch (e) {
    if (e instanceof SearchInputError) throw badUserInput(e.message);
    throw e;
  }
}

/** The cursor of a hit is its (rank, id): the page after it starts right below it in that order. */
function afterOf(after: string | null | undefined): SearchAfter | null {
  if (!after) return null;
  const [rank, id] = decodeCursor(after, 2);
  if (typeof rank !== 'number' || typeof id !== 'string') throw badUserInput(`invalid cursor: ${after}`);
  return { rank, id };
}

function snippets(fields: [SearchField, string | null][], q: SearchQuery): SearchSnippet[] {
  const out: SearchSnippet[] = [];
  for (const [field, text] of fields) {
    const s = text != null ? snippet(text, q.terms) : null;
    if (s) out.push({ field, ...s });
  }
  return out;
}

/** Edges for the page's hits, nodes loaded in one batch; a row deleted since the page query is left out. */
async function edgesOf<T, E>(page: SearchPage, load: (ids: string[]) => Promise<(T | Error | null)[]>, isNode: (v: unknown) => v is T, edge: (node: T, rank: number, cursor: string) => E): Promise<E[]> {
  const nodes = await load(page.hits.map((h) => h.id));
  return page.hits.flatMap((h, i) => {
    const node = nodes[i];
    return isNode(node) ? [edge(node, h.rank, encodeCursor([h.rank, h.id]))] : [];
  });
}

@Resolver()
export class SearchResolver {
  @Query(() => ItemSearchConnection, { description: '全文检索事项的名称、依据和责任事项，按相关度排列，附命中片段。Full-text search over item names, legal basis and duties, ranked, with highlighted snippets.' })
  async searchItems(
    @Ctx() ctx: Context,
    @Arg('text', () => String, { description: TEXT_DESCRIPTION }) text: string,
    @Arg('jurisdictionCode', () => ID, { nullable: true, description: '仅此区划的事项。Only items of this jurisdiction (its code).' }) jurisdictionCode?: string | null,
    @Arg('powerType', () => PowerTypeEnum, { nullable: true, description: '仅此权力类型。Only items of this power type.' }) powerType?: PowerType | null,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<ItemSearchConnection> {
    checkFirst(first);
    const q = parse(text);
    const page = await searchItems(ctx.ds, q, { jurisdictionCode, powerType }, first, afterOf(after));
    const edges = await edgesOf(page, (ids) => ctx.loaders.item.loadMany(ids), (v): v is Item => v instanceof Item, (node, rank, cursor) =>
      Object.assign(new ItemSearchEdge(), { node, rank, cursor, query: q }));
    return { edges, totalCount: page.totalCount, pageInfo: pageInfo(edges, page.more, after) };
  }

  @Query(() => StatuteSearchConnection, { description: '全文检索法规标题及其各种写法，按相关度排列，附命中片段。Full-text search over statute titles and their spellings, ranked, with highlighted snippets.' })
  async searchStatutes(
    @Ctx() ctx: Context,
    @Arg('text', () => String, { description: TEXT_DESCRIPTION }) text: string,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<StatuteSearchConnection> {
    checkFirst(first);
    const q = parse(text);
    const page = await searchStatutes(ctx.ds, q, first, afterOf(after));
    const edges = await edgesOf(page, (ids) => ctx.loaders.statute.loadMany(ids), (v): v is Statute => v instanceof Statute, (node, rank, cursor) => ({
      node, rank, cursor,
      // One snippet for the spellings: the first that matches.
      snippets: snippets([['TITLE', node.title], ['ALIAS', node.aliases.find((a) => snippet(a, q.terms)) ?? null]], q),
    }));
    return { edges, totalCount: page.totalCount, pageInfo: pageInfo(edges, page.more, after) };
  }
}
