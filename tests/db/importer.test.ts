import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds, readManifest, seedIfEmpty } from '../../src/db/seed';
import { importList, ImportError } from '../../src/db/importer';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from '../../src/db/entities';

const EXPECTED_ITEMS: Record<string, number> = {
  '000_5ac790a9ed78689f.txt': 13,
  '001_40ae8e75de3bdc72.txt': 23,
  '002_447b1eadcf571c88.txt': 5,
  '003_75e85e84c1617e8e.txt': 16,
  '004_119a4ff0c2874498.txt': 14,
};

describe('importing the seed lists', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase();
    await importSeeds(ds);
  });
  afterAll(() => ds?.destroy());

  it('stores every item of every seed list: 71 in all', async () => {
    const lists = await ds.manager.find(PowerList);
    expect(Object.fromEntries(lists.map((l) => [l.sourceFile, l.itemCount]))).toEqual(EXPECTED_ITEMS);
    expect(await ds.manager.count(Item)).toBe(71);
    for (const l of lists) expect(await ds.manager.count(Item, { where: { listId: l.id } })).toBe(l.itemCount);
  });

  it('places each list in its jurisdiction, with the ancestors from the gazetteer', async () => {
    const nilka = await ds.manager.findOneByOrFail(Jurisdiction, { code: '654028' });
    expect(nilka).toMatchObject({ name: '尼勒克县', level: 'COUNTY', parentCode: '654000' });
    expect(await ds.manager.findOneByOrFail(Jurisdiction, { code: '654000' })).toMatchObject({ name: '伊犁哈萨克自治州', level: 'PREFECTURE', parentCode: '650000' });
    expect(await ds.manager.findOneByOrFail(Jurisdiction, { code: '650000' })).toMatchObject({ level: 'PROVINCE', parentCode: null });
    const manifest = readManifest();
    for (const e of manifest) expect(await ds.manager.countBy(PowerList, { jurisdictionCode: e.jurisdictionCode })).toBe(1);
  });

  it('keeps the source lines of every item and level row', async () => {
    const items = await ds.manager.find(Item);
    for (const i of items) {
      expect(i.sourceLines.length).toBeGreaterThan(0);
      expect(i.name.length).toBeGreaterThan(0);
    }
    const levels = await ds.manager.find(ItemLevel);
    expect(levels.length).toBeGreaterThan(0);
    for (const l of levels) expect(l.sourceLines.length).toBeGreaterThan(0);
  });

  it('links legal-basis citations to statutes and articles', async () => {
    const social = await ds.manager.findOneByOrFail(Statute, { title: '社会保险法' });
    expect(social.aliases).toEqual(expect.arrayContaining(['中华人民共和国社会保险法', '社会保险法']));
    const art87 = await ds.manager.findOneByOrFail(Article, { statuteId: social.id, number: 87 });
    const citing = await ds.manager
      .createQueryBuilder(Item, 'i')
      .innerJoin(Citation, 'c', 'c.item_id = i.id')
      .where('c.article_id = :a', { a: art87.id })
      .select('DISTINCT i.jurisdiction_code', 'code')
      .getRawMany();
    // Article 87 of the Social Insurance Law is cited by lists of several jurisdictions.
    expect(citing.map((r) => r.code).sort()).toEqual(expect.arrayContaining(['150000', '620602', '654028']));
  });

  it('re-importing the same bytes changes nothing', async () => {
    const before = await ds.manager.find(Item, { order: { id: 'ASC' } });
    const again = await importSeeds(ds);
    expect(again.every((r) => r.unchanged)).toBe(true);
    expect(await ds.manager.find(Item, { order: { id: 'ASC' } })).toEqual(before);
  });

  it('seedIfEmpty does nothing once lists are stored', async () => {
    expect(await seedIfEmpty(ds)).toBeNull();
  });

  it('rejects bad input with an error naming the file, and keeps what was stored', async () => {
    const before = await ds.manager.count(Item);
    await expect(importList(ds, { bytes: Buffer.from('nothing here\n'), fileName: 'empty.txt', jurisdictionCode: '654028', department: 'X' })).rejects.toThrow(
      /empty\.txt: no items found/,
    );
    await expect(importList(ds, { bytes: Buffer.from('序号\t事项名称\n1\t对某事的处罚\n'), fileName: 'bad-code.txt', jurisdictionCode: '999999' })).rejects.toThrow(ImportError);
    expect(await ds.manager.count(Item)).toBe(before);
  });

  it('replaces a changed list as a whole', async () => {
    const text = '某县医疗保障局权责清单\n\n序号\t事项名称\t权力类型\t实施依据\n1\t对甲的处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条\n2\t对乙的检查\t行政检查\t\n';
    const first = await importList(ds, { bytes: Buffer.from(text), fileName: 'a.txt', jurisdictionCode: '654002', department: '伊宁市医疗保障局' });
    expect(first.list.itemCount).toBe(2);
    const changed = text.replace('2\t对乙的检查\t行政检查\t\n', '');
    const second = await importList(ds, { bytes: Buffer.from(changed), fileName: 'a.txt', jurisdictionCode: '654002', department: '伊宁市医疗保障局' });
    expect(second.list.id).toBe(first.list.id);
    expect(await ds.manager.countBy(Item, { listId: first.list.id })).toBe(1);
    expect(await ds.manager.countBy(PowerList, { jurisdictionCode: '654002' })).toBe(1);
  });
});

describe('one department, the same power in two of its lists', () => {
  it('keeps both items, the second under its own ID, with a warning', async () => {
    const ds = await freshDatabase();
    try {
      const doc = (title: string) => `${title}\n\n序号\t事项名称\t权力类型\n1\t对甲的处罚\t行政处罚\n`;
      await importList(ds, { bytes: Buffer.from(doc('甲县医疗保障局权责清单')), fileName: 'a.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });
      const second = await importList(ds, { bytes: Buffer.from(doc('甲县医疗保障局行政处罚事项清单')), fileName: 'b.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });
      expect(second.list.warnings.map((w) => w.code)).toContain('DUPLICATE_ACROSS_LISTS');
      expect(await ds.manager.count(Item)).toBe(2);
    } finally {
      await ds.destroy();
    }
  });
});

describe('a statute title one character off a known one', () => {
  it('is stored as the known statute, spelling kept as an alias, citations marked corrected', async () => {
    const ds = await freshDatabase();
    try {
      const doc = (title: string, body: string) => `${title}\n\n序号\t事项名称\t权力类型\t实施依据\n1\t对甲的处罚\t行政处罚\t${body}\n`;
      await importList(ds, { bytes: Buffer.from(doc('甲县医疗保障局权责清单', '《社会救助暂行办法》第六十八条')), fileName: 'a.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });
      // 社会救助暂行办法 with one character wrong (助 → 组); 暂行 dropped would be another instrument.
      const r = await importList(ds, { bytes: Buffer.from(doc('乙县医疗保障局权责清单', '《社会救组暂行办法》第六十八条；《社会救助办法》第一条')), fileName: 'b.txt', jurisdictionCode: '654021', department: '伊宁县医疗保障局' });
      expect(r.list.warnings.map((w) => w.code)).toContain('CORRECTED_TITLE');
      const known = await ds.manager.findOneByOrFail(Statute, { title: '社会救助暂行办法' });
      expect(known.aliases).toEqual(expect.arrayContaining(['社会救助暂行办法', '社会救组暂行办法']));
      expect(await ds.manager.countBy(Statute, { title: '社会救组暂行办法' })).toBe(0);
      expect(await ds.manager.countBy(Statute, { title: '社会救助办法' })).toBe(1);
      const moved = await ds.manager.findBy(Citation, { statuteId: known.id });
      expect(moved.map((c) => c.status).sort()).toEqual(['CORRECTED_TITLE', 'OK']);
      const art = await ds.manager.findOneByOrFail(Article, { statuteId: known.id, number: 68 });
      expect(moved.every((c) => c.articleId === art.id)).toBe(true);
    } finally {
      await ds.destroy();
    }
  });

  it('is another place\'s statute when the one character is in its leading place name', async () => {
    const ds = await freshDatabase();
    try {
      const doc = (title: string, body: string) => `${title}\n\n序号\t事项名称\t权力类型\t实施依据\n1\t对甲的处罚\t行政处罚\t${body}\n`;
      await importList(ds, { bytes: Buffer.from(doc('甲县医疗保障局权责清单', '《河北省医疗保障基金监督管理办法》第六条')), fileName: 'a.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });
      const r = await importList(ds, { bytes: Buffer.from(doc('乙县医疗保障局权责清单', '《河南省医疗保障基金监督管理办法》第六条')), fileName: 'b.txt', jurisdictionCode: '654021', department: '伊宁县医疗保障局' });
      expect(r.list.warnings.map((w) => w.code)).not.toContain('CORRECTED_TITLE');
      expect(await ds.manager.countBy(Statute, { title: '河北省医疗保障基金监督管理办法' })).toBe(1);
      expect(await ds.manager.countBy(Statute, { title: '河南省医疗保障基金监督管理办法' })).toBe(1);
      expect(await ds.manager.countBy(Citation, { status: 'CORRECTED_TITLE' })).toBe(0);
    } finally {
      await ds.destroy();
    }
  });
});
