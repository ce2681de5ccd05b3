import { freshDatabase } from '../helpers/db';
import { importList, prepareImport } from '../../src/db/importer';
import { PowerList } from '../../src/db/entities';

// A county's document holding two departments' sections: each becomes its own list, in the same transaction.
const doc = `尼勒克县权责清单

一、尼勒克县医疗保障局

序号\t事项名称\t权力类型\t实施依据
1\t对骗取医疗保障基金支出的处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条
2\t对医疗救助的监督检查\t行政检查\t《社会救助暂行办法》第五十七条

二、尼勒克县卫生健康委员会

序号\t事项名称\t权力类型\t实施依据
1\t对医疗机构执业活动的监督检查\t行政检查\t《医疗机构管理条例》第四十条
`;

describe('a document holding several departments', () => {
  it('is prepared as one list per department, placed in the document\'s jurisdiction', () => {
    const p = prepareImport({ bytes: Buffer.from(doc), fileName: 'nilka.txt', jurisdictionCode: '654028' });
    expect(p.lists.map((l) => [l.department, l.jurisdictionCode, l.items.length])).toEqual([
      ['尼勒克县医疗保障局', '654028', 2],
      ['尼勒克县卫生健康委员会', '654028', 1],
    ]);
  });

  it('is stored as those lists, together', async () => {
    const ds = await freshDatabase();
    try {
      const r = await importList(ds, { bytes: Buffer.from(doc), fileName: 'nilka.txt', jurisdictionCode: '654028' });
      expect(r.lists).toHaveLength(2);
      const lists = await ds.manager.find(PowerList, { order: { department: 'ASC' } });
      expect(lists.map((l) => [l.department, l.itemCount])).toEqual([
        ['尼勒克县医疗保障局', 2],
        ['尼勒克县卫生健康委员会', 1],
      ]);
      expect((await importList(ds, { bytes: Buffer.from(doc), fileName: 'nilka.txt', jurisdictionCode: '654028' })).unchanged).toBe(true);
    } finally {
      await ds.destroy();
    }
  });
});
