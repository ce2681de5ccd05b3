import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Article, Citation, Item, Jurisdiction, Statute } from '../../db/entities';
import { stableId } from '../../db/ids';
import { categoriesConflict, normaliseStatuteTitle } from '../../domain/statuteTitles';
import { formatArticleLabel } from '../../domain/numerals';
import type { Context } from '../loaders';

@Resolver(() => Statute)
export class StatuteResolver {
  @Query(() => Statute, { nullable: true, description: '按标题查找法规（任一写法，可带书名号）。A statute by title, in any spelling the lists use.' })
  async statute(@Arg('title', { description: '标题，如《中华人民共和国社会保险法》或 社会保险法。Title in any spelling.' }) title: string, @Ctx() ctx: Context): Promise<Statute | null> {
    const normalised = normaliseStatuteTitle(title).title;
    const direct = await ctx.loaders.statute.load(stableId('statute', normalised));
    if (direct) return direct;
    // A spelling the normaliser does not fold, but a list used: look among aliases.
    const bare = title.trim().replace(/^《|》$/g, '');
    const candidates = await ctx.ds.manager
      .createQueryBuilder(Statute, 's')
      .where("CAST(s.aliases AS TEXT) LIKE :t ESCAPE '\\'", { t: `%${bare.replace(/[\\%_]/g, (c) => '\\' + c)}%` })
      .getMany();
    return candidates.find((s) => s.aliases.includes(bare) || s.title === bare) ?? null;
  }

  @Query(() => [Statute], { description: '全部法规，按标题排序。Every statute cited, by title.' })
  statutes(@Ctx() ctx: Context): Promise<Statute[]> {
    return ctx.ds.manager.find(Statute, { order: { title: 'ASC' } });
  }

  @FieldResolver(() => Boolean, { description: '标签类别与推断类别不一致。The category the lists tag differs from the one inferred from title and issuer.' })
  categoryConflict(@Root() s: Statute): boolean {
    return categoriesConflict(s.category, s.inferredCategory);
  }

  @FieldResolver(() => [String], { description: '清单给出的全部文号；多于一个即为冲突。Every document number the lists give; more than one is a conflict.' })
  documentNumbers(@Root() s: Statute): string[] {
    return s.documentNumbers ?? [];
  }

  @FieldResolver(() => [Item], { description: '引用本法规的全部事项（所有区划）。Every item, in every jurisdiction, citing this statute.' })
  citedBy(@Root() s: Statute, @Ctx() ctx: Context): Promise<Item[]> {
    return ctx.loaders.itemsCitingStatute.load(s.id);
  }

  @FieldResolver(() => [Article], { description: '被引用过的条款，按条号排序。Articles cited, by number.' })
  articles(@Root() s: Statute, @Ctx() ctx: Context): Promise<Article[]> {
    return ctx.loaders.articlesOfStatute.load(s.id);
  }

  @FieldResolver(() => Article, { nullable: true, description: '按条号取一条。One article by number.' })
  article(@Root() s: Statute, @Arg('number', () => Int, { description: '条号。Article number.' }) number: number, @Ctx() ctx: Context): Promise<Article | null> {
    return ctx.loaders.article.load(stableId('article', s.id, number));
  }
}

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => String, { description: '条的中文标记，如“第八十七条”。The article as Chinese text writes it.' })
  label(@Root() a: Article): string {
    return formatArticleLabel(a.number);
  }

  @FieldResolver(() => Statute, { description: '所属法规。The statute.' })
  async statute(@Root() a: Article, @Ctx() ctx: Context): Promise<Statute> {
    return (await ctx.loaders.statute.load(a.statuteId))!;
  }

  @FieldResolver(() => [Item], { description: '引用本条的全部事项（所有区划）。Every item, in every jurisdiction, citing this article.' })
  items(@Root() a: Article, @Ctx() ctx: Context): Promise<Item[]> {
    return ctx.loaders.itemsCitingArticle.load(a.id);
  }

  @FieldResolver(() => [Jurisdiction], { description: '引用本条的区划，按代码排序。Jurisdictions whose lists cite this article, by code.' })
  async jurisdictions(@Root() a: Article, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    const codes = [...new Set((await ctx.loaders.itemsCitingArticle.load(a.id)).map((i) => i.jurisdictionCode))].sort();
    return (await ctx.loaders.jurisdiction.loadMany(codes)).filter((j): j is Jurisdiction => j instanceof Jurisdiction);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
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
