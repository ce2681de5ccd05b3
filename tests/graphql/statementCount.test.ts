import { graphql } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importScaled } from '../helpers/generate';
import { importSeeds } from '../../src/db/seed';
import { StatementCounter } from '../../src/db/statementCounter';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';

export const NESTED_QUERY = `{
  jurisdictions(level: PROVINCE, first: 100) { edges { node { code children { code children { code
    lists(first: 100) { edges { node { id items(first: 100) { edges { node { id name citations { id textAsWritten
      article { id number items(first: 100) { totalCount edges { node { id name } } } } } } } } } } }
  } } } } }
}`;

async function measure(load: (ds: DataSource) => Promise<unknown>): Promise<{ statements: number; items: number; citingItems: number }> {
  const counter = new StatementCounter();
  const ds = await freshDatabase(undefined, { logger: counter });
  try {
    await load(ds);
    counter.reset();
    const r = await graphql({ schema: await buildAppSchema(), source: NESTED_QUERY, contextValue: createContext(ds) });
    expect(r.errors).toBeUndefined();
    let items = 0;
    let citingItems = 0;
    for (const { node: p } of (r.data as any).jurisdictions.edges)
      for (const c of p.children)
        for (const g of c.children)
          for (const { node: l } of g.lists.edges)
            for (const { node: i } of l.items.edges) {
              items++;
              for (const cit of i.citations) citingItems += cit.article?.items.totalCount ?? 0;
            }
    return { statements: counter.count, items, citingItems };
  } finally {
    await ds.destroy();
  }
}

describe('SQL statements of a nested query', () => {
  it('do not grow with the rows returned (seeds and 10× generated rows)', async () => {
    const seeds = await measure((ds) => importSeeds(ds));
    const scaled = await measure((ds) => importScaled(ds, 9));
    // The tree, read once into memory (roots, children and grandchildren come from it); the roots'
    // filtered page with its total; per level, each page with its totals and rows in one statement:
    // lists, items, citations, articles, citing items.
    expect(seeds.statements).toBe(7);
    expect(scaled.statements).toBe(seeds.statements);
    expect(seeds.items).toBeGreaterThan(0);
    expect(scaled.items).toBeGreaterThanOrEqual(seeds.items * 5);
    expect(scaled.citingItems).toBeGreaterThan(seeds.citingItems * 5);
    console.log(`nested query: seeds ${seeds.statements} statements for ${seeds.items} county items / ${seeds.citingItems} citing items; 10x ${scaled.statements} statements for ${scaled.items} / ${scaled.citingItems}`);
  });
});
