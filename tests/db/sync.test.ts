import fs from 'node:fs';
import path from 'node:path';
import { graphql } from 'graphql';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { SEEDS_DIR, importSeeds, readManifest } from '../../src/db/seed';
import { deleteList, importList, type ImportResult } from '../../src/db/importer';
import { compactChanges, syncPosition } from '../../src/db/changes';
import { importMany } from '../../src/db/pipeline';
import { buildAppSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/loaders';
import { parseGlobalId } from '../../src/graphql/node';

const seedEntry = (file: string) => readManifest().find((e) => e.file === file)!;
const seedText = (file: string) => fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');

function importText(ds: DataSource, file: string, text: string): Promise<ImportResult> {
  const e = seedEntry(file);
  return importList(ds, { bytes: Buffer.from(text, 'utf8'), fileName: file, jurisdictionCode: e.jurisdictionCode, department: e.department });
}

/**
 * A TSV seed with rows edited, lines elsewhere left where they are (so no other item moves):
 * the row starting with `rename[0]` gets the name `rename[1]` (second cell); the last row is
 * replaced by a row with the same cells and the name `replaceLastWith` — one item removed, one added.
 */
function editTsv(text: string, edit: { rename?: [string, string]; replaceLastWith?: string }): string {
  const lines = text.split('\n');
  const setName = (i: number, name: string) => {
    const cells = lines[i].split('\t');
    cells[1] = name;
    lines[i] = cells.join('\t');
  };
  if (edit.rename) {
    const i = lines.findIndex((l) => l.startsWith(edit.rename![0]));
    expect(i).toBeGreaterThan(-1);
    setName(i, edit.rename[1]);
  }
  if (edit.replaceLastWith) setName(lines.length - 1 - [...lines].reverse().findIndex((l) => /^\d+\t/.test(l)), edit.replaceLastWith);
  return lines.join('\n');
}

const CHANGES = `query($after: Int!, $first: Int!, $types: [ChangeEntity!]) { revision changes(after: $after, first: $first, types: $types) {
  totalCount revision pageInfo { hasNextPage }
  edges { cursor node { revision entityType entityId operation changedAt node {
    __typename ... on Item { id name powerTypes legalBasis citations { textAsWritten } } ... on PowerList { id itemCount sha256: id } ... on Statute { id title } ... on Article { id number } } } } } }`;

interface Replica {
  revision: number;
  rows: Map<string, unknown>;
  seen: Set<number>;
}

/** A client following the feed from its last revision, page by page, keeping a copy of every object. */
async function follow(ds: DataSource, replica: Replica, first = 7): Promise<number> {
  let applied = 0;
  for (;;) {
    const r = await graphql({ schema: await buildAppSchema(), source: CHANGES, variableValues: { after: replica.revision, first }, contextValue: createContext(ds) });
    expect(r.errors).toBeUndefined();
    const c = (r.data as any).changes;
    for (const { node: ch } of c.edges) {
      expect(replica.seen.has(ch.revision)).toBe(false);
      expect(ch.revision).toBeGreaterThan(replica.revision);
      replica.seen.add(ch.revision);
      replica.revision = ch.revision;
      applied++;
      if (ch.operation === 'DELETE') {
        expect(ch.node).toBeNull();
        replica.rows.delete(ch.entityId);
      } else if (ch.node) replica.rows.set(ch.entityId, ch.node);
      // An UPSERT whose object was deleted since: its DELETE follows.
    }
    if (!c.pageInfo.hasNextPage) return applied;
  }
}

/** The server's objects as the replica holds them. */
async function serverRows(ds: DataSource): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const all = `{ lists(first: 100) { edges { node { id itemCount sha256: id items(first: 100) { edges { node { id name powerTypes legalBasis citations { textAsWritten } } } } } } }
    statutes(first: 100) { edges { node { id title articles(first: 100) { edges { node { id number } } } } } } }`;
  const r = await graphql({ schema: await buildAppSchema(), source: all, contextValue: createContext(ds) });
  expect(r.errors).toBeUndefined();
  for (const { node: l } of (r.data as any).lists.edges) {
    const { items, ...list } = l;
    out.set(l.id, { __typename: 'PowerList', ...list });
    for (const { node: it } of items.edges) out.set(it.id, { __typename: 'Item', ...it });
  }
  for (const { node: s } of (r.data as any).statutes.edges) {
    const { articles, ...statute } = s;
    out.set(s.id, { __typename: 'Statute', ...statute });
    for (const { node: a } of articles.edges) out.set(a.id, { __typename: 'Article', ...a });
  }
  return out;
}

const sorted = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('the revision feed', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await freshDatabase();
  });
  afterEach(() => ds?.destroy());

  it('starts at revision 0 and logs every object of a first import once', async () => {
    expect(await syncPosition(ds.manager)).toEqual({ revision: 0, compactedThrough: 0 });
    await importSeeds(ds);
    const [counts] = await ds.query('SELECT (SELECT COUNT(*) FROM item) AS items, (SELECT COUNT(*) FROM power_list) AS lists, (SELECT COUNT(*) FROM statute) AS statutes, (SELECT COUNT(*) FROM article) AS articles');
    const total = Number(counts.items) + Number(counts.lists) + Number(counts.statutes) + Number(counts.articles);
    const { revision } = await syncPosition(ds.manager);
    const logged = await ds.query(`SELECT entity_type, COUNT(*) AS n, COUNT(DISTINCT entity_id) AS d FROM change GROUP BY entity_type ORDER BY entity_type`);
    const [statutes] = logged.filter((r: any) => r.entity_type === 'STATUTE');
    // A statute a later list names again under another spelling changes (its aliases): logged again.
    expect(logged.map((r: any) => [r.entity_type, r.entity_type === 'STATUTE' ? Number(r.d) : Number(r.n), Number(r.d)])).toEqual([
      ['ARTICLE', Number(counts.articles), Number(counts.articles)],
      ['ITEM', Number(counts.items), Number(counts.items)],
      ['LIST', Number(counts.lists), Number(counts.lists)],
      ['STATUTE', Number(counts.statutes), Number(counts.statutes)],
    ]);
    expect(revision).toBe(total + Number(statutes.n) - Number(statutes.d));
  });

  it('three nights: a client following changes ends each night with exactly the server data, seeing no change twice', async () => {
    const replica: Replica = { revision: 0, rows: new Map(), seen: new Set() };
    const revisions: number[] = [];

    // Night 1: the seeds.
    await importSeeds(ds);
    expect(await follow(ds, replica)).toBeGreaterThan(0);
    expect(sorted(replica.rows)).toEqual(sorted(await serverRows(ds)));
    revisions.push(replica.revision);

    // Night 2: two lists change — in one an item is renamed, one removed and one added; in the other one item's basis is edited.
    const a = '001_40ae8e75de3bdc72.txt';
    const b = '002_447b1eadcf571c88.txt';
    const before = new Map((await ds.query(`SELECT id, content_hash FROM item`)).map((r: any) => [r.id, r.content_hash]));
    const ra = await importText(ds, a, editTsv(seedText(a), { rename: ['9\t对个人骗取', '对个人骗取医疗保障基金支出行为的处罚（更名）'], replaceLastWith: '新增的行政确认事项' }));
    expect(ra.unchanged).toBe(false);
    expect([ra.itemsUpserted, ra.itemsRemoved]).toEqual([2, 2]);
    const rb = await importText(ds, b, seedText(b).replace('第八十七条', '第八十六条'));
    expect([rb.itemsUpserted, rb.itemsRemoved]).toEqual([1, 0]);
    const night2 = await follow(ds, replica, 3);
    const logged = await ds.query(`SELECT entity_type, operation, COUNT(*) AS n FROM change WHERE revision > ${revisions[0]} GROUP BY entity_type, operation ORDER BY entity_type, operation`);
    const n = (type: string, op: string) => Number(logged.find((r: any) => r.entity_type === type && r.operation === op)?.n ?? 0);
    // Two lists; items: renamed (old deleted, new written), removed, added, edited; and whatever article was cited for the first time.
    expect([n('LIST', 'UPSERT'), n('ITEM', 'DELETE'), n('ITEM', 'UPSERT'), n('LIST', 'DELETE')]).toEqual([2, 2, 3, 0]);
    expect(night2).toBe(2 + 2 + 3 + n('ARTICLE', 'UPSERT') + n('STATUTE', 'UPSERT'));
    expect(sorted(replica.rows)).toEqual(sorted(await serverRows(ds)));
    // Items nobody touched kept their row: same ID, same digest, no change logged.
    const after = new Map((await ds.query(`SELECT id, content_hash FROM item`)).map((r: any) => [r.id, r.content_hash]));
    const untouched = [...before.keys()].filter((id) => after.get(id) === before.get(id));
    expect(untouched.length).toBe(before.size - 3);
    revisions.push(replica.revision);

    // Night 3: the same bytes again — nothing changes, no revision.
    for (const [file, text] of [[a, editTsv(seedText(a), { rename: ['9\t对个人骗取', '对个人骗取医疗保障基金支出行为的处罚（更名）'], replaceLastWith: '新增的行政确认事项' })], [b, seedText(b).replace('第八十七条', '第八十六条')]] as const) {
      const r = await importText(ds, file, text);
      expect(r.unchanged).toBe(true);
      expect(r.revision).toBe(revisions[1]);
    }
    expect(await follow(ds, replica)).toBe(0);
    expect(sorted(replica.rows)).toEqual(sorted(await serverRows(ds)));
    expect((await syncPosition(ds.manager)).revision).toBe(revisions[1]);
  });

  it('does not read again a document stored byte for byte under its name, place and department', async () => {
    const inputs = readManifest().map((e) => ({ bytes: fs.readFileSync(path.join(SEEDS_DIR, e.file)), fileName: e.file, jurisdictionCode: e.jurisdictionCode, department: e.department }));
    const night = async (docs: typeof inputs) => {
      const seen: { unchanged?: boolean; result?: ImportResult; error?: Error }[] = [];
      await importMany(ds, docs, { workers: 0, onResult: (i, o) => (seen[i] = o) });
      return seen;
    };
    expect((await night(inputs)).map((o) => [!!o.unchanged, o.result?.unchanged, o.error])).toEqual(inputs.map(() => [false, false, undefined]));
    const revision = (await syncPosition(ds.manager)).revision;
    // Same bytes: skipped before reading (no prepared document, no result).
    expect((await night(inputs)).map((o) => [!!o.unchanged, o.result])).toEqual(inputs.map(() => [true, undefined]));
    // Same bytes but another department given: read again (and stored as that department's list).
    const moved = [{ ...inputs[2], department: '凉州区医疗保障局（另一名称）' }];
    const [o] = await night(moved);
    expect(o.unchanged).toBeUndefined();
    expect(o.result).toBeDefined();
    // An edited document is read and written.
    const edited = [{ ...inputs[2], bytes: Buffer.from(seedText(inputs[2].fileName).replace('第八十七条', '第八十六条')) }];
    const [e] = await night(edited);
    expect([e.unchanged, e.result?.unchanged, e.result?.itemsUpserted]).toEqual([undefined, false, 1]);
    expect((await syncPosition(ds.manager)).revision).toBeGreaterThan(revision);
  });

  it('keeps item IDs across re-imports and across databases', async () => {
    await importSeeds(ds);
    const ids = (await ds.query('SELECT id FROM item ORDER BY id')).map((r: any) => r.id);
    const other = await freshDatabase('sqlite');
    try {
      await importSeeds(other);
      expect((await other.query('SELECT id FROM item ORDER BY id')).map((r: any) => r.id)).toEqual(ids);
    } finally {
      await other.destroy();
    }
    const file = '002_447b1eadcf571c88.txt';
    await importText(ds, file, seedText(file).replace('第八十七条', '第八十六条'));
    expect((await ds.query('SELECT id FROM item ORDER BY id')).map((r: any) => r.id)).toEqual(ids);
  });

  it('logs a deleted list and its items as deletions; changes filter by type', async () => {
    const [first] = await importSeeds(ds);
    const listId = first.list.id;
    const items = (await ds.query(`SELECT id FROM item WHERE list_id = '${listId}'`)).map((r: any) => r.id);
    const start = (await syncPosition(ds.manager)).revision;
    const r = await deleteList(ds, listId);
    expect(r).toEqual({ deleted: true, revision: start + items.length + 1, itemsRemoved: items.length });
    expect(await deleteList(ds, listId)).toEqual({ deleted: false, revision: start + items.length + 1, itemsRemoved: 0 });
    const q = await graphql({ schema: await buildAppSchema(), source: `query($after: Int!) { changes(after: $after, types: [LIST]) { totalCount edges { node { operation entityId node { id } } } } }`, variableValues: { after: start }, contextValue: createContext(ds) });
    expect(q.errors).toBeUndefined();
    const c = (q.data as any).changes;
    expect(c.totalCount).toBe(1);
    expect(c.edges[0].node).toMatchObject({ operation: 'DELETE', node: null });
    expect(parseGlobalId(c.edges[0].node.entityId)).toEqual({ type: 'PowerList', localId: listId });
    const logged = await ds.query(`SELECT entity_id, operation FROM change WHERE revision > ${start} AND entity_type = 'ITEM'`);
    expect(logged.map((x: any) => x.entity_id).sort()).toEqual([...items].sort());
    expect(new Set(logged.map((x: any) => x.operation))).toEqual(new Set(['DELETE']));
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM item'))[0].n)).toBe(Number((await ds.query('SELECT SUM(item_count) AS n FROM power_list'))[0].n));
  });

  it('after compaction, asking from before it is a clear error telling the client to take a snapshot', async () => {
    await importSeeds(ds);
    const { revision } = await syncPosition(ds.manager);
    const r = await compactChanges(ds, new Date(Date.now() + 60_000));
    // The last entry stays, so the high-water mark stays readable.
    expect(r.compactedThrough).toBe(revision - 1);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM change'))[0].n)).toBe(1);
    const ask = async (after: number) => graphql({ schema: await buildAppSchema(), source: `query($after: Int!) { changes(after: $after) { totalCount } }`, variableValues: { after }, contextValue: createContext(ds) });
    const old = await ask(0);
    expect(old.errors?.[0].extensions).toMatchObject({ code: 'SNAPSHOT_REQUIRED', after: 0, compactedThrough: revision - 1, revision });
    expect(old.errors?.[0].message).toMatch(/snapshot/);
    expect((await ask(revision - 1)).data).toEqual({ changes: { totalCount: 1 } });
    expect((await ask(revision)).data).toEqual({ changes: { totalCount: 0 } });
    // Nothing older than the retention: nothing removed.
    expect(await compactChanges(ds, new Date(0))).toEqual({ removed: 0, compactedThrough: revision - 1 });
  });

  it('serialises concurrent imports of the same list: both land, in order, and the log agrees', async () => {
    await importSeeds(ds);
    const file = '002_447b1eadcf571c88.txt';
    const start = (await syncPosition(ds.manager)).revision;
    const [x, y] = await Promise.all([
      importText(ds, file, seedText(file).replace('第八十七条', '第八十六条')),
      importText(ds, file, seedText(file).replace('第八十七条', '第八十五条')),
    ]);
    expect(x.unchanged || y.unchanged).toBe(false);
    expect(y.revision).toBeGreaterThan(x.revision);
    expect(x.revision).toBeGreaterThan(start);
    // The later import is what is stored.
    const [stored] = await ds.query(`SELECT legal_basis FROM item WHERE list_id = '${x.list.id}' AND position = 0`);
    expect(stored.legal_basis).toContain('第八十五条');
    const revs = (await ds.query(`SELECT revision FROM change WHERE revision > ${start} ORDER BY revision`)).map((r: any) => Number(r.revision));
    expect(revs).toEqual(Array.from({ length: y.revision - start }, (_, i) => start + 1 + i));
  });
});

describe('the change-log migration', () => {
  it('enters what is already stored into the log once, referents first', async () => {
    const ds = await freshDatabase();
    try {
      await importSeeds(ds);
      await ds.undoLastMigration();
      await ds.runMigrations();
      const rows = await ds.query('SELECT revision, entity_type FROM change ORDER BY revision');
      const order = ['STATUTE', 'ARTICLE', 'LIST', 'ITEM'];
      const kinds = rows.map((r: any) => order.indexOf(r.entity_type));
      expect(kinds).toEqual([...kinds].sort((p: number, q: number) => p - q));
      expect(rows.map((r: any) => Number(r.revision))).toEqual(rows.map((_: unknown, i: number) => i + 1));
      const [n] = await ds.query('SELECT (SELECT COUNT(*) FROM item) + (SELECT COUNT(*) FROM power_list) + (SELECT COUNT(*) FROM statute) + (SELECT COUNT(*) FROM article) AS n');
      expect(rows.length).toBe(Number(n.n));
      expect((await syncPosition(ds.manager)).revision).toBe(rows.length);
    } finally {
      await ds.destroy();
    }
  });
});
