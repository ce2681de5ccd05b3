import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root, Args } from 'type-graphql';
import { CitationStatusEnum, OrderDirectionEnum, type OrderDirection } from '../enums';
import type { CitationStatus } from '../../domain/records';

/** A reading status, or the cross-list judgement that the article number is suspect. */
type ServedStatus = CitationStatus | 'SUSPECT_ARTICLE';
import { Article, Citation, Item, Jurisdiction, Statute } from '../../db/entities';
import { articleIdFor, statuteIdFor } from '../../db/ids';
import { categoriesConflict, normaliseStatuteTitle } from '../../domain/statuteTitles';
import { formatArticleLabel } from '../../domain/numerals';
import type { Context } from '../loaders';
import { ArticleConnection, CitationConnection, connectionType, containsPattern, FIRST_PAGE, ItemConnection, JurisdictionConnection, keysetPage, type Page, PageArgs, pageArray, StatuteConnection } from '../connection';
import { toGlobalId } from '../node';

@ObjectType({ description: '清单为某条给出的一种表述及其次数。One wording the lists give for an article, and how many citations give it.' })
export class ArticleQuote {
  @Field({ description: '表述原文（首次出现的写法）。The wording, as first written.' })
  text: string;
  @Field(() => Int, { description: '给出此表述的引用数。Citations giving it.' })
  count: number;
  /** Served by ArticleQuoteResolver.citations. */
  citationIds: string[];
}

@ObjectType({ description: '引用在清洗后字段文本中的位置（UTF-16，结束不含）。Where a citation sits in its cleaned field text (UTF-16 offsets, end exclusive).' })
export class Span {
  @Field(() => Int, { description: '起始位置。Start offset.' })
  start: number;
  @Field(() => Int, { description: '结束位置（不含）。End offset, exclusive.' })
  end: number;
}

@ObjectType({ description: '需要核对的引用及其证据。A citation to check, with the evidence.' })
export class CitationIssue {
  @Field(() => CitationStatusEnum, { description: '问题类别：SUSPECT_ARTICLE 或 CORRECTED_TITLE。The kind of issue.' })
  kind: ServedStatus;
  @Field(() => Citation, { description: '该引用。The citation.' })
  citation: Citation;
  @Field(() => Article, { nullable: true, description: '引文实际吻合的条（条号可疑时）。The article the quoted wording matches, for a suspect number.' })
  likelyArticle: Article | null;
  @Field(() => Float, { nullable: true, description: '引文与该条通行表述的相似度（0–1）。Similarity of the quote to that article\'s consensus.' })
  score: number | null;
  @Field(() => Float, { nullable: true, description: '引文与本条其他引文的最高相似度；无其他引文时为空。Best similarity to other quotes of its own article; null when none.' })
  ownScore: number | null;
}

export const CitationIssueConnection = connectionType(CitationIssue, 'CitationIssue', '待核对引用', 'citations to check');

/** A statute by title in any spelling the lists use: normalised first, then among the spellings kept as aliases. */
export async function findStatute(ctx: Context, title: string): Promise<Statute | null> {
  const normalised = normaliseStatuteTitle(title).title;
  const direct = await ctx.loaders.statute.load(statuteIdFor(normalised));
  if (direct) return direct;
  // A spelling the normaliser does not fold, but a list used: look among aliases.
  const bare = title.trim().replace(/^《|》$/g, '');
  if (!bare) return null;
  const candidates = await ctx.ds.manager
    .createQueryBuilder(Statute, 's')
    .where("CAST(s.aliases AS TEXT) LIKE :t ESCAPE '\\'", { t: containsPattern(bare) })
    .getMany();
  return candidates.find((s) => s.aliases.includes(bare) || s.title === bare) ?? null;
}

async function suspectOf(c: Citation, ctx: Context) {
  if (!c.articleId || !c.quoted) return null;
  return (await ctx.loaders.statuteAnalysis.load(c.statuteId)).suspects.find((s) => s.citationId === c.id) ?? null;
}

@Resolver(() => Statute)
export class StatuteResolver {
  @Query(() => CitationIssueConnection, { description: '需要核对的引用：条号可疑的在前，其后是标题经更正的。Citations to check: suspect article numbers first, then corrected titles.' })
  async citationIssues(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<CitationIssue>> {
    const statutes = await ctx.ds.manager.find(Statute, { select: { id: true } });
    const issues: CitationIssue[] = [];
    for (const analysis of await ctx.loaders.statuteAnalysis.loadMany(statutes.map((s) => s.id))) {
      if (analysis instanceof Error) throw analysis;
      const citations = await ctx.loaders.citation.loadMany(analysis.suspects.map((s) => s.citationId));
      const likely = await ctx.loaders.article.loadMany(analysis.suspects.map((s, k) => (citations[k] instanceof Citation ? articleIdFor((citations[k] as Citation).statuteId, s.likelyArticle) : '')));
      analysis.suspects.forEach((s, k) => {
        const citation = citations[k];
        if (citation instanceof Citation) issues.push({ kind: 'SUSPECT_ARTICLE', citation, likelyArticle: likely[k] instanceof Article ? (likely[k] as Article) : null, score: s.score, ownScore: s.ownScore });
      });
    }
    const corrected = await ctx.ds.manager.find(Citation, { where: { status: 'CORRECTED_TITLE' } });
    for (const citation of corrected) issues.push({ kind: 'CORRECTED_TITLE', citation, likelyArticle: null, score: null, ownScore: null });
    const key = (i: CitationIssue): [number, string] => [i.kind === 'SUSPECT_ARTICLE' ? 0 : 1, i.citation.id];
    issues.sort((a, b) => key(a)[0] - key(b)[0] || (a.citation.id < b.citation.id ? -1 : a.citation.id > b.citation.id ? 1 : 0));
    return pageArray(issues, key, 2, first, after);
  }

  @Query(() => Statute, { nullable: true, description: '按标题查找法规（任一写法，可带书名号）。A statute by title, in any spelling the lists use.' })
  statute(@Arg('title', { description: '标题，如《中华人民共和国社会保险法》或 社会保险法。Title in any spelling.' }) title: string, @Ctx() ctx: Context): Promise<Statute | null> {
    return findStatute(ctx, title);
  }

  @Query(() => Article, { name: 'article', nullable: true, description: '按法规标题和条号查找一条（须被清单引用过）。An article by statute title and number (one some list cites).' })
  async articleByNumber(
    @Arg('statute', { description: '法规标题，任一写法。Statute title, any spelling.' }) statute: string,
    @Arg('number', () => Int, { description: '条号，如 87。Article number.' }) number: number,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    const s = await findStatute(ctx, statute);
    return s ? ctx.loaders.article.load(articleIdFor(s.id, number)) : null;
  }

  @Query(() => StatuteConnection, { description: '法规，可按标题或别名中的文字及类别过滤，按标题排序。Statutes, filtered by text in the title or any spelling and by category, by title.' })
  async statutes(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true, description: '标题或别名中的文字，如“社会保险”。Text in the title or any spelling.' }) search?: string | null,
    @Arg('category', () => String, { nullable: true, description: '类别：法律、行政法规、地方性法规、规章、规范性文件。Category, tagged or inferred.' }) category?: string | null,
    @Arg('direction', () => OrderDirectionEnum, { defaultValue: 'ASC', description: '按标题的排序方向。Direction of the order by title.' }) direction: OrderDirection = 'ASC',
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Statute>> {
    const filtered = () => {
      const q = ctx.ds.manager.createQueryBuilder(Statute, 's');
      if (search?.trim()) {
        // Searched as plain text: %, _ and \ in the input match themselves.
        const like = containsPattern(search.trim());
        q.andWhere("(s.title LIKE :like ESCAPE '\\' OR CAST(s.aliases AS TEXT) LIKE :like ESCAPE '\\')", { like });
      }
      if (category) q.andWhere('COALESCE(s.category, s.inferred_category) = :category', { category });
      return q;
    };
    return keysetPage(filtered, { columns: ['s.title'], id: 's.id', key: (st) => [st.title], descending: direction === 'DESC' }, first, after, (ids) => ctx.loaders.statute.loadMany(ids));
  }

  @FieldResolver(() => ID, { description: '全局 ID：由规范化标题导出。Global ID, derived from the normalised title.' })
  id(@Root() s: Statute): string {
    return toGlobalId('Statute', s.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '类别：清单标注的，未标注时为推断的。Category as the lists tag it, or as inferred when untagged.' })
  category(@Root() s: Statute): string | null {
    return s.category ?? s.inferredCategory;
  }

  @FieldResolver(() => String, { nullable: true, description: '文号（首次给出的）。Document number, as first given.' })
  documentNumber(@Root() s: Statute): string | null {
    return s.documentNumbers?.[0] ?? null;
  }

  @FieldResolver(() => Boolean, { description: '清单给出了不止一个文号。The lists give more than one document number.' })
  documentNumberConflict(@Root() s: Statute): boolean {
    return (s.documentNumbers?.length ?? 0) > 1;
  }

  @FieldResolver(() => Boolean, { description: '标签类别与推断类别不一致。The category the lists tag differs from the one inferred from title and issuer.' })
  categoryConflict(@Root() s: Statute): boolean {
    return categoriesConflict(s.category, s.inferredCategory);
  }

  @FieldResolver(() => [String], { description: '清单给出的全部文号；多于一个即为冲突。Every document number the lists give; more than one is a conflict.' })
  documentNumbers(@Root() s: Statute): string[] {
    return s.documentNumbers ?? [];
  }

  @FieldResolver(() => ItemConnection, { description: '引用本法规的事项（所有区划），按区划、清单、顺序排列。Items, in every jurisdiction, citing this statute, in (jurisdiction, list, position) order.' })
  citedBy(
    @Root() s: Statute,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    return ctx.loaders.pages.itemsCitingStatute.load({ parent: s.id, first, after });
  }

  @FieldResolver(() => ArticleConnection, { description: '被引用过的条款，按条号排序。Articles cited, by number.' })
  articles(
    @Root() s: Statute,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Article>> {
    return ctx.loaders.pages.articlesOfStatute.load({ parent: s.id, first, after });
  }

  @FieldResolver(() => Article, { nullable: true, description: '按条号取一条。One article by number.' })
  article(@Root() s: Statute, @Arg('number', () => Int, { description: '条号。Article number.' }) number: number, @Ctx() ctx: Context): Promise<Article | null> {
    return ctx.loaders.article.load(articleIdFor(s.id, number));
  }
}

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => ID, { description: '全局 ID：由法规和条号导出。Global ID, derived from statute and number.' })
  id(@Root() a: Article): string {
    return toGlobalId('Article', a.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '清单给出的通行表述（最多引用采用的）；无引文时为空。The wording most citations give; null when none quotes it.' })
  async text(@Root() a: Article, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.statuteAnalysis.load(a.statuteId)).articles.get(a.number)?.text ?? null;
  }

  @FieldResolver(() => [ArticleQuote], { description: '清单为本条给出的各种表述，最常见的在前。Every wording the lists give for this article, most common first.' })
  async quotes(@Root() a: Article, @Ctx() ctx: Context): Promise<ArticleQuote[]> {
    const c = (await ctx.loaders.statuteAnalysis.load(a.statuteId)).articles.get(a.number);
    return (c?.quotes ?? []).map((q) => ({ text: q.text, count: q.count, citationIds: q.citationIds }));
  }

  @FieldResolver(() => String, { description: '条的中文标记，如“第八十七条”。The article as Chinese text writes it.' })
  label(@Root() a: Article): string {
    return formatArticleLabel(a.number);
  }

  @FieldResolver(() => Statute, { description: '所属法规。The statute.' })
  async statute(@Root() a: Article, @Ctx() ctx: Context): Promise<Statute> {
    return (await ctx.loaders.statute.load(a.statuteId))!;
  }

  @FieldResolver(() => ItemConnection, { description: '引用本条的事项（所有区划），按区划、清单、顺序排列。Items, in every jurisdiction, citing this article, in (jurisdiction, list, position) order.' })
  items(
    @Root() a: Article,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    return ctx.loaders.pages.itemsCitingArticle.load({ parent: a.id, first, after });
  }

  @FieldResolver(() => JurisdictionConnection, { description: '引用本条的区划，按代码排序。Jurisdictions whose lists cite this article, by code.' })
  async jurisdictions(
    @Root() a: Article,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Jurisdiction>> {
    const codes = await ctx.loaders.jurisdictionsCitingArticle.load(a.id);
    const page = pageArray(codes, (c) => [c], 1, first, after);
    const rows = await ctx.loaders.jurisdiction.loadMany(page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.flatMap((e, i) => (rows[i] instanceof Jurisdiction ? [{ cursor: e.cursor, node: rows[i] as Jurisdiction }] : [])) };
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => ID, { description: '全局 ID（由事项和引用序号导出）。Global ID, from the item and the citation\'s position.' })
  id(@Root() c: Citation): string {
    return toGlobalId('Citation', c.id);
  }

  @FieldResolver(() => Span, { description: '引用在清洗后字段文本中的位置。Where the citation sits in the cleaned field text.' })
  span(@Root() c: Citation): Span {
    return { start: c.start, end: c.end };
  }

  @FieldResolver(() => CitationStatusEnum, { description: '读取情况；引文与另一条更吻合时为 SUSPECT_ARTICLE。How the citation was read; SUSPECT_ARTICLE when its quote matches another article.' })
  async status(@Root() c: Citation, @Ctx() ctx: Context): Promise<ServedStatus> {
    return (await suspectOf(c, ctx)) ? 'SUSPECT_ARTICLE' : c.status;
  }

  @FieldResolver(() => Article, { nullable: true, description: '条号可疑时，引文实际吻合的条。For a suspect number, the article the quoted wording matches.' })
  async likelyArticle(@Root() c: Citation, @Ctx() ctx: Context): Promise<Article | null> {
    const s = await suspectOf(c, ctx);
    return s ? ctx.loaders.article.load(articleIdFor(c.statuteId, s.likelyArticle)) : null;
  }

  @FieldResolver(() => Statute, { description: '被引用的法规。The statute cited.' })
  async statute(@Root() c: Citation, @Ctx() ctx: Context): Promise<Statute> {
    return (await ctx.loaders.statute.load(c.statuteId))!;
  }

  @FieldResolver(() => Article, { nullable: true, description: '被引用的条；只引用法规名时为空。The article cited; null when only the statute is named.' })
  article(@Root() c: Citation, @Ctx() ctx: Context): Promise<Article | null> | null {
    return c.articleId ? ctx.loaders.article.load(c.articleId) : null;
  }

  @FieldResolver(() => Item, { description: '引用所在事项。The citing item.' })
  async item(@Root() c: Citation, @Ctx() ctx: Context): Promise<Item> {
    return (await ctx.loaders.item.load(c.itemId))!;
  }
}

@Resolver(() => ArticleQuote)
export class ArticleQuoteResolver {
  @FieldResolver(() => CitationConnection, { description: '给出此表述的引用，按 ID 排序。The citations giving this wording, by ID.' })
  async citations(
    @Root() q: ArticleQuote,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Citation>> {
    const page = pageArray([...q.citationIds].sort(), (id) => [id], 1, first, after);
    const rows = await ctx.loaders.citation.loadMany(page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.flatMap((e, i) => (rows[i] instanceof Citation ? [{ cursor: e.cursor, node: rows[i] as Citation }] : [])) };
  }
}
