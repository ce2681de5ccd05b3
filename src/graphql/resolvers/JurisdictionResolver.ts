import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { Item, Jurisdiction, PowerList } from '../../db/entities';
import type { Context } from '../loaders';

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { nullable: true, description: '按 GB/T 2260 代码查找区划。A jurisdiction by its GB/T 2260 code.' })
  jurisdiction(@Arg('code', () => ID, { description: 'GB/T 2260 代码，如 654028。GB/T 2260 code.' }) code: string, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    return ctx.loaders.jurisdiction.load(code);
  }

  @Query(() => [Jurisdiction], { description: '顶层区划（省级），再经 children 向下。The root jurisdictions; walk down with `children`.' })
  jurisdictions(@Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return ctx.ds.manager.find(Jurisdiction, { where: { parentCode: IsNull() }, order: { code: 'ASC' } });
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: '上级区划。The parent jurisdiction; null for a province.' })
  parent(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction | null> | null {
    return j.parentCode ? ctx.loaders.jurisdiction.load(j.parentCode) : null;
  }

  @FieldResolver(() => [Jurisdiction], { description: '直属下级区划（已收录的）。Direct children held by the service.' })
  children(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return ctx.loaders.children.load(j.code);
  }

  @FieldResolver(() => [PowerList], { description: '本区划的权责清单。Lists published for this jurisdiction.' })
  lists(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<PowerList[]> {
    return ctx.loaders.listsOfJurisdiction.load(j.code);
  }

  @FieldResolver(() => [Item], { description: '本区划清单中的全部事项。Every item in this jurisdiction\'s own lists.' })
  items(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Item[]> {
    return ctx.loaders.itemsOfJurisdiction.load(j.code);
  }
}
