import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds } from '../../src/db/seed';
import { createApp, listen, type App } from '../../src/server/app';
import { DEFAULT_LIMITS, checkDocumentShape, checkDocumentSize, documentShape, queryCost } from '../../src/graphql/limits';

// A small schema of the shapes the API uses: connections with `first`, plain lists, scalars.
const schema = buildSchema(`
  type Query { places(first: Int! = 20): PlaceConnection! place(code: ID!): Place }
  type PlaceConnection { edges: [PlaceEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type PlaceEdge { cursor: String! node: Place! }
  type PageInfo { hasNextPage: Boolean! }
  type Place { code: ID! name: String! lines: [Int!]! children: [Place!]! items(first: Int! = 50): ItemConnection! }
  type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! }
  type ItemEdge { node: Item! }
  type Item { name: String! }
`);
const cost = (q: string, variables?: Record<string, unknown>) => {
  const r = queryCost(schema, parse(q), undefined, variables, DEFAULT_LIMITS);
  if (!r || 'error' in r) throw new Error('no cost');
  return r.cost;
};

describe('query cost (pure)', () => {
  it('is 1 per field, scalar lists included', () => {
    expect(cost('{ place(code: "1") { code name lines } }')).toBe(4);
  });
  it('multiplies the subfields of a field by its first, the schema default when not given', () => {
    // places(first: 10) = 1 + 10 × (edges: 1 + 1 × (node: 1 + name: 1)) — edges is the page `first` already counted.
    expect(cost('{ places(first: 10) { edges { node { name } } } }')).toBe(1 + 10 * 3);
    expect(cost('{ places { edges { node { name } } } }')).toBe(1 + 20 * 3);
    expect(cost('query($n: Int!) { places(first: $n) { totalCount edges { node { name } } } }', { n: 7 })).toBe(1 + 7 * 4);
  });
  it('nests multiplicatively, and a list without first counts as the assumed size', () => {
    const q = '{ places(first: 100) { edges { node { items(first: 100) { edges { node { name } } } } } } }';
    expect(cost(q)).toBe(1 + 100 * (1 + (1 + (1 + 100 * (1 + (1 + 1))))));
    expect(cost('{ place(code: "1") { children { name } } }')).toBe(1 + (1 + DEFAULT_LIMITS.assumedListSize * 1));
  });
  it('counts fragments as expanded and skips @skip(if: true)', () => {
    expect(cost('{ place(code: "1") { ...F } } fragment F on Place { code name }')).toBe(3);
    expect(cost('query($s: Boolean!) { place(code: "1") { code name @skip(if: $s) } }', { s: true })).toBe(2);
  });
  it('prices introspection by its fields only (graphql-js bounds its nesting)', () => {
    const c = cost(getIntrospectionQuery());
    expect(c).toBeLessThan(DEFAULT_LIMITS.maxCost);
    expect(checkDocumentShape(parse(getIntrospectionQuery()), DEFAULT_LIMITS)).toBeNull();
  });
  it('refuses as over the cost limit a document whose fragments expand past the walk bound', () => {
    let doc = 'fragment F0 on Place { name }\n';
    for (let i = 1; i <= 14; i++) doc += `fragment F${i} on Place { a: children { ...F${i - 1} } b: children { ...F${i - 1} } }\n`;
    const r = queryCost(schema, parse(`{ place(code: "1") { ...F14 } }\n${doc}`), undefined, {}, DEFAULT_LIMITS);
    expect(r && 'error' in r && r.error.extensions.code).toBe('COST_LIMIT');
  });
});

describe('document shape (pure)', () => {
  it('measures depth through fragments, not counting introspection', () => {
    expect(documentShape(parse('{ a { b { c } } }')).depth).toBe(3);
    expect(documentShape(parse('{ a { ...F } } fragment F on T { b { c { d } } }')).depth).toBe(4);
    expect(documentShape(parse('{ a __schema { types { fields { name } } } }')).depth).toBe(1);
  });
  it('counts aliases as written and fields repeated in one selection set', () => {
    expect(documentShape(parse('{ x: a y: a { z: b } }')).aliases).toBe(3);
    expect(documentShape(parse('{ a a a { b b } ...F ...F } fragment F on T { c }')).duplicateFields).toBe(4);
    expect(documentShape(parse('{ x: a y: a }')).duplicateFields).toBe(0);
  });
  it('survives a fragment cycle (validation reports it later)', () => {
    expect(documentShape(parse('{ ...A } fragment A on Q { a { ...B } } fragment B on Q { b { ...A } }')).depth).toBe(2);
  });
  it('names the first limit broken, with the value and the limit', () => {
    const deep = `{ ${'a { '.repeat(16)}b${' }'.repeat(16)} }`;
    expect(checkDocumentShape(parse(deep), DEFAULT_LIMITS)?.extensions).toMatchObject({ code: 'DEPTH_LIMIT', depth: 17, limit: 15 });
    expect(checkDocumentShape(parse(deep), { ...DEFAULT_LIMITS, maxDepth: 17 })).toBeNull();
  });
  it('measures the document in UTF-8 bytes', () => {
    const q = `{ a(s: "${'权'.repeat(6000)}") }`; // 6,000 characters, 18,000 bytes
    expect(checkDocumentSize(q, DEFAULT_LIMITS)?.extensions).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', bytes: 18012, limit: 16384 });
    expect(checkDocumentSize(q, { maxDocumentBytes: 18012 })).toBeNull();
  });
});

describe('limits over HTTP', () => {
  let ds: DataSource;
  let app: App;
  let url: string;
  beforeAll(async () => {
    ds = await freshDatabase();
    await importSeeds(ds);
    app = await createApp(ds);
    url = `http://127.0.0.1:${await listen(app.httpServer, 0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await app?.apollo.stop();
    if (ds?.isInitialized) await ds.destroy();
  });

  async function post(body: unknown, accept = 'application/graphql-response+json') {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  }

  it('reports the cost of an accepted query in extensions.cost', async () => {
    const r = await post({ query: '{ jurisdiction(code: "654028") { name } }' });
    expect(r.status).toBe(200);
    expect(r.body.data.jurisdiction.name).toBe('尼勒克县');
    expect(r.body.extensions.cost).toEqual({ requested: 2, limit: 5000 });
  });

  it('refuses a query over the cost limit before any resolver runs, naming cost and limit', async () => {
    const q = '{ jurisdictions(first: 100) { edges { node { items(first: 100) { edges { node { name } } } } } } }';
    const r = await post({ query: q });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    const e = r.body.errors[0];
    expect(e.extensions).toEqual({ code: 'COST_LIMIT', cost: 1 + 100 * (1 + (1 + (1 + 100 * 3))), limit: 5000 });
    expect(e.message).toContain(String(e.extensions.cost));
    expect(e.message).toContain('5000');
  });

  it('takes `first` from the variables', async () => {
    const q = 'query($n: Int!) { jurisdictions(first: $n) { edges { node { items(first: $n) { edges { node { name } } } } } } }';
    expect((await post({ query: q, variables: { n: 100 } })).body.errors[0].extensions.code).toBe('COST_LIMIT');
    const ok = await post({ query: q, variables: { n: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.body.extensions.cost.requested).toBe(1 + 2 * (1 + (1 + (1 + 2 * 3))));
  });

  it.each([
    ['DEPTH_LIMIT', `{ jurisdiction(code: "654028") { ${'parent { '.repeat(15)}name${' }'.repeat(15)} } }`],
    ['ALIAS_LIMIT', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: jurisdiction(code: "654028") { name }`).join(' ')} }`],
    ['DUPLICATE_FIELD_LIMIT', `{ jurisdiction(code: "654028") { ${'name '.repeat(12)} } }`],
    ['DOCUMENT_TOO_LARGE', `{ jurisdiction(code: "654028") { name } } ${'#'.repeat(17000)}`],
  ])('refuses %s with 400 and the code, whatever the media type', async (code, query) => {
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const r = await post({ query }, accept);
      expect(r.status).toBe(400);
      expect(r.type).toContain(accept);
      expect(r.body.errors[0].extensions.code).toBe(code);
      expect(r.body.errors[0].extensions.limit).toEqual(expect.any(Number));
    }
  });

  it('refuses batched operations (a JSON array body) clearly', async () => {
    const r = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.body.errors[0].message).toMatch(/Batched operations/);
  });

  it('accepts the standard introspection query', async () => {
    const r = await post({ query: getIntrospectionQuery() });
    expect(r.status).toBe(200);
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });

  it('configured limits replace the defaults', async () => {
    const strict = await createApp(ds, { limits: { maxCost: 1, maxDepth: 1 } });
    const u = `http://127.0.0.1:${await listen(strict.httpServer, 0, '127.0.0.1')}/graphql`;
    try {
      const res = await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ jurisdiction(code: "654028") { name } }' }) });
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('DEPTH_LIMIT');
      const res2 = await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ a: __typename b: __typename }' }) });
      expect(((await res2.json()) as any).errors[0].extensions).toEqual({ code: 'COST_LIMIT', cost: 2, limit: 1 });
    } finally {
      await strict.apollo.stop();
    }
  });
});
