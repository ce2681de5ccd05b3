import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Item, Jurisdiction, PowerList } from '../../db/entities';
import { ImportReportType } from '../../db/entities/PowerList';
import type { Context } from '../loaders';

@Resolver(() => PowerList)
export class PowerListResolver {
  @Query(() => [PowerList], { description: '全部已导入清单，可按区划过滤。Every imported list, optionally for one jurisdiction.' })
  lists(
    @Ctx() ctx: Context,
    @Arg('jurisdictionCode', () => String, { nullable: true, description: '区划代码。Jurisdiction code.' }) jurisdictionCode?: string | null,
  ): Promise<PowerList[]> {
    return ctx.ds.manager.find(PowerList, {
      where: jurisdictionCode ? { jurisdictionCode } : {},
      order: { jurisdictionCode: 'ASC', department: 'ASC', id: 'ASC' },
    });
  }

  @FieldResolver(() => Jurisdiction, { description: '清单所属区划。The jurisdiction whose list this is.' })
  async jurisdiction(@Root() l: PowerList, @Ctx() ctx: Context): Promise<Jurisdiction> {
    return (await ctx.loaders.jurisdiction.load(l.jurisdictionCode))!;
  }

  @FieldResolver(() => ImportReportType, { nullable: true, description: '导入报告。The import report of the document.' })
  report(@Root() l: PowerList): ImportReportType | null {
    return l.report ? ImportReportType.from(l.report) : null;
  }

  @FieldResolver(() => [Item], { description: '清单中的事项，按原顺序。The list\'s items, in document order.' })
  items(@Root() l: PowerList, @Ctx() ctx: Context): Promise<Item[]> {
    return ctx.loaders.itemsOfList.load(l.id);
  }
}
