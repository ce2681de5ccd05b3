import { graphql } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importScaled } from '../helpers/generate';
import { importSeeds } from '../../src/db/seed';
import { syncJurisdictions } from '../../src/db/jurisdictions';
import { allDivisions } from '../../src/db/gazetteer';
import { StatementCounter } from '../../src/db/statementCounter';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';

let ds: DataSource;
async function data(source: string, variableValues?: Record<string, unknown>): Promise<any> {
  const r = await graphql({ schema: await buildAppSchema(), source, variableValues, contextValue: createContext(ds) });
  expect(r.errors).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
});
afterAll(() => ds?.destroy());

describe('the whole tree', () => {
  it('holds every province, prefecture and county of the gazetteer, with or without lists', async () => {
    const d = await data(`{ jurisdictions { code level parentCode } }`);
    const byLevel = (l: string) => d.jurisdictions.filter((j: any) => j.level === l).length;
    expect(d.jurisdictions).toHaveLength(allDivisions().length);
    expect(byLevel('PROVINCE')).toBe(34);
    expect(byLevel('PREFECTURE')).toBeGreaterThan(320);
    expect(byLevel('COUNTY')).toBeGreaterThan(2800);
    // No placeholder rows: 市辖区 and 自治区直辖县级行政区划 are not places.
    expect(d.jurisdictions.find((j: any) => j.code === '130101' || j.code === '659000')).toBeUndefined();
    // Every parent is in the tree; the counties directly under a province (石河子市) hang on the province.
    const codes = new Set(d.jurisdictions.map((j: any) => j.code));
    for (const j of d.jurisdictions) if (j.parentCode) expect(codes.has(j.parentCode)).toBe(true);
    expect(d.jurisdictions.find((j: any) => j.code === '659001').parentCode).toBe('650000');
  });

  it('gives names and common short names', async () => {
    const d = await data(`{ xj: jurisdiction(code: "650000") { name shortName level } ili: jurisdiction(code: "654000") { name shortName level } nilka: jurisdiction(code: "654028") { name shortName level } }`);
    expect(d.xj).toEqual({ name: '新疆维吾尔自治区', shortName: '新疆', level: 'PROVINCE' });
    expect(d.ili).toEqual({ name: '伊犁哈萨克自治州', shortName: '伊犁州', level: 'PREFECTURE' });
    expect(d.nilka).toEqual({ name: '尼勒克县', shortName: '尼勒克', level: 'COUNTY' });
  });

  it('is loaded once: opening the database again changes nothing', async () => {
    expect(await syncJurisdictions(ds)).toEqual({ inserted: 0, updated: 0 });
  });

  it('repairs a row that differs from the gazetteer', async () => {
    await ds.query(`UPDATE jurisdiction SET short_name = NULL, name = 'x' WHERE code = '654028'`);
    expect(await syncJurisdictions(ds)).toEqual({ inserted: 0, updated: 1 });
    expect((await data(`{ jurisdiction(code: "654028") { name shortName } }`)).jurisdiction).toEqual({ name: '尼勒克县', shortName: '尼勒克' });
  });
});

describe('finding jurisdictions', () => {
  const codes = async (args: string) => (await data(`{ jurisdictions(${args}) { code } }`)).jurisdictions.map((j: any) => j.code);

  it('filters by having lists, level, parent and name, all together', async () => {
    expect(await codes('hasLists: true')).toEqual(['150000', '220500', '620602', '650000', '654028']);
    expect(await codes('hasLists: true, level: COUNTY')).toEqual(['620602', '654028']);
    expect(await codes('level: PROVINCE, hasLists: false')).toHaveLength(32);
    const ili = await codes('parentCode: "654000"');
    expect(ili).toContain('654028');
    expect(ili.length).toBeGreaterThan(5);
    expect(await codes('parentCode: "654000", hasLists: true')).toEqual(['654028']);
  });

  it('finds by name or short name, as plain text', async () => {
    expect(await codes('name: "尼勒克"')).toEqual(['654028']);
    expect(await codes('name: "伊犁州"')).toEqual(['654000']);
    expect(await codes('name: "伊犁", level: PREFECTURE')).toEqual(['654000']);
    expect(await codes('name: "新疆维吾尔自治区"')).toEqual(['650000']);
    expect(await codes('name: "%"')).toEqual([]);
    expect(await codes('name: "_"')).toEqual([]);
  });
});

describe('walking the tree', () => {
  it('gives 尼勒克县 its ancestors, the province first', async () => {
    const d = await data(`{ jurisdiction(code: "654028") { ancestors { code name } parent { code } } }`);
    expect(d.jurisdiction.ancestors).toEqual([
      { code: '650000', name: '新疆维吾尔自治区' },
      { code: '654000', name: '伊犁哈萨克自治州' },
    ]);
    expect(d.jurisdiction.parent.code).toBe('654000');
  });

  it('lists descendants, by level when asked', async () => {
    const d = await data(`{ jurisdiction(code: "650000") { all: descendants { code level } counties: descendants(level: COUNTY) { code level } prefectures: descendants(level: PREFECTURE) { code } } }`);
    const { all, counties, prefectures } = d.jurisdiction;
    expect(counties.map((c: any) => c.code)).toEqual(expect.arrayContaining(['654028', '659001']));
    expect(prefectures.map((c: any) => c.code)).toContain('654000');
    expect(all).toHaveLength(counties.length + prefectures.length);
    expect(new Set(counties.map((c: any) => c.level))).toEqual(new Set(['COUNTY']));
    expect((await data(`{ jurisdiction(code: "654028") { descendants { code } } }`)).jurisdiction.descendants).toEqual([]);
  });

  it('counts lists of a place and beneath it', async () => {
    const d = await data(`{ xj: jurisdiction(code: "650000") { own: listCount beneath: listCount(includeDescendants: true) } gs: jurisdiction(code: "620000") { own: listCount beneath: listCount(includeDescendants: true) } }`);
    expect(d.xj).toEqual({ own: 1, beneath: 2 });
    expect(d.gs).toEqual({ own: 0, beneath: 1 });
  });

  it('pages through the items of a place and everything beneath it', async () => {
    const own = await data(`{ jurisdiction(code: "650000") { items { totalCount } } }`);
    expect(own.jurisdiction.items.totalCount).toBe(13);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await data(`query($after: String) { jurisdiction(code: "650000") { items(includeDescendants: true, first: 10, after: $after) { totalCount edges { node { id jurisdictionCode } } pageInfo { hasNextPage endCursor } } } }`, { after });
      const page = d.jurisdiction.items;
      expect(page.totalCount).toBe(13 + 23);
      seen.push(...page.edges.map((e: any) => `${e.node.jurisdictionCode}:${e.node.id}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(36);
    expect(new Set(seen).size).toBe(36);
    // In (jurisdiction, list, position) order: the province's items, then the county's.
    expect(seen.slice(0, 13).every((s) => s.startsWith('650000:'))).toBe(true);
    expect(seen.slice(13).every((s) => s.startsWith('654028:'))).toBe(true);
  });

  it('answers items of many places in one batch, page by page', async () => {
    const d = await data(`{ jurisdictions(hasLists: true) { code items(includeDescendants: true, first: 5) { totalCount edges { node { jurisdictionCode } } pageInfo { hasNextPage } } } }`);
    const by = Object.fromEntries(d.jurisdictions.map((j: any) => [j.code, j.items]));
    expect(by['650000'].totalCount).toBe(36);
    expect(by['654028'].totalCount).toBe(23);
    expect(by['150000'].totalCount).toBe(14);
    for (const j of d.jurisdictions) {
      expect(j.items.edges).toHaveLength(Math.min(5, j.items.totalCount));
      expect(j.items.pageInfo.hasNextPage).toBe(j.items.totalCount > 5);
    }
  });
});

describe('effective items: what a place must do, its own list and what comes from above', () => {
  it("puts the 新疆 list's county-level duties among 尼勒克县's effective items", async () => {
    const d = await data(`{ jurisdiction(code: "654028") { effectiveItems { origin from { code } item { name jurisdictionCode } levelRow { levelText level responsibilities sourceLines } } } }`);
    const eff = d.jurisdiction.effectiveItems;
    const own = eff.filter((e: any) => e.origin === 'OWN');
    const assigned = eff.filter((e: any) => e.origin === 'LEVEL_ROW');
    expect(own).toHaveLength(23);
    for (const e of own) expect(e.from.code).toBe('654028');
    // The items of seed 000 with a 县市级 / 县市区医疗保障局 / 县区级 row.
    expect(assigned.length).toBe(8);
    for (const e of assigned) {
      expect(e.from.code).toBe('650000');
      expect(e.item.jurisdictionCode).toBe('650000');
      expect(e.levelRow.level).toBe('COUNTY');
      expect(e.levelRow.sourceLines.length).toBeGreaterThan(0);
    }
    expect(assigned.map((e: any) => e.item.name)).toContain('对医疗救助的监督检查');
    expect(assigned.map((e: any) => e.levelRow.levelText)).toEqual(expect.arrayContaining(['县市级', '县市区医疗保障局']));
    // Items with no level rows stay the province's own: 医疗保险稽核 is not assigned down.
    expect(assigned.map((e: any) => e.item.name)).not.toContain('医疗保险稽核');
  });

  it('assigns prefecture-level rows to a prefecture with no list of its own', async () => {
    const d = await data(`{ jurisdiction(code: "654000") { effectiveItems { origin levelRow { level } } } }`);
    const eff = d.jurisdiction.effectiveItems;
    expect(eff.length).toBe(8);
    for (const e of eff) expect(e).toEqual({ origin: 'LEVEL_ROW', levelRow: { level: 'PREFECTURE' } });
  });

  it('applies a list whose body is 各级医疗保障行政部门 at every level beneath it', async () => {
    const d = await data(`{ county: jurisdiction(code: "150102") { effectiveItems { origin from { code } item { body } } } city: jurisdiction(code: "150100") { effectiveItems { origin } } }`);
    expect(d.county.effectiveItems).toHaveLength(14);
    for (const e of d.county.effectiveItems) expect(e).toEqual({ origin: 'EVERY_LEVEL', from: { code: '150000' }, item: { body: '各级医疗保障行政部门' } });
    expect(d.city.effectiveItems).toHaveLength(14);
    // Another province's places get nothing from it.
    expect((await data(`{ jurisdiction(code: "220581") { effectiveItems { origin } } }`)).jurisdiction.effectiveItems).toEqual([]);
  });
});

describe('SQL statements of the hierarchy', () => {
  const TREE = `{ jurisdictions(level: PROVINCE) { code listCount all: listCount(includeDescendants: true) ancestors { code }
    children { code listCount all: listCount(includeDescendants: true) descendants(level: COUNTY) { code }
      children { code listCount ancestors { code } items(includeDescendants: true, first: 3) { totalCount edges { node { id } } } effectiveItems { origin } } } } }`;

  async function measure(load: (ds: DataSource) => Promise<unknown>): Promise<{ statements: number; nodes: number; lists: number }> {
    const counter = new StatementCounter();
    const db = await freshDatabase(undefined, { logger: counter });
    try {
      await load(db);
      counter.reset();
      const r = await graphql({ schema: await buildAppSchema(), source: TREE, contextValue: createContext(db) });
      expect(r.errors).toBeUndefined();
      let nodes = 0;
      let lists = 0;
      for (const p of (r.data as any).jurisdictions) {
        nodes++;
        lists += p.all;
        for (const c of p.children) nodes += 1 + c.children.length;
      }
      return { statements: counter.count, nodes, lists };
    } finally {
      await db.destroy();
    }
  }

  it('do not grow with the number of nodes or lists: all provinces → children → children → list counts', async () => {
    const seeds = await measure((db) => importSeeds(db));
    const scaled = await measure((db) => importScaled(db, 9));
    expect(seeds.nodes).toBeGreaterThan(3000);
    expect(scaled.lists).toBe(seeds.lists * 10);
    expect(scaled.statements).toBe(seeds.statements);
    // Roots; per level children, list counts, subtree counts; descendants; ancestors (two rounds); item pages; effective items.
    expect(seeds.statements).toBeLessThanOrEqual(16);
    console.log(`hierarchy query: ${seeds.statements} statements for ${seeds.nodes} nodes / ${seeds.lists} lists; 10x ${scaled.statements} for ${scaled.lists} lists`);
  });
});
