import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Args } from 'type-graphql';
import { Item, Jurisdiction, PowerList } from '../../db/entities';
import { ImportReportType } from '../../db/entities/PowerList';
import type { Context } from '../loaders';
import { FIRST_PAGE, ItemConnection, keysetPage, type Page, PageArgs, PowerListConnection } from '../connection';
import { toGlobalId } from '../node';

@Resolver(() => PowerList)
export class PowerListResolver {
  @Query(() => PowerListConnection, { description: '已导入的清单，可按区划过滤，按区划、部门排序。Imported lists, optionally of one jurisdiction, by jurisdiction and department.' })
  lists(
    @Ctx() ctx: Context,
    @Arg('jurisdictionCode', () => ID, { nullable: true, description: '区划代码。Jurisdiction code.' }) jurisdictionCode?: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<PowerList>> {
    const filtered = () => {
      const q = ctx.ds.manager.createQueryBuilder(PowerList, 'l');
      if (jurisdictionCode) q.andWhere('l.jurisdiction_code = :jc', { jc: jurisdictionCode });
      return q;
    };
    return keysetPage(filtered, { columns: ['l.jurisdiction_code', 'l.department', 'l.id'], id: 'l.id', key: (l) => [l.jurisdictionCode, l.department, l.id] }, first, after, (ids) => ctx.loaders.list.loadMany(ids));
  }

  @FieldResolver(() => ID, { description: '全局 ID。Global ID.' })
  id(@Root() l: PowerList): string {
    return toGlobalId('PowerList', l.id);
  }

  @FieldResolver(() => Jurisdiction, { description: '清单所属区划。The jurisdiction whose list this is.' })
  async jurisdiction(@Root() l: PowerList, @Ctx() ctx: Context): Promise<Jurisdiction> {
    return (await ctx.loaders.jurisdiction.load(l.jurisdictionCode))!;
  }

  @FieldResolver(() => ImportReportType, { nullable: true, description: '导入报告。The import report of the document.' })
  async report(@Root() l: PowerList, @Ctx() ctx: Context): Promise<ImportReportType | null> {
    // Pages of lists leave the report out (a kilobyte each); it is read when asked for.
    const report = l.report === undefined ? await ctx.loaders.listReport.load(l.id) : l.report;
    return report ? ImportReportType.from(report) : null;
  }

  @FieldResolver(() => ItemConnection, { description: '清单中的事项，按原顺序。The list\'s items, in document order.' })
  items(
    @Root() l: PowerList,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) { first, after }: PageArgs = FIRST_PAGE,
  ): Promise<Page<Item>> {
    return ctx.loaders.pages.itemsOfList.load({ parent: l.id, first, after });
  }
}
