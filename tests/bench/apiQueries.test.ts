/**
 * The API bench's five queries (bench/api/queries.ts) on a small slice of the
 * national corpus: ours run without errors against the current schema and
 * return rows; on PostgreSQL, PostGraphile's equivalents return the same rows
 * (after normalising IDs and shape), so the bench compares like with like.
 */
import { graphql } from 'graphql';
import type http from 'node:http';
import type { DataSource } from 'typeorm';
import { freshDatabase, backendUnderTest } from '../helpers/db';
import { importMany } from '../../src/db/pipeline';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';
import { nationalInputs } from '../../bench/nationalDb';
import { QUERIES, pickValues, type Values } from '../../bench/api/queries';

let ds: DataSource;
let values: Values;

async function ours(name: string): Promise<any> {
  const q = QUERIES.find((x) => x.name === name)!;
  const { query, variables } = q.ours(values);
  const r = await graphql({ schema: await buildAppSchema(), source: query, variableValues: variables, contextValue: createContext(ds) });
  expect(r.errors).toBeUndefined();
  return q.digest.ours(r.data);
}

beforeAll(async () => {
  ds = await freshDatabase();
  // One prefecture of Hebei (its province, the prefecture, its counties): national overlap, small size.
  const inputs = nationalInputs(30).filter((d) => ['130000', '130100'].includes(d.jurisdictionCode!) || d.jurisdictionCode!.startsWith('1301'));
  await importMany(ds, inputs, { workers: 0 });
  values = await pickValues(ds);
}, 120_000);
afterAll(() => ds?.destroy());

describe('the values read at start-up', () => {
  it('name a county under a prefecture, an item of it, an article it cites and a name given in several places', async () => {
    expect(values.county).toMatch(/^1301\d\d$/);
    expect(values.county.endsWith('00')).toBe(false);
    const [cited] = await ds.query(`SELECT COUNT(*) AS n FROM citation WHERE item_id = '${values.item}' AND article_id IS NOT NULL`);
    expect(Number(cited.n)).toBeGreaterThan(0);
    expect(values.article).toBeGreaterThan(0);
    const [places] = await ds.query(`SELECT COUNT(DISTINCT jurisdiction_code) AS n FROM item WHERE name = '${values.comparison}'`);
    expect(Number(places.n)).toBeGreaterThan(1);
  });
});

describe('our five queries', () => {
  it('jurisdiction: the county, its two ancestors and a first page of its items', async () => {
    const d: any = await ours('jurisdiction');
    expect(d.code).toBe(values.county);
    expect(d.ancestors.map((a: string[]) => a[0])).toEqual(['130000', '130100']);
    expect(d.lists.total).toBe(1);
    expect(d.items.rows).toHaveLength(20);
  });

  it('item: its citations and related items in other lists, each with the shared articles', async () => {
    const d: any = await ours('item');
    expect(d.id).toBe(values.item);
    expect(d.citations.length).toBeGreaterThan(0);
    expect(d.related.totalCount).toBeGreaterThan(0);
    for (const [, , code, articles] of d.related.rows) {
      expect(code).not.toBe(values.county); // a county has one list: related items are elsewhere
      expect(articles.length).toBeGreaterThan(0);
    }
  });

  it('article: the statute and the items citing the article', async () => {
    const d: any = await ours('article');
    expect(d.number).toBe(values.article);
    expect(d.statute[1]).toBe(values.statute);
    expect(d.items.totalCount).toBeGreaterThan(0);
  });

  it('search: a first page of hits; comparison: the items of that name in several places', async () => {
    const s: any = await ours('search');
    expect(s.totalCount).toBeGreaterThan(0);
    expect(s.rows.length).toBe(Math.min(20, s.totalCount));
    const c: any = await ours('comparison');
    const named = c.rows.filter((r: any[]) => r[1] === values.comparison);
    expect(new Set(named.map((r: any[]) => r[2])).size).toBeGreaterThan(1);
    for (const row of named) expect(row[5].length).toBeGreaterThan(0); // their citations
  });
});

// PostGraphile reads PostgreSQL only.
(backendUnderTest() === 'postgres' ? describe : describe.skip)('PostGraphile 5 on the same tables', () => {
  let server: http.Server;
  let release: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const { ensurePglSchema, startPostgraphile } = await import('../../bench/api/postgraphile');
    const dbUrl = (ds.options as { url: string }).url;
    await ensurePglSchema(dbUrl);
    ({ server, release } = await startPostgraphile(dbUrl, 0));
    const a = server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await release?.();
    server?.closeAllConnections(); // fetch keeps its connection alive
    await new Promise((r) => server?.close(r));
  });

  it.each(QUERIES.map((q) => q.name))('%s returns the same rows as ours', async (name) => {
    const q = QUERIES.find((x) => x.name === name)!;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(q.postgraphile(values)) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(q.digest.postgraphile(body.data)).toEqual(await ours(name));
  });
});
