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

/** A connection selected for its edges only becomes the array of its nodes, so assertions read as lists. */
function flatten(v: any): any {
  if (Array.isArray(v)) return v.map(flatten);
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'edges' && Array.isArray(v.edges)) return v.edges.map((e: any) => flatten(e.node));
    return Object.fromEntries(keys.map((k) => [k, flatten(v[k])]));
  }
  return v;
}

async function data(source: string, variableValues?: Record<string, unknown>): Promise<any> {
  const r = await graphql({ schema: await buildAppSchema(), source, variableValues, contextValue: createContext(ds) });
  expect(r.errors).toBeUndefined();
  return flatten(r.data);
}

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
});
afterAll(() => ds?.destroy());

describe('the whole tree', () => {
  it('holds every province, prefecture and county of the gazetteer, with or without lists', async () => {
    const d: { jurisdictions: any[] } = { jurisdictions: [] };
    for (let after: string | null = null; ; ) {
      const page: any = await data(`query($after: String) { jurisdictions(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code level parentCode } } } }`, { after });
      d.jurisdictions.push(...page.jurisdictions.edges.map((e: any) => e.node));
      expect(page.jurisdictions.totalCount).toBe(allDivisions().length);
      if (!page.jurisdictions.pageInfo.hasNextPage) break;
      after = page.jurisdictions.pageInfo.endCursor;
    }
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
  const codes = async (args: string) => (await data(`{ jurisdictions(first: 100, ${args}) { edges { node { code } } } }`)).jurisdictions.map((j: any) => j.code);

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
    const d = await data(`{ jurisdictions(first: 100, hasLists: true) { edges { node { code items(includeDescendants: true, first: 5) { totalCount edges { node { jurisdictionCode } } pageInfo { hasNextPage } } } } } }`);
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
    const d = await data(`{ jurisdiction(code: "654028") { effectiveItems(first: 100) { edges { node { origin from { code } item { name jurisdictionCode } levelRow { levelText level responsibilities sourceLines } } } } } }`);
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
    const d = await data(`{ jurisdiction(code: "654000") { effectiveItems(first: 100) { edges { node { origin levelRow { level } } } } } }`);
    const eff = d.jurisdiction.effectiveItems;
    expect(eff.length).toBe(8);
    for (const e of eff) expect(e).toEqual({ origin: 'LEVEL_ROW', levelRow: { level: 'PREFECTURE' } });
  });

  it('applies a list whose body is 各级医疗保障行政部门 at every level beneath it', async () => {
    const d = await data(`{ county: jurisdiction(code: "150102") { effectiveItems(first: 100) { edges { node { origin from { code } item { body } } } } } city: jurisdiction(code: "150100") { effectiveItems(first: 100) { edges { node { origin } } } } }`);
    expect(d.county.effectiveItems).toHaveLength(14);
    for (const e of d.county.effectiveItems) expect(e).toEqual({ origin: 'EVERY_LEVEL', from: { code: '150000' }, item: { body: '各级医疗保障行政部门' } });
    expect(d.city.effectiveItems).toHaveLength(14);
    // Another province's places get nothing from it.
    expect((await data(`{ jurisdiction(code: "220581") { effectiveItems(first: 100) { edges { node { origin } } } } }`)).jurisdiction.effectiveItems).toEqual([]);
  });
});

describe('matters: one power across places', () => {
  const MATTER = `id name size jurisdictions(first: 100) { edges { node { code } } } items(first: 100) { edges { node { score evidence { kind weight } item { id name jurisdictionCode } } } }
    consistency { uniform differences { aspect variants { values jurisdictions(first: 100) { edges { node { code } } } items(first: 100) { edges { node { id } } } } } }`;

  it('finds 对医疗救助的监督检查 in 新疆, 尼勒克县, 通化市 and 内蒙古自治区, with their differences', async () => {
    const d = await data(`{ matters(filter: { name: "对医疗救助的监督检查" }) { totalCount edges { node { ${MATTER} } } } }`);
    expect(d.matters.totalCount).toBe(1);
    const m = d.matters.edges[0].node;
    expect(m.name).toBe('对医疗救助的监督检查');
    expect(m.jurisdictions.map((j: any) => j.code)).toEqual(['150000', '220500', '650000', '654028']);
    expect(m.items[0].score).toBe(1);
    for (const i of m.items.slice(1)) {
      expect(i.score).toBeGreaterThanOrEqual(0.6);
      expect(i.evidence.map((e: any) => e.kind)).toContain('SAME_NAME');
    }
    expect(m.consistency.uniform).toBe(false);
    const aspects = m.consistency.differences.map((x: any) => x.aspect);
    expect(aspects).toContain('STATUTES');
    expect(aspects).not.toContain('NAME');
    const statutes = m.consistency.differences.find((x: any) => x.aspect === 'STATUTES');
    // 内蒙古 cites only 《社会救助暂行办法》; the others also cite the fund-supervision regulation.
    const nm = statutes.variants.find((v: any) => v.jurisdictions.some((j: any) => j.code === '150000'));
    expect(nm.values).toEqual(['《社会救助暂行办法》']);
    expect(statutes.variants.flatMap((v: any) => v.items).length).toBe(4);
  });

  it('groups names that differ by a typo or 资金 / 基金, and says how they differ', async () => {
    const d = await data(`{ matters(filter: { name: "骗取医疗救助" }) { edges { node { ${MATTER} } } } }`);
    expect(d.matters).toHaveLength(1);
    const m = d.matters[0];
    expect(m.jurisdictions.map((j: any) => j.code)).toEqual(['150000', '220500', '650000', '654028']);
    const names = m.consistency.differences.find((x: any) => x.aspect === 'NAME').variants.map((v: any) => v.values[0]);
    expect(names).toEqual(expect.arrayContaining(['对采取虚报、隐瞒、伪造等段，骗取医疗救助资金的处罚', '对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚']));
    expect(m.items.find((i: any) => i.item.jurisdictionCode === '654028').evidence.map((e: any) => e.kind)).toContain('SIMILAR_NAME');
  });

  it('keeps 药品 and 高值医用耗材 procurement checks apart', async () => {
    const d = await data(`{ matters(filter: { name: "集中采购行为", jurisdictionCode: "654028" }) { edges { node { name items(first: 100) { edges { node { item { name } } } } } } } }`);
    expect(d.matters).toHaveLength(2);
    for (const node of d.matters) {
      const words = node.items.map((i: any) => i.item.name);
      const drug = words.filter((w: string) => w.includes('药品') && !w.includes('高值'));
      const high = words.filter((w: string) => w.includes('高值') && !w.includes('药品'));
      expect(drug.length === 0 || high.length === 0).toBe(true);
    }
  });

  it('reaches a matter from an item and by ID, and filters and pages matters', async () => {
    const item = (await data(`{ jurisdiction(code: "220500") { items(first: 100) { edges { node { name matter { id size } } } } } }`)).jurisdiction.items.find((i: any) => i.name === '对医疗救助的监督检查');
    expect(item.matter.size).toBe(4);
    expect((await data(`query($id: ID!) { matter(id: $id) { name } }`, { id: item.matter.id })).matter.name).toBe('对医疗救助的监督检查');
    const malformed = await graphql({ schema: await buildAppSchema(), source: `{ matter(id: "nope") { id } }`, contextValue: createContext(ds) });
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const wide = await data(`{ matters(filter: { minJurisdictions: 4 }, first: 100) { totalCount edges { node { jurisdictions(first: 100) { edges { node { code } } } } } } }`);
    expect(wide.matters.totalCount).toBeGreaterThanOrEqual(3);
    for (const { node } of wide.matters.edges) expect(node.jurisdictions.length).toBeGreaterThanOrEqual(4);
    const beneath = await data(`{ matters(filter: { jurisdictionCode: "650000", includeDescendants: true, powerType: PUNISHMENT }, first: 100) { edges { node { jurisdictions(first: 100) { edges { node { code } } } items(first: 100) { edges { node { item { powerTypes } } } } } } } }`);
    for (const node of beneath.matters) {
      expect(node.jurisdictions.some((j: any) => j.code === '650000' || j.code === '654028')).toBe(true);
      expect(node.items.some((i: any) => i.item.powerTypes.includes('PUNISHMENT'))).toBe(true);
    }
    const uniform = await data(`{ matters(filter: { inconsistent: false }, first: 100) { edges { node { consistency { uniform } } } } }`);
    for (const node of uniform.matters) expect(node.consistency.uniform).toBe(true);

    const all = await data(`{ matters(first: 100) { totalCount edges { node { id } } } }`);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: any = await data(`query($after: String) { matters(first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      paged.push(...p.matters.edges.map((e: any) => e.node.id));
      if (!p.matters.pageInfo.hasNextPage) break;
      after = p.matters.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.matters.edges.map((e: any) => e.node.id));
    expect(paged).toHaveLength(all.matters.totalCount);
    const bad = await graphql({ schema: await buildAppSchema(), source: `{ matters(after: "bm90IGEgY3Vyc29y") { totalCount } }`, contextValue: createContext(ds) });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the matters of a place, and its gaps: assigned from above or listed by siblings, missing from its own list', async () => {
    const nilka = await data(`{ jurisdiction(code: "654028") { matters(first: 100) { edges { node { id jurisdictions(first: 100) { edges { node { code } } } } } } gaps(first: 100) { edges { node { reasons matter { name jurisdictions(first: 100) { edges { node { code } } } } assignedBy { from { code } levelRow { level } } siblings { code } } } } } }`);
    for (const m of nilka.jurisdiction.matters) expect(m.jurisdictions.map((j: any) => j.code)).toContain('654028');
    // Of the eight matters 新疆 assigns to 县市级, 尼勒克县 lists all but the one 新疆 words as "…相类似的监督管理".
    expect(nilka.jurisdiction.gaps).toHaveLength(1);
    const [gap] = nilka.jurisdiction.gaps;
    expect(gap.reasons).toEqual(['ASSIGNED_FROM_ABOVE']);
    expect(gap.matter.name).toBe('对纳入基本医疗保险基金支付范围的医疗服务行为相类似的监督管理');
    expect(gap.assignedBy).toEqual([{ from: { code: '650000' }, levelRow: { level: 'COUNTY' } }]);

    // 伊宁县 (654021) has no list: it lacks all eight, and what its sibling 尼勒克县 lists.
    const yining = await data(`{ jurisdiction(code: "654021") { gaps(first: 100) { edges { node { reasons siblings { code } matter { id } } } } } }`);
    const gaps = yining.jurisdiction.gaps;
    expect(gaps.filter((g: any) => g.reasons.includes('ASSIGNED_FROM_ABOVE'))).toHaveLength(8);
    const fromSiblings = gaps.filter((g: any) => g.reasons.includes('LISTED_BY_SIBLINGS'));
    expect(fromSiblings.length).toBe(nilka.jurisdiction.matters.length);
    for (const g of fromSiblings) expect(g.siblings).toEqual([{ code: '654028' }]);
    expect(gaps[0].reasons).toEqual(['ASSIGNED_FROM_ABOVE', 'LISTED_BY_SIBLINGS']);
  });

  it('regroups after an import: the matters follow the data', async () => {
    const before = (await data(`{ matters(first: 0) { totalCount } }`)).matters.totalCount;
    const db = await freshDatabase();
    try {
      const ctx = () => createContext(db);
      const count = async () => ((await graphql({ schema: await buildAppSchema(), source: `{ matters(first: 0) { totalCount } }`, contextValue: ctx() })).data as any).matters.totalCount;
      expect(await count()).toBe(0);
      await importSeeds(db);
      expect(await count()).toBe(before);
    } finally {
      await db.destroy();
    }
  });
});

describe('SQL statements of the hierarchy', () => {
  const TREE = `{ jurisdictions(first: 100, level: PROVINCE) { edges { node { code listCount all: listCount(includeDescendants: true) ancestors { code }
    children { code listCount all: listCount(includeDescendants: true) descendants(level: COUNTY) { code }
      children { code listCount ancestors { code } items(includeDescendants: true, first: 3) { totalCount edges { node { id } } } effectiveItems(first: 100) { edges { node { origin } } } } } } } } }`;

  async function measure(load: (ds: DataSource) => Promise<unknown>): Promise<{ statements: number; nodes: number; lists: number }> {
    const counter = new StatementCounter();
    const db = await freshDatabase(undefined, { logger: counter });
    try {
      await load(db);
      counter.reset();
      const raw = await graphql({ schema: await buildAppSchema(), source: TREE, contextValue: createContext(db) });
      expect(raw.errors).toBeUndefined();
      const r = { data: flatten(raw.data) };
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
    // The tree (read once: roots, children, descendants and ancestors come from it); roots (page with total);
    // per level list counts and subtree counts; item pages (with totals) and rows; effective items.
    expect(seeds.statements).toBeLessThanOrEqual(11);
    console.log(`hierarchy query: ${seeds.statements} statements for ${seeds.nodes} nodes / ${seeds.lists} lists; 10x ${scaled.statements} for ${scaled.lists} lists`);
  });
});
