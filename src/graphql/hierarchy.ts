/**
 * Loaders for the administrative tree. The tree itself is in memory
 * (../db/tree.ts); what hangs on it — lists and items beneath a place — is
 * one statement for every node asked for (a recursive CTE where a subtree is
 * needed), so a query that walks the tree costs a number of statements set
 * by its depth, not by the number of nodes.
 */
import type { LoaderFactory } from './loaders';
import { pageNodes, pageRowsJoin, type PageNodes } from './pages';
import type { DataSource } from 'typeorm';
import { readSql, valueList } from '../db/reader';
import { descendantsIn, jurisdictionTree } from '../db/tree';
import { Item, Jurisdiction } from '../db/entities';
import { encodeCursor, pageInfo, type Page } from './connection';

/** (root, code) for each root bound to `IN (?*)` and every node beneath it. */
const SUBTREE = `WITH RECURSIVE tree(root, code) AS (
  SELECT code, code FROM jurisdiction WHERE code IN (?*)
  UNION ALL
  SELECT tree.root, j.code FROM jurisdiction j JOIN tree ON j.parent_code = tree.code
)`;

function counts(keys: readonly string[], rows: { k: string; n: number | string }[]): number[] {
  const m = new Map(rows.map((r) => [r.k, Number(r.n)]));
  return keys.map((k) => m.get(k) ?? 0);
}

export interface ItemPageKey {
  code: string;
  includeDescendants: boolean;
  first: number;
}

export function createHierarchyLoaders(ds: DataSource, itemNodes: PageNodes<Item>, loader: LoaderFactory) {
  const pg = ds.options.type === 'postgres';
  return {
    /** Every jurisdiction beneath each code, by code (from the tree in memory). */
    descendants: loader<string, Jurisdiction[]>(async (codes) => {
      const tree = await jurisdictionTree(ds);
      return codes.map((c) => descendantsIn(tree, c));
    }),
    /** Lists published by each jurisdiction itself. */
    listCount: loader<string, number>(async (codes) =>
      counts(codes, await readSql(ds, `SELECT jurisdiction_code AS k, COUNT(*) AS n FROM power_list WHERE jurisdiction_code IN (?*) GROUP BY jurisdiction_code`, [valueList(codes)]))),
    /** Lists published by each jurisdiction and every jurisdiction beneath it. */
    listCountBeneath: loader<string, number>(async (codes) =>
      counts(codes, await readSql(ds, `${SUBTREE} SELECT tree.root AS k, COUNT(*) AS n FROM tree JOIN power_list l ON l.jurisdiction_code = tree.code GROUP BY tree.root`, [valueList(codes)]))),
    /**
     * The first page of items of each jurisdiction (with or without those
     * beneath it), in the order of the root `items` connection: one windowed
     * statement for the pages and their totals, one for the rows.
     */
    firstItemPage: loader<ItemPageKey, Page<Item>, string>(
      async (keys) => {
        const out = new Map<string, Page<Item>>();
        // Keys of one shape share their statements.
        const shapes = new Map<string, ItemPageKey[]>();
        for (const k of keys) {
          const s = `${k.includeDescendants}|${k.first}`;
          (shapes.get(s) ?? shapes.set(s, []).get(s)!).push(k);
        }
        for (const group of shapes.values()) {
          const { includeDescendants, first } = group[0];
          const codes = [...new Set(group.map((k) => k.code))];
          const { columns, table } = itemNodes.reader.parts;
          if (codes.length === 1 && !includeDescendants) {
            // One place's own items: in index order, stopping at the page's end (as pages.ts does for one parent).
            const rows = await readSql<{ id: string; jurisdiction_code: string; list_id: string; position: number | string; total: number | string }>(
              ds,
              `SELECT ${columns}, (SELECT COUNT(*) FROM item c WHERE c.jurisdiction_code = ?) AS total FROM ${table} WHERE t.jurisdiction_code = ? ORDER BY t.list_id, t.position LIMIT ?`,
              [codes[0], codes[0], first + 1],
            );
            const items = pageNodes(itemNodes, rows);
            const edges = items.slice(0, first).map((node, i) => ({ node, cursor: encodeCursor([rows[i].jurisdiction_code, rows[i].list_id, Number(rows[i].position)]) }));
            out.set(`${codes[0]}|false|${first}`, { edges, totalCount: Number(rows[0]?.total ?? 0), pageInfo: pageInfo(edges, rows.length > first) });
            continue;
          }
          const cols = 'i.id AS id, i.jurisdiction_code AS jc, i.list_id AS list_id, i.position AS position';
          const head = includeDescendants
            ? `${SUBTREE}, picked AS (SELECT tree.root AS root, ${cols} ${pg ? `FROM tree JOIN item i ON i.jurisdiction_code = tree.code WHERE i.jurisdiction_code = ANY(ARRAY(SELECT code FROM tree))` : 'FROM tree CROSS JOIN item i WHERE i.jurisdiction_code = tree.code'})`
            : `WITH picked AS (SELECT i.jurisdiction_code AS root, ${cols} FROM item i WHERE i.jurisdiction_code IN (?*))`;
          // The totals come in the same pass, as in pages.ts: one scan of a province's items, not two.
          // The rows come in the same statement (one round trip), as in pages.ts. Neither planner knows how many
          // places a subtree holds: the tree goes first, then its items by index (CROSS JOIN fixes SQLite's order;
          // PostgreSQL gets the codes as an array).
          const pageRows = await readSql<{ root: string; id: string; jc: string; list_id: string; position: number | string; total: number | string }>(
            ds,
            `${head}, page AS (SELECT root, id, jc, list_id, position, total, rn FROM (SELECT picked.*, ROW_NUMBER() OVER (PARTITION BY root ORDER BY jc, list_id, position) AS rn, COUNT(*) OVER (PARTITION BY root) AS total FROM picked) ranked WHERE rn <= ?)
             SELECT ${columns}, page.root AS root, page.jc AS jc, page.total AS total ${pageRowsJoin(pg, table)} ORDER BY page.root, page.rn`,
            [valueList(codes), first + 1],
          );
          const items = pageNodes(itemNodes, pageRows);
          const byRoot = new Map<string, { node: Item; cursor: string }[]>(codes.map((c) => [c, []]));
          pageRows.forEach((r, i) => {
            const node = items[i];
            if (node) byRoot.get(r.root)!.push({ node, cursor: encodeCursor([r.jc, r.list_id, Number(r.position)]) });
          });
          const totals = counts(codes, pageRows.map((r) => ({ k: r.root, n: r.total })));
          codes.forEach((code, i) => {
            const rows = byRoot.get(code)!;
            const edges = rows.slice(0, first);
            const page = { edges, totalCount: totals[i], pageInfo: pageInfo(edges, rows.length > first) };
            out.set(`${code}|${includeDescendants}|${first}`, page);
          });
        }
        return keys.map((k) => out.get(`${k.code}|${k.includeDescendants}|${k.first}`)!);
      },
      { cacheKeyFn: (k) => `${k.code}|${k.includeDescendants}|${k.first}` },
    ),
  };
}
