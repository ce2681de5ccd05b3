/**
 * The five seed lists, end to end. Placement is tested without citations (so a
 * change in the extractor cannot break these); one test runs the real extractor.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ListRecord } from '../../src/domain/records';
import { parseDocument } from '../../src/ingest';

const SEEDS = join(__dirname, '../../seeds');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const read = (prefix: string) => {
  const file = files.find((f) => f.startsWith(prefix))!;
  return { file, bytes: readFileSync(join(SEEDS, file)) };
};
const parsed = new Map<string, ListRecord>();
const seed = (prefix: string): ListRecord => {
  if (!parsed.has(prefix)) {
    const { file, bytes } = read(prefix);
    parsed.set(prefix, parseDocument(bytes, { fileName: file, extractCitations: () => [] }));
  }
  return parsed.get(prefix)!;
};
const codes = (list: ListRecord) => list.warnings.map((w) => `${w.line}:${w.code}`);

it('has the five seed lists', () => {
  expect(files.map((f) => f.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
});

describe.each([
  ['000', 13, 'table'],
  ['001', 23, 'table+sections'],
  ['002', 5, 'table'],
  ['003', 16, 'cards'],
  ['004', 14, 'table'],
])('seed %s', (prefix, count, layout) => {
  it(`has ${count} items in layout ${layout}`, () => {
    expect(seed(prefix).items).toHaveLength(count);
    expect(seed(prefix).layout).toBe(layout);
  });

  it('has a name, a power type and source lines for every item', () => {
    for (const item of seed(prefix).items) {
      expect(item.name.trim()).not.toBe('');
      expect(item.powerTypes.length).toBeGreaterThan(0);
      expect(item.lines.length).toBeGreaterThan(0);
      expect(item.lines).toEqual([...item.lines].sort((a, b) => a - b));
      expect(item.legalBasis).not.toBeNull();
    }
  });

  it('accounts for every non-blank line: in an item, structural, or warned about', () => {
    const list = seed(prefix);
    const text = read(prefix).bytes.toString('utf8').split('\n');
    const used = new Set(list.items.flatMap((i) => i.lines));
    const warned = new Set(list.warnings.map((w) => w.line));
    const unaccounted: string[] = [];
    text.forEach((line, i) => {
      const no = i + 1;
      const cells = line.split('\t').map((c) => c.trim());
      if (cells.every((c) => c === '')) return;
      const separator = cells.filter((c) => c !== '').every((c) => /^-+$/.test(c));
      const heading = cells.length === 1;
      const header = cells.includes('序号') && cells.includes('事项名称');
      if (used.has(no) || warned.has(no) || separator || heading || header) return;
      unaccounted.push(`${no}: ${line.slice(0, 40)}`);
    });
    expect(unaccounted).toEqual([]);
    // No data line is both in an item and unplaced.
    for (const w of list.warnings) if (w.code === 'UNPLACED_LINE') expect(used.has(w.line!)).toBe(false);
  });

  it('counts its lines', () => {
    const lines = read(prefix).bytes.toString('utf8').replace(/\n$/, '').split('\n').length;
    expect(seed(prefix).lineCount).toBe(lines);
  });
});

describe('seed 000 (table, header before every item, per-level rows)', () => {
  const list = () => seed('000');
  const bySeq = (seq: string) => list().items.find((i) => i.seq === seq)!;

  it('reads title, department and 序号 as written', () => {
    expect(list().title).toBeNull();
    expect(list().department).toBe('自治区医疗保障局');
    expect(list().items.map((i) => i.seq)).toEqual(['2', '3', '5', '7', null, '10', '11', '12', '13', '14', '15', '16', null]);
  });

  it('item 10: name on the row before its 序号, three lines, a level row for 县市区医疗保障局', () => {
    const item = bySeq('10');
    expect(item.name).toBe('对公立医疗机构集中采购药品集中采购行为合规性的监督检查');
    expect(item.lines).toEqual([23, 24, 25]);
    expect(item.levels.map((l) => [l.levelText, l.level, l.lines])).toEqual([
      ['地州市医疗保障局', 'PREFECTURE', [24]],
      ['县市区医疗保障局', 'COUNTY', [25]],
    ]);
    expect(item.powerTypes).toEqual(['INSPECTION']);
  });

  it('item 3 has levels PREFECTURE and COUNTY', () => {
    const item = bySeq('3');
    expect(item.levels.map((l) => [l.levelText, l.level])).toEqual([
      ['地州市级', 'PREFECTURE'],
      ['县市级', 'COUNTY'],
    ]);
    expect(item.levels[0]).toMatchObject({ body: null, unit: '具体承办的业务科室' });
    expect(item.lines).toEqual([7, 8, 9]);
  });

  it('item 5: power type found in the 子项名称 column', () => {
    const item = bySeq('5');
    expect(item).toMatchObject({ subItem: null, powerTypes: ['PUNISHMENT'], powerTypeText: '行政处罚' });
  });

  it('the 高值医用耗材 item: its name sits on the 地州市 row (19), the row before it (18) is the item’s own 自治区 row', () => {
    const item = list().items.find((i) => i.name.startsWith('对公立医疗机构高值医用耗材'))!;
    expect(item.seq).toBeNull();
    expect(item.lines).toEqual([18, 19, 20]);
    expect(item).toMatchObject({ body: '自治区医疗保障局', unit: '医药价格和招标采购处' });
    expect(item.levels.map((l) => [l.levelText, l.level, l.lines])).toEqual([
      ['地州市医疗保障局', 'PREFECTURE', [19]],
      ['县市区医疗保障局', 'COUNTY', [20]],
    ]);
    // Lines 18 and 20 carry the same short basis, line 19 a longer one: two distinct texts, in source order.
    const bases = item.fields.filter((f) => f.key === 'legalBasis');
    expect(bases.map((f) => f.line)).toEqual([18, 19, 20]);
    expect(bases[0].text).toBe(bases[2].text);
    expect(item.legalBasis).toBe(`${bases[0].text}\n${bases[1].text}`);
  });

  it('item 15: level rows with no 行使主体 get their level from their text, and their basis joins the item’s', () => {
    const item = bySeq('15');
    expect(item.levels.map((l) => [l.levelText, l.level, l.lines])).toEqual([
      ['地州市级', 'PREFECTURE', [49]],
      ['县级', 'COUNTY', [50]],
    ]);
    expect(item.legalBasis).toContain('【法律】《中华人民共和国药品管理法》');
    expect(item.legalBasis).toContain('【法规】《医疗保障基金使用监督管理条例》');
  });

  it('the last item has no 序号', () => {
    const item = list().items[12];
    expect(item).toMatchObject({ seq: null, name: '制定公立医疗机构医疗服务价格', powerTypes: ['OTHER'], lines: [56] });
  });

  it('warns exactly where the table is irregular', () => {
    expect(codes(list())).toEqual([
      '12:SHIFTED_POWER_TYPE',
      '15:SELF_LABELLED_CELL',
      '15:SELF_LABELLED_CELL',
      '18:ROW_BEFORE_ITEM',
      '19:SHIFTED_CELLS',
      '20:SHIFTED_CELLS',
      '34:SHIFTED_CELLS',
      '35:SHIFTED_CELLS',
      '39:SHIFTED_CELLS',
      '40:SHIFTED_CELLS',
      '49:SHIFTED_CELLS',
      '49:LEVEL_INFERRED',
      '50:SHIFTED_CELLS',
      '50:LEVEL_INFERRED',
      '53:EXTRA_CELL',
    ]);
  });
});

describe('seed 001 (table with sections)', () => {
  const list = () => seed('001');

  it('reads title and department from the headings', () => {
    expect(list().title).toBe('尼勒克县医疗保障局权责清单事项表(行政处罚)');
    expect(list().department).toBe('尼勒克县医疗保障局');
  });

  it('has 9 处罚, 1 强制, 9 检查, 1 奖励, 2 其他, 1 确认', () => {
    const count = new Map<string, number>();
    for (const i of list().items) count.set(i.powerTypes.join('+'), (count.get(i.powerTypes.join('+')) ?? 0) + 1);
    expect(Object.fromEntries(count)).toEqual({ PUNISHMENT: 9, COERCION: 1, INSPECTION: 9, REWARD: 1, OTHER: 2, CONFIRMATION: 1 });
  });

  it('numbers items within each section', () => {
    expect(list().items.map((i) => i.seq).join(',')).toBe('1,2,3,4,5,6,7,8,9,1,1,2,3,4,5,6,7,8,9,1,1,2,1');
  });

  it('splits the merged 承办机构/实施依据 cells (lines 23 and 63)', () => {
    for (const no of [23, 63]) {
      const item = list().items.find((i) => i.lines.includes(no))!;
      expect(item.unit).toBe('尼勒克县医疗保障局');
      expect(item.legalBasis).toMatch(/^【(行政法规|规范性文件)】《/);
      expect(item.fields.find((f) => f.key === 'responsibilities')!.text).toMatch(/^直接实施责任/);
    }
    expect(codes(list())).toEqual(['23:MERGED_CELL_SPLIT', '63:MERGED_CELL_SPLIT']);
  });

  it('keeps body names as written (尼勒克医疗保障局 and 尼勒克县医疗保障局)', () => {
    expect(new Set(list().items.map((i) => i.body))).toEqual(new Set(['尼勒克县医疗保障局', '尼勒克医疗保障局']));
  });
});

describe('seed 002 (table with 地方权力编码)', () => {
  it('reads codes, bodies and types', () => {
    const list = seed('002');
    expect(list.title).toBe('凉州区医疗保障局权责清单');
    expect(list.department).toBe('凉州区医疗保障局');
    expect(list.items.map((i) => i.powerTypes[0])).toEqual(['PUNISHMENT', 'BENEFIT', 'REWARD', 'OTHER', 'OTHER']);
    for (const i of list.items) expect(i.localCode).toMatch(/^11620602MB1902380J\d+$/);
    expect(list.items[0].fields.find((f) => f.key === 'levelScope')?.text).toBe('县级');
    expect(list.warnings).toEqual([]);
  });
});

describe('seed 003 (cards)', () => {
  const list = () => seed('003');

  it('reads title and department from the repeated title', () => {
    expect(list().title).toBe('通化市医疗保障局权责事项清单（试行）');
    expect(list().department).toBe('通化市医疗保障局');
    expect(list().items.map((i) => i.seq)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(list().warnings).toEqual([]);
  });

  it('item 6: 行政检查和行政处罚, and 责任事项 continued on a two-tab line', () => {
    const item = list().items.find((i) => i.seq === '6')!;
    expect(item.powerTypes).toEqual(['INSPECTION', 'PUNISHMENT']);
    expect(item.powerTypeText).toBe('行政检查和行政处罚');
    const resp = item.fields.find((f) => f.key === 'responsibilities')!;
    expect(resp.text).toContain('5.决定责任');
    expect(resp.text.indexOf('1.检查责任')).toBeLessThan(resp.text.indexOf('5.决定责任'));
    expect(item.lines).toContain(93);
    expect(item.fields.find((f) => f.key === 'inspectionMethods')?.text).toBe('日常检查、随机抽查、专项检查');
  });

  it('item 1: every label of its card', () => {
    const item = list().items[0];
    expect(item.fields.map((f) => f.label)).toEqual(['序号', '权利类型', '权利事项名称', '实施主体', '承办公室', '处罚依据', '责任事项', '权利运行结果公示', '追责情形', '担责方式', '监督电话']);
    expect(item.fields.find((f) => f.key === 'responsibilities')!.text).toContain('5.决定责任');
    expect(item.lines).toEqual([5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17]);
  });

  it('reads 设定依据 and 强制依据 as the legal basis', () => {
    expect(list().items.find((i) => i.seq === '7')!.legalBasis).toContain('《中华人民共和国价格法》');
    expect(list().items.find((i) => i.seq === '15')).toMatchObject({ powerTypes: ['COERCION'] });
    expect(list().items.find((i) => i.seq === '15')!.legalBasis).toContain('《中华人民共和国社会保险法》');
  });
});

describe('seed 004 (five-column table)', () => {
  it('reads 行政监督检查 and 其他行政职权', () => {
    const list = seed('004');
    expect(list.title).toBe('内蒙古自治区医疗保障行政执法事项清单');
    // "各级医疗保障行政部门" is every level's department, not one department.
    expect(list.department).toBeNull();
    const types = list.items.map((i) => i.powerTypes.join('+'));
    expect(types.filter((t) => t === 'INSPECTION')).toHaveLength(8);
    expect(list.items[13]).toMatchObject({ seq: '14', powerTypes: ['OTHER'], powerTypeText: '其他行政职权', body: '各级医疗保障行政部门' });
    expect(list.items.map((i) => i.seq)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(list.warnings).toEqual([]);
  });
});

describe('all seeds with the real citation extractor', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s parses, and extraction fails on no field', (prefix) => {
    const { file, bytes } = read(prefix);
    const list = parseDocument(bytes, { fileName: file });
    expect(list.items).toHaveLength(seed(prefix).items.length);
    expect(list.warnings.filter((w) => w.code === 'CITATION_FAILED')).toEqual([]);
    for (const item of list.items) {
      for (const c of item.citations) {
        expect(['legalBasis', 'responsibilityBasis']).toContain(c.field);
        expect(item.lines).toContain(c.line);
      }
    }
  });

  it('finds citations in the legal basis of most items', () => {
    const items = ['000', '001', '002', '003', '004'].flatMap((p) => parseDocument(read(p).bytes, { fileName: p }).items);
    expect(items.filter((i) => i.citations.some((c) => c.field === 'legalBasis')).length).toBeGreaterThan(items.length / 2);
  });
});
