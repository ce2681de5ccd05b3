import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase } from '../helpers/db';
import { importMany } from '../../src/db/pipeline';
import { ImportError, type ImportInput } from '../../src/db/importer';
import { readManifest, SEEDS_DIR } from '../../src/db/seed';
import { Citation, Item } from '../../src/db/entities';

const inputs = (): ImportInput[] => [
  ...readManifest().map((e) => ({ bytes: fs.readFileSync(path.join(SEEDS_DIR, e.file)), fileName: e.file, jurisdictionCode: e.jurisdictionCode, department: e.department })),
  { bytes: Buffer.from('not a list\n'), fileName: 'broken.txt', jurisdictionCode: '654028' },
];

const storedIds: Record<number, string[]> = {};

describe('importing many documents', () => {
  it.each([0, 1])('with %i worker(s) stores the same rows, in order, and reports each failure as itself', async (workers) => {
    const ds = await freshDatabase();
    try {
      const seen: { i: number; items?: number; error?: Error }[] = [];
      await importMany(ds, inputs(), { workers, onResult: (i, o) => seen.push({ i, items: o.result?.list.itemCount, error: o.error }) });
      expect(seen.map((s) => s.i)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(seen.slice(0, 5).map((s) => s.items)).toEqual([13, 23, 5, 16, 14]);
      expect(seen[5].error).toBeInstanceOf(ImportError);
      expect(seen[5].error!.message).toMatch(/^broken\.txt: no items found/);
      expect(await ds.manager.count(Item)).toBe(71);
      const ids = (await ds.manager.find(Item, { order: { id: 'ASC' }, select: { id: true } })).map((i) => i.id);
      storedIds[workers] = ids;
      expect(await ds.manager.count(Citation)).toBeGreaterThan(300);
    } finally {
      await ds.destroy();
    }
  }, 60_000);

  it('stores the same items whether prepared on the main thread or in a worker', () => {
    expect(storedIds[1]).toEqual(storedIds[0]);
    expect(storedIds[0]).toHaveLength(71);
  });
});

describe('a prepare worker that dies', () => {
  it('does not leave the import waiting: the rest is prepared on the main thread', async () => {
    const { PreparePool } = await import('../../src/db/pipeline');
    const pool = new PreparePool(1);
    try {
      const [first, second] = inputs();
      // One document in flight when the worker goes, one asked for after.
      const inFlight = pool.prepare(first);
      await (pool as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0].terminate();
      const after = await pool.prepare(second);
      for (const [r, n] of [[await inFlight, 13], [after, 23]] as const) expect('prepared' in r && r.prepared.record.items.length).toBe(n);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
