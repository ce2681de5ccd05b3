import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importList, ImportError } from '../../src/db/importer';
import { importSeeds, SEEDS_DIR } from '../../src/db/seed';
import { Citation, Item, PowerList } from '../../src/db/entities';

const seed = (f: string) => fs.readFileSync(path.join(SEEDS_DIR, f));
const at = (bytes: Buffer | string, fileName = 'bad.txt') => ({ bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), fileName, jurisdictionCode: '654028', department: '尼勒克县医疗保障局' });

let ds: DataSource;
let counts: () => Promise<number[]>;
let before: number[];

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
  counts = async () => [await ds.manager.count(PowerList), await ds.manager.count(Item), await ds.manager.count(Citation)];
  before = await counts();
});
afterAll(() => ds?.destroy());

// Each case must end in a clear error naming the file, or a stored list with a report;
// a failure stores nothing. The seeds stay as they were throughout.
describe('bad input', () => {
  afterEach(async () => {
    const now = await counts();
    expect(now[0]).toBeGreaterThanOrEqual(before[0]);
    expect(await ds.manager.countBy(Item, { jurisdictionCode: '650000' })).toBe(13);
  });

  async function expectRejected(bytes: Buffer | string, fileName: string, message: RegExp): Promise<void> {
    const lists = await ds.manager.count(PowerList);
    const err = await importList(ds, at(bytes, fileName)).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(new RegExp(`^${fileName.replace('.', '\\.')}`));
    expect(err.message).toMatch(message);
    expect(await ds.manager.count(PowerList)).toBe(lists);
  }

  it('an empty file', () => expectRejected('', 'empty.txt', /no items found/));
  it('a file of blank lines', () => expectRejected('\n\n  \t\n', 'blank.txt', /no items found/));

  it('a binary file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
    await expectRejected(png, 'picture.txt', /could not be read|no items found/);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await expectRejected(random, 'random.bin', /could not be read|no items found/);
  });

  it('a table with no recognisable header', () =>
    expectRejected('甲\t乙\t丙\n1\t对某事的处罚\t行政处罚\n2\t对某事的检查\t行政检查\n', 'noheader.txt', /no items found.*line 1/));

  it('a truncated file: what is there is read, the cut is reported', async () => {
    const full = seed('001_40ae8e75de3bdc72.txt').toString('utf8');
    const cut = full.slice(0, Math.floor(full.length * 0.6));
    const r = await importList(ds, at(cut, 'truncated.txt'));
    expect(r.list.itemCount).toBeGreaterThan(5);
    expect(r.list.itemCount).toBeLessThan(23);
    expect(r.record.report!.lines.used + r.record.report!.lines.structural + r.record.report!.lines.unplaced).toBe(r.record.report!.lines.content);
  });

  it('a file whose every cell is cut off mid-word', async () => {
    const text = seed('002_447b1eadcf571c88.txt').toString('utf8');
    const cut = text
      .split('\n')
      .map((line) => line.split('\t').map((c) => [...c].slice(0, Math.max(1, Math.ceil([...c].length * 0.6))).join('')).join('\t'))
      .join('\n');
    const err = await importList(ds, at(cut, 'cutoff.txt')).then(() => null, (e) => e);
    if (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect(err.message).toMatch(/^cutoff\.txt: /);
    }
  });

  it('a 50 MB file is read in full, or refused with a clear error', async () => {
    // Seed 002's rows, renamed so every row is its own item, repeated to 50 MB.
    const lines = seed('002_447b1eadcf571c88.txt').toString('utf8').split('\n');
    const header = lines.find((l) => l.startsWith('序号'))!;
    const rows = lines.filter((l) => /^\d+\t/.test(l));
    const parts: string[] = ['凉州区医疗保障局权责清单', '', header];
    let size = 0;
    for (let n = 0; size < 50 * 1024 * 1024; n++) {
      const row = rows[n % rows.length].replace(/^\d+\t([^\t]*)/, (_, name) => `${n + 1}\t${name}（第${n + 1}项）`);
      parts.push(row);
      size += Buffer.byteLength(row) + 1;
    }
    const bytes = Buffer.from(parts.join('\n'));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const result = await importList(ds, { ...at(bytes, 'huge.txt'), jurisdictionCode: '620602', department: '凉州区医疗保障局' }).then(
      (r) => r,
      (e) => e,
    );
    if (result instanceof Error) {
      expect(result).toBeInstanceOf(ImportError);
      expect(result.message).toMatch(/^huge\.txt: .*(MB|limit)/);
    } else {
      expect(result.list.itemCount).toBe(parts.length - 3);
      expect(await ds.manager.countBy(Item, { listId: result.list.id })).toBe(result.list.itemCount);
    }
  }, 300_000);
});
