import { graphql, type ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds } from '../../src/db/seed';
import { itemIdFor } from '../../src/db/prepare';
import { StatementCounter } from '../../src/db/statementCounter';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';
import { parseGlobalId, toGlobalId } from '../../src/graphql/node';

let ds: DataSource;
const counter = new StatementCounter();
async function run(source: string, variableValues?: Record<string, unknown>, batch = true): Promise<ExecutionResult<any>> {
  return graphql({ schema: await buildAppSchema(), source, variableValues, contextValue: createContext(ds, { batch }) }) as Promise<ExecutionResult<any>>;
}
async function data(source: string, variableValues?: Record<string, unknown>): Promise<any> {
  const r = await run(source, variableValues);
  expect(r.errors).toBeUndefined();
  return r.data;
}
const nodes = (c: any): any[] => c.edges.map((e: any) => e.node);

beforeAll(async () => {
  ds = await freshDatabase(undefined, { logger: counter });
  await importSeeds(ds);
});
afterAll(() => ds?.destroy());

describe('global IDs', () => {
  it('are opaque, name their type, and round-trip', () => {
    const id = toGlobalId('Item', 'abc123');
    expect(id).not.toContain('abc123');
    expect(parseGlobalId(id)).toEqual({ type: 'Item', localId: 'abc123' });
    for (const bad of ['', 'nope', toGlobalId('Item', 'x') + '=', Buffer.from('Weird:1').toString('base64url'), Buffer.from('Item:').toString('base64url')]) expect(parseGlobalId(bad)).toBeNull();
  });

  it('fetch every kind of object again through node(id), with its own type', async () => {
    const d = await data(`{
      jurisdiction(code: "654028") { id lists { edges { node { id items(first: 1) { edges { node { id levels { id } citations { id article { id statute { id } } } matter { id } } } } } } } }
      withLevels: items(jurisdictionCode: "650000", first: 100) { edges { node { levels { id } } } }
    }`);
    const j = d.jurisdiction;
    const list = nodes(j.lists)[0];
    const item = nodes(list.items)[0];
    const citation = item.citations[0];
    const level = nodes(d.withLevels).flatMap((i: any) => i.levels)[0];
    const ids: Record<string, string> = { Jurisdiction: j.id, PowerList: list.id, Item: item.id, Citation: citation.id, Article: citation.article.id, Statute: citation.article.statute.id, Matter: item.matter.id, ItemLevel: level.id };
    for (const [type, id] of Object.entries(ids)) {
      const r = await data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(r.node).toEqual({ __typename: type, id });
    }
    const many = await data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [...Object.values(ids), toGlobalId('Item', 'missing'), 'not-an-id'] });
    expect(many.nodes.slice(0, 8).map((n: any) => n.__typename)).toEqual(Object.keys(ids));
    expect(many.nodes.slice(8)).toEqual([null, null]);
  });

  it('are the same in every database: derived from the natural key, not from storage', async () => {
    const d = await data(`{ items(jurisdictionCode: "654028", first: 1) { edges { node { id name subItem powerTypes list { department } } } } }`);
    const i = nodes(d.items)[0];
    const expected = itemIdFor('654028', i.list.department, { name: i.name, subItem: i.subItem, powerTypes: i.powerTypes } as never);
    expect(i.id).toBe(toGlobalId('Item', expected));
    expect((await data(`{ jurisdiction(code: "654028") { id } }`)).jurisdiction.id).toBe(toGlobalId('Jurisdiction', '654028'));
  });

  it('refuse an ID of another type where one type is expected', async () => {
    const r = await run(`query($id: ID!) { item(id: $id) { id } }`, { id: toGlobalId('Statute', 'x') });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nodes(ids) takes at most 100', async () => {
    const r = await run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => 'x') });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('lookups by natural key', () => {
  it('finds an article by statute title (any spelling) and number', async () => {
    const d = await data(`{ a: article(statute: "《中华人民共和国社会保险法》", number: 87) { label statute { title } items { totalCount } } b: article(statute: "社会保险法", number: 9999) { id } c: article(statute: "不存在的法", number: 1) { id } }`);
    expect(d.a).toMatchObject({ label: '第八十七条', statute: { title: '社会保险法' } });
    expect(d.a.items.totalCount).toBeGreaterThanOrEqual(4);
    expect(d.b).toBeNull();
    expect(d.c).toBeNull();
  });
});

describe('connections', () => {
  it('cap every first at 100, nested ones too, and reject a cursor that is not theirs', async () => {
    for (const q of [`{ jurisdiction(code: "654028") { lists(first: 101) { totalCount } } }`, `{ statute(title: "社会保险法") { citedBy(first: -1) { totalCount } } }`, `{ jurisdictions(first: 1000) { totalCount } }`]) {
      expect((await run(q)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await run(`{ statute(title: "社会保险法") { citedBy(after: "garbage") { totalCount } } }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('page a nested connection to the end with start and end cursors, each item once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pageNo = 0; ; pageNo++) {
      const d: any = await data(`query($after: String) { statute(title: "社会保险法") { citedBy(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`, { after });
      const c = d.statute.citedBy;
      total = c.totalCount;
      expect(c.pageInfo.hasPreviousPage).toBe(pageNo > 0);
      expect(c.pageInfo.startCursor).toBe(c.edges[0]?.cursor ?? null);
      expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
      seen.push(...nodes(c).map((n: any) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(6);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const oneGo = await data(`{ statute(title: "社会保险法") { citedBy(first: 100) { edges { node { id } } } } }`);
    expect(nodes(oneGo.statute.citedBy).map((n: any) => n.id)).toEqual(seen);
  });

  it('give the first page of many parents in a fixed number of statements', async () => {
    const q = `{ statutes(first: 100) { edges { node { title articles(first: 2) { totalCount edges { node { number items(first: 2) { totalCount edges { node { name } } } } } } } } } }`;
    counter.reset();
    const d = await data(q);
    const statements = counter.count;
    const statutes = nodes(d.statutes);
    expect(statutes.length).toBeGreaterThan(20);
    // statutes (page, count, rows); articles, citing items (each page with its totals and rows).
    expect(statements).toBe(5);
    for (const s of statutes) expect(nodes(s.articles).length).toBe(Math.min(2, s.articles.totalCount));
  });
});

describe('filters on items', () => {
  const count = async (args: string) => (await data(`{ items(${args}) { totalCount } }`)).items.totalCount;

  it('by place with or without the places beneath, list, statute (any spelling), article and name text', async () => {
    expect(await count('jurisdictionCode: "650000"')).toBe(13);
    expect(await count('jurisdictionCode: "650000", includeDescendants: true')).toBe(13 + 23);
    const list = nodes((await data(`{ jurisdiction(code: "654028") { lists { edges { node { id } } } } }`)).jurisdiction.lists)[0].id;
    expect(await count(`listId: "${list}"`)).toBe(23);
    const byStatute = await count('statute: "《中华人民共和国社会保险法》"');
    expect(byStatute).toBe((await data(`{ statute(title: "社会保险法") { citedBy { totalCount } } }`)).statute.citedBy.totalCount);
    const art = (await data(`{ article(statute: "社会保险法", number: 87) { id items { totalCount } } }`)).article;
    expect(await count(`articleId: "${art.id}"`)).toBe(art.items.totalCount);
    expect(await count(`articleId: "${art.id}", jurisdictionCode: "654028"`)).toBe(1);
    for (const unknown of ['statute: "不存在的法"', 'jurisdictionCode: "999999"']) expect((await run(`{ items(${unknown}) { totalCount } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const named = await data(`{ items(text: "医疗救助", first: 100) { totalCount edges { node { name legalBasis } } } }`);
    expect(named.items.totalCount).toBeGreaterThan(0);
    expect(named.items.totalCount).toBe((await data(`{ searchItems(text: "医疗救助") { totalCount } }`)).searchItems.totalCount);
    expect(nodes(named.items).some((n: any) => !n.name.includes('医疗救助'))).toBe(true); // found in the basis or duties
    // % is text, not a wildcard: only items that contain it literally.
    const percent = await data(`{ items(text: "%", first: 100) { totalCount edges { node { name fields { text } } } } }`);
    expect(percent.items.totalCount).toBeLessThan(71);
    for (const n of nodes(percent.items)) expect([n.name, ...n.fields.map((f: any) => f.text)].join('\n')).toContain('%');
    expect(await count('text: "医疗救助", jurisdictionCode: "654028"')).toBeLessThan(named.items.totalCount);
    expect((await run(`{ items(text: "   ") { totalCount } }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the naive baseline (DataLoaders off)', () => {
  it('answers the same, with a statement per node', async () => {
    const q = `{ jurisdiction(code: "654028") { lists { edges { node { items(first: 100) { edges { node { name citations { article { number statute { title } } } } } } } } } } }`;
    counter.reset();
    const batched = await run(q);
    const batchedStatements = counter.count;
    counter.reset();
    const naive = await run(q, undefined, false);
    expect(naive.errors).toBeUndefined();
    expect(naive.data).toEqual(batched.data);
    expect(counter.count).toBeGreaterThan(batchedStatements * 5);
  });
});

describe('orders', () => {
  async function pageAll(field: string, args: string): Promise<string[]> {
    const out: string[] = [];
    for (let after: string | null = null; ; ) {
      const d: any = await data(`query($after: String) { ${field}(${args}, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      out.push(...nodes(d[field]).map((n: any) => n.id));
      if (!d[field].pageInfo.hasNextPage) return out;
      after = d[field].pageInfo.endCursor;
    }
  }

  it('sort items by name either way, and statutes by title either way, with cursors that follow the order', async () => {
    const asc = await pageAll('items', 'orderBy: { field: NAME, direction: ASC }');
    const desc = await pageAll('items', 'orderBy: { field: NAME, direction: DESC }');
    expect(asc).toHaveLength(71);
    expect(desc).toEqual([...asc].reverse());
    const names = nodes((await data(`{ items(orderBy: { field: NAME }, first: 100) { edges { node { name } } } }`)).items).map((n: any) => n.name);
    const stored = (await ds.query(`SELECT name FROM item ORDER BY name, id`)).map((r: any) => r.name);
    expect(names).toEqual(stored);
    expect(await pageAll('statutes', 'direction: DESC')).toEqual([...(await pageAll('statutes', 'direction: ASC'))].reverse());
    expect(await pageAll('items', 'orderBy: { field: DOCUMENT }')).toEqual(await pageAll('items', 'jurisdictionCode: null'));
  });
});

// A page of one parent is read by its own statement (in index order, stopping at the page's end);
// a page beside others, by the windowed one. Both must give the same page.
describe('a page of one parent and the same page beside others', () => {
  const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }`;

  it('agree for the items of a list, through every page and past the end', async () => {
    const lists = nodes((await data(`{ lists(first: 100) { edges { node { id itemCount } } } }`)).lists);
    expect(lists.length).toBeGreaterThan(1);
    const beside = await data(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on PowerList { id items(first: 7) { ${PAGE} } } } }`, { ids: lists.map((l: any) => l.id) });
    for (const [i, l] of lists.entries()) {
      const walked: string[] = [];
      let after: string | null = null;
      for (let n = 0; ; n++) {
        const d: any = await data(`query($id: ID!, $after: String) { node(id: $id) { ... on PowerList { items(first: 7, after: $after) { ${PAGE} } } } }`, { id: l.id, after });
        const page = d.node.items;
        if (n === 0) expect(page).toEqual(beside.nodes[i].items);
        expect(page.totalCount).toBe(l.itemCount);
        walked.push(...nodes(page).map((x: any) => x.id));
        if (!page.pageInfo.hasNextPage) {
          // Past the last item: no edges, and still the total.
          const past: any = await data(`query($id: ID!, $after: String) { node(id: $id) { ... on PowerList { items(first: 7, after: $after) { ${PAGE} } } } }`, { id: l.id, after: page.pageInfo.endCursor });
          expect(past.node.items).toEqual({ totalCount: l.itemCount, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
          break;
        }
        after = page.pageInfo.endCursor;
      }
      expect(walked).toHaveLength(l.itemCount);
      expect(new Set(walked).size).toBe(l.itemCount);
    }
  });

  it('agree for the items and lists of a jurisdiction, and with the root items connection', async () => {
    const codes = [...new Set(nodes((await data(`{ lists(first: 100) { edges { node { jurisdiction { code } } } } }`)).lists).map((l: any) => l.jurisdiction.code as string))];
    // Aliases: every place's pages in one query, so the loaders batch them.
    const together = await data(`{ ${codes.map((c, i) => `j${i}: jurisdiction(code: "${c}") { code items(first: 7) { ${PAGE} } lists(first: 1) { ${PAGE} } }`).join(' ')} }`);
    const places = codes.map((_, i) => together[`j${i}`]);
    expect(places.length).toBeGreaterThan(1);
    for (const j of places) {
      const alone = (await data(`query($code: ID!) { jurisdiction(code: $code) { items(first: 7) { ${PAGE} } lists(first: 1) { ${PAGE} } } }`, { code: j.code })).jurisdiction;
      expect(alone).toEqual({ items: j.items, lists: j.lists });
      expect((await data(`query($code: ID!) { items(jurisdictionCode: $code, first: 7) { ${PAGE} } }`, { code: j.code })).items).toEqual(j.items);
    }
  });
});
