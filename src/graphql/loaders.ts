import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { Article, Citation, Item, ItemLevel, Jurisdiction, PowerList, Statute } from '../db/entities';
import { createHierarchyLoaders } from './hierarchy';
import { childPageLoader } from './pages';
import { jsonValue } from '../db/bulk';
import { EntityReader, readSql, valueList } from '../db/reader';
import { jurisdictionTree } from '../db/tree';
import type { FieldValue, ImportReport } from '../domain/records';
import { matterIndex, type MatterIndex } from './matterIndex';
import type { StatuteAnalysis } from '../domain/articleText';
import { statuteAnalyses } from './statuteAnalysis';

/** Whether this request may write: no token configured (off), a wrong or missing one (denied), the right one (granted). */
export type WriteAccess = 'off' | 'denied' | 'granted';

export interface LoaderOptions {
  /**
   * false: every load is its own statement and nothing is cached, as a
   * resolver without DataLoaders would do. Only the naive baseline of the API
   * benchmark turns batching off.
   */
  batch?: boolean;
  /**
   * Asked before each batch's statements: undefined to go on, or a promise to wait for (the server's
   * OperationGate makes a heavy client's reads wait here while a far lighter client's run).
   */
  turn?: () => Promise<void> | undefined;
}

export type LoaderFactory = <K, V, C = K>(fn: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) => DataLoader<K, V, C>;

export function loaderFactory(batch: boolean, turn?: () => Promise<void> | undefined): LoaderFactory {
  return (fn, options = {}) => {
    const load: typeof fn = turn
      ? async (keys) => {
          const wait = turn();
          if (wait) await wait;
          return fn(keys);
        }
      : fn;
    return new DataLoader(load, batch ? options : { ...options, batch: false, cache: false });
  };
}

/** Groups rows by a key, keeping every requested key (empty array when none). */
function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const m = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) m.get(keyOf(r))?.push(r);
  return keys.map((k) => m.get(k)!);
}

function byKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const m = new Map<K, T>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => m.get(k) ?? null);
}

const readerCache = new WeakMap<DataSource, ReturnType<typeof makeReaders>>();

function makeReaders(ds: DataSource) {
  return {
    // Pages of items show names and types: the long texts (2 KB of fields JSON, the legal basis) load when asked.
    item: new EntityReader(ds, Item, { omit: ['fields', 'legalBasis', 'contentHash'] }),
    list: new EntityReader(ds, PowerList, { omit: ['report'] }),
    article: new EntityReader(ds, Article),
    itemLevel: new EntityReader(ds, ItemLevel),
    citation: new EntityReader(ds, Citation),
    statute: new EntityReader(ds, Statute),
  };
}

/** The entity readers of a DataSource, their SQL written once. */
export function readersOf(ds: DataSource): ReturnType<typeof makeReaders> {
  let r = readerCache.get(ds);
  if (!r) readerCache.set(ds, (r = makeReaders(ds)));
  return r;
}

/**
 * DataLoaders for one request: every field that loads related rows goes
 * through one of these, so a nested query costs one statement per level,
 * whatever the number of rows.
 */
export function createLoaders(ds: DataSource, options: LoaderOptions = {}) {
  const loader = loaderFactory(options.batch ?? true, options.turn);
  const readers = readersOf(ds);
  const byId = <T extends ObjectLiteral>(reader: EntityReader<T>, keyOf: (row: T) => string) =>
    loader<string, T | null>(async (ids) => byKey(ids, await reader.where('t.id', ids), keyOf));
  // An item without its long texts: the field resolvers load them when asked.
  const item = byId(readers.item, (i) => i.id);
  const list = byId(readers.list, (l) => l.id);
  const article = byId(readers.article, (a) => a.id);
  const itemNodes = { reader: readers.item, loader: item };
  const tree = () => jurisdictionTree(ds);
  // Citations carry their item's (jurisdiction, list, position): pages of citing items come from the index alone.
  const citedOrder = (c: string) => `${c}.item_id AS id, ${c}.jurisdiction_code AS k0, ${c}.list_id AS k1, ${c}.item_position AS k2`;
  const ITEM_KEYS = ['text', 'text', 'int'] as ('text' | 'int')[];
  const citingPage = (column: 'article_id' | 'statute_id') =>
    childPageLoader<Item>(loader, ds, { arity: 3, keyTypes: ITEM_KEYS, rows: `SELECT DISTINCT c.${column} AS parent, ${citedOrder('c')} FROM citation c WHERE c.${column} IN (?*)` }, itemNodes);
  const pages = {
    /** Lists of each jurisdiction, by department. */
    listsOfJurisdiction: childPageLoader<PowerList>(loader, ds, { arity: 2, keyTypes: ['text', 'text'], rows: `SELECT l.jurisdiction_code AS parent, l.id AS id, l.department AS k0, l.id AS k1 FROM power_list l WHERE l.jurisdiction_code IN (?*)`, single: { parent: 'jurisdiction_code', keys: ['department', 'id'] } }, { reader: readers.list, loader: list }),
    /** Items of each list, in document order. */
    itemsOfList: childPageLoader<Item>(loader, ds, { arity: 1, keyTypes: ['int'], rows: `SELECT i.list_id AS parent, i.id AS id, i.position AS k0 FROM item i WHERE i.list_id IN (?*)`, single: { parent: 'list_id', keys: ['position'] } }, itemNodes),
    /** Items citing each article, in list order. */
    itemsCitingArticle: citingPage('article_id'),
    /** Items citing each statute, in list order. */
    itemsCitingStatute: citingPage('statute_id'),
    /** Articles of each statute that are cited, by number. */
    articlesOfStatute: childPageLoader<Article>(loader, ds, { arity: 1, keyTypes: ['int'], rows: `SELECT a.statute_id AS parent, a.id AS id, a.number AS k0 FROM article a WHERE a.statute_id IN (?*)`, single: { parent: 'statute_id', keys: ['number'] } }, { reader: readers.article, loader: article }),
    /** Other items citing an article each item cites, in list order. */
    relatedItems: childPageLoader<Item>(loader, ds, {
      arity: 3,
      keyTypes: ITEM_KEYS,
      // Cross-links go to other lists: an item's neighbours in its own list are not news.
      rows: `SELECT DISTINCT mine.item_id AS parent, ${citedOrder('other')} FROM citation mine JOIN citation other ON other.article_id = mine.article_id AND other.list_id <> mine.list_id WHERE mine.item_id IN (?*)`,
    }, itemNodes),
  };
  return {
    pages,
    /**
     * The long texts of each item, kept out of `item`: its legal basis and its fields (every cell as
     * written, 2 KB of JSON). One loader for both, so a page showing either, or snippets of both, reads once.
     */
    itemTexts: loader<string, { legalBasis: string | null; fields: FieldValue[] }>(async (ids) =>
      byKey(ids, await readSql<{ id: string; legal_basis: string | null; fields: unknown }>(ds, 'SELECT id, legal_basis, fields FROM item WHERE id IN (?*)', [valueList(ids)]), (r) => r.id).map((r) => ({ legalBasis: r?.legal_basis ?? null, fields: r ? jsonValue<FieldValue[]>(r.fields) : [] }))),
    /** The import report of each list (kept out of `list`: a kilobyte each that pages of lists rarely show). */
    listReport: loader<string, ImportReport | null>(async (ids) =>
      byKey(ids, await readSql<{ id: string; report: unknown }>(ds, 'SELECT id, report FROM power_list WHERE id IN (?*)', [valueList(ids)]), (r) => r.id).map((r) => (r?.report == null ? null : jsonValue<ImportReport>(r.report)))),
    /** The articles two items both cite, keyed `item|other`. */
    sharedArticles: loader<string, string[]>(async (pairs) => {
      const mine = [...new Set(pairs.map((p) => p.split('|')[0]))];
      const others = [...new Set(pairs.map((p) => p.split('|')[1]))];
      const rows = await readSql<{ a: string; b: string; article_id: string }>(
        ds,
        `SELECT DISTINCT mine.item_id AS a, other.item_id AS b, other.article_id AS article_id FROM citation mine JOIN citation other ON other.article_id = mine.article_id WHERE mine.item_id IN (?*) AND other.item_id IN (?*) ORDER BY other.article_id`,
        [valueList(mine), valueList(others)],
      );
      return groupBy(pairs, rows, (r) => `${r.a}|${r.b}`).map((g) => g.map((r) => r.article_id));
    }),
    /** Codes of the jurisdictions whose items cite each article, sorted. */
    jurisdictionsCitingArticle: loader<string, string[]>(async (ids) => {
      const rows = await readSql<{ k: string; code: string }>(ds, `SELECT DISTINCT c.article_id AS k, c.jurisdiction_code AS code FROM citation c WHERE c.article_id IN (?*) ORDER BY code`, [valueList(ids)]);
      return groupBy(ids, rows, (r) => r.k).map((g) => g.map((r) => r.code));
    }),
    itemLevel: byId(readers.itemLevel, (l) => l.id),
    ...createHierarchyLoaders(ds, itemNodes, loader),
    // The tree is in memory: these cost no statement, batched or not.
    jurisdiction: loader<string, Jurisdiction | null>(async (codes) => {
      const t = await tree();
      return codes.map((c) => t.byCode.get(c) ?? null);
    }),
    children: loader<string, Jurisdiction[]>(async (codes) => {
      const t = await tree();
      return codes.map((c) => [...(t.children.get(c) ?? [])]);
    }),
    list,
    item,
    itemsOfJurisdiction: loader<string, Item[]>(async (codes) =>
      groupBy(codes, await readers.item.where('t.jurisdiction_code', codes, 't.jurisdiction_code, t.list_id, t.position'), (i) => i.jurisdictionCode)),
    levelsOfItem: loader<string, ItemLevel[]>(async (ids) =>
      groupBy(ids, await readers.itemLevel.where('t.item_id', ids, 't.item_id, t.position'), (l) => l.itemId)),
    citationsOfItem: loader<string, Citation[]>(async (ids) =>
      groupBy(ids, await readers.citation.where('t.item_id', ids, 't.item_id, t.position'), (c) => c.itemId)),
    citation: byId(readers.citation, (c) => c.id),
    statute: byId(readers.statute, (s) => s.id),
    article,
    statuteAnalysis: loader<string, StatuteAnalysis>((ids) => statuteAnalyses(ds, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  ds: DataSource;
  loaders: Loaders;
  /** Writes (mutations) are for holders of the write token. */
  write: WriteAccess;
  /** Called after a write that changed data (the server empties its response cache). */
  afterWrite?: () => void;
  /** The matters of the data as this request sees it (one revision check per request). */
  matters: () => Promise<MatterIndex>;
}

export function createContext(ds: DataSource, options: LoaderOptions & { write?: WriteAccess; afterWrite?: () => void } = {}): Context {
  let matters: Promise<MatterIndex> | undefined;
  return { ds, loaders: createLoaders(ds, options), write: options.write ?? 'off', afterWrite: options.afterWrite, matters: () => (matters ??= matterIndex(ds)) };
}
