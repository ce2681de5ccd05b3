import type { DataSource } from 'typeorm';
import { backendUnderTest, freshDatabase } from '../helpers/db';
import { importList } from '../../src/db/importer';
import { Citation, Item, ItemLevel, PowerList } from '../../src/db/entities';

const v1 = '某县医疗保障局权责清单\n\n序号\t事项名称\t权力类型\t实施依据\n1\t对甲的处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条\n2\t对乙的检查\t行政检查\t《中华人民共和国社会保险法》第七十七条\n';
const v2 = v1.replace('对乙的检查', '对丙的检查') + '3\t对丁的奖励\t行政奖励\t《中华人民共和国社会保险法》第八十二条\n';
const input = (text: string) => ({ bytes: Buffer.from(text), fileName: 'list.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });

async function snapshot(ds: DataSource) {
  return {
    lists: await ds.manager.find(PowerList, { order: { id: 'ASC' } }),
    items: await ds.manager.find(Item, { order: { id: 'ASC' } }),
    levels: await ds.manager.count(ItemLevel),
    citations: await ds.manager.find(Citation, { order: { id: 'ASC' } }),
  };
}

/** Makes every insert into citation fail, as a disk or constraint error halfway through a write would. */
async function breakCitations(ds: DataSource): Promise<() => Promise<void>> {
  if (backendUnderTest() === 'postgres') {
    await ds.query(`CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`);
    await ds.query('CREATE TRIGGER boom BEFORE INSERT ON citation FOR EACH ROW EXECUTE FUNCTION boom()');
    return async () => {
      await ds.query('DROP TRIGGER boom ON citation');
      await ds.query('DROP FUNCTION boom()');
    };
  }
  await ds.query(`CREATE TRIGGER boom BEFORE INSERT ON citation BEGIN SELECT RAISE(ABORT, 'boom'); END`);
  return async () => void (await ds.query('DROP TRIGGER boom'));
}

describe('an import that fails halfway', () => {
  it('leaves the previous version of the list exactly as it was', async () => {
    const ds = await freshDatabase();
    try {
      await importList(ds, input(v1));
      const before = await snapshot(ds);
      expect(before.items.map((i) => i.name).sort()).toEqual(['对乙的检查', '对甲的处罚']);

      const repair = await breakCitations(ds);
      // The items and the list row are written before the citations: the failure comes mid-write.
      await expect(importList(ds, input(v2))).rejects.toThrow(/boom/);
      expect(await snapshot(ds)).toEqual(before);

      await repair();
      const after = await importList(ds, input(v2));
      expect(after.list.itemCount).toBe(3);
      expect((await ds.manager.find(Item)).map((i) => i.name).sort()).toEqual(['对丁的奖励', '对丙的检查', '对甲的处罚']);
    } finally {
      await ds.destroy();
    }
  });
});
