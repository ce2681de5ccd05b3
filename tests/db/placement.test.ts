import fs from 'node:fs';
import path from 'node:path';
import { prepareImport } from '../../src/db/importer';
import { readManifest, SEEDS_DIR } from '../../src/db/seed';

const seed = (file: string) => fs.readFileSync(path.join(SEEDS_DIR, file));
const codes = (p: ReturnType<typeof prepareImport>) => p.lists[0].warnings.map((w) => w.code);

describe('where a list belongs', () => {
  // 004 names no department anywhere ("内蒙古自治区医疗保障行政执法事项清单", bodies "各级医疗保障行政部门"): it is given.
  it.each(readManifest().map((e) => [e.file, e.jurisdictionCode, e.department] as const))('%s is inferred to be %s when no code is given', (file, code, department) => {
    const p = prepareImport({ bytes: seed(file), fileName: file, department: file.startsWith('004') ? department : undefined });
    expect(p.lists[0].jurisdictionCode).toBe(code);
    expect(codes(p)).toContain('JURISDICTION_INFERRED');
    expect(codes(p)).not.toContain('JURISDICTION_MISMATCH');
  });

  it('agrees silently with the manifest for every seed', () => {
    for (const e of readManifest()) {
      const p = prepareImport({ bytes: seed(e.file), fileName: e.file, jurisdictionCode: e.jurisdictionCode, department: e.department });
      expect(codes(p).filter((c) => /^(JURISDICTION|DEPARTMENT)_/.test(c))).toEqual([]);
      expect(p.lists.map((l) => l.department)).toEqual([e.department]);
    }
  });

  it('warns when the given jurisdiction or department disagrees with the document, and keeps the given one', () => {
    const p = prepareImport({ bytes: seed('001_40ae8e75de3bdc72.txt'), fileName: '001.txt', jurisdictionCode: '220500', department: '通化市医疗保障局' });
    expect(p.lists[0].jurisdictionCode).toBe('220500');
    const w = p.lists[0].warnings.filter((x) => /MISMATCH/.test(x.code));
    expect(w.map((x) => x.code).sort()).toEqual(['DEPARTMENT_MISMATCH', 'JURISDICTION_MISMATCH']);
    expect(w.find((x) => x.code === 'JURISDICTION_MISMATCH')!.message).toMatch(/654028 \(尼勒克县\)/);
  });

  it('refuses a list whose department is neither given nor written', () => {
    expect(() => prepareImport({ bytes: seed('004_119a4ff0c2874498.txt'), fileName: '004.txt' })).toThrow(/004\.txt: department not given and not found in the document/);
  });

  it('refuses a list whose place cannot be settled, naming why', () => {
    const doc = '权责清单\n\n序号\t事项名称\t权力类型\t行使主体\n1\t对甲的处罚\t行政处罚\t朝阳区医疗保障局\n';
    expect(() => prepareImport({ bytes: Buffer.from(doc), fileName: 'chaoyang.txt' })).toThrow(/chaoyang\.txt: jurisdiction not given and could not be inferred: the names fit several places \(110105, 220104\)/);
    expect(() => prepareImport({ bytes: Buffer.from(doc), fileName: 'x.txt', jurisdictionCode: '12345' })).toThrow(/6 digits/);
  });
});
