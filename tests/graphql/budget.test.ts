import { graphql } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importScaled } from '../helpers/generate';
import { importSeeds } from '../../src/db/seed';
import { StatementCounter } from '../../src/db/statementCounter';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';
import { FRONTEND_QUERIES } from './frontendQueries';

/**
 * The statement budget: the most SQL statements each representative page may
 * cost, on the seeds and on ten times the lists, on either backend. A field
 * that loads per row, or a loader that stops batching, breaks it. Counts may
 * sit below the budget where DataLoader happens to merge two batches that
 * resolve in the same tick (an item's ancestors with its neighbours' places).
 */
const BUDGET: Record<string, number> = {
  // Places (the jurisdiction, its ancestors and children) come from the tree in memory; a page's rows come in
  // its own statement. Children's list counts; lists and items (each a page with its totals and rows; the
  // items' lists among the lists' rows, or read after them).
  jurisdiction: 3,
  // item; its legal basis; list; citations; statutes; articles; related items (page with totals and rows); shared articles.
  item: 8,
  // statute; article; citing places; citing items (page with totals and rows).
  article: 4,
  // items (page, count, rows); statutes (page, count, rows).
  search: 6,
  // revision check; members' items; citations; statutes; articles; variants' statutes and articles.
  comparison: 7,
};

async function costs(load: (ds: DataSource) => Promise<unknown>): Promise<Record<string, { statements: number; data: any }>> {
  const counter = new StatementCounter();
  const ds = await freshDatabase(undefined, { logger: counter });
  try {
    await load(ds);
    const out: Record<string, { statements: number; data: any }> = {};
    for (const q of FRONTEND_QUERIES) {
      const variableValues = await q.variables(ds);
      // Warm the per-process matter index, as a running server has it.
      await graphql({ schema: await buildAppSchema(), source: q.query, variableValues, contextValue: createContext(ds) });
      counter.reset();
      const r = await graphql({ schema: await buildAppSchema(), source: q.query, variableValues, contextValue: createContext(ds) });
      expect(r.errors).toBeUndefined();
      out[q.name] = { statements: counter.count, data: r.data };
    }
    return out;
  } finally {
    await ds.destroy();
  }
}

describe('statement budget of the frontend pages', () => {
  it('holds on the seeds and on ten times the lists', async () => {
    const seeds = await costs((ds) => importSeeds(ds));
    const scaled = await costs((ds) => importScaled(ds, 9));
    for (const q of FRONTEND_QUERIES) {
      for (const run of [seeds, scaled]) expect({ page: q.name, withinBudget: run[q.name].statements <= BUDGET[q.name], statements: run[q.name].statements }).toMatchObject({ page: q.name, withinBudget: true });
    }
    // The pages are not empty: each shows real rows, more of them at ten times the lists.
    expect(seeds.jurisdiction.data.jurisdiction.items.totalCount).toBeGreaterThan(0);
    expect(scaled.item.data.node.relatedItems.totalCount).toBeGreaterThan(seeds.item.data.node.relatedItems.totalCount);
    expect(scaled.article.data.article.items.totalCount).toBeGreaterThan(seeds.article.data.article.items.totalCount);
    expect(seeds.comparison.data.matters.totalCount).toBeGreaterThan(0);
    expect(scaled.search.data.searchItems.totalCount).toBe(seeds.search.data.searchItems.totalCount * 10);
  });
});
