/**
 * A national-scale database: one list for every province, prefecture and
 * county of the gazetteer (~3,370), ~60 items each, built through the real
 * pipeline (render → parse → import). Each province has a catalogue drawn
 * from the seed items; its places list most of it, in their own order, with
 * the variations real lists show (a dropped 的, 资金 for 基金, items left out),
 * so matters, cross-links and gaps have real overlap to work on. Only
 * province lists keep per-level rows (自治区级 / 地州市级 / 县市级).
 *
 * The SQLite file is cached under .cache/ by generator version and size; the
 * PostgreSQL database `test` is rebuilt when its counts do not match.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, Logger } from 'typeorm';
import { openDatabase } from '../src/db/dataSource';
import { allDivisions } from '../src/db/gazetteer';
import { importMany } from '../src/db/pipeline';
import type { ImportInput } from '../src/db/prepare';
import type { ItemRecord } from '../src/domain/records';
import { FAMILIES, seedDocs } from './corpus';

const VERSION = 1;
const CACHE = path.join(__dirname, '..', '.cache');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function vary(item: ItemRecord, place: string, rnd: () => number, keepLevels: boolean): ItemRecord {
  let name = item.name;
  if (rnd() < 0.08) name = name.replace('的', '');
  if (rnd() < 0.05) name = name.replace('基金', '资金');
  const body = `${place}医疗保障局`;
  return { ...item, name, body, levels: keepLevels ? item.levels : [], fields: item.fields.map((f) => (f.key === 'body' ? { ...f, text: body, raw: body } : f)) };
}

/** The documents of the national corpus, in tree order. */
export function nationalInputs(itemsPerList = 60): (ImportInput & { items: number })[] {
  const pool = seedDocs().flatMap((d) => d.items);
  const divisions = allDivisions().filter((d) => !['71', '81', '82'].includes(d.code.slice(0, 2)));
  const catalogues = new Map<string, ItemRecord[]>();
  return divisions.map((d) => {
    const province = d.code.slice(0, 2);
    let catalogue = catalogues.get(province);
    if (!catalogue) {
      const rnd = prng(Number(province) * 7919);
      catalogue = [...pool].sort(() => rnd() - 0.5);
      catalogues.set(province, catalogue);
    }
    const rnd = prng(Number(d.code));
    // Most of the province's catalogue, a few items left out, then the rest of the pool.
    const picked: ItemRecord[] = [];
    const names = new Set<string>();
    for (const item of [...catalogue.filter(() => rnd() > 0.1), ...catalogue]) {
      if (picked.length >= itemsPerList) break;
      const v = vary(item, d.name, rnd, d.level === 'PROVINCE');
      if (names.has(v.name)) continue;
      names.add(v.name);
      picked.push({ ...v, seq: String(picked.length + 1) });
    }
    const department = `${d.name}医疗保障局`;
    const text = FAMILIES.tsv.render({ title: `${department}权责清单`, department, items: picked }) as string;
    return { bytes: Buffer.from(text), fileName: `${d.code}.txt`, jurisdictionCode: d.code, department, items: picked.length };
  });
}

export interface NationalCounts {
  jurisdictions: number;
  lists: number;
  items: number;
  citations: number;
}

async function countsOf(ds: DataSource): Promise<NationalCounts> {
  const one = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return { jurisdictions: await one('jurisdiction'), lists: await one('power_list'), items: await one('item'), citations: await one('citation') };
}

/** Opens the national database on a backend, building it first when missing. */
export async function openNational(backend: 'sqlite' | 'postgres', options: { logger?: Logger; itemsPerList?: number } = {}): Promise<{ ds: DataSource; counts: NationalCounts; built: number | null }> {
  const itemsPerList = options.itemsPerList ?? 60;
  const file = path.join(CACHE, `national-v${VERSION}-${itemsPerList}.sqlite`);
  const config = backend === 'sqlite' ? ({ kind: 'sqlite', file } as const) : ({ kind: 'postgres', url: PG_URL } as const);
  const inputs = nationalInputs(itemsPerList);
  let ds = await openDatabase(config, { logger: options.logger });
  let counts = await countsOf(ds);
  if (counts.lists === inputs.length) return { ds, counts, built: null };
  await ds.destroy();
  if (backend === 'sqlite') for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  else {
    const fresh = await openDatabase(config);
    await fresh.query('DROP SCHEMA public CASCADE');
    await fresh.query('CREATE SCHEMA public');
    await fresh.destroy();
  }
  ds = await openDatabase(config);
  const t0 = process.hrtime.bigint();
  let failed = 0;
  await importMany(ds, inputs, { onResult: (_, o) => void (o.error && failed++) });
  const built = Number(process.hrtime.bigint() - t0) / 1e9;
  if (failed) throw new Error(`${failed} national lists failed to import`);
  // Measure the planner's choices, not its guesses: autovacuum has not yet seen the fresh tables.
  if (backend === 'postgres') await ds.query('ANALYZE');
  await ds.destroy();
  ds = await openDatabase(config, { logger: options.logger });
  counts = await countsOf(ds);
  console.log(`built the national ${backend} database in ${built.toFixed(0)} s: ${JSON.stringify(counts)}`);
  return { ds, counts, built };
}
