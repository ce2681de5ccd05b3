/**
 * The administrative tree held in memory, one snapshot per DataSource.
 *
 * Jurisdiction rows are reference data: every one comes from the gazetteer
 * package (synced when the database is opened, and an import only ensures
 * its place's gazetteer chain exists), so the ~3,400 rows change only when
 * this process writes them. Every page names places — a county's ancestors
 * and children, the place of each item in a list of results — and reading
 * them from memory costs no statement at all, where a batched loader still
 * cost one per level of the tree.
 */
import type { DataSource } from 'typeorm';
import { Jurisdiction } from './entities';
import { EntityReader } from './reader';

export interface JurisdictionTree {
  byCode: ReadonlyMap<string, Jurisdiction>;
  /** Direct children of each code, by code. */
  children: ReadonlyMap<string, readonly Jurisdiction[]>;
}

const trees = new WeakMap<DataSource, Promise<JurisdictionTree>>();

async function load(ds: DataSource): Promise<JurisdictionTree> {
  const reader = new EntityReader(ds, Jurisdiction);
  const rows = await reader.query(`${reader.from} ORDER BY t.code`);
  const byCode = new Map(rows.map((j) => [j.code, j]));
  const children = new Map<string, Jurisdiction[]>();
  for (const j of rows) {
    if (!j.parentCode) continue;
    const list = children.get(j.parentCode);
    if (list) list.push(j);
    else children.set(j.parentCode, [j]);
  }
  return { byCode, children };
}

/** The tree as stored, read once and kept until a write to `jurisdiction` forgets it. */
export function jurisdictionTree(ds: DataSource): Promise<JurisdictionTree> {
  let tree = trees.get(ds);
  if (!tree) {
    tree = load(ds);
    trees.set(ds, tree);
    // A failed read is not kept: the next request reads again.
    const t = tree;
    t.catch(() => trees.get(ds) === t && trees.delete(ds));
  }
  return tree;
}

/** Called by every write to the jurisdiction table. */
export function forgetJurisdictionTree(ds: DataSource): void {
  trees.delete(ds);
}

/** Every jurisdiction beneath `code`, by code. */
export function descendantsIn(tree: JurisdictionTree, code: string): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  const walk = (c: string) => {
    for (const child of tree.children.get(c) ?? []) {
      out.push(child);
      walk(child.code);
    }
  };
  walk(code);
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
