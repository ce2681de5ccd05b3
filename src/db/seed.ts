import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { PowerList } from './entities';
import { importList, type ImportResult } from './importer';
import { PROJECT_ROOT } from './config';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

export interface ManifestEntry {
  file: string;
  jurisdictionCode: string;
  department?: string;
}

export function readManifest(dir: string = SEEDS_DIR): ManifestEntry[] {
  const file = path.join(dir, 'manifest.json');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { lists?: ManifestEntry[] };
  if (!Array.isArray(parsed.lists)) throw new Error(`${file}: expected a "lists" array`);
  parsed.lists.forEach((e, i) => {
    if (!e.file || !/^\d{6}$/.test(e.jurisdictionCode ?? '')) throw new Error(`${file}: lists[${i}] needs "file" and a 6-digit "jurisdictionCode"`);
  });
  return parsed.lists;
}

/** Imports every list the manifest names. */
export async function importSeeds(ds: DataSource, dir: string = SEEDS_DIR): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const entry of readManifest(dir)) {
    const bytes = fs.readFileSync(path.join(dir, entry.file));
    results.push(await importList(ds, { bytes, fileName: entry.file, jurisdictionCode: entry.jurisdictionCode, department: entry.department }));
  }
  return results;
}

/** Loads the seed lists when the database holds no list at all. */
export async function seedIfEmpty(ds: DataSource, dir: string = SEEDS_DIR): Promise<ImportResult[] | null> {
  if ((await ds.getRepository(PowerList).count()) > 0) return null;
  return importSeeds(ds, dir);
}
