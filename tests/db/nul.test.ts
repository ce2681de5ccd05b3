import { freshDatabase } from '../helpers/db';
import { importList } from '../../src/db/importer';

// PostgreSQL refuses U+0000 in text: a document with stray NULs must still import, on either backend, without them.
describe('a document with NUL characters', () => {
  it('imports with the NULs removed and a warning saying so', async () => {
    const ds = await freshDatabase();
    try {
      const text = '某县医疗保障局权责清单\n\n序号\t事项名称\t权力类型\t实施依据\n1\t对甲\u0000的处罚\t行政处罚\t《中华人民共和国社会保险法》第八十七条\u0000\n';
      const r = await importList(ds, { bytes: Buffer.from(text), fileName: 'nul.txt', jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });
      expect(r.list.warnings.map((w) => w.code)).toContain('NUL_REMOVED');
      const items = await ds.query('SELECT name, legal_basis FROM item');
      expect(items).toEqual([{ name: '对甲的处罚', legal_basis: '《中华人民共和国社会保险法》第八十七条' }]);
    } finally {
      await ds.destroy();
    }
  });
});
