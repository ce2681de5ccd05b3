import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { runIngest, type Io } from '../../src/cli/ingest';
import { SEEDS_DIR } from '../../src/db/seed';
import { Item, PowerList } from '../../src/db/entities';
import { freshDatabase } from '../helpers/db';

function capture(isTTY = false): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}
const noDatabase = async (): Promise<DataSource> => {
  throw new Error('a dry run must not open the database');
};

describe('npm run ingest', () => {
  it('--dry-run --json prints every item, level row, citation and report without touching the database', async () => {
    const io = capture();
    expect(await runIngest([SEEDS_DIR, '--dry-run', '--json'], io, noDatabase)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.map((o: any) => o.status)).toEqual(['dry-run', 'dry-run', 'dry-run', 'dry-run', 'dry-run']);
    expect(out.reduce((n: number, o: any) => n + o.items.length, 0)).toBe(71);
    const nilka = out.find((o: any) => o.file.endsWith('001_40ae8e75de3bdc72.txt'));
    expect(nilka.lists).toEqual([expect.objectContaining({ jurisdictionCode: '654028', department: '尼勒克县医疗保障局', items: 23 })]);
    expect(nilka.items[0].citations.length).toBeGreaterThan(0);
    expect(nilka.report).toMatchObject({ items: 23, layout: 'table+sections' });
    const xj = out.find((o: any) => o.file.endsWith('000_5ac790a9ed78689f.txt'));
    expect(xj.items.some((i: any) => i.levels.length > 0)).toBe(true);
  });

  it('imports files and folders, prints a summary table, and is idempotent', async () => {
    const ds = await freshDatabase();
    try {
      const open = async () => ds;
      // runIngest closes what it opens; keep the test's connection for checks.
      const keep = Object.assign(Object.create(ds), { destroy: async () => {} }) as DataSource;
      const io = capture();
      expect(await runIngest([SEEDS_DIR], io, async () => keep)).toBe(0);
      expect(io.stdout).toMatch(/^file\s+status\s+jurisdiction/m);
      expect(io.stdout).toMatch(/001_40ae8e75de3bdc72\.txt\s+imported\s+654028\s+尼勒克县医疗保障局/);
      expect(io.stdout).toContain('5 of 5 files read; 0 failed');
      expect(await ds.manager.count(Item)).toBe(71);
      const again = capture();
      expect(await runIngest([SEEDS_DIR], again, async () => keep)).toBe(0);
      expect(again.stdout.match(/unchanged/g)).toHaveLength(5);
      void open;
    } finally {
      await ds.destroy();
    }
  });

  it('exits 1 when any file fails, names it, and still imports the others', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    fs.copyFileSync(path.join(SEEDS_DIR, '002_447b1eadcf571c88.txt'), path.join(dir, 'a-good.txt'));
    fs.writeFileSync(path.join(dir, 'b-empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'manifest-like.json'), '{}');
    const io = capture(true);
    expect(await runIngest([dir, '--dry-run'], io, noDatabase)).toBe(1);
    expect(io.stderr).toMatch(/error: b-empty\.txt: no items found/);
    expect(io.stderr).toMatch(/\[#+\.*\] \d\/2/); // progress on a terminal
    expect(io.stdout).toMatch(/a-good\.txt\s+dry-run\s+620602/);
    expect(io.stdout).toMatch(/b-empty\.txt\s+failed/);
    expect(io.stdout).toContain('1 of 2 files read (dry run: nothing stored); 1 failed');
  });

  it('answers usage errors with status 2', async () => {
    const io = capture();
    expect(await runIngest([], io, noDatabase)).toBe(2);
    expect(io.stderr).toMatch(/usage: npm run ingest/);
    expect(await runIngest(['/no/such/place'], capture(), noDatabase)).toBe(2);
    expect(await runIngest(['--bogus'], capture(), noDatabase)).toBe(2);
  });
});

void PowerList;
