/**
 * Loaders for the administrative tree. Each answers every node asked for in
 * one statement (a recursive CTE where a subtree is needed), so a query that
 * walks the tree costs a number of statements set by its depth, not by the
 * number of nodes.
 */
import type { LoaderFactory } from './loaders';
import type { DataSource } from 'typeorm';
import { marks, sql } from '../db/bulk';
import { Item, Jurisdiction } from '../db/entities';
import type { LevelKind } from '../domain/levels';
import { encodeCursor, pageInfo, type Page } from './connection';

interface JurisdictionRow {
  root: string;
  code: string;
  name: string;
  short_name: string | null;
  level: LevelKind;
  parent_code: string | null;
}

function toJurisdiction(r: JurisdictionRow): Jurisdiction {
  return Object.assign(new Jurisdiction(), { code: r.code, name: r.name, shortName: r.short_name, level: r.level, parentCode: r.parent_code });
}

/** (root, code) for every node strictly beneath each root; `self` adds the root itself. */
const subtree = (n: number, self: boolean): string => `WITH RECURSIVE tree(root, code) AS (
  SELECT ${self ? 'code' : 'parent_code'}, code FROM jurisdiction WHERE ${self ? 'code' : 'parent_code'} IN (${marks(n)})
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

export function createHierarchyLoaders(ds: DataSource, loadItems: (ids: string[]) => Promise<(Item | null)[]>, loader: LoaderFactory) {
  const em = ds.manager;
  return {
    /** Every jurisdiction beneath each code, by code. */
    descendants: loader<string, Jurisdiction[]>(async (codes) => {
      const rows = await sql<JurisdictionRow>(
        em,
        `${subtree(codes.length, false)} SELECT tree.root AS root, j.code, j.name, j.short_name, j.level, j.parent_code FROM tree JOIN jurisdiction j ON j.code = tree.code ORDER BY tree.root, j.code`,
        [...codes],
      );
      const m = new Map<string, Jurisdiction[]>(codes.map((c) => [c, []]));
      for (const r of rows) m.get(r.root)?.push(toJurisdiction(r));
      return codes.map((c) => m.get(c)!);
    }),
    /** Lists published by each jurisdiction itself. */
    listCount: loader<string, number>(async (codes) =>
      counts(codes, await sql(em, `SELECT jurisdiction_code AS k, COUNT(*) AS n FROM power_list WHERE jurisdiction_code IN (${marks(codes.length)}) GROUP BY jurisdiction_code`, [...codes]))),
    /** Lists published by each jurisdiction and every jurisdiction beneath it. */
    listCountBeneath: loader<string, number>(async (codes) =>
      counts(codes, await sql(em, `${subtree(codes.length, true)} SELECT tree.root AS k, COUNT(*) AS n FROM tree JOIN power_list l ON l.jurisdiction_code = tree.code GROUP BY tree.root`, [...codes]))),
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
          const cols = 'i.id AS id, i.jurisdiction_code AS jc, i.list_id AS list_id, i.position AS position';
          const head = includeDescendants
            ? `${subtree(codes.length, true)}, picked AS (SELECT tree.root AS root, ${cols} FROM tree JOIN item i ON i.jurisdiction_code = tree.code)`
            : `WITH picked AS (SELECT i.jurisdiction_code AS root, ${cols} FROM item i WHERE i.jurisdiction_code IN (${marks(codes.length)}))`;
          // The totals come in the same pass, as in pages.ts: one scan of a province's items, not two.
          const pageRows = await sql<{ root: string; id: string; jc: string; list_id: string; position: number | string; total: number | string }>(
            em,
            `${head} SELECT root, id, jc, list_id, position, total FROM (SELECT picked.*, ROW_NUMBER() OVER (PARTITION BY root ORDER BY jc, list_id, position) AS rn, COUNT(*) OVER (PARTITION BY root) AS total FROM picked) ranked WHERE rn <= ? ORDER BY root, rn`,
            [...codes, first + 1],
          );
          const items = pageRows.length ? await loadItems(pageRows.map((r) => r.id)) : [];
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
